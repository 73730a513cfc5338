"""Drafts in other templates: Pandoc's reference.docx, a .dotx, one with split {{fields}}, bad files."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from draftfixtures import sample_project
from draftread import all_text, headings, open_docx, paragraphs_after, toc_paragraphs

from neslis_desktop.errors import TemplateError
from neslis_desktop.render.draft import write_draft
from neslis_desktop.resources import bundled_doc_template


def test_pandoc_reference_gets_missing_styles_added_and_reported(
    pandoc_reference: Callable[[str], Path], tmp_path: Path, validate: Callable[..., str]
) -> None:
    reference = pandoc_reference("docx")
    target = tmp_path / "pandoc-draft.docx"
    messages = write_draft(sample_project(), target, reference)
    assert "Template reference.docx lacks style 'List Bullet 2'; added from the bundled template." in messages
    assert "Template reference.docx lacks style 'Draft Table'; added from the bundled template." in messages
    assert not any("'Heading 1'" in m or "'Title'" in m for m in messages)
    assert any("unnumbered headings" in m for m in messages)
    validate(target)
    doc = open_docx(target)
    assert doc.paragraphs[0].style.name == "Title" and doc.paragraphs[0].text == "Sample Strategy"
    assert headings(doc)[0] == (1, "Introduction")
    heading1 = next(s for s in doc.styles if s.name.lower() == "heading 1")  # Pandoc capitalises the name
    assert heading1.element.pPr.numPr is not None
    assert toc_paragraphs(doc)[0].text == "1\tIntroduction"
    bullets = [p.style.name for p in paragraphs_after(doc, "Introduction") if p.text in ("First point", "Nested")]
    assert bullets == ["List Bullet", "List Bullet 2"]
    assert doc.styles["List Bullet 2"].element.pPr.numPr is not None


def test_dotx_template_is_opened_as_a_document(tmp_path: Path, validate: Callable[..., str]) -> None:
    dotx = tmp_path / "corporate.dotx"
    with zipfile.ZipFile(bundled_doc_template()) as src, zipfile.ZipFile(dotx, "w") as dst:
        for info in src.infolist():
            blob = src.read(info.filename)
            if info.filename == "[Content_Types].xml":
                blob = blob.replace(b"document.main+xml", b"template.main+xml")
            dst.writestr(info, blob)
    with pytest.raises(ValueError):
        docx.Document(str(dotx))  # what the generator works around
    target = tmp_path / "from-dotx.docx"
    assert write_draft(sample_project(), target, dotx) == []
    validate(target)
    doc = open_docx(target)
    assert doc.paragraphs[0].text == "Sample Strategy"
    assert b"document.main+xml" in zipfile.ZipFile(target).read("[Content_Types].xml")


def _split_run(paragraph: docx.text.paragraph.Paragraph, *pieces: str, bold_first: bool = False) -> None:
    for i, piece in enumerate(pieces):
        run = paragraph.add_run(piece)
        if i == 0 and bold_first:
            run.bold = True


def _fields_template(path: Path) -> None:
    doc = docx.Document()
    _split_run(doc.add_paragraph(style="Title"), "{{ti", "tle", "}}", bold_first=True)
    _split_run(doc.add_paragraph(), "Prepared by {{organ", "isation}} on {", "{date}} ({{status}})")
    _split_run(doc.add_paragraph(), "{{con", "tent}}")
    doc.add_paragraph("Template closing text")
    section = doc.sections[0]
    _split_run(section.header.paragraphs[0], "Status: {{st", "atus}}")
    _split_run(section.footer.paragraphs[0], "Version {{ver", "sion}} of {{title}}")
    doc.save(str(path))


def test_fields_split_over_runs_are_filled_and_content_goes_at_its_marker(
    tmp_path: Path, validate: Callable[..., str]
) -> None:
    template = tmp_path / "fields.docx"
    _fields_template(template)
    target = tmp_path / "fields-draft.docx"
    write_draft(sample_project(), target, template)
    validate(target)
    doc = open_docx(target)
    title = doc.paragraphs[0]
    assert title.text == "Sample Strategy"
    assert title.runs[0].bold is True  # the first run's formatting is kept
    assert doc.paragraphs[1].text == "Prepared by Sample Partnership on 3 February 2020 (Draft)"
    texts = [p.text for p in doc.paragraphs]
    assert "{{" not in all_text(doc)
    assert texts.index("Contents") == 2  # no generated cover: the template has its own
    assert texts[-1] == "Template closing text"
    assert texts.index("Consultation questions") < texts.index("Template closing text")
    section = doc.sections[0]
    assert section.header.paragraphs[0].text == "Status: Draft"
    assert section.footer.paragraphs[0].text == "Version 0.3 of Sample Strategy"


def test_template_without_fields_is_a_style_carrier(tmp_path: Path) -> None:
    template = tmp_path / "plain.docx"
    doc = docx.Document()
    doc.add_paragraph("Sample text showing the styles")
    doc.save(str(template))
    messages = write_draft(sample_project(), tmp_path / "d.docx", template)
    assert any("plain.docx has no {{content}} or other fields" in m for m in messages)
    out = open_docx(tmp_path / "d.docx")
    assert out.paragraphs[0].text == "Sample Strategy"
    assert "Sample text showing the styles" not in all_text(out)


def test_template_with_fields_but_no_content_marker_gets_the_draft_at_its_end(tmp_path: Path) -> None:
    template = tmp_path / "letterhead.docx"
    doc = docx.Document()
    doc.add_paragraph("{{title}}", style="Title")
    doc.add_paragraph("Corporate preamble")
    doc.save(str(template))
    write_draft(sample_project(), tmp_path / "d.docx", template)
    out = open_docx(tmp_path / "d.docx")
    assert [p.text for p in out.paragraphs[:3]] == ["Sample Strategy", "Corporate preamble", "Contents"]
    assert out.paragraphs[-1].text == "Third question?"
    assert out.element.body[-1].tag == qn("w:sectPr")


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("notes.docx", b"just some text, not a package"),
        ("slides.pptx", b"PK\x03\x04"),
        ("empty.docx", None),
    ],
)
def test_a_template_that_is_not_a_word_document_is_refused_clearly(
    tmp_path: Path, name: str, data: bytes | None
) -> None:
    path = tmp_path / name
    if data is None:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as package:
            package.writestr("hello.txt", "not a document")
        data = buffer.getvalue()
    path.write_bytes(data)
    target = tmp_path / "out.docx"
    with pytest.raises(TemplateError, match=name.replace(".", r"\.")):
        write_draft(sample_project(), target, path)
    assert not target.exists()


def test_unknown_fields_and_a_nested_content_marker_are_reported(tmp_path: Path) -> None:
    template = tmp_path / "odd.docx"
    doc = docx.Document()
    doc.add_paragraph("Prepared by {{author}} for {{title}}")
    doc.add_table(rows=1, cols=1).rows[0].cells[0].paragraphs[0].add_run("{{content}}")
    doc.save(str(template))
    messages = write_draft(sample_project(), tmp_path / "d.docx", template)
    assert any("{{author}}, which NESLIS does not fill" in m for m in messages)
    assert any("{{content}} inside a table" in m for m in messages)
    out = open_docx(tmp_path / "d.docx")
    assert out.paragraphs[0].text == "Prepared by {{author}} for Sample Strategy"
    assert "{{content}}" not in all_text(out)
    assert out.paragraphs[-1].text == "Third question?"


def test_template_without_numbering_part_gets_one(tmp_path: Path, validate: Callable[..., str]) -> None:
    source = tmp_path / "plain.docx"
    docx.Document().save(str(source))
    template = tmp_path / "no-numbering.docx"
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(template, "w") as dst:
        for info in src.infolist():
            if info.filename == "word/numbering.xml":
                continue
            blob = src.read(info.filename)
            if info.filename == "word/_rels/document.xml.rels":
                blob = re.sub(rb'<Relationship [^>]*numbering.xml"/>', b"", blob)
            if info.filename == "[Content_Types].xml":
                blob = re.sub(rb'<Override PartName="/word/numbering.xml"[^>]*/>', b"", blob)
            dst.writestr(info, blob)
    assert "word/numbering.xml" not in zipfile.ZipFile(template).namelist()
    write_draft(sample_project(), tmp_path / "d.docx", template)
    validate(tmp_path / "d.docx")
    out = open_docx(tmp_path / "d.docx")
    assert [p.style.name for p in out.paragraphs if p.text == "First question?"] == ["List Number"]
