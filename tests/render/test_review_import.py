"""Reviewers' comments on a returned draft land on the section and block they concern.

The drafts are built by our writer, then commented and edited by other code paths: python-docx's
comment API (which writes comments as Word does), tracked changes written as Word writes them,
and a round trip through LibreOffice Writer, which rewrites every part of the file its own way.
"""

from __future__ import annotations

import copy
import datetime as dt
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from lxml import etree
from office import soffice_convert

from neslis_desktop.model import Project
from neslis_desktop.model.review import Review
from neslis_desktop.render.draft import write_draft
from neslis_desktop.render.review_import import ReviewReadError, read_review

PRODUCTIVITY = "Improving productivity means more output"
DOING = "Shape and coordinate delivery plans"


@pytest.fixture
def draft(project: Project, tmp_path: Path) -> Path:
    target = tmp_path / "draft.docx"
    write_draft(project, target)
    return target


def _paragraph(document: docx.document.Document, words: str) -> docx.text.paragraph.Paragraph:
    for para in document.paragraphs:
        if words in para.text:
            return para
    raise AssertionError(f"no paragraph with {words!r}")


def _commented(draft: Path, out: Path) -> Path:
    """The draft with two comments, a reply and a tracked insertion, as a reviewer leaves it."""
    document = docx.Document(str(draft))
    first = document.add_comment(
        _paragraph(document, PRODUCTIVITY).runs, text="Give a figure for the North East here.", author="Steering Group"
    )
    document.add_comment(_paragraph(document, DOING).runs, text="Which plans?", author="Working Group")
    assert first.comment_id is not None
    # A tracked insertion as Word writes it: a w:ins around a run, with author and date.
    para = _paragraph(document, "Productivity matters because")._p
    ins = etree.SubElement(para, qn("w:ins"))
    ins.set(qn("w:id"), "901")
    ins.set(qn("w:author"), "LEP Board")
    ins.set(qn("w:date"), "2019-03-12T10:00:00Z")
    run = etree.SubElement(ins, qn("w:r"))
    text = etree.SubElement(run, qn("w:t"))
    text.text = " and wellbeing"
    document.save(str(out))
    return out


def _where(comments: list, text: str) -> tuple[str | None, int | None, str]:
    for c in comments:
        if c.text.strip() == text:
            return c.section, c.block, c.located_by
    raise AssertionError(f"comment {text!r} not imported: {[c.text for c in comments]}")


def test_comments_land_on_their_blocks_by_anchor(project: Project, draft: Path, tmp_path: Path) -> None:
    comments = read_review(_commented(draft, tmp_path / "returned.docx"), project)
    assert _where(comments, "Give a figure for the North East here.") == ("productivity", 2, "anchor")
    assert _where(comments, "Which plans?") == ("doing-already", 1, "anchor")
    figure = next(c for c in comments if c.text.startswith("Give a figure"))
    assert figure.author == "Steering Group"
    assert figure.quoted is not None and figure.quoted.startswith(PRODUCTIVITY)
    suggestion = next(c for c in comments if c.kind == "insertion")
    assert (suggestion.section, suggestion.block, suggestion.text) == ("productivity", 3, "and wellbeing")
    assert suggestion.author == "LEP Board"
    assert suggestion.date == dt.datetime(2019, 3, 12, 10, tzinfo=dt.UTC)


def test_without_anchors_comments_are_placed_by_heading_and_words(
    project: Project, draft: Path, tmp_path: Path
) -> None:
    returned = _commented(draft, tmp_path / "returned.docx")
    stripped = tmp_path / "stripped.docx"
    _rewrite(returned, stripped, _drop_bookmarks)
    comments = read_review(stripped, project)
    assert _where(comments, "Give a figure for the North East here.") == ("productivity", 2, "heading")
    assert _where(comments, "Which plans?") == ("doing-already", 1, "heading")


@pytest.mark.slow
def test_comments_survive_a_libreoffice_round_trip(project: Project, draft: Path, tmp_path: Path) -> None:
    returned = _commented(draft, tmp_path / "returned.docx")
    resaved = soffice_convert(returned, "docx:MS Word 2007 XML", tmp_path / "lo")
    comments = read_review(resaved, project)
    assert _where(comments, "Give a figure for the North East here.")[:2] == ("productivity", 2)
    assert _where(comments, "Which plans?")[:2] == ("doing-already", 1)


def test_importing_twice_adds_nothing_new(project: Project, draft: Path, tmp_path: Path) -> None:
    returned = _commented(draft, tmp_path / "returned.docx")
    review, added = Review().merged(read_review(returned, project))
    assert len(added) == 3
    again, added_again = review.merged(read_review(returned, project))
    assert added_again == [] and len(again.comments) == 3
    assert len({c.id for c in again.comments}) == 3


def test_a_file_that_is_not_a_draft_is_refused_by_name(project: Project, tmp_path: Path) -> None:
    bogus = tmp_path / "notes.docx"
    bogus.write_bytes(b"not a zip at all")
    with pytest.raises(ReviewReadError, match=r"notes\.docx"):
        read_review(bogus, project)


def _drop_bookmarks(name: str, data: bytes) -> bytes:
    if name != "word/document.xml":
        return data
    root = etree.fromstring(data)
    for tag in ("w:bookmarkStart", "w:bookmarkEnd"):
        for el in list(root.iter(qn(tag))):
            el.getparent().remove(el)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _rewrite(source: Path, target: Path, change) -> None:
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(copy.copy(info), change(info.filename, zin.read(info.filename)))
