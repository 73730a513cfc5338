"""Small builders of WordprocessingML elements: paragraphs, runs, tables and fields.

The draft is assembled as plain elements and inserted into the template in one slice, which
avoids python-docx's slow paths (style look-up by name, ``table.cell`` rebuilding the grid,
repeated insertion before an anchor). Every paragraph carries a style id and nothing else:
no direct formatting, so a corporate template restyles the whole document.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from docx.oxml.ns import qn as _docx_qn
from docx.oxml.parser import OxmlElement
from lxml import etree
from lxml.etree import _Element as Element

from neslis_desktop.model.inline import Run, runs
from neslis_desktop.render.draft.typography import year_ranges

qn = lru_cache(maxsize=None)(_docx_qn)
"""python-docx's ``qn``, remembered: the draft spells the same few dozen names thousands of times."""


def sub(parent: Element, tag: str, **attrs: str) -> Element:
    """A new child ``tag`` (``w:...``) of ``parent`` with ``w:`` attributes."""
    el = etree.SubElement(parent, qn(tag))
    for key, value in attrs.items():
        el.set(qn(f"w:{key}"), value)
    return el


def _text_run(p: Element, text: str, *, bold: bool, italic: bool, char_style: str | None) -> None:
    r = sub(p, "w:r")
    if bold or italic or char_style:
        rpr = sub(r, "w:rPr")
        if char_style:
            sub(rpr, "w:rStyle", val=char_style)
        if bold:
            sub(rpr, "w:b")
        if italic:
            sub(rpr, "w:i")
    # Line breaks and tabs inside a text field become w:br / w:tab inside the run.
    chunk: list[str] = []

    def flush() -> None:
        if chunk:
            t = sub(r, "w:t")
            t.text = "".join(chunk)
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            chunk.clear()

    if "\n" not in text and "\t" not in text and "\r" not in text:  # the usual case: one w:t (none if empty)
        if text:
            chunk.append(text)
            flush()
        return
    for ch in text:
        if ch == "\n":
            flush()
            sub(r, "w:br")
        elif ch == "\t":
            flush()
            sub(r, "w:tab")
        elif ch != "\r":
            chunk.append(ch)
    flush()


def add_runs(p: Element, pieces: Iterable[Run], char_style: str | None = None) -> None:
    """Append runs to paragraph ``p``: bold/italic as in the markup, an optional character style.

    Year ranges typed with a hyphen ("2018-2019") are given their en dash here, for all text.
    """
    for piece in pieces:
        _text_run(p, year_ranges(piece.text), bold=piece.bold, italic=piece.italic, char_style=char_style)


def paragraph(style_id: str | None, text: str | None = None, *, num: tuple[int, int] | None = None) -> Element:
    """A paragraph in ``style_id`` holding ``text`` (inline markup honoured).

    ``num`` is ``(numId, ilvl)`` for a list that restarts its numbering.
    """
    p = OxmlElement("w:p")
    if style_id or num:
        ppr = sub(p, "w:pPr")
        if style_id:
            sub(ppr, "w:pStyle", val=style_id)
        if num:
            numpr = sub(ppr, "w:numPr")
            sub(numpr, "w:ilvl", val=str(num[1]))
            sub(numpr, "w:numId", val=str(num[0]))
    if text:
        add_runs(p, runs(text))
    return p


def page_break(p: Element) -> None:
    """End ``p`` with a page break, so what follows starts a new page."""
    sub(sub(p, "w:r"), "w:br", type="page")


def field_char(p: Element, kind: str) -> None:
    """A ``begin``/``separate``/``end`` field character run."""
    sub(sub(p, "w:r"), "w:fldChar", fldCharType=kind)


def instr_text(p: Element, instr: str) -> None:
    """The instruction run of a complex field, such as `` TOC \\o "1-3" ``."""
    t = sub(sub(p, "w:r"), "w:instrText")
    t.text = instr
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


def text_of(el: Element) -> str:
    """The visible text of a paragraph or table: w:t contents, tabs and breaks as white space."""
    out: list[str] = []
    for node in el.iter(qn("w:t"), qn("w:tab"), qn("w:br")):
        out.append((node.text or "") if node.tag == qn("w:t") else " ")
    return "".join(out)


@dataclass
class Table:
    """A table to write: header cells, body rows; each cell is a list of paragraphs."""

    widths: Sequence[int]
    header: Sequence[Sequence[Element]]
    rows: Sequence[Sequence[Sequence[Element]]]
    caption: str


def table(spec: Table, style_id: str, cell_style: str | None = None) -> Element:
    """A ``w:tbl`` in ``style_id``, full width, its header row marked to repeat on every page.

    An empty cell holds one empty paragraph in ``cell_style``, so it is no taller than its text.
    """
    tbl = OxmlElement("w:tbl")
    tblpr = sub(tbl, "w:tblPr")
    sub(tblpr, "w:tblStyle", val=style_id)
    sub(tblpr, "w:tblW", w="5000", type="pct")
    sub(
        tblpr,
        "w:tblLook",
        val="04A0",
        firstRow="1",
        lastRow="0",
        firstColumn="0",
        lastColumn="0",
        noHBand="1",
        noVBand="1",
    )
    sub(tblpr, "w:tblCaption", val=spec.caption[:250])
    grid = sub(tbl, "w:tblGrid")
    for width in spec.widths:
        sub(grid, "w:gridCol", w=str(width))
    for index, row in enumerate([spec.header, *spec.rows]):
        tr = sub(tbl, "w:tr")
        trpr = sub(tr, "w:trPr")
        sub(trpr, "w:cantSplit")  # a row split over two pages reads as two rows
        if index == 0:
            sub(trpr, "w:tblHeader")
        for width, cell in zip(spec.widths, row, strict=True):
            tc = sub(tr, "w:tc")
            sub(sub(tc, "w:tcPr"), "w:tcW", w=str(width), type="dxa")
            if cell:
                tc.extend(cell)
            else:
                tc.append(paragraph(cell_style))  # a cell must hold a paragraph; an empty cell is simply empty
    return tbl
