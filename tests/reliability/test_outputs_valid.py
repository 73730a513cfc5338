"""Every test run checks the bundled pack against the OOXML schemas, built as a user builds it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .conftest import CliRun, deck_text, draft_text


def test_bundled_pack_is_schema_valid(tmp_path: Path, cli: Callable[..., CliRun], validate: Callable[..., str]) -> None:
    out = tmp_path / "out"
    run = cli("build", "-o", out)
    assert run.code == 0, run.err
    deck, draft = (Path(line) for line in run.out.split())
    assert deck.suffix == ".pptx" and draft.suffix == ".docx"
    report = validate(deck, draft)
    assert "0 violations" in report
    assert deck_text(deck).strip() and draft_text(draft).strip()
    assert sorted(p.name for p in out.iterdir()) == sorted([deck.name, draft.name])  # no temporary files
