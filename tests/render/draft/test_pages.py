"""Header, footer and page numbers: added where a template has none, a template's own left alone."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

from docx.oxml.ns import qn
from docx.shared import Twips
from draftfixtures import sample_project
from draftread import open_docx

from neslis_desktop.render.draft import write_draft
from neslis_desktop.resources import bundled_doc_template


def _instructions(paragraph: object) -> list[str]:
    return [t.text.strip() for t in paragraph._p.iter(qn("w:instrText"))]  # type: ignore[attr-defined]


def test_a_template_without_header_or_footer_gets_both(
    pandoc_reference: Callable[[str], Path], tmp_path: Path, validate: Callable[..., str]
) -> None:
    target = tmp_path / "pandoc.docx"
    messages = write_draft(sample_project(), target, pandoc_reference("docx"))
    assert (
        "Template reference.docx has no header or footer; added a header with the title and a footer with "
        "the status, version and page number (not on the cover)."
    ) in messages
    validate(target)
    doc = open_docx(target)
    section = doc.sections[-1]
    assert [p.text for p in section.header.paragraphs] == ["Sample Strategy"]
    footer = section.footer.paragraphs
    assert len(footer) == 1
    assert footer[0].text == "Draft 0.3 \u2014 Sample Strategy\tPage 1 of 1"  # field values until laid out
    assert _instructions(footer[0]) == ["PAGE", "NUMPAGES"]
    assert footer[0].style.name.lower() == "footer" and section.header.paragraphs[0].style.name.lower() == "header"
    # The right tab sits at the text's edge, and the style's own stops are cleared.
    tabs = footer[0]._p.pPr.find(qn("w:tabs"))
    stops = [(t.get(qn("w:val")), int(t.get(qn("w:pos")))) for t in tabs]
    assert stops[-1] == ("right", 11906 - 2 * 1440)  # the A4 text width
    # Pandoc's section sets no page size, which Word and LibreOffice would each choose differently.
    assert "Template reference.docx sets no page size; used A4 with 2.54 cm margins, as in the bundled template." in (
        messages
    )
    assert (section.page_width, section.page_height, section.left_margin) == (Twips(11906), Twips(16838), Twips(1440))
    # The generated cover is the first page: no header or footer there.
    assert section.different_first_page_header_footer
    assert [p.text for p in section.first_page_header.paragraphs] == [""]
    assert [p.text for p in section.first_page_footer.paragraphs] == [""]
    assert not section.first_page_header.is_linked_to_previous


def test_a_template_with_its_own_header_and_footer_is_left_alone(tmp_path: Path) -> None:
    target = tmp_path / "own.docx"
    messages = write_draft(sample_project(), target)
    assert not any("header" in m or "footer" in m or "page size" in m for m in messages)
    doc = open_docx(target)
    assert [p.text for p in doc.sections[-1].header.paragraphs] == ["Sample Strategy\tDraft"]
    with zipfile.ZipFile(target) as package:
        assert sorted(n for n in package.namelist() if n.startswith(("word/header", "word/footer"))) == [
            "word/footer1.xml",
            "word/header1.xml",
        ]


def test_a_template_with_a_header_only_gets_a_footer_only(tmp_path: Path, validate: Callable[..., str]) -> None:
    template = tmp_path / "header-only.docx"
    with zipfile.ZipFile(bundled_doc_template()) as src, zipfile.ZipFile(template, "w") as dst:
        for info in src.infolist():
            blob = src.read(info.filename)
            if info.filename == "word/document.xml":
                start = blob.index(b"<w:footerReference")
                blob = blob[:start] + blob[blob.index(b"/>", start) + 2 :]
            dst.writestr(info, blob)
    target = tmp_path / "d.docx"
    messages = write_draft(sample_project(), target, template)
    assert (
        "Template header-only.docx has no footer; added a footer with the status, version and page number."
    ) in messages
    validate(target)
    doc = open_docx(target)
    last = doc.sections[-1]
    assert [p.text for p in last.header.paragraphs] == ["Sample Strategy\tDraft"]  # the template's own
    assert last.footer.paragraphs[0].text.startswith("Draft 0.3 \u2014 Sample Strategy\tPage ")
    assert not last.different_first_page_header_footer  # the cover is a section of its own
    assert doc.sections[0].footer.is_linked_to_previous  # and keeps no footer
