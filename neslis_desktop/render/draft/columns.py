"""Table column widths that keep every word whole, in the template's own table font.

A draft table's columns are planned as shares of the page (a structure table 4:2:4, five
columns of cards 1:1:1:1:1). Word and LibreOffice break a word that is wider than its cell,
mid-word, so a share that suits 10 pt text breaks "commissioned" at 12 pt, the body size
GOV.UK asks for. Here each column first gets the width of its longest word (bold in the header
row), measured with the deck's font metrics (:mod:`neslis_desktop.render.deck.textfit`) in the
font and size the template gives table text; what is left of the page is shared out as
planned. When even the longest words cannot all fit, the planned shares stand.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from docx.oxml.ns import qn

from neslis_desktop.render.draft.ooxml import Element
from neslis_desktop.render.draft.theme import body_font, doc_theme, theme_font

if TYPE_CHECKING:
    from neslis_desktop.render.draft.styles import StyleSheet

_W_T, _W_R, _W_B = qn("w:t"), qn("w:r"), qn("w:b")
_CELL_MARGINS = 2 * 108  # twips: the Draft Table's left and right cell margins
_SLACK = 40  # twips (2 pt): Word's line breaking leaves a little room at the end of a line
MIN_COLUMN = 567  # twips (1 cm)
NORMAL = "Normal"


@dataclass(frozen=True)
class TableFont:
    """The family and size (pt) a template gives table cell text."""

    family: str = "Calibri"
    size: float = 12.0


def table_font(styles: StyleSheet, cell_style: str, table_style: str) -> TableFont:
    """The font and size of table text: the cell style, then the table style, then the defaults.

    Word ranks a paragraph style above the table style except for the default (Normal) chain,
    which the table style overrides, so Normal and the document defaults come last.
    """
    doc = styles.doc
    normal = styles.chain(NORMAL)
    cell = [s for s in styles.chain(cell_style) if s not in normal]
    layers = [s.find(qn("w:rPr")) for s in [*cell, *styles.chain(table_style), *normal]]
    layers.append(doc.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}"))
    size, family, theme_kind = None, None, None
    for rpr in (layer for layer in layers if layer is not None):
        sz = rpr.find(qn("w:sz"))
        if size is None and sz is not None and (sz.get(qn("w:val")) or "").isdigit():
            size = int(sz.get(qn("w:val")) or "24") / 2
        fonts = rpr.find(qn("w:rFonts"))
        if family is None and theme_kind is None and fonts is not None:
            family = fonts.get(qn("w:ascii"))
            theme_kind = "major" if (fonts.get(qn("w:asciiTheme")) or "").startswith("major") else None
    if family is None:
        theme = doc_theme(doc)
        family = theme_font(theme, theme_kind) if theme_kind else body_font(doc, theme)
    return TableFont(family or "Calibri", size or 10.0)  # Word's own default is 10 pt


def _words(cell: Sequence[Element], bold_row: bool) -> list[tuple[str, bool]]:
    out: list[tuple[str, bool]] = []
    for para in cell:
        for run in para.iter(_W_R):
            text = "".join(t.text or "" for t in run.iter(_W_T))
            rpr = run.find(qn("w:rPr"))
            bold = bold_row or (
                rpr is not None and (rpr.find(_W_B) is not None or rpr.find(qn("w:rStyle")) is not None)
            )
            out += [(word, bold) for word in text.split()]
    return out


def fit_widths(
    planned: Sequence[int],
    header: Sequence[Sequence[Element]],
    rows: Sequence[Sequence[Sequence[Element]]],
    font: TableFont,
) -> list[int]:
    """``planned`` column widths (twips) widened where a column's longest word would break."""
    from neslis_desktop.render.deck.plan import ThemeFonts
    from neslis_desktop.render.deck.textfit import measurer

    m = measurer(ThemeFonts(major=font.family, minor=font.family))
    need = [MIN_COLUMN] * len(planned)
    for r, row in enumerate([header, *rows]):
        for c, cell in enumerate(row[: len(planned)]):
            for word, bold in _words(cell, bold_row=r == 0):
                width = round(m.width_pt(word, font.size, bold=bold) * 20) + _CELL_MARGINS + _SLACK
                need[c] = max(need[c], width)
    total = sum(planned)
    if all(w >= n for w, n in zip(planned, need, strict=True)) or sum(need) > total:
        return list(planned)
    # Each column its need; what is left shared in proportion to the plan's excess over it.
    spare = total - sum(need)
    excess = [max(w - n, 0) for w, n in zip(planned, need, strict=True)]
    weight = sum(excess) or len(planned)
    widths = [n + spare * (e if sum(excess) else 1) // weight for n, e in zip(need, excess, strict=True)]
    widths[-1] += total - sum(widths)
    return widths
