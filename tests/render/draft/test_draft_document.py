"""The draft in the bundled template, read back as a reader meets it."""

# ruff: noqa: F401, F811 - fixtures are imported to be registered in this module

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from docx.oxml.ns import qn
from docx.table import Table
from draftfixtures import bundled_draft, bundled_project_loaded, sample_draft, sample_project
from draftread import all_text, blocks, headings, open_docx, paragraphs_after, part_xml, toc_paragraphs
from seedcheck import missing_lines

from neslis_desktop.model import Project, QuestionsBlock, plain_text


def test_cover_texts_come_first(sample_draft: Path) -> None:
    doc = open_docx(sample_draft)
    first = [(p.style.name, p.text) for p in doc.paragraphs[:5]]
    assert first == [
        ("Title", "Sample Strategy"),
        ("Subtitle", "A test subtitle"),
        ("Cover Details", "Draft \u2013 version 0.3"),
        ("Cover Details", "3 February 2020"),
        ("Cover Details", "Sample Partnership"),
    ]


@pytest.mark.parametrize("through", ["bundled", "pandoc"])
def test_cover_shows_event_and_audience_with_status_and_version(
    through: str, tmp_path: Path, pandoc_reference: Callable[[str], Path], validate: Callable[..., str]
) -> None:
    from neslis_desktop.render.draft import write_draft

    project = sample_project()
    project.meta.event = "LIS Summit"
    project.meta.audience = "regional partners"
    template = pandoc_reference("docx") if through == "pandoc" else None
    write_draft(project, tmp_path / "d.docx", template)
    validate(tmp_path / "d.docx")
    doc = open_docx(tmp_path / "d.docx")
    assert [p.text for p in doc.paragraphs[:7]] == [
        "Sample Strategy",
        "A test subtitle",
        "Draft \u2013 version 0.3",
        "LIS Summit",
        "For regional partners",
        "3 February 2020",
        "Sample Partnership",
    ]
    assert {p.style.name for p in doc.paragraphs[2:7]} == {"Cover Details"}


def test_empty_subtitle_leaves_no_paragraph(tmp_path: Path) -> None:
    from neslis_desktop.render.draft import write_draft

    project = sample_project()
    project.meta.subtitle = None
    write_draft(project, tmp_path / "d.docx")
    doc = open_docx(tmp_path / "d.docx")
    assert [p.style.name for p in doc.paragraphs[:2]] == ["Title", "Cover Details"]


def test_header_and_footer_hold_title_status_version_and_page_fields(sample_draft: Path) -> None:
    doc = open_docx(sample_draft)
    section = doc.sections[-1]
    assert section.header.paragraphs[0].text == "Sample Strategy\tDraft"
    footer = section.footer.paragraphs[0]
    assert footer.text.startswith("Version 0.3\tPage ")
    instructions = [t.text.strip() for t in footer._p.iter(qn("w:instrText"))]
    assert instructions == ["PAGE", "NUMPAGES"]


def test_toc_is_a_field_with_the_headings_written_as_its_result(sample_draft: Path) -> None:
    doc = open_docx(sample_draft)
    body = doc.element.body
    instr = [t.text for t in body.iter(qn("w:instrText"))]
    # the contents field, then the figure and table numbers (SEQ fields) of the evidence section
    assert 'TOC \\o "1-3"' in instr[0] and all(i.split()[0] == "SEQ" for i in instr[1:])
    kinds = [c.get(qn("w:fldCharType")) for c in body.iter(qn("w:fldChar"))]
    assert kinds == ["begin", "separate", "end"] * len(instr)
    entries = [p.text for p in toc_paragraphs(doc)]
    expected = [f"{n}\t{t}" for n, t in numbered_outline(headings(doc))]
    assert entries == expected
    assert "1\tIntroduction" in entries and "1.1\tNumbered" in entries
    # No question on opening: Word is not asked to update fields.
    assert "updateFields" not in part_xml(sample_draft, "word/settings.xml")


def test_toc_entries_link_to_their_headings_and_end_with_a_note_inside_the_field(sample_draft: Path) -> None:
    doc = open_docx(sample_draft)
    body = doc.element.body
    bookmarks = {b.get(qn("w:name")): b.getparent() for b in body.iter(qn("w:bookmarkStart"))}
    for entry in toc_paragraphs(doc):
        link = entry._p.find(qn("w:hyperlink"))
        heading = bookmarks[link.get(qn("w:anchor"))]
        assert entry.text.split("\t")[-1] == "".join(t.text for t in heading.iter(qn("w:t")))
    # The note is the field result's last paragraph (it holds the field's end), so updating removes it.
    end = next(c for c in body.iter(qn("w:fldChar")) if c.get(qn("w:fldCharType")) == "end")
    note = end.getparent().getparent()
    assert "".join(t.text for t in note.iter(qn("w:t"))).startswith("Page numbers are added when the contents")
    toc = toc_paragraphs(doc)
    assert note.getprevious() is toc[-1]._p


def numbered_outline(found: list[tuple[int, str]]) -> list[tuple[str, str]]:
    counters = [0, 0, 0]
    out = []
    for level, text in found:
        counters[level - 1] += 1
        counters[level:] = [0] * (3 - level)
        out.append((".".join(map(str, counters[:level])), text))
    return out


def test_headings_never_skip_a_level_and_follow_the_sections(sample_draft: Path) -> None:
    doc = open_docx(sample_draft)
    found = headings(doc)
    previous = 0
    for level, _ in found:
        assert level <= previous + 1
        previous = level
    assert [t for lvl, t in found if lvl == 1] == [
        "Introduction",
        "Cards",
        "Structure",
        "Targets",
        "Governance",
        "Progress",
        "Discussion questions",
        "Next steps",
        "Consultation questions",
    ]


def test_heading_styles_are_bound_to_multilevel_numbering(sample_draft: Path) -> None:
    doc = open_docx(sample_draft)
    numbering = doc.part.numbering_part.element
    num_ids = set()
    for level in (1, 2, 3):
        ppr = doc.styles[f"Heading {level}"].element.pPr
        assert ppr.numPr is not None
        assert ppr.numPr.ilvl.val == level - 1
        num_ids.add(ppr.numPr.numId.val)
    assert len(num_ids) == 1
    num = next(n for n in numbering.iterfind(qn("w:num")) if n.numId == num_ids.pop())
    abstract_id = num.abstractNumId.val
    abstract = next(
        a for a in numbering.iterfind(qn("w:abstractNum")) if a.get(qn("w:abstractNumId")) == str(abstract_id)
    )
    links = [lvl.find(qn("w:pStyle")).get(qn("w:val")) for lvl in abstract.iterfind(qn("w:lvl"))]
    assert links[:3] == ["Heading1", "Heading2", "Heading3"]
    texts = [lvl.find(qn("w:lvlText")).get(qn("w:val")) for lvl in abstract.iterfind(qn("w:lvl"))]
    assert texts[:3] == ["%1", "%1.%2", "%1.%2.%3"]


def test_lists_use_list_styles(sample_draft: Path) -> None:
    doc = open_docx(sample_draft)
    intro = [(p.style.name, p.text) for p in paragraphs_after(doc, "Introduction")]
    assert ("List Lead", "It will:") in intro
    assert ("List Bullet", "First point") in intro
    assert ("List Bullet 2", "Nested") in intro
    assert ("List Number", "One") in intro
    flow = [(p.style.name, p.text) for p in paragraphs_after(doc, "Next steps")][:3]  # evidence and questions follow
    assert flow == [("List Number", "Draft"), ("List Bullet 2", "Reviewed by the board"), ("List Number", "Publish")]


def test_numbered_lists_restart_at_one(sample_draft: Path) -> None:
    doc = open_docx(sample_draft)
    numbering = doc.part.numbering_part.element
    restarted = {
        n.numId
        for n in numbering.iterfind(qn("w:num"))
        if n.find(f"{qn('w:lvlOverride')}/{qn('w:startOverride')}") is not None
    }
    firsts = {"One", "Draft", "First question?"}
    for p in doc.paragraphs:
        if p.text in firsts:
            assert p._p.pPr.numPr.numId.val in restarted


def test_inline_bold_and_italic_become_run_emphasis(sample_draft: Path) -> None:
    doc = open_docx(sample_draft)
    p = next(p for p in doc.paragraphs if p.text.startswith("Plain text with"))
    assert [(r.text, r.bold, r.italic) for r in p.runs] == [
        ("Plain text with ", None, None),
        ("bold words", True, None),
        (" and ", None, None),
        ("italic words", None, True),
        (".", None, None),
    ]


def test_cards_are_headed_paragraphs_or_bullets(sample_draft: Path) -> None:
    doc = open_docx(sample_draft)
    cards = paragraphs_after(doc, "Cards")
    ambition = next(p for p in cards if p.text.startswith("Ambition"))
    assert ambition.text == "Ambition: Card body text"
    assert ambition.runs[0].style.name == "Strong"
    assert ("List Bullet", "Card bullet") in [(p.style.name, p.text) for p in cards]
    assert [p.style.name for p in cards if p.text in ("Digital", "Energy")] == ["List Bullet", "List Bullet"]


def _tables(doc: object) -> list[Table]:
    return [b for b in blocks(doc) if isinstance(b, Table)]  # type: ignore[arg-type]


def test_structure_targets_org_and_timeline_tables(sample_draft: Path) -> None:
    doc = open_docx(sample_draft)
    structure, targets, members, timeline, *_evidence = _tables(doc)  # then the chart's data, the table
    assert [c.text for c in structure.rows[0].cells] == [
        "Foundations",
        "Grand Challenges",
        "Sector Deals\n(more planned)",
    ]
    ideas = structure.rows[1].cells[0].paragraphs[0]
    assert ideas.text == "Ideas" and ideas.runs[0].style.name == "Strong"
    assert structure.rows[1].cells[0].paragraphs[1].text == "innovation"
    assert len(targets.rows) == 7
    assert [c.text for c in targets.rows[0].cells] == ["No.", "Target"]
    assert [r.cells[0].text for r in targets.rows[1:]] == ["1", "2", "3", "4", "5", "6"]
    assert [c.text for c in members.rows[0].cells] == ["Body", "Role", "Members"]
    assert members.rows[3].cells[2].text == "Representatives from:\nGovernment\nUniversity"
    assert [c.text for c in timeline.rows[0].cells] == ["Month", "Evidence", "LEP Board"]
    assert [r.cells[0].text for r in timeline.rows[1:]] == ["Sep 2019", "Oct 2019", "Jan 2020"]
    assert timeline.rows[2].cells[1].text == "Oct 2019 \u2013 Mar 2020: Evidence work"
    assert "Aug 2019 \u2013 Jul 2020: Monthly meetings" in [p.text for p in doc.paragraphs]
    for table in (structure, targets, members, timeline):
        assert table.style.name == "Draft Table"
        assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None


def test_org_chart_reporting_lines_are_sentences(sample_draft: Path) -> None:
    doc = open_docx(sample_draft)
    texts = [p.text for p in paragraphs_after(doc, "Governance")]
    assert texts == ["LEP Board reports to Secretary of State.", "Steering Group reports to LEP Board."]


def test_questions_are_gathered_and_numbered(sample_draft: Path) -> None:
    doc = open_docx(sample_draft)
    assert headings(doc)[-3:] == [
        (1, "Consultation questions"),
        (2, "Discussion questions (section 7)"),
        (2, "Next steps"),
    ]
    consult = paragraphs_after(doc, "Consultation questions")
    questions = [p for p in consult if p.style.name == "List Number"]
    assert [p.text for p in questions] == ["First question?", "Second question?", "Third question?"]
    assert len({p._p.pPr.numPr.numId.val for p in questions}) == 1
    assert "Please consider:" in [p.text for p in consult]


def test_a_section_of_questions_only_keeps_its_place_and_points_to_them(sample_draft: Path) -> None:
    doc = open_docx(sample_draft)
    found = [t for lvl, t in headings(doc) if lvl == 1]
    assert found.index("Discussion questions") == found.index("Progress") + 1
    pointer = "The questions for this section are in section 9, Consultation questions."
    assert [p.text for p in paragraphs_after(doc, "Discussion questions")] == [pointer]
    # A section with content as well ends with the same line after its content.
    assert [p.text for p in paragraphs_after(doc, "Next steps")][-1] == pointer
    # Progress asks nothing: it neither points nor receives the neighbour's questions.
    assert pointer not in [p.text for p in paragraphs_after(doc, "Progress")]
    assert found[8] == "Consultation questions"


def test_no_dividers_notes_or_empty_paragraphs(sample_draft: Path) -> None:
    doc = open_docx(sample_draft)
    text = all_text(doc)
    assert "Questions?" not in text
    assert "Speaker notes" not in text and "Hidden note" not in text
    # the only paragraphs without text hold a figure (a chart or a picture, captioned apart)
    assert [p for p in doc.paragraphs if not p.text.strip() and not p._p.findall(f".//{qn('w:drawing')}")] == []


def test_no_direct_formatting(sample_draft: Path) -> None:
    doc = open_docx(sample_draft)
    body = doc.element.body
    allowed_rpr = {qn("w:rStyle"), qn("w:b"), qn("w:i")}
    for rpr in body.iter(qn("w:rPr")):
        assert {c.tag for c in rpr} <= allowed_rpr
    allowed_ppr = {qn("w:pStyle"), qn("w:numPr"), qn("w:sectPr")}
    for ppr in body.iter(qn("w:pPr")):
        tags = {c.tag for c in ppr}
        para, style = ppr.getparent(), ppr.find(qn("w:pStyle"))
        figure = [para, para.getnext()] if para.getnext() is not None else [para]
        if any(p.findall(f".//{qn('w:drawing')}") for p in figure) or (
            style is not None and style.get(qn("w:val")) == "Caption"
        ):
            tags.discard(qn("w:keepNext"))  # a caption and a chart's subtitle stay with the figure below them
        jc = ppr.find(qn("w:jc"))
        if jc is not None and jc.get(qn("w:val")) in ("right", "end") and list(ppr.iterancestors(qn("w:tc"))):
            tags.discard(qn("w:jc"))  # numbers aligned right in a table's cells
        assert tags <= allowed_ppr
    for p in doc.paragraphs:
        assert p.style.name != "Normal" or p.text or p._p.findall(f".//{qn('w:drawing')}")  # or a figure
    assert not list(body.iter(qn("w:tcBorders"), qn("w:shd")))
    jcs = [jc for jc in body.iter(qn("w:jc")) if not list(jc.iterancestors(qn("w:tc")))]
    assert not jcs  # alignment outside tables comes from styles


def test_properties_language_and_validity(sample_draft: Path, validate: Callable[..., str]) -> None:
    doc = open_docx(sample_draft)
    props = doc.core_properties
    assert (props.title, props.subject, props.author, props.language) == (
        "Sample Strategy",
        "A test subtitle",
        "Sample Partnership",
        "en-GB",
    )
    styles = part_xml(sample_draft, "word/styles.xml")
    assert re.search(r'<w:docDefaults>.*<w:lang w:val="en-GB"', styles, re.S)
    assert 'w:percent="100"' in part_xml(sample_draft, "word/settings.xml")
    validate(sample_draft)


def test_bundled_project_draft_carries_the_seed(
    bundled_draft: Path, seed_lines: list[str], validate: Callable[..., str]
) -> None:
    doc = open_docx(bundled_draft)
    lines = [line for line in seed_lines if line != "Questions?"]
    missing = missing_lines(all_text(doc), lines)
    assert len(missing) <= 0.1 * len(lines), f"{len(missing)} of {len(lines)} seed lines missing: {missing[:20]}"
    validate(bundled_draft)


def test_bundled_project_questions_all_appear_numbered(bundled_draft: Path, bundled_project_loaded: Project) -> None:
    doc = open_docx(bundled_draft)
    asked = [
        plain_text(q)
        for s in bundled_project_loaded.sections
        for b in s.blocks
        if isinstance(b, QuestionsBlock)
        for q in b.questions
    ]
    assert asked
    consult = paragraphs_after(doc, "Consultation questions")
    assert [p.text for p in consult if p.style.name == "List Number"] == asked
    # the only paragraphs without text hold a figure (a chart or a picture, captioned apart)
    assert [p for p in doc.paragraphs if not p.text.strip() and not p._p.findall(f".//{qn('w:drawing')}")] == []


@pytest.mark.parametrize(
    "name",
    [
        "Title",
        "Subtitle",
        "Heading 1",
        "Heading 2",
        "Heading 3",
        "List Bullet",
        "List Bullet 2",
        "List Number",
        "Caption",
        "TOC Heading",
        "Cover Details",
        "List Lead",
    ],
)
def test_bundled_template_has_the_named_styles(name: str) -> None:
    from neslis_desktop.resources import bundled_doc_template

    doc = open_docx(bundled_doc_template())
    assert doc.styles[name] is not None
    names = {s.name.lower() for s in doc.styles}
    assert {"toc 1", "toc 2", "toc 3", "draft table", "strong"} <= names
    if name.startswith("Heading") or name in ("Caption", "List Lead"):
        assert doc.styles[name].element.pPr.find(qn("w:keepNext")) is not None


def test_a_project_of_dividers_only_still_builds_a_valid_document(tmp_path: Path, validate: Callable[..., str]) -> None:
    from neslis_desktop.model import DividerBlock, Section
    from neslis_desktop.render.draft import write_draft

    project = sample_project()
    project.sections = [Section(id="q", title="Questions?", blocks=[DividerBlock()])]
    write_draft(project, tmp_path / "d.docx")
    validate(tmp_path / "d.docx")
    doc = open_docx(tmp_path / "d.docx")
    assert headings(doc) == []
    assert len(toc_paragraphs(doc)) == 1
    assert "Questions?" not in all_text(doc)
