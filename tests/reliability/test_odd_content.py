"""Valid but unusual content: it loads, and where it is text, it builds into valid files.

A BOM, Windows line ends and a project saved by the first format version all load as the
same project. Emoji, right-to-left scripts and combining marks are text like any other: the
deck and the draft are built, pass the OOXML schema check, reopen, and show the text.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from neslis_desktop.store import PROJECT_FILE, SECTIONS_DIR, load_project
from neslis_desktop.store.yamlio import dump

from .conftest import CliRun, deck_text, draft_text, fingerprint
from .corpus import project_data, write_project


def _all_files(folder: Path) -> list[Path]:
    return [folder / PROJECT_FILE, *sorted((folder / SECTIONS_DIR).glob("*.yaml"))]


def test_bom_loads_as_the_same_project(base_dir: Path) -> None:
    before = load_project(base_dir)
    for path in _all_files(base_dir):
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert load_project(base_dir).model_dump() == before.model_dump()


def test_crlf_loads_as_the_same_project(base_dir: Path) -> None:
    before = load_project(base_dir)
    for path in _all_files(base_dir):
        path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    assert load_project(base_dir).model_dump() == before.model_dump()


def test_format_1_is_migrated_on_load(base_dir: Path, cli: Callable[..., CliRun]) -> None:
    """Format 1 named block kinds with ``type:`` and wrote the status in lower case."""
    before = load_project(base_dir)
    data = project_data(base_dir)
    data["schema_version"] = 1
    data["status"] = str(data.get("status", "Draft")).lower()
    write_project(base_dir, data)
    for path in sorted((base_dir / SECTIONS_DIR).glob("*.yaml")):
        section = yaml.safe_load(path.read_text("utf-8"))
        for block in section.get("blocks", []):
            block["type"] = block.pop("kind")
        path.write_text(dump(section), "utf-8")
    assert "type: " in (base_dir / SECTIONS_DIR / f"{data['sections'][0]}.yaml").read_text("utf-8")
    assert load_project(base_dir).model_dump() == before.model_dump()
    assert cli("check", base_dir).code == 0


def test_empty_project_loads_but_does_not_build(base_dir: Path, tmp_path: Path, cli: Callable[..., CliRun]) -> None:
    data = project_data(base_dir)
    data["sections"] = []
    data.pop("packs", None)  # packs naming the sections would be reported by check (tests/test_cli_packs.py)
    write_project(base_dir, data)
    before = fingerprint(base_dir)
    assert load_project(base_dir).sections == []
    checked = cli("check", base_dir)  # check fails as build does (issue 11)
    assert checked.code == 1
    assert "field 'sections': the project has no sections, so there is nothing to build" in checked.err
    built = cli("build", base_dir, "-o", tmp_path / "out")
    assert built.code == 2
    assert "no sections" in built.err and "Traceback" not in built.err
    assert not (tmp_path / "out").exists()
    assert fingerprint(base_dir) == before


ODD_TEXT = {
    "emoji": "Growth 🚀 for all 👩🏽‍🔬 and 🇬🇧 flags",
    "rtl-arabic": "الاستراتيجية الصناعية المحلية",
    "rtl-hebrew": "אסטרטגיה תעשייתית מקומית",
    "combining": "Cafe\u0301 Zo\u0308e n\u0303 a\u030a\u0323",
}


@pytest.mark.parametrize("kind", sorted(ODD_TEXT))
def test_odd_text_builds_valid_files(
    kind: str, base_dir: Path, tmp_path: Path, cli: Callable[..., CliRun], validate: Callable[..., str]
) -> None:
    text = ODD_TEXT[kind]
    data = project_data(base_dir)
    data["title"] = text
    data["sections"] = [*data["sections"], "odd"]
    write_project(base_dir, data)
    section = {
        "title": text,
        "blocks": [
            {"kind": "paragraph", "text": f"{text} — **{text}** *{text}*"},
            {"kind": "bullets", "items": [text, {"text": text, "items": [text]}]},
            {"kind": "questions", "questions": [f"{text}?"]},
        ],
    }
    (base_dir / SECTIONS_DIR / "odd.yaml").write_text(dump(section), "utf-8")
    out = tmp_path / "out"
    built = cli("build", base_dir, "-o", out)
    assert built.code == 0, built.err
    deck, draft = sorted(out.glob("*.pptx")), sorted(out.glob("*.docx"))
    assert len(deck) == 1 and len(draft) == 1
    validate(deck[0], draft[0])
    assert text in deck_text(deck[0])
    assert text in draft_text(draft[0])


def test_longest_metadata_builds(
    base_dir: Path, tmp_path: Path, cli: Callable[..., CliRun], validate: Callable[..., str]
) -> None:
    """Titles may hold 300 characters; Office's document properties 255 (found by fuzzing, now cut)."""
    from docx import Document
    from pptx import Presentation

    data = project_data(base_dir)
    data.update(title="T" * 300, subtitle="S" * 300, organisation="O" * 300, event="E" * 300, audience="A" * 300)
    write_project(base_dir, data)
    out = tmp_path / "out"
    run = cli("build", base_dir, "-o", out)
    assert run.code == 0, run.err
    deck, draft = next(out.glob("*.pptx")), next(out.glob("*.docx"))
    validate(deck, draft)
    for core in (Presentation(str(deck)).core_properties, Document(str(draft)).core_properties):
        assert core.title.startswith("TTT") and len(core.title) <= 255
        assert len(core.author) <= 255 and len(core.subject) <= 255 and len(core.keywords or "") <= 255
    assert "T" * 300 in draft_text(draft)
