"""``neslis a11y`` and the check after ``neslis build``, driven through the command line."""

from __future__ import annotations

import json
from pathlib import Path

import a11y_files as f
import pytest

from neslis_desktop.cli import main


def test_clean_file_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = f.save(f.deck_small_text(True), tmp_path / "clean.pptx")
    assert main(["a11y", str(path)]) == 0
    assert capsys.readouterr().out.strip() == f"{path}: no accessibility problems found"


def test_findings_exit_1_with_location_and_fix(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    deck = f.save(f.deck_no_title(False), tmp_path / "untitled.pptx")
    doc = f.save(f.doc_heading_skip(False), tmp_path / "skip.docx")
    assert main(["a11y", str(deck), str(doc)]) == 1
    out = capsys.readouterr().out
    assert "slide 1: the slide has no title. Fix: " in out
    assert "paragraph 3 (under 'Plan'): heading 'Detail' is level 3 after level 1. Fix: use Heading 2" in out


@pytest.mark.parametrize(
    ("name", "content", "says"),
    [
        ("notes.txt", b"hello", "not a PowerPoint (.pptx) or Word (.docx) file"),
        ("broken.pptx", b"PK\x03\x04 not really a zip", "damaged or not an Office file"),
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "save it as .pptx or .docx"),
        ("old.pptx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "password-protected or in the old binary"),
    ],
)
def test_unreadable_file_exits_2_naming_it(
    name: str, content: bytes, says: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / name
    bad.write_bytes(content)
    good = f.save(f.deck_no_title(False), tmp_path / "untitled.pptx")
    assert main(["a11y", str(bad), str(good)]) == 2
    out, err = capsys.readouterr()
    assert str(bad) in err and says in err and "Traceback" not in err
    assert "slide 1: the slide has no title" in out  # the readable file is still reported


def test_a_docx_named_pptx_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    wrong = f.save(f.document(), tmp_path / "document.docx").rename(tmp_path / "document.pptx")
    assert main(["a11y", str(wrong)]) == 2
    assert "not a PowerPoint presentation that can be opened" in capsys.readouterr().err


def test_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = f.save(f.deck_contrast("777777"), tmp_path / "grey.pptx")
    missing = tmp_path / "missing.docx"
    assert main(["a11y", "--json", str(path), str(missing)]) == 2
    data = json.loads(capsys.readouterr().out)
    [report] = data["files"]
    assert report["file"] == str(path) and report["kind"] == "deck" and report["clean"] is False
    [finding] = report["findings"]
    assert finding["rule"] == "contrast" and finding["slide"] == 1 and finding["name"] == "Text contrast below WCAG AA"
    assert finding["fix"]
    [error] = data["errors"]
    assert error["file"] == str(missing) and "could not be read" in error["message"]


def test_min_size_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = f.save(f.deck_small_text(True), tmp_path / "fourteen.pptx")
    assert main(["a11y", "--min-size", "18", str(path)]) == 1
    assert "14 pt, below 18 pt" in capsys.readouterr().out


def test_build_reports_the_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", "-o", str(tmp_path)]) == 0
    out, err = capsys.readouterr()
    assert out.split() == [str(tmp_path / "north-east-lis-deck.pptx"), str(tmp_path / "north-east-lis-draft.docx")]
    # The bundled project through the bundled templates is clean (test_our_outputs says why).
    assert "accessibility: no problems found in north-east-lis-deck.pptx and north-east-lis-draft.docx" in err
    # Through python-docx's default template, whose Normal is 11 pt, the draft has text to fix.
    import docx

    default = tmp_path / "default.docx"
    docx.Document().save(str(default))
    assert main(["build", "-o", str(tmp_path / "d"), "--only", "doc", "--doc-template", str(default)]) == 0
    err = capsys.readouterr().err
    assert "accessibility: north-east-lis-draft.docx: " in err and "to fix" in err
    assert "body text is 11 pt, below 12 pt" in err


def test_a_clean_build_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str], project_dir: Path) -> None:
    # A one-section project of a paragraph only: the bundled template's text is then all large enough.
    sections = project_dir / "sections"
    keep = "productivity"
    text = (project_dir / "project.yaml").read_text("utf-8")
    head = text.split("sections:")[0]
    (project_dir / "project.yaml").write_text(head + f"sections:\n- {keep}\n", "utf-8")
    (sections / f"{keep}.yaml").write_text(
        "title: What is productivity?\nblocks:\n- kind: paragraph\n  text: Output per hour worked.\n", "utf-8"
    )
    for other in sections.glob("*.yaml"):
        if other.stem != keep:
            other.unlink()
    assert main(["build", str(project_dir), "-o", str(tmp_path), "--only", "deck"]) == 0
    err = capsys.readouterr().err
    assert "accessibility: no problems found in north-east-lis-deck.pptx" in err


def test_templates_and_slide_shows_are_checked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from neslis_desktop.render.package import relabel_main_part

    main_type = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
    deck = f.save(f.deck_no_title(False), tmp_path / "deck.pptx").read_bytes()
    for suffix, kind in ((".potx", "template"), (".ppsx", "slideshow")):
        other = tmp_path / f"as{suffix}"
        other.write_bytes(relabel_main_part(deck, [main_type], main_type.replace("presentation.main", f"{kind}.main")))
        assert main(["a11y", str(other)]) == 1
        assert "slide 1: the slide has no title" in capsys.readouterr().out
