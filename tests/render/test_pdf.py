"""``neslis build --pdf``: tagged PDFs of the deck and the draft, read back with pypdf.

pypdf (pure Python, no compiled parts, so it installs anywhere the tests run) reads the
catalogue, the outline, the document information and the XMP metadata, which is all these
checks need; pikepdf would add a C++ library (qpdf) for no gain here.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

import docx
import pytest
from pptx import Presentation
from pypdf import PdfReader

from neslis_desktop.cli import main
from neslis_desktop.render.pdf import INSTALL_HINT, export_filter, find_soffice

TITLE = "North East Local Industrial Strategy"


def _outline_titles(reader: PdfReader) -> list[str]:
    return [item.title for item in reader.outline if not isinstance(item, list)]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pdf")
    assert main(["build", "-o", str(out), "--pdf", "-q"]) == 0
    return out


@pytest.mark.slow
@pytest.mark.parametrize("stem", ["north-east-lis-deck", "north-east-lis-draft"])
def test_pdf_is_tagged_with_title_and_language(built: Path, stem: str) -> None:
    reader = PdfReader(built / f"{stem}.pdf")
    root = reader.trailer["/Root"]
    tree = root["/StructTreeRoot"].get_object()
    assert tree["/K"], "the structure tree has content"
    assert bool(root["/MarkInfo"]["/Marked"])
    assert root["/Lang"] == "en-GB"
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    assert reader.metadata.title == TITLE
    xmp = reader.xmp_metadata
    assert xmp is not None and xmp.dc_title["x-default"] == TITLE
    raw = root["/Metadata"].get_object().get_data().decode("utf-8")
    assert "<pdfuaid:part>1</pdfuaid:part>" in raw.replace("\n", "").replace(" ", "")


@pytest.mark.slow
def test_draft_bookmarks_are_its_headings(built: Path) -> None:
    headings = [
        p.text
        for p in docx.Document(str(built / "north-east-lis-draft.docx")).paragraphs
        if p.style is not None and p.style.name == "Heading 1"
    ]
    reader = PdfReader(built / "north-east-lis-draft.pdf")
    titles = [t.split(" ", 1)[1] if t.split(" ", 1)[0].isdigit() else t for t in _outline_titles(reader)]
    assert headings and titles == headings
    nested = [item for item in reader.outline if isinstance(item, list)]
    assert nested, "second-level headings are nested under their sections"


@pytest.mark.slow
def test_deck_bookmarks_are_its_slide_titles(built: Path) -> None:
    prs = Presentation(str(built / "north-east-lis-deck.pptx"))
    titles = [s.shapes.title.text_frame.text for s in prs.slides]
    reader = PdfReader(built / "north-east-lis-deck.pdf")
    bookmarks = _outline_titles(reader)
    assert len(reader.pages) == len(titles) == len(bookmarks)
    for bookmark, title in zip(bookmarks, titles, strict=True):
        # LibreOffice names a slide after its title but cuts the name at 63 characters (adding
        # " (2)" when two cut names meet), and the bookmark is that name.
        cut = re.sub(r" \(\d+\)$", "", bookmark)
        assert bookmark == title or (title.startswith(cut) and 60 <= len(cut) <= 63), (bookmark, title)


def test_without_libreoffice_the_build_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("NESLIS_SOFFICE", str(tmp_path / "no-such-soffice"))
    assert main(["build", "-o", str(tmp_path), "--pdf"]) == 0
    out, err = capsys.readouterr()
    assert INSTALL_HINT in err and "libreoffice.org" in INSTALL_HINT
    assert (tmp_path / "north-east-lis-deck.pptx").exists() and (tmp_path / "north-east-lis-draft.docx").exists()
    assert not list(tmp_path.glob("*.pdf")) and ".pdf" not in out


@pytest.mark.skipif(os.name == "nt", reason="the stand-in LibreOffice is a shell script")
def test_a_failed_conversion_keeps_the_old_pdf(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    failing = tmp_path / "soffice"
    failing.write_text("#!/bin/sh\necho 'Error: source file could not be loaded' >&2\nexit 1\n")
    failing.chmod(failing.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("NESLIS_SOFFICE", str(failing))
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    old = out_dir / "north-east-lis-deck.pdf"
    old.write_bytes(b"%PDF-1.7 the previous deck")
    assert main(["build", "-o", str(out_dir), "--pdf", "--only", "deck"]) == 0
    err = capsys.readouterr().err
    assert "LibreOffice did not write north-east-lis-deck.pdf (Error: source file could not be loaded)" in err
    assert old.read_bytes() == b"%PDF-1.7 the previous deck"
    assert sorted(p.name for p in out_dir.iterdir()) == ["north-east-lis-deck.pdf", "north-east-lis-deck.pptx"]


def test_libreoffice_is_found_in_program_files_on_windows(tmp_path: Path) -> None:
    exe = tmp_path / "Program Files" / "LibreOffice" / "program" / "soffice.exe"
    exe.parent.mkdir(parents=True)
    exe.write_bytes(b"")
    env = {"PATH": "", "ProgramFiles": str(tmp_path / "Program Files")}
    assert find_soffice(env, windows=True) == exe
    assert find_soffice({"PATH": "", "ProgramFiles": str(tmp_path / "elsewhere")}, windows=True) is None or (
        Path(r"C:\Program Files\LibreOffice\program\soffice.exe").is_file()
    )


def test_export_filter_asks_for_tags_and_pdf_ua() -> None:
    arg = export_filter(".pptx")
    assert arg.startswith("pdf:impress_pdf_Export:{")
    assert '"UseTaggedPDF":{"type":"boolean","value":"true"}' in arg
    assert '"PDFUACompliance":{"type":"boolean","value":"true"}' in arg
    assert export_filter(".docx").startswith("pdf:writer_pdf_Export:")
