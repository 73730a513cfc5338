"""What a Word paragraph's and run's formatting resolves to, through the style sheet.

A run's colour, size, weight and shading come from the first of: the run's own properties,
its character style (and the styles it is based on), the paragraph's style chain, the
document defaults. Theme colours (``themeColor="accent1"`` with ``themeTint``/``themeShade``)
resolve through the document's theme. ``auto`` colour is Word's own black-or-white choice
against the background, so it always contrasts and is left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from lxml import etree

from neslis_desktop.render.a11y.values import int_attr
from neslis_desktop.render.colour import HIGHLIGHT, PRESET, RGB, WHITE, hex_rgb, word_shade, word_tint

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
THEME_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme"
_THEME_SLOTS = {
    "text1": "dk1",
    "background1": "lt1",
    "text2": "dk2",
    "background2": "lt2",
    "dark1": "dk1",
    "light1": "lt1",
    "dark2": "dk2",
    "light2": "lt2",
    "hyperlink": "hlink",
    "followedHyperlink": "folHlink",
}
_HEADING_NAME = re.compile(r"^heading\s*([1-9])$", re.IGNORECASE)
Element = Any


@dataclass
class TableLayers:
    """A table style's run (``rPr``) and cell (``tcPr``) properties for one cell, most specific first."""

    rpr: list[Element]
    tcpr: list[Element]


@dataclass(frozen=True)
class RunLook:
    """A run's resolved appearance; ``colour`` is ``None`` for Word's automatic colour."""

    colour: RGB | None
    size_pt: float
    bold: bool
    italic: bool
    underline: bool


_NOTHING_SET = RunLook(None, 10.0, False, False, False)
"""A run nothing formats: automatic colour, Word's 10 pt, plain."""

_PSTYLE = etree.XPath("w:pPr/w:pStyle", namespaces={"w": W[1:-1]})  # compiled once: asked of every paragraph, often


class StyleSheet:
    """The document's styles, defaults and theme colours, for resolving formatting."""

    def __init__(self, doc: Any) -> None:
        root = doc.styles.element
        self.styles: dict[str, Element] = {}
        self.default_para: str | None = None
        self.default_char: str | None = None
        for style in root.findall(f"{W}style"):
            sid = style.get(f"{W}styleId", "")
            self.styles[sid] = style
            if style.get(f"{W}default") in ("1", "true"):
                if style.get(f"{W}type") == "paragraph":
                    self.default_para = sid
                elif style.get(f"{W}type") == "character":
                    self.default_char = sid
        self.defaults_rpr = root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
        self._chains: dict[str | None, list[Element]] = {}
        self._style_rprs: dict[str | None, list[Element]] = {}
        self._tables: dict[Element, TableLayers | None] = {}
        self._places: dict[Element, tuple[int, int, int, int]] = {}  # cell: row, column, rows, columns
        self._table_parts: dict[tuple[Element, tuple[str, ...]], TableLayers | None] = {}
        self._heading_levels: dict[str | None, int | None] = {}
        self._looks: dict[tuple[str | None, str | None, tuple[Element, ...]], RunLook] = {}
        self.theme: dict[str, RGB] = {}
        try:
            theme = etree.fromstring(doc.part.part_related_by(THEME_REL).blob)
            scheme = theme.find(f"{A}themeElements/{A}clrScheme")
            for slot in scheme if scheme is not None else []:
                value = slot[0].get("val") if slot[0].tag == A + "srgbClr" else slot[0].get("lastClr")
                rgb = hex_rgb(value or "")
                if rgb is not None:
                    self.theme[etree.QName(slot).localname] = rgb
        except (KeyError, ValueError, SyntaxError, IndexError):
            pass

    def name(self, style_id: str | None) -> str:
        style = self.styles.get(style_id or "")
        el = style.find(f"{W}name") if style is not None else None
        return el.get(f"{W}val", style_id or "") if el is not None else (style_id or "")

    def chain(self, style_id: str | None) -> list[Element]:
        """The style and those it is based on, nearest first (cycles stopped).

        Asked for every run and paragraph; the styles do not change while they are checked, so
        each chain is walked once (the list returned is shared: do not change it).
        """
        found = self._chains.get(style_id)
        if found is None:
            found = self._chains[style_id] = self._walk(style_id)
        return found

    def _rprs(self, style_id: str | None) -> list[Element]:
        """The run properties along the chain of ``style_id``, nearest first (shared, as :meth:`chain`)."""
        found = self._style_rprs.get(style_id)
        if found is None:
            found = self._style_rprs[style_id] = [
                r for r in (st.find(f"{W}rPr") for st in self.chain(style_id)) if r is not None
            ]
        return found

    def _walk(self, style_id: str | None) -> list[Element]:
        out: list[Element] = []
        seen: set[str] = set()
        while style_id and style_id in self.styles and style_id not in seen:
            seen.add(style_id)
            style = self.styles[style_id]
            out.append(style)
            based = style.find(f"{W}basedOn")
            style_id = based.get(f"{W}val") if based is not None else None
        return out

    def para_style(self, p: Element) -> str | None:
        found = _PSTYLE(p)
        return found[0].get(f"{W}val") if found else self.default_para

    def heading_level(self, p: Element) -> int | None:
        """1-9 for a heading paragraph (by outline level or a 'Heading N' style), else ``None``."""
        direct = p.find(f"{W}pPr/{W}outlineLvl")
        if direct is not None:
            value = int_attr(direct.get(f"{W}val"), 9)
            return value + 1 if value < 9 else None
        style_id = self.para_style(p)
        if style_id in self._heading_levels:  # the same for every paragraph of the style
            return self._heading_levels[style_id]
        level = self._heading_levels[style_id] = self._style_heading_level(style_id)
        return level

    def _style_heading_level(self, style_id: str | None) -> int | None:
        for style in self.chain(style_id):
            lvl = style.find(f"{W}pPr/{W}outlineLvl")
            if lvl is not None:
                value = int_attr(lvl.get(f"{W}val"), 9)
                return value + 1 if value < 9 else None
            name = style.find(f"{W}name")
            match = _HEADING_NAME.match(name.get(f"{W}val", "") if name is not None else "")
            if match:
                return int(match.group(1))
        return None

    def _inherited_rprs(
        self, char_style: str | None, para_style: str | None, table: TableLayers | None
    ) -> list[Element]:
        """The run properties a run takes from its styles, the table's and the document's defaults, nearest first."""
        out = list(self._rprs(char_style))
        paragraph = self._rprs(para_style)
        from_table = table.rpr if table is not None else []
        # Word lets a table style's text formatting win over the default paragraph style (Normal),
        # but not over a paragraph style the author chose.
        if para_style == self.default_para:
            out += from_table + paragraph
        else:
            out += paragraph + from_table
        if self.defaults_rpr is not None:
            out.append(self.defaults_rpr)
        return out

    def table_layers(self, cell: Element | None) -> TableLayers | None:
        """What the table style gives ``cell``: run and cell properties, the most specific first
        (header row, last row, first and last column, banded rows and columns, the whole table)."""
        if cell is None:
            return None
        if cell in self._tables:  # every paragraph of a cell asks
            return self._tables[cell]
        layers = self._tables[cell] = self._table_layers(cell)
        return layers

    def _table_layers(self, cell: Element) -> TableLayers | None:
        row = cell.getparent()
        tbl = row.getparent() if row is not None else None
        if row is None or tbl is None or tbl.tag != f"{W}tbl":
            return None
        style_el = tbl.find(f"{W}tblPr/{W}tblStyle")
        look = _table_look(tbl.find(f"{W}tblPr/{W}tblLook"))
        place = self._places.get(cell)
        if place is None:
            place = self._place_cells(tbl).get(cell, (0, 0, 1, 1))
        r, c, n_rows, n_cells = place
        kinds: list[str] = []
        if look["firstRow"] and r == 0:
            kinds.append("firstRow")
        if look["lastRow"] and r == n_rows - 1:
            kinds.append("lastRow")
        if look["firstColumn"] and c == 0:
            kinds.append("firstCol")
        if look["lastColumn"] and c == n_cells - 1:
            kinds.append("lastCol")
        body_row = r - (1 if look["firstRow"] else 0)
        if not look["noHBand"] and body_row >= 0:
            kinds.append("band1Horz" if body_row % 2 == 0 else "band2Horz")
        body_col = c - (1 if look["firstColumn"] else 0)
        if not look["noVBand"] and body_col >= 0:
            kinds.append("band1Vert" if body_col % 2 == 0 else "band2Vert")
        key = (tbl, tuple(kinds))  # a handful of kinds per table, whatever its size
        if key in self._table_parts:
            return self._table_parts[key]
        layers = self._parts_of(style_el.get(f"{W}val") if style_el is not None else None, kinds)
        self._table_parts[key] = layers
        return layers

    def _place_cells(self, tbl: Element) -> dict[Element, tuple[int, int, int, int]]:
        """Where each cell of ``tbl`` is (row, column) and how many rows and columns it has.

        Found for all cells of a table at once (and remembered): each cell used to list its
        table's rows and its row's cells, so a table's check grew with its rows times its cells.
        """
        rows = tbl.findall(f"{W}tr")
        placed: dict[Element, tuple[int, int, int, int]] = {}
        for r, row in enumerate(rows):
            cells = row.findall(f"{W}tc")
            for c, cell in enumerate(cells):
                placed[cell] = self._places[cell] = (r, c, len(rows), len(cells))
        return placed

    def _parts_of(self, style_id: str | None, kinds: list[str]) -> TableLayers | None:
        """The run and cell properties table style ``style_id`` gives the parts ``kinds``, then the whole."""
        chain = self.chain(style_id)
        if not chain:
            return None
        layers = TableLayers([], [])
        for kind in [*kinds, ""]:
            for style in chain:
                part = (
                    style
                    if not kind
                    else next((x for x in style.findall(f"{W}tblStylePr") if x.get(f"{W}type") == kind), None)
                )
                if part is None:
                    continue
                if part.find(f"{W}rPr") is not None:
                    layers.rpr.append(part.find(f"{W}rPr"))
                if part.find(f"{W}tcPr") is not None:
                    layers.tcpr.append(part.find(f"{W}tcPr"))
        return layers

    def look(self, p: Element, run: Element, table: TableLayers | None = None) -> RunLook:
        own = run.find(f"{W}rPr")
        rs = own.find(f"{W}rStyle") if own is not None else None
        char_style = rs.get(f"{W}val") if rs is not None else self.default_char
        para_style = self.para_style(p)
        # What the styles give is the same for every run of a style pair (and table part): read once.
        key = (char_style, para_style, tuple(table.rpr) if table is not None else ())
        inherited = self._looks.get(key)
        if inherited is None:
            inherited = self._looks[key] = self._look_of(self._inherited_rprs(char_style, para_style, table))
        if own is None:
            return inherited
        return self._look_of([own], inherited)

    def _look_of(self, chain: list[Element], inherited: RunLook = _NOTHING_SET) -> RunLook:
        """The look ``chain`` (nearest first) sets; what it does not set comes from ``inherited``."""
        colour: RGB | None = None
        has_colour = False
        for rpr in chain:
            el = rpr.find(f"{W}color")
            if el is not None:
                colour = self._colour(
                    el.get(f"{W}val", "auto"),
                    el.get(f"{W}themeColor"),
                    el.get(f"{W}themeTint"),
                    el.get(f"{W}themeShade"),
                )
                has_colour = True
                break
        size: float | None = None
        for rpr in chain:
            el = rpr.find(f"{W}sz")
            if el is not None and (el.get(f"{W}val") or "").isdigit():
                size = int(el.get(f"{W}val")) / 2
                break
        return RunLook(
            colour if has_colour else inherited.colour,
            inherited.size_pt if size is None else size,
            _toggle(chain, "b", inherited.bold),
            _toggle(chain, "i", inherited.italic),
            _underline(chain, inherited.underline),
        )

    def _colour(self, val: str, theme: str | None, tint: str | None, shade: str | None) -> RGB | None:
        rgb = None
        if theme:
            rgb = self.theme.get(_THEME_SLOTS.get(theme, theme))
        if rgb is None:
            rgb = hex_rgb(val) if val != "auto" else None
        if rgb is None:
            return None
        try:
            if tint:
                rgb = word_tint(rgb, tint)
            if shade:
                rgb = word_shade(rgb, shade)
        except ValueError:
            pass
        return rgb

    def shading(self, pr: Element | None) -> RGB | None:
        """The fill of a ``w:shd`` inside ``pr`` (run, paragraph or cell properties)."""
        if pr is None:
            return None
        highlight = pr.find(f"{W}highlight")
        if highlight is not None and highlight.get(f"{W}val", "none") != "none":
            name = highlight.get(f"{W}val", "")
            return hex_rgb(HIGHLIGHT.get(name) or PRESET.get(name, ""))
        shd = pr.find(f"{W}shd")
        if shd is None:
            return None
        fill = self._colour(
            shd.get(f"{W}fill", "auto"),
            shd.get(f"{W}themeFill"),
            shd.get(f"{W}themeFillTint"),
            shd.get(f"{W}themeFillShade"),
        )
        return fill

    def background(
        self, p: Element, run: Element, cell: Element | None, page: RGB | None, table: TableLayers | None = None
    ) -> RGB:
        """The colour behind ``run``: its shading, else the paragraph's, the cell's, the page's."""
        for pr in (run.find(f"{W}rPr"), p.find(f"{W}pPr")):
            fill = self.shading(pr)
            if fill is not None:
                return fill
        for style in self.chain(self.para_style(p)):
            fill = self.shading(style.find(f"{W}pPr"))
            if fill is not None:
                return fill
        if cell is not None:
            fill = self.shading(cell.find(f"{W}tcPr"))
            if fill is not None:
                return fill
        for tcpr in table.tcpr if table is not None else []:
            fill = self.shading(tcpr)
            if fill is not None:
                return fill
        return page or WHITE


def _toggle(chain: list[Element], tag: str, unset: bool = False) -> bool:
    for rpr in chain:
        el = rpr.find(W + tag)
        if el is not None:
            return el.get(f"{W}val", "true") not in ("0", "false", "off")
    return unset


def _underline(chain: list[Element], unset: bool = False) -> bool:
    for rpr in chain:
        el = rpr.find(f"{W}u")
        if el is not None:
            return el.get(f"{W}val", "single") != "none"
    return unset


_LOOK_BITS = {
    "firstRow": 0x20,
    "lastRow": 0x40,
    "firstColumn": 0x80,
    "lastColumn": 0x100,
    "noHBand": 0x200,
    "noVBand": 0x400,
}


def _table_look(el: Element | None) -> dict[str, bool]:
    """Which of a table style's parts the table uses (``w:tblLook``: attributes, or the older hex mask)."""
    if el is None:
        return {
            "firstRow": True,
            "lastRow": False,
            "firstColumn": True,
            "lastColumn": False,
            "noHBand": False,
            "noVBand": True,
        }
    try:
        mask = int(el.get(f"{W}val", "0"), 16)
    except ValueError:
        mask = 0
    out = {}
    for name, bit in _LOOK_BITS.items():
        value = el.get(f"{W}{name}")
        out[name] = value in ("1", "true", "on") if value is not None else bool(mask & bit)
    return out
