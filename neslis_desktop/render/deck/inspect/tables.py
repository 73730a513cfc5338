"""Reading a native table (``a:tbl`` in a graphic frame) into :class:`.facts.TableFacts`.

A table's text is not in a text box, so reading shapes alone sees only its frame. Each cell's
text is resolved like any shape's (run, the cell's list style, the presentation's default
text style, theme fonts), then the table style's text for the cell's row (``a:tcTxStyle`` of
its whole table, band, header or totals row: weight and font); its margins
come from ``a:tcPr`` (0.1 and 0.05 inch by default), its width from the grid columns it
spans, its row's written height from ``a:tr/@h``. :mod:`.tablecheck` measures them.
"""

from __future__ import annotations

from lxml import etree
from pptx.slide import Slide, SlideLayout

from neslis_desktop.render.deck.inspect.facts import CellFacts, RunFacts, TableFacts
from neslis_desktop.render.deck.inspect.inherit import _Context, _TextChain
from neslis_desktop.render.deck.oxml.ns import NS, first

CELL_MARGINS = (91_440, 45_720, 91_440, 45_720)
"""PowerPoint's cell margins when ``a:tcPr`` sets none: left, top, right, bottom (EMU)."""


_BUILT_IN_BOLD = {"firstRow": True, "lastRow": True}
"""The built-in table styles (named by GUID, defined in PowerPoint, not in the file) set these rows bold."""


def _styles(ctx: _Context, slide: Slide) -> dict[str, etree._Element]:
    """The file's table style definitions by id (read once per presentation)."""
    if ctx.table_styles is None:
        ctx.table_styles = {}
        part = slide.part.package.presentation_part
        for rel in part.rels.values():
            if rel.reltype.endswith("/tableStyles") and not rel.is_external:
                root = etree.fromstring(rel.target_part.blob)
                for st in root.iterfind("a:tblStyle", NS):
                    ctx.table_styles[st.get("styleId", "")] = st
    return ctx.table_styles


def _row_text_style(style: etree._Element | None, parts: list[str]) -> tuple[bool | None, str | None]:
    """(bold, typeface) a table style gives the text of a row made of ``parts`` (later parts win)."""
    bold: bool | None = None
    face: str | None = None
    if style is None:
        return (True if any(_BUILT_IN_BOLD.get(p) for p in parts) else None), None
    for name in parts:
        tx = first(style, f"a:{name}/a:tcTxStyle")
        if tx is None:
            continue
        if tx.get("b") in ("on", "off"):
            bold = tx.get("b") == "on"
        latin = first(tx, "a:font/a:latin")
        ref = first(tx, "a:fontRef")
        if latin is not None and latin.get("typeface"):
            face = latin.get("typeface")
        elif ref is not None and ref.get("idx") in ("major", "minor"):
            face = "+mj-lt" if ref.get("idx") == "major" else "+mn-lt"
    return bold, face


class _CellChain(_TextChain):
    """A table's text sources: the run, the current cell's list style, the table style, the default text style.

    The table style's text for the row (its weight and typeface) comes before the
    presentation's defaults, as PowerPoint applies it.
    """

    cell: etree._Element | None = None
    row_bold: bool | None = None
    row_face: str | None = None

    def levels(self, level: int) -> list[etree._Element]:
        own = first(self.cell, f"a:txBody/a:lstStyle/a:lvl{level + 1}pPr") if self.cell is not None else None
        return ([own] if own is not None else []) + super().levels(level)

    def _run(self, rpr: etree._Element | None, defs: list[etree._Element], text: str) -> RunFacts:
        facts = super()._run(rpr, defs, text)
        # The table style comes before the presentation's defaults: only the run and the cell count here.
        chain = ([rpr] if rpr is not None else []) + [d for d in defs if self.cell in d.iterancestors()]
        if self.row_bold is not None and not any(el.get("b") is not None for el in chain):
            facts.bold = self.row_bold
        if self.row_face is not None and not any(first(el, "a:latin") is not None for el in chain):
            facts.family = self.family(self.row_face)
        return facts


def read_table(
    ctx: _Context, slide: Slide, frame: etree._Element, owner: etree._Element, layout: SlideLayout
) -> TableFacts | None:
    """The table a graphic frame holds, its cells resolved; ``None`` if it holds none."""
    tbl = first(frame, "a:graphic/a:graphicData/a:tbl")
    if tbl is None:
        return None
    pr = first(tbl, "a:tblPr")
    header = pr is not None and pr.get("firstRow") in ("1", "true")
    last = pr is not None and pr.get("lastRow") in ("1", "true")
    widths = [int(c.get("w", "0")) for c in tbl.iterfind("a:tblGrid/a:gridCol", NS)]
    band = pr is not None and pr.get("bandRow") in ("1", "true")
    style_id = pr.findtext("a:tableStyleId", default="", namespaces=NS) if pr is not None else ""
    style = _styles(ctx, slide).get(style_id)
    rows = tbl.findall("a:tr", NS)
    chain = _CellChain(ctx, slide, frame, owner, layout)
    cells: list[CellFacts] = []
    for r, tr in enumerate(rows):
        parts = ["wholeTbl"]
        if band:
            parts.append("band1H" if (r - header) % 2 == 0 else "band2H")
        if last and r == len(rows) - 1:
            parts.append("lastRow")
        if header and r == 0:
            parts.append("firstRow")
        chain.row_bold, chain.row_face = _row_text_style(style, parts)
        col = 0
        for tc in tr.iterfind("a:tc", NS):
            span = int(tc.get("gridSpan", "1"))
            merged = tc.get("hMerge") in ("1", "true") or tc.get("vMerge") in ("1", "true")
            if not merged:
                chain.cell = tc
                tx = first(tc, "a:txBody")
                paras = [chain.para(p) for p in tx.iterfind("a:p", NS)] if tx is not None else []
                tc_pr = first(tc, "a:tcPr")
                margins = tuple(
                    int(tc_pr.get(name)) if tc_pr is not None and tc_pr.get(name) is not None else default
                    for name, default in zip(("marL", "marT", "marR", "marB"), CELL_MARGINS, strict=True)
                )
                cells.append(
                    CellFacts(r, col, paras, margins, span, int(tc.get("rowSpan", "1")))  # type: ignore[arg-type]
                )
            col += span
    return TableFacts(widths, [int(tr.get("h", "0")) for tr in rows], cells, header)
