"""Table cells written directly with lxml: python-pptx's cell API looks every child up again per
property (30 ms a table), so the grid python-pptx made is filled here in one pass.

The header (and a totals row) are marked on ``a:tblPr`` so the template's table style sets
them apart; each cell is one paragraph of one run, aligned and sized as planned.
"""

from __future__ import annotations

from collections.abc import Sequence

from lxml import etree

from neslis_desktop.render.deck.oxml.ns import qn

_ALGN = {"left": "l", "center": "ctr", "right": "r"}


def fill_table(
    frame: etree._Element,
    rows: Sequence[Sequence[str]],
    *,
    col_widths: Sequence[int],
    row_heights: Sequence[int],
    aligns: Sequence[str],
    size_pt: float,
    totals: bool,
) -> None:
    """Fill the ``a:tbl`` of graphic frame ``frame`` with ``rows`` (the first is the header).

    The grid must already have ``len(rows)`` rows and ``len(col_widths)`` columns. Header and
    totals rows are bold; ``aligns`` is ``left``, ``center`` or ``right`` per column.
    """
    tbl = frame.find(".//" + qn("a:tbl"))
    assert tbl is not None
    tbl_pr = tbl.find(qn("a:tblPr"))
    assert tbl_pr is not None
    tbl_pr.set("firstRow", "1")
    tbl_pr.set("bandRow", "1")
    if totals:
        tbl_pr.set("lastRow", "1")
    grid = tbl.find(qn("a:tblGrid"))
    assert grid is not None
    for grid_col, width in zip(grid, col_widths, strict=True):
        grid_col.set("w", str(width))
    size = str(round(size_pt * 100))
    for r, (tr, cells, height) in enumerate(zip(tbl.findall(qn("a:tr")), rows, row_heights, strict=True)):
        tr.set("h", str(height))
        bold = r == 0 or (totals and r == len(rows) - 1)
        for tc, text, align in zip(tr.findall(qn("a:tc")), cells, aligns, strict=True):
            for child in list(tc):
                tc.remove(child)
            body = etree.SubElement(tc, qn("a:txBody"))
            etree.SubElement(body, qn("a:bodyPr"))
            etree.SubElement(body, qn("a:lstStyle"))
            p = etree.SubElement(body, qn("a:p"))
            etree.SubElement(p, qn("a:pPr")).set("algn", _ALGN[align])
            run = etree.SubElement(p, qn("a:r"))
            r_pr = etree.SubElement(run, qn("a:rPr"), lang="en-GB", sz=size, b="1" if bold else "0")
            r_pr.set("dirty", "0")
            etree.SubElement(run, qn("a:t")).text = text
            etree.SubElement(tc, qn("a:tcPr"), marL="91440", marR="91440")
