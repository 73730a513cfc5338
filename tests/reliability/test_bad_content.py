"""Every case of the bad-content corpus: refused through the CLI with a message, nothing touched.

``neslis build`` must exit 2 and ``neslis check`` exit 1, both with a message naming the
file and the field (or line) and saying what is wrong, never a traceback; no output may be
written and no file of the project may change.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from .conftest import CliRun, fingerprint
from .corpus import CASES, Case

REPO = Path(__file__).resolve().parents[2]


def _assert_names(err: str, folder: Path, case: Case) -> None:
    assert "Traceback" not in err
    assert str(folder / case.file) in err, err[:2000]
    assert case.where in err, err[:2000]
    assert case.fragment in err, err[:2000]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_bad_content_is_refused_cleanly(
    case: Case, base_dir: Path, tmp_path: Path, cli: Callable[..., CliRun], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    case.mutate(base_dir)
    before = fingerprint(base_dir)
    out = tmp_path / "out"

    built = cli("build", base_dir, "-o", out)
    assert built.code == 2, built.err
    _assert_names(built.err, base_dir, case)
    assert not out.exists() or not any(out.iterdir())
    assert fingerprint(base_dir) == before

    checked = cli("check", base_dir)
    assert checked.code == 1, checked.err
    _assert_names(checked.err, base_dir, case)
    assert fingerprint(base_dir) == before
    # Hostile content never acts outside its folder.
    assert not (tmp_path / "neslis-pwned.txt").exists()
    assert "SECRET-FROM-OUTSIDE" not in built.err + checked.err
    if (tmp_path / "outside.txt").exists() or case.id == "journal-deletes-outside":
        assert (tmp_path / "outside.txt").read_text("utf-8") == "must survive"
    assert not (base_dir / "sections" / "stolen.yaml").exists()


def test_corpus_is_large_and_unique() -> None:
    ids = [c.id for c in CASES]
    assert len(ids) >= 40
    assert len(set(ids)) == len(ids)


@pytest.mark.parametrize("case_id", ["yaml-duplicate-key", "control-escape", "orgchart-cycle"])
def test_bad_content_through_a_real_process(case_id: str, base_dir: Path, tmp_path: Path) -> None:
    """The installed entry point behaves as the in-process CLI: exit 2, no traceback."""
    case = next(c for c in CASES if c.id == case_id)
    case.mutate(base_dir)
    env = dict(os.environ, PYTHONPATH=str(REPO))
    proc = subprocess.run(
        [sys.executable, "-m", "neslis_desktop", "build", str(base_dir), "-o", str(tmp_path / "out")],
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=tmp_path,
    )
    assert proc.returncode == 2, proc.stderr
    _assert_names(proc.stderr, base_dir, case)
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("text", ["lone \ud800 high", "lone \udfff low", "nul \x00", "escape \x1b", "\ufffe"])
def test_text_typed_in_the_editor_is_checked_too(text: str) -> None:
    """YAML cannot carry a lone surrogate, but pasted text can: the model refuses it by field."""
    from pydantic import ValidationError

    from neslis_desktop.model import Section

    section = Section(id="intro", title="Intro")
    with pytest.raises(ValidationError, match="control character U\\+"):
        section.title = text
    with pytest.raises(ValidationError, match="title"):
        Section(id="intro", title=text)
