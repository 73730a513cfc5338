"""Resolving a shape's text properties, box and fill the way PowerPoint does.

Run, paragraph, the shape's list style, then (placeholders) the layout's and the master's
placeholder and the master's title or body style, or (other shapes) the presentation's
default text style; theme fonts (``+mj-lt``) and theme colours through the master's colour
map. Placeholder boxes, insets and autofit are inherited from the layout and master likewise.
"""

from __future__ import annotations

from typing import NamedTuple

from lxml import etree
from pptx.presentation import Presentation as PresentationObj
from pptx.slide import Slide, SlideLayout, SlideMaster

from neslis_desktop.render.deck.inspect.colour import RGB, colour_element, hex_rgb, resolve
from neslis_desktop.render.deck.inspect.facts import (
    _MASTER_TYPE,
    _TITLES,
    FOOTERS,
    BodyFacts,
    Fill,
    ParaFacts,
    RunFacts,
)
from neslis_desktop.render.deck.oxml import theme
from neslis_desktop.render.deck.oxml.ns import NS, first, qn
from neslis_desktop.render.deck.oxml.placeholders import own_rect
from neslis_desktop.render.deck.oxml.shapes import element
from neslis_desktop.render.deck.plan import Rect


class _Context:
    """The presentation-wide facts one slide's resolution needs: theme colours and fonts."""

    def __init__(self, prs: PresentationObj) -> None:
        self.default_style = element(prs).find("p:defaultTextStyle", NS)
        self.palettes: dict[int, dict[str, str]] = {}
        self.fonts: dict[int, tuple[str, str]] = {}
        self.placeholders: dict[int, list[tuple[etree._Element, str, str | None]]] = {}
        """Per layout or master element: its placeholders (looked up for every shape of every slide)."""
        self.decorations: dict[int, list[object]] = {}
        """Per layout element: the master's and layout's fixed shapes a slide of it shows (read once)."""
        self.table_styles: dict[str, etree._Element] | None = None
        """The table styles the file defines (``ppt/tableStyles.xml``), by style id; read on first use."""
        self.shared_levels: dict[tuple[object, ...], list[etree._Element]] = {}
        """Per level and layout and master sources: their ``a:lvlNpPr`` (the same for each paragraph)."""
        self.level_facts: dict[tuple[etree._Element, ...], _Level] = {}
        """Per chain of levels: what a paragraph takes from it."""
        self.run_defaults: dict[tuple[object, ...], _RunDefaults] = {}
        """Per colour scheme and chain of ``a:defRPr``: what a run takes from it."""
        self.masters: dict[int, SlideMaster] = {}
        """Per layout element: its master (python-pptx finds it by scanning relationships each time)."""

    def master_of(self, layout: SlideLayout) -> SlideMaster:
        key = id(element(layout))
        found = self.masters.get(key)
        if found is None:
            found = self.masters[key] = layout.slide_master
        return found

    def palette(self, master: object) -> dict[str, str]:
        key = id(element(master))
        if key not in self.palettes:
            self.palettes[key] = theme.palette(master)  # type: ignore[arg-type]
            f = theme.fonts(master)  # type: ignore[arg-type]
            self.fonts[key] = (f.major, f.minor)
        return self.palettes[key]


def _ph(sp: etree._Element) -> etree._Element | None:
    return first(sp, "./*/p:nvPr/p:ph")


def _placeholders(owner: etree._Element) -> list[tuple[etree._Element, str, str | None]]:
    found = []
    for sp in owner.iterfind("p:cSld/p:spTree/*", NS):
        ph = _ph(sp)
        if ph is not None:
            found.append((sp, ph.get("type", "obj"), ph.get("idx")))
    return found


def _match(
    ctx: _Context, owner: etree._Element, kind: str, idx: str | None, by_type_only: bool
) -> etree._Element | None:
    """The placeholder of ``owner`` a slide's (or layout's) placeholder inherits from."""
    phs = ctx.placeholders.get(id(owner))
    if phs is None:
        phs = ctx.placeholders[id(owner)] = _placeholders(owner)
    if not by_type_only and idx is not None:
        for sp, t, i in phs:
            if i == idx and (t == kind or kind not in _TITLES):
                return sp
    for sp, t, _ in phs:
        if t == kind:
            return sp
    wanted = _MASTER_TYPE.get(kind, kind) if by_type_only else kind
    for sp, t, _ in phs:
        if t == wanted or (kind in _TITLES and t in _TITLES):
            return sp
    return None


def _fill_of(sp_pr: etree._Element | None, scheme: dict[str, str], style: etree._Element | None) -> Fill | None:
    """The fill ``sp_pr`` sets (``None``: it sets none, so a style or inheritance decides)."""
    if sp_pr is not None:
        for child in sp_pr:
            tag = etree.QName(child).localname
            if tag == "noFill":
                return Fill()
            if tag == "solidFill":
                el = colour_element(child)
                rgb = resolve(el, scheme) if el is not None else None
                alpha = first(el, "a:alpha") if el is not None else None
                opacity = int(alpha.get("val", "100000")) / 100_000 if alpha is not None else 1.0
                return Fill([rgb] if rgb else [], alpha=max(0.0, min(opacity, 1.0)))
            if tag == "gradFill":
                stops = [colour_element(gs) for gs in child.iterfind("a:gsLst/a:gs", NS)]
                return Fill([c for c in (resolve(s, scheme) for s in stops if s is not None) if c])
            if tag in ("blipFill", "pattFill"):
                return Fill(picture=True)
    if style is not None:
        ref = first(style, "a:fillRef")
        if ref is not None and ref.get("idx", "0") != "0":
            el = colour_element(ref)
            rgb = resolve(el, scheme) if el is not None else None
            return Fill([rgb] if rgb else [])
    return None


def background(slide: Slide, scheme: dict[str, str], layout: SlideLayout, master: SlideMaster) -> Fill:
    """The slide's background: its own, else its layout's, else its master's; white if none."""
    for owner in (element(slide), element(layout), element(master)):
        bg = first(owner, "p:cSld/p:bg")
        if bg is None:
            continue
        pr = first(bg, "p:bgPr")
        if pr is not None:
            fill = _fill_of(pr, scheme, None)
            if fill is not None:
                return fill
        ref = first(bg, "p:bgRef")
        if ref is not None:
            el = colour_element(ref)
            rgb = resolve(el, scheme) if el is not None else None
            if rgb is not None:
                return Fill([rgb])
    return Fill([(255, 255, 255)])


class _TextChain:
    """The sources a shape's text properties come from, nearest first, for one shape."""

    def __init__(
        self, ctx: _Context, slide: Slide, sp: etree._Element, layer_owner: etree._Element, layout: SlideLayout
    ) -> None:
        self.ctx = ctx
        master = ctx.master_of(layout)
        self.scheme = ctx.palette(master)
        self.major, self.minor = ctx.fonts[id(element(master))]
        self.shapes: list[etree._Element] = [sp]  # shapes whose txBody/bodyPr/lstStyle apply
        self.styles: list[etree._Element] = []  # txStyles-like lists (lvlNpPr children)
        ph = _ph(sp)
        self.kind = ph.get("type", "obj") if ph is not None else None
        layout_el, master_el = element(layout), element(master)
        if ph is not None:
            if layer_owner is element(slide):
                lay = _match(ctx, layout_el, self.kind or "obj", ph.get("idx"), False)
                if lay is not None:
                    self.shapes.append(lay)
            if layer_owner is not master_el:
                mas = _match(ctx, master_el, self.kind or "obj", None, True)
                if mas is not None:
                    self.shapes.append(mas)
            which = "titleStyle" if self.kind in _TITLES else "otherStyle" if self.kind in FOOTERS else "bodyStyle"
            st = first(master_el, f"p:txStyles/p:{which}")
            if st is not None:
                self.styles.append(st)
        elif ctx.default_style is not None:
            self.styles.append(ctx.default_style)
        self.style = first(sp, "p:style")

    def rect(self) -> Rect | None:
        for sp in self.shapes:
            r = own_rect(sp)
            if r is not None:
                return r
        return None

    def levels(self, level: int) -> list[etree._Element]:
        """Every ``a:lvlNpPr`` (and ``a:pPr`` defaults) for ``level``, nearest first."""
        tag = f"a:lvl{level + 1}pPr"
        own = first(self.shapes[0], f"p:txBody/a:lstStyle/{tag}")
        # The layout's and master's levels are the same for every paragraph of their shapes.
        key = (level, *self.shapes[1:], None, *self.styles)
        shared = self.ctx.shared_levels.get(key)
        if shared is None:
            shared = [el for sp in self.shapes[1:] if (el := first(sp, f"p:txBody/a:lstStyle/{tag}")) is not None]
            shared += [el for st in self.styles if (el := first(st, tag)) is not None]
            self.ctx.shared_levels[key] = shared
        return [own, *shared] if own is not None else shared

    def body(self) -> BodyFacts:
        """The text body's insets, wrap, anchor and autofit: each from the nearest shape that sets it."""
        facts = BodyFacts()
        prs = [pr for pr in (first(sp, "p:txBody/a:bodyPr") for sp in self.shapes) if pr is not None]

        def nearest(attr: str) -> str | None:
            return next((pr.get(attr) for pr in prs if pr.get(attr) is not None), None)

        defaults = {"lIns": 91_440, "tIns": 45_720, "rIns": 91_440, "bIns": 45_720}
        facts.insets = tuple(int(v) if (v := nearest(k)) is not None else d for k, d in defaults.items())  # type: ignore[assignment]
        wrap, anchor = nearest("wrap"), nearest("anchor")
        if wrap is not None:
            facts.wrap = wrap != "none"
        if anchor is not None:
            facts.anchor = anchor
        for pr in prs:
            auto = next((c for c in pr if etree.QName(c).localname in ("noAutofit", "normAutofit", "spAutoFit")), None)
            if auto is None:
                continue
            name = etree.QName(auto).localname
            facts.autofit = {"noAutofit": "none", "normAutofit": "norm", "spAutoFit": "shape"}[name]
            if name == "normAutofit":
                facts.font_scale = int(auto.get("fontScale", "100000")) / 100_000
                facts.line_reduction = int(auto.get("lnSpcReduction", "0")) / 100_000
            break
        return facts

    def family(self, typeface: str | None) -> str:
        if typeface in (None, ""):
            return self.major if self.kind in _TITLES else self.minor
        if typeface.startswith("+mj"):
            return self.major
        if typeface.startswith("+mn"):
            return self.minor
        return typeface

    def para(self, p: etree._Element) -> ParaFacts:
        ppr = first(p, "a:pPr")
        level = int(ppr.get("lvl", "0")) if ppr is not None else 0
        levels = self.levels(level)
        key = tuple(levels)
        inherited = self.ctx.level_facts.get(key)
        if inherited is None:
            inherited = self.ctx.level_facts[key] = _level_facts(levels)
        own = _level_facts([ppr]) if ppr is not None else _NO_LEVEL
        facts = ParaFacts(runs=[], level=level)
        margin = own.margin if own.margin is not None else inherited.margin
        facts.margin = margin if margin is not None else 0
        before = own.space_before if own.space_before is not None else inherited.space_before
        after = own.space_after if own.space_after is not None else inherited.space_after
        if before is not None:
            facts.space_before = before
        if after is not None:
            facts.space_after = after
        line = own.line if own.line_set else inherited.line
        if line is not None:
            facts.line = line
        defs = [*own.defs, *inherited.defs]
        base_size = next((int(d.get("sz")) / 100 for d in defs if d.get("sz")), 18.0)
        if facts.space_before < 0:  # a percentage of the size
            facts.space_before = -facts.space_before * base_size
        if facts.space_after < 0:
            facts.space_after = -facts.space_after * base_size
        for child in p:
            tag = etree.QName(child).localname
            if tag in ("r", "fld"):
                text = child.findtext("a:t", default="", namespaces=NS)
                facts.runs.append(self._run(first(child, "a:rPr"), defs, text))
            elif tag == "br":
                facts.runs.append(self._run(first(child, "a:rPr"), defs, "\n"))
        if not facts.runs:
            facts.runs.append(self._run(first(p, "a:endParaRPr"), defs, ""))
        return facts

    def _run(self, rpr: etree._Element | None, defs: list[etree._Element], text: str) -> RunFacts:
        key = (id(self.scheme), *defs)
        inherited = self.ctx.run_defaults.get(key)
        if inherited is None:
            inherited = self.ctx.run_defaults[key] = _run_defaults(defs, self.scheme)

        def attr(name: str) -> str | None:
            own = rpr.get(name) if rpr is not None else None
            return own if own is not None else inherited.attrs[name]

        size = int(attr("sz") or 1800) / 100
        latin = first(rpr, "a:latin") if rpr is not None else None
        typeface = latin.get("typeface") if latin is not None else inherited.typeface
        fill = first(rpr, "a:solidFill") if rpr is not None else None
        colour: RGB | None
        if fill is not None:
            c = colour_element(fill)
            colour = resolve(c, self.scheme) if c is not None else None
        elif inherited.has_fill:
            colour = inherited.colour
        else:
            ref = first(self.style, "a:fontRef") if self.style is not None else None
            c = colour_element(ref)
            tx1 = self.scheme.get("tx1", "#000000")
            colour = resolve(c, self.scheme) if c is not None else hex_rgb(tx1)
        return RunFacts(
            text, size, attr("b") in ("1", "true"), attr("i") in ("1", "true"), self.family(typeface), colour
        )


class _Level(NamedTuple):
    """What a chain of paragraph properties (nearest first) sets: each fact from the nearest that sets it.

    ``None``: none sets it. ``line_set``: one holds an ``a:lnSpc`` (which ends the search even
    when it holds neither a percentage nor points).
    """

    margin: int | None = None
    space_before: float | None = None
    space_after: float | None = None
    line: float | None = None
    line_set: bool = False
    defs: tuple[etree._Element, ...] = ()


_NO_LEVEL = _Level()


_BEFORE, _AFTER, _LINE, _DEFAULTS = (qn(t) for t in ("a:spcBef", "a:spcAft", "a:lnSpc", "a:defRPr"))


def _level_facts(chain: list[etree._Element]) -> _Level:
    # One pass over each element's children: a paragraph's own a:pPr is read for every paragraph.
    kids = [{child.tag: child for child in reversed(el)} for el in chain]  # the first of each tag wins
    margin = next((int(m) for el in chain if (m := el.get("marL")) is not None), None)
    before = next((_spacing(k[_BEFORE]) for k in kids if _BEFORE in k), None)
    after = next((_spacing(k[_AFTER]) for k in kids if _AFTER in k), None)
    line, line_set = None, False
    ln = next((k[_LINE] for k in kids if _LINE in k), None)
    if ln is not None:
        line_set = True
        pct, pts = first(ln, "a:spcPct"), first(ln, "a:spcPts")
        if pct is not None:
            line = int(pct.get("val", "100000")) / 100_000
        elif pts is not None:
            line = -int(pts.get("val", "0")) / 100
    defs = tuple(k[_DEFAULTS] for k in kids if _DEFAULTS in k)
    return _Level(margin, before, after, line, line_set, defs)


class _RunDefaults(NamedTuple):
    """What a chain of ``a:defRPr`` gives a run that does not set it itself (read once per chain and theme)."""

    attrs: dict[str, str | None]
    typeface: str | None
    has_fill: bool
    colour: RGB | None


def _run_defaults(defs: list[etree._Element], scheme: dict[str, str]) -> _RunDefaults:
    attrs = {name: next((v for el in defs if (v := el.get(name)) is not None), None) for name in ("sz", "b", "i")}
    typeface = next((latin.get("typeface") for el in defs if (latin := first(el, "a:latin")) is not None), None)
    fill = next((f for el in defs if (f := first(el, "a:solidFill")) is not None), None)
    colour: RGB | None = None
    if fill is not None:
        c = colour_element(fill)
        colour = resolve(c, scheme) if c is not None else None
    return _RunDefaults(attrs, typeface, fill is not None, colour)


def _spacing(el: etree._Element) -> float:
    """Points of an ``a:spcBef``/``a:spcAft``; a percentage of the size comes back negative (as a fraction)."""
    pts = first(el, "a:spcPts")
    if pts is not None:
        return int(pts.get("val", "0")) / 100
    pct = first(el, "a:spcPct")
    if pct is not None:
        return -int(pct.get("val", "0")) / 100_000
    return 0.0
