"""The inspector looks inside native tables: words wider than their column, rows that grow past the frame, small text.

Every deck here is built by the real builder from a table block, written, reopened and
inspected. A table the planner fitted must pass; the same table narrowed in the written file
(as someone dragging its edge in PowerPoint would) must not, so the passing verdicts are
shown to be able to fail. LibreOffice's rendering is the witness that the narrowed table
really runs over the source line.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from lxml import etree
from office import REPO, ooxml_validate, require_tool, soffice_convert
from pptx import Presentation
from test_planner_support import project_of

from neslis_desktop.model.evidence import Source, TableBlock, TableColumn
from neslis_desktop.render.deck import build_deck
from neslis_desktop.render.deck.inspect import Finding, inspect_deck
from neslis_desktop.render.deck.inspect.read import slide_facts
from neslis_desktop.render.deck.plan import EMU_PER_PT, Rect
from neslis_desktop.render.deck.replan import shrink

NS = {"a": "http://schemas.openxmlformats.org/drawingml/2006/main"}
WHAT = "Partners across the region will work together on skills, research and the supply chain for offshore wind"
SOURCE = Source(publisher="Test Statistics", dataset="Partners survey", date="2024")


def _programme(rows: int) -> TableBlock:
    return TableBlock(
        caption="Programme partners",
        columns=[TableColumn(title="Partner"), TableColumn(title="What they do"), TableColumn(title="Where")],
        rows=[[f"Partner {i + 1}", WHAT, "Across the North East"] for i in range(rows)],
        source=SOURCE,
    )


def _words_table(columns: int) -> TableBlock:
    word = "Interdepartmentalisation"  # 24 letters: wider than a ninth of the slide at 12 pt
    return TableBlock(
        caption="Long words",
        columns=[TableColumn(title=f"Heading{i}") for i in range(columns)],
        rows=[[f"{word}{j}" for j in range(columns)] for _ in range(3)],
    )


def _write(tmp_path: Path, table: TableBlock, name: str, fraction: float | None = None) -> tuple[Path, list[str]]:
    """The deck of one section holding ``table`` (its body ``fraction`` as large), written and validated."""
    project = project_of(table, title="Partners")
    frames = None
    if fraction is not None:
        frames = {0: shrink(build_deck(project).frames, fraction)}
    built = build_deck(project, section_frames=frames)
    target = tmp_path / f"{name}.pptx"
    built.prs.save(str(target))
    ooxml_validate(target)  # fails the test on a violation
    return target, built.messages


def _narrow(deck: Path, fraction: float, target: Path, column: int | None = None) -> Path:
    """``deck`` with each table's columns (or only ``column``) ``fraction`` as wide, its frame with them."""
    prs = Presentation(str(deck))
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.has_table:
                cols = shape._element.findall(".//a:gridCol", NS)
                for col in cols if column is None else [cols[column]]:
                    col.set("w", str(int(int(col.get("w")) * fraction)))
                shape.width = sum(int(col.get("w")) for col in cols)
    prs.save(str(target))
    return target


def _table_findings(deck: Path) -> list[Finding]:
    return [f for f in inspect_deck(deck).findings if f.shape.startswith("Table: ")]


def _frames(deck: Path) -> dict[int, Rect]:
    """Each slide's table frame as written, by slide number."""
    out = {}
    for number, slide in enumerate(Presentation(str(deck)).slides, start=1):
        for shape in slide.shapes:
            if shape.has_table:
                out[number] = Rect(shape.left, shape.top, shape.width, shape.height)
    return out


def test_a_table_the_planner_fitted_passes_and_narrowed_it_runs_over_its_source(tmp_path: Path) -> None:
    deck, _ = _write(tmp_path, _programme(6), "fitted")
    assert inspect_deck(deck).findings == []
    narrowed = _narrow(deck, 0.4, tmp_path / "narrowed.pptx", column=1)
    findings = _table_findings(narrowed)
    over = [f for f in findings if f.kind == "overflow"]
    assert [f.kind for f in findings] == ["overflow"]
    text = str(over[0])
    assert text.startswith("slide 2 (Partners): the table 'Programme partners' grows to fit its text")
    assert "runs over the source line" in text
    assert "shorten the cell text in row 1, column 'What they do' or split the table" in text
    assert over[0].box == _frames(narrowed)[2]  # the frame, for the app to mark
    # All columns narrowed: 'Partner' no longer fits its column, and PowerPoint breaks it mid-word.
    findings = _table_findings(_narrow(deck, 0.45, tmp_path / "all-narrowed.pptx"))
    assert {f.kind for f in findings} == {"overflow", "broken-word"}
    broken = next(f for f in findings if f.kind == "broken-word")
    assert "too narrow in the header row, column 'Partner' for a word of 'Partner'" in broken.message


def test_many_long_rows_planned_in_a_small_frame_split_to_fit_and_narrowed_run_off_the_slide(tmp_path: Path) -> None:
    deck, messages = _write(tmp_path, _programme(14), "small", fraction=0.6)
    frames = _frames(deck)
    assert len(frames) >= 3, "fourteen two-line rows in a small frame take several slides"
    assert any("continues over" in m for m in messages)
    assert _table_findings(deck) == []
    for slide in Presentation(str(deck)).slides:  # the header row repeated on every part
        for shape in slide.shapes:
            if shape.has_table:
                assert shape.table.cell(0, 1).text == "What they do"
    narrowed = _narrow(deck, 0.5, tmp_path / "small-narrowed.pptx")
    over = {f.slide: f for f in _table_findings(narrowed) if f.kind == "overflow"}
    assert set(over) == set(frames)
    assert all("runs over the source line" in f.message for f in over.values())


def test_a_word_wider_than_its_column_is_found_in_its_row_and_column(tmp_path: Path) -> None:
    deck, messages = _write(tmp_path, _words_table(9), "words")
    assert any("too narrow for its words" in m and "'Heading0'" in m for m in messages)
    findings = _table_findings(deck)
    assert [f.kind for f in findings] == ["broken-word"]
    assert str(findings[0]) == (
        "slide 2 (Partners): the table 'Long words' is too narrow in row 1, column 'Heading0' (and in 8 more "
        "columns) for a word of 'Interdepartmentalisation0', which breaks across lines; shorten the cell text "
        "(or abbreviate the word) or give the table fewer columns."
    )
    # The rows are planned as tall as the broken words make them: one slide, nothing runs off it.
    assert len(_frames(deck)) == 1
    # The same words in three columns have the room: nothing to report.
    fewer, _ = _write(tmp_path, _words_table(3), "fewer")
    assert inspect_deck(fewer).findings == []


def test_cell_text_below_the_floor_is_found(tmp_path: Path) -> None:
    deck, _ = _write(tmp_path, _programme(3), "floor")
    assert _table_findings(deck) == []
    prs = Presentation(str(deck))
    table = next(sh for slide in prs.slides for sh in slide.shapes if sh.has_table)
    for r_pr in table._element.findall(".//a:tr", NS)[2].iterfind(".//a:rPr", NS):
        r_pr.set("sz", "1000")
    small = tmp_path / "small-text.pptx"
    prs.save(str(small))
    found = [f for f in _table_findings(small) if f.kind == "small-text"]
    assert len(found) == 1
    assert "sets its text at 10 pt (row 2, column 'Partner'), below the 12 pt floor" in found[0].message


def _table_words_outside(deck: Path, pdf: Path) -> dict[int, list[str]]:
    """Per slide, the words LibreOffice draws outside every text box and the table's written frame."""
    html = subprocess.run(
        [require_tool("pdftotext"), "-bbox-layout", str(pdf), "-"], capture_output=True, check=True, timeout=120
    ).stdout
    pages = list(etree.fromstring(html, etree.HTMLParser()).iter("page"))
    slack = 4 * EMU_PER_PT
    out: dict[int, list[str]] = {}
    for slide, page in zip(slide_facts(Presentation(str(deck))), pages, strict=True):
        scale = slide.width / float(page.get("width"))
        boxes = [s.rect for s in slide.shapes if s.text or s.table is not None]
        for w in page.iter("word"):
            x0, y0, x1, y1 = (round(float(w.get(k)) * scale) for k in ("xmin", "ymin", "xmax", "ymax"))
            inside = any(
                r.x - slack <= x0 and x1 <= r.right + slack and r.y - slack <= y0 and y1 <= r.bottom + slack
                for r in boxes
            )
            if not inside:
                out.setdefault(slide.number, []).append(w.text or "")
    return out


@pytest.mark.slow
def test_libreoffice_draws_the_narrowed_table_past_its_frame_where_the_inspector_says(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """LibreOffice grows the rows too (at tighter lines than PowerPoint: it is the milder judge)."""
    fitted, _ = _write(tmp_path, _programme(6), "fitted")
    narrowed = _narrow(fitted, 0.4, tmp_path / "narrowed.pptx", column=1)
    monkeypatch.setenv("FONTCONFIG_FILE", str(REPO / "tools" / "fonts.conf"))
    for deck in (fitted, narrowed):
        soffice_convert(deck, "pdf", tmp_path)
    assert _table_words_outside(fitted, fitted.with_suffix(".pdf")) == {}
    outside = _table_words_outside(narrowed, narrowed.with_suffix(".pdf"))
    assert set(outside) == {2}, "LibreOffice draws the narrowed table's last rows below its frame"
    flagged = {f.slide for f in _table_findings(narrowed) if f.kind == "overflow"}
    assert flagged == set(outside)


def test_cell_text_takes_the_table_styles_weight_and_font_where_the_run_says_none(tmp_path: Path) -> None:
    """A table style the file defines gives its rows their font and weight; a built-in one sets the header bold."""
    deck, _ = _write(tmp_path, _programme(2), "styled")
    prs = Presentation(str(deck))
    frame = next(sh for slide in prs.slides for sh in slide.shapes if sh.has_table)
    for r_pr in frame._element.iterfind(".//a:rPr", NS):
        del r_pr.attrib["b"]  # the writer says bold or not on every run; say nothing
    plain = tmp_path / "built-in-style.pptx"
    prs.save(str(plain))
    style_id = "{11111111-2222-3333-4444-555555555555}"
    frame._element.find(".//a:tableStyleId", NS).text = style_id
    part = next(r.target_part for r in prs.part.rels.values() if r.reltype.endswith("/tableStyles"))
    part._blob = (
        f'<a:tblStyleLst xmlns:a="{NS["a"]}" def="{style_id}"><a:tblStyle styleId="{style_id}" styleName="Plain">'
        '<a:wholeTbl><a:tcTxStyle><a:font><a:latin typeface="DejaVu Sans"/><a:ea typeface=""/>'
        '<a:cs typeface=""/></a:font></a:tcTxStyle></a:wholeTbl>'
        '<a:firstRow><a:tcTxStyle b="off"/></a:firstRow></a:tblStyle></a:tblStyleLst>'
    ).encode()
    styled = tmp_path / "own-style.pptx"
    prs.save(str(styled))
    ooxml_validate(styled)

    def header_and_body(deck: Path) -> tuple[tuple[bool, str], tuple[bool, str]]:
        table = next(s.table for slide in slide_facts(Presentation(str(deck))) for s in slide.shapes if s.table)
        head, body = (next(c for c in table.cells if c.row == r).paras[0].runs[0] for r in (0, 1))
        return (head.bold, head.family), (body.bold, body.family)

    assert header_and_body(plain) == ((True, "Calibri"), (False, "Calibri"))
    assert header_and_body(styled) == ((False, "DejaVu Sans"), (False, "DejaVu Sans"))
