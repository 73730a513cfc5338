"""Reading a native table (``a:tbl`` in a graphic frame) into :class:`.facts.TableFacts`.

A table's text is not in a text box, so reading shapes alone sees only its frame. Each cell's
text is resolved like any shape's (run, the cell's list style, the presentation's default
text style, theme fonts), with the table style's bold header and totals rows; its margins
come from ``a:tcPr`` (0.1 and 0.05 inch by default), its width from the grid columns it
spans, its row's written height from ``a:tr/@h``. :mod:`.tablecheck` measures them.
"""

from __future__ import annotations

from lxml import etree
from pptx.slide import Slide, SlideLayout

from neslis_desktop.render.deck.inspect.facts import NS, CellFacts, RunFacts, TableFacts
from neslis_desktop.render.deck.inspect.inherit import _Context, _TextChain

CELL_MARGINS = (91_440, 45_720, 91_440, 45_720)
"""PowerPoint's cell margins when ``a:tcPr`` sets none: left, top, right, bottom (EMU)."""


class _CellChain(_TextChain):
    """A table's text sources: the current cell's list style first, then the frame's (the default text style).

    The built-in table styles (referenced by GUID, their definitions not in the file) all set
    the header row bold; a run that says nothing about weight there is bold.
    """

    cell: etree._Element | None = None
    bold_row: bool = False

    def levels(self, level: int) -> list[etree._Element]:
        own = self.cell.find(f"a:txBody/a:lstStyle/a:lvl{level + 1}pPr", NS) if self.cell is not None else None
        return ([own] if own is not None else []) + super().levels(level)

    def _run(self, rpr: etree._Element | None, defs: list[etree._Element], text: str) -> RunFacts:
        facts = super()._run(rpr, defs, text)
        said = any(el.get("b") is not None for el in ([rpr] if rpr is not None else []) + defs)
        if self.bold_row and not said:
            facts.bold = True
        return facts


def read_table(
    ctx: _Context, slide: Slide, frame: etree._Element, owner: etree._Element, layout: SlideLayout
) -> TableFacts | None:
    """The table a graphic frame holds, its cells resolved; ``None`` if it holds none."""
    tbl = frame.find("a:graphic/a:graphicData/a:tbl", NS)
    if tbl is None:
        return None
    pr = tbl.find("a:tblPr", NS)
    first = pr is not None and pr.get("firstRow") in ("1", "true")
    last = pr is not None and pr.get("lastRow") in ("1", "true")
    widths = [int(c.get("w", "0")) for c in tbl.iterfind("a:tblGrid/a:gridCol", NS)]
    rows = tbl.findall("a:tr", NS)
    chain = _CellChain(ctx, slide, frame, owner, layout)
    cells: list[CellFacts] = []
    for r, tr in enumerate(rows):
        chain.bold_row = (first and r == 0) or (last and r == len(rows) - 1)
        col = 0
        for tc in tr.iterfind("a:tc", NS):
            span = int(tc.get("gridSpan", "1"))
            merged = tc.get("hMerge") in ("1", "true") or tc.get("vMerge") in ("1", "true")
            if not merged:
                chain.cell = tc
                tx = tc.find("a:txBody", NS)
                paras = [chain.para(p) for p in tx.iterfind("a:p", NS)] if tx is not None else []
                tc_pr = tc.find("a:tcPr", NS)
                margins = tuple(
                    int(tc_pr.get(name)) if tc_pr is not None and tc_pr.get(name) is not None else default
                    for name, default in zip(("marL", "marT", "marR", "marB"), CELL_MARGINS, strict=True)
                )
                cells.append(
                    CellFacts(r, col, paras, margins, span, int(tc.get("rowSpan", "1")))  # type: ignore[arg-type]
                )
            col += span
    return TableFacts(widths, [int(tr.get("h", "0")) for tr in rows], cells, first)
