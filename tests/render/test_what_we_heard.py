"""'What we heard' as readers get it: headed text and a Word table in the draft, slides that pass the
inspector in the deck, a real table in the HTML edition."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph
from office import ooxml_validate
from pptx import Presentation

from neslis_desktop.model.feedback import Feedback, Response, Theme, questions
from neslis_desktop.render.deck.inspect import inspect_deck, section_of
from neslis_desktop.render.packs import build_packs, main_packs
from neslis_desktop.render.publish import html_view
from neslis_desktop.store import load_project
from neslis_desktop.store.feedback import save_feedback

THEMES = [
    Theme(id="skills", label="Skills shortages in clinical and digital roles"),
    Theme(id="finance", label="Access to finance"),
    Theme(id="estates", label="Lab and office space"),
    Theme(id="data", label="Access to health data"),
]


def _feedback(folder: Path) -> Feedback:
    project = load_project(folder)
    asked = questions(project)[:3]
    responses = []
    for n in range(40):
        q = asked[n % 3]
        responses.append(
            Response(
                id=f"r-{n + 1:04d}",
                question=q.key,
                text=f"Answer {n + 1}: we need people who can work across research, care and industry, "
                "and the space to grow; long waits for both hold the region back.",
                organisation=f"Organisation {n % 11}",
                event="Health summit",
                themes=[THEMES[n % 4].id] + ([THEMES[(n + 1) % 4].id] if n % 3 == 0 else []),
                quote=n < 9,
            )
        )
    feedback = Feedback(themes=THEMES, responses=responses)
    save_feedback(feedback, folder, project)
    return feedback


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, bundled_dir: Path) -> tuple[Path, Path, Path]:
    import shutil

    folder = tmp_path_factory.mktemp("heard") / "north-east-lis"
    shutil.copytree(bundled_dir, folder)
    _feedback(folder)
    project = load_project(folder)
    packs = [p.model_copy(update={"what_we_heard": True}) for p in main_packs(project)]
    result = build_packs(project, packs, folder / "out", folder=folder)
    assert result.deck is not None and result.draft is not None
    return folder, result.deck, result.draft


def _body(doc: Document) -> list[Paragraph | Table]:
    out: list[Paragraph | Table] = []
    for child in doc.element.body.iterchildren():
        if child.tag == qn("w:p"):
            out.append(Paragraph(child, doc))
        elif child.tag == qn("w:tbl"):
            out.append(Table(child, doc))
    return out


def test_the_draft_says_each_question_as_headed_text_with_a_table(built: tuple[Path, Path, Path]) -> None:
    folder, _, draft = built
    ooxml_validate(draft)
    doc = Document(str(draft))
    body = _body(doc)
    start = next(i for i, p in enumerate(body) if isinstance(p, Paragraph) and p.text == "What we heard")
    heard = body[start + 1 :]
    first = questions(load_project(folder))[0]
    at = next(i for i, p in enumerate(heard) if isinstance(p, Paragraph) and p.text == first.text)
    heading, counts, caption, table = heard[at : at + 4]
    assert isinstance(heading, Paragraph) and heading.style.name == "Heading 2"
    assert isinstance(counts, Paragraph) and counts.text == "We received 14 responses from 11 organisations."
    assert isinstance(caption, Paragraph) and caption.style.name == "Caption"
    assert caption.text.startswith("Table ") and caption.text.endswith(f": Themes raised: {first.text}")
    assert isinstance(table, Table)
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None  # marked, so it repeats on each page
    assert table._tbl.tblPr.find(qn("w:tblCaption")).get(qn("w:val")) == f"Themes raised: {first.text}"
    rows = [[c.text for c in r.cells] for r in table.rows]
    # Responses 1, 4, ..., 40 (every third) answer the first question, each with two themes:
    # by count, ties in the officer's order of themes.
    assert rows == [
        ["Theme", "Responses"],
        ["Skills shortages in clinical and digital roles", "8"],
        ["Access to finance", "7"],
        ["Access to health data", "7"],
        ["Lab and office space", "6"],
    ]
    for row in table.rows[1:]:
        assert row.cells[1].paragraphs[0].alignment == 2 and row.cells[0].paragraphs[0].alignment != 2
    quotes = heard[at + 4]
    assert isinstance(quotes, Paragraph) and quotes.text == "What people said:"
    said = [p.text for p in heard[at + 5 : at + 8] if isinstance(p, Paragraph)]
    assert said[0].startswith("\u201cAnswer 1: we need people") and said[0].endswith("\u201d \u2014 Organisation 0")
    assert len(said) == 3


def test_the_decks_what_we_heard_slides_pass_the_inspector(built: tuple[Path, Path, Path]) -> None:
    _, deck, _ = built
    ooxml_validate(deck)
    prs = Presentation(str(deck))
    heard = [n for n, s in enumerate(prs.slides, start=1) if section_of(s.shapes.title.text) == "What we heard"]
    assert len(heard) >= 2  # 40 responses to three questions do not fit one slide
    findings = [f for f in inspect_deck(deck).findings if f.slide in heard]
    assert findings == []
    words = " ".join(sh.text_frame.text for n in heard for sh in prs.slides[n - 1].shapes if sh.has_text_frame)
    assert "14 responses from 11 organisations" in words and "Access to health data (" in words


def test_the_html_edition_has_the_themes_as_a_table(built: tuple[Path, Path, Path]) -> None:
    from neslis_desktop.render.html import to_html

    folder, _, _ = built
    project = load_project(folder)
    first = questions(project)[0]
    packs = [p.model_copy(update={"what_we_heard": True}) for p in main_packs(project)]
    html = to_html(html_view(project, packs, folder))
    assert f"Themes raised: {first.text}</caption>" in html
    assert '<th scope="col" class="numeric">Responses</th>' in html
    # Each row is headed by its theme, with the count right-aligned (cells labelled for narrow screens).
    assert (
        '<th scope="row" data-label="Theme">Skills shortages in clinical and digital roles</th>'
        '<td class="numeric" data-label="Responses">8</td>'
    ) in html
