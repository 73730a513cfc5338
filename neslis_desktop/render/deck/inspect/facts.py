"""What a written slide really shows: boxes, text with resolved formatting, fills and backgrounds.

The inspector must judge the slide PowerPoint will draw, not the plan that made it, so every
text property is resolved the way PowerPoint resolves it: run, paragraph, the shape's list
style, then (placeholders) the layout's and the master's placeholder and the master's title or
body style, or (other shapes) the presentation's default text style; theme fonts (``+mj-lt``)
and theme colours through the master's colour map. Placeholder boxes, insets and autofit are
inherited from the layout and master likewise. Shapes of the layout and master that are not
placeholders (decorations, logos, "Confidential" boxes) are collected too, as the slide shows
them under its own shapes.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml import etree
from pptx.presentation import Presentation as PresentationObj
from pptx.slide import Slide

from neslis_desktop.render.deck import theme
from neslis_desktop.render.deck.inspect.colour import RGB, colour_element, resolve
from neslis_desktop.render.deck.plan import Rect

NS = {
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
}
_A = "{%s}" % NS["a"]
_P = "{%s}" % NS["p"]
_TITLES = ("title", "ctrTitle")
_MASTER_TYPE = {"ctrTitle": "title", "subTitle": "body", "obj": "body", "tbl": "body", "chart": "body",
                "dgm": "body", "media": "body", "clipArt": "body", "pic": "body"}
FOOTERS = ("dt", "ftr", "sldNum", "hdr")


@dataclass
class RunFacts:
    """One run as shown: its text, size, weight and family, and colour (``None``: unknown)."""

    text: str
    size: float
    bold: bool
    italic: bool
    family: str
    colour: RGB | None


@dataclass
class ParaFacts:
    """One paragraph: runs and the spacing and margins it is set with (EMU and points)."""

    runs: list[RunFacts]
    level: int = 0
    margin: int = 0
    space_before: float = 0.0
    space_after: float = 0.0
    line: float = 1.0
    """Line spacing as a multiple of single spacing, or, when negative, minus fixed points."""

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)

    @property
    def size(self) -> float:
        return max((r.size for r in self.runs if r.text.strip()), default=self.runs[0].size if self.runs else 18.0)


@dataclass
class BodyFacts:
    """The text frame's insets (EMU), wrapping, anchor and autofit."""

    insets: tuple[int, int, int, int] = (91_440, 45_720, 91_440, 45_720)
    wrap: bool = True
    anchor: str = "t"
    autofit: str = "none"  # "none", "norm" (shrink on overflow), "shape" (box grows)
    font_scale: float = 1.0
    line_reduction: float = 0.0


@dataclass
class Fill:
    """A fill: solid colours (one, or a gradient's stops), ``picture``, or none."""

    colours: list[RGB] = field(default_factory=list)
    picture: bool = False

    @property
    def opaque(self) -> bool:
        return bool(self.colours) or self.picture


@dataclass
class ShapeFacts:
    """One shape as shown on the slide, in drawing order (``layer``: master, layout or slide)."""

    name: str
    shape_id: int
    layer: str
    kind: str  # "placeholder", "text", "shape", "connector", "picture", "other"
    rect: Rect
    ph_type: str | None = None
    fill: Fill = field(default_factory=Fill)
    paras: list[ParaFacts] = field(default_factory=list)
    body: BodyFacts = field(default_factory=BodyFacts)
    element: etree._Element | None = None

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paras).strip()

    @property
    def is_footer(self) -> bool:
        return self.ph_type in FOOTERS


@dataclass
class SlideFacts:
    """A slide: its number, title, size, background and every shape it shows."""

    number: int
    title: str
    width: int
    height: int
    background: Fill
    shapes: list[ShapeFacts]
    layout_name: str
    notes: str = ""


class _Context:
    """The presentation-wide facts one slide's resolution needs: theme colours and fonts."""

    def __init__(self, prs: PresentationObj) -> None:
        self.default_style = prs.part._element.find("p:defaultTextStyle", NS)
        self.palettes: dict[int, dict[str, str]] = {}
        self.fonts: dict[int, tuple[str, str]] = {}

    def palette(self, master: object) -> dict[str, str]:
        key = id(master._element)  # type: ignore[attr-defined]
        if key not in self.palettes:
            self.palettes[key] = theme.palette(master)  # type: ignore[arg-type]
            f = theme.fonts(master)  # type: ignore[arg-type]
            self.fonts[key] = (f.major, f.minor)
        return self.palettes[key]


def _ph(sp: etree._Element) -> etree._Element | None:
    return sp.find("./*/p:nvPr/p:ph", NS)


def _xfrm(sp: etree._Element) -> Rect | None:
    xfrm = sp.find("./p:spPr/a:xfrm", NS)
    if xfrm is None:
        xfrm = sp.find("./p:xfrm", NS)  # graphic frames
    if xfrm is None:
        return None
    off, ext = xfrm.find("a:off", NS), xfrm.find("a:ext", NS)
    if off is None or ext is None:
        return None
    return Rect(int(off.get("x", 0)), int(off.get("y", 0)), int(ext.get("cx", 0)), int(ext.get("cy", 0)))


def _placeholders(owner: etree._Element) -> list[tuple[etree._Element, str, str | None]]:
    found = []
    for sp in owner.iterfind("p:cSld/p:spTree/*", NS):
        ph = _ph(sp)
        if ph is not None:
            found.append((sp, ph.get("type", "obj"), ph.get("idx")))
    return found


def _match(owner: etree._Element, kind: str, idx: str | None, by_type_only: bool) -> etree._Element | None:
    """The placeholder of ``owner`` a slide's (or layout's) placeholder inherits from."""
    phs = _placeholders(owner)
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
                return Fill([rgb] if rgb else [])
            if tag == "gradFill":
                stops = [colour_element(gs) for gs in child.iterfind("a:gsLst/a:gs", NS)]
                return Fill([c for c in (resolve(s, scheme) for s in stops if s is not None) if c])
            if tag in ("blipFill", "pattFill"):
                return Fill(picture=True)
    if style is not None:
        ref = style.find("a:fillRef", NS)
        if ref is not None and ref.get("idx", "0") != "0":
            el = colour_element(ref)
            rgb = resolve(el, scheme) if el is not None else None
            return Fill([rgb] if rgb else [])
    return None


def background(slide: Slide, scheme: dict[str, str]) -> Fill:
    """The slide's background: its own, else the layout's, else the master's; white if none."""
    for owner in (slide._element, slide.slide_layout._element, slide.slide_layout.slide_master._element):
        bg = owner.find("p:cSld/p:bg", NS)
        if bg is None:
            continue
        pr = bg.find("p:bgPr", NS)
        if pr is not None:
            fill = _fill_of(pr, scheme, None)
            if fill is not None:
                return fill
        ref = bg.find("p:bgRef", NS)
        if ref is not None:
            el = colour_element(ref)
            rgb = resolve(el, scheme) if el is not None else None
            if rgb is not None:
                return Fill([rgb])
    return Fill([(255, 255, 255)])


class _TextChain:
    """The sources a shape's text properties come from, nearest first, for one shape."""

    def __init__(self, ctx: _Context, slide: Slide, sp: etree._Element, layer_owner: etree._Element) -> None:
        self.ctx = ctx
        master = slide.slide_layout.slide_master
        self.scheme = ctx.palette(master)
        self.major, self.minor = ctx.fonts[id(master._element)]
        self.shapes: list[etree._Element] = [sp]  # shapes whose txBody/bodyPr/lstStyle apply
        self.styles: list[etree._Element] = []  # txStyles-like lists (lvlNpPr children)
        ph = _ph(sp)
        self.kind = ph.get("type", "obj") if ph is not None else None
        layout_el, master_el = slide.slide_layout._element, master._element
        if ph is not None:
            if layer_owner is slide._element:
                lay = _match(layout_el, self.kind or "obj", ph.get("idx"), False)
                if lay is not None:
                    self.shapes.append(lay)
            if layer_owner is not master_el:
                mas = _match(master_el, self.kind or "obj", None, True)
                if mas is not None:
                    self.shapes.append(mas)
            which = "titleStyle" if self.kind in _TITLES else "otherStyle" if self.kind in FOOTERS else "bodyStyle"
            st = master_el.find(f"p:txStyles/p:{which}", NS)
            if st is not None:
                self.styles.append(st)
        elif ctx.default_style is not None:
            self.styles.append(ctx.default_style)
        self.style = sp.find("p:style", NS)

    def rect(self) -> Rect | None:
        for sp in self.shapes:
            r = _xfrm(sp)
            if r is not None:
                return r
        return None

    def levels(self, level: int) -> list[etree._Element]:
        """Every ``a:lvlNpPr`` (and ``a:pPr`` defaults) for ``level``, nearest first."""
        found = []
        tag = f"a:lvl{level + 1}pPr"
        for sp in self.shapes:
            el = sp.find(f"p:txBody/a:lstStyle/{tag}", NS)
            if el is not None:
                found.append(el)
        for st in self.styles:
            el = st.find(tag, NS)
            if el is not None:
                found.append(el)
        return found

    def body(self) -> BodyFacts:
        facts = BodyFacts()
        insets = [None, None, None, None]
        names = ("lIns", "tIns", "rIns", "bIns")
        for sp in self.shapes:
            pr = sp.find("p:txBody/a:bodyPr", NS)
            if pr is None:
                continue
            for i, name in enumerate(names):
                if insets[i] is None and pr.get(name) is not None:
                    insets[i] = int(pr.get(name))  # type: ignore[call-overload]
            if pr.get("wrap") is not None and pr is sp.find("p:txBody/a:bodyPr", NS) and sp is self._first_with(
                "wrap"
            ):
                facts.wrap = pr.get("wrap") != "none"
            if pr.get("anchor") is not None and sp is self._first_with("anchor"):
                facts.anchor = pr.get("anchor", "t")
        defaults = (91_440, 45_720, 91_440, 45_720)
        facts.insets = tuple(v if v is not None else d for v, d in zip(insets, defaults, strict=True))  # type: ignore[assignment]
        for sp in self.shapes:
            pr = sp.find("p:txBody/a:bodyPr", NS)
            if pr is None:
                continue
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

    def _first_with(self, attr: str) -> etree._Element | None:
        for sp in self.shapes:
            pr = sp.find("p:txBody/a:bodyPr", NS)
            if pr is not None and pr.get(attr) is not None:
                return sp
        return None

    def family(self, typeface: str | None) -> str:
        if typeface in (None, ""):
            return self.major if self.kind in _TITLES else self.minor
        if typeface.startswith("+mj"):
            return self.major
        if typeface.startswith("+mn"):
            return self.minor
        return typeface  # type: ignore[return-value]

    def para(self, p: etree._Element) -> ParaFacts:
        ppr = p.find("a:pPr", NS)
        level = int(ppr.get("lvl", "0")) if ppr is not None else 0
        chain = ([ppr] if ppr is not None else []) + self.levels(level)
        facts = ParaFacts(runs=[], level=level)
        facts.margin = next((int(el.get("marL")) for el in chain if el.get("marL") is not None), 0)
        for attr, tag in (("space_before", "spcBef"), ("space_after", "spcAft")):
            for el in chain:
                sp_el = el.find(f"a:{tag}", NS)
                if sp_el is not None:
                    setattr(facts, attr, _spacing(sp_el))
                    break
        defs = [el.find("a:defRPr", NS) for el in chain]
        defs = [d for d in defs if d is not None]
        base_size = next((int(d.get("sz")) / 100 for d in defs if d.get("sz")), 18.0)
        for el in chain:
            ln = el.find("a:lnSpc", NS)
            if ln is not None:
                pct, pts = ln.find("a:spcPct", NS), ln.find("a:spcPts", NS)
                if pct is not None:
                    facts.line = int(pct.get("val", "100000")) / 100_000
                elif pts is not None:
                    facts.line = -int(pts.get("val", "0")) / 100
                break
        if facts.space_before < 0:  # a percentage of the size
            facts.space_before = -facts.space_before * base_size
        if facts.space_after < 0:
            facts.space_after = -facts.space_after * base_size
        for child in p:
            tag = etree.QName(child).localname
            if tag in ("r", "fld"):
                text = child.findtext("a:t", default="", namespaces=NS)
                facts.runs.append(self._run(child.find("a:rPr", NS), defs, text))
            elif tag == "br":
                facts.runs.append(self._run(child.find("a:rPr", NS), defs, "\n"))
        if not facts.runs:
            facts.runs.append(self._run(p.find("a:endParaRPr", NS), defs, ""))
        return facts

    def _run(self, rpr: etree._Element | None, defs: list[etree._Element], text: str) -> RunFacts:
        chain = ([rpr] if rpr is not None else []) + defs

        def attr(name: str) -> str | None:
            return next((el.get(name) for el in chain if el.get(name) is not None), None)

        size = int(attr("sz") or 1800) / 100
        typeface = next((el.find("a:latin", NS).get("typeface") for el in chain if el.find("a:latin", NS) is not None), None)
        colour: RGB | None = None
        for el in chain:
            fill = el.find("a:solidFill", NS)
            if fill is not None:
                c = colour_element(fill)
                colour = resolve(c, self.scheme) if c is not None else None
                break
        else:
            ref = self.style.find("a:fontRef", NS) if self.style is not None else None
            c = colour_element(ref)
            tx1 = self.scheme.get("tx1", "#000000")
            colour = resolve(c, self.scheme) if c is not None else resolve(
                etree.fromstring(f'<a:srgbClr xmlns:a="{NS["a"]}" val="{tx1[1:]}"/>'), self.scheme
            )
        return RunFacts(text, size, attr("b") in ("1", "true"), attr("i") in ("1", "true"), self.family(typeface), colour)


def _spacing(el: etree._Element) -> float:
    """Points of an ``a:spcBef``/``a:spcAft``; a percentage of the size comes back negative (as a fraction)."""
    pts = el.find("a:spcPts", NS)
    if pts is not None:
        return int(pts.get("val", "0")) / 100
    pct = el.find("a:spcPct", NS)
    if pct is not None:
        return -int(pct.get("val", "0")) / 100_000
    return 0.0


def _shape_kind(sp: etree._Element) -> str:
    tag = etree.QName(sp).localname
    if _ph(sp) is not None:
        return "placeholder"
    if tag == "cxnSp":
        return "connector"
    if tag == "pic":
        return "picture"
    if tag == "sp":
        return "text" if sp.find("p:nvSpPr/p:cNvSpPr", NS) is not None and sp.find(
            "p:nvSpPr/p:cNvSpPr", NS
        ).get("txBox") == "1" else "shape"
    return "other"


def _walk(tree: etree._Element) -> Iterator[tuple[etree._Element, tuple[float, float, float, float]]]:
    """Shape elements of a shape tree, groups opened, with the group transform to apply."""
    def inner(node: etree._Element, t: tuple[float, float, float, float]) -> Iterator[tuple[etree._Element, tuple[float, float, float, float]]]:
        for child in node:
            tag = etree.QName(child).localname
            if tag == "grpSp":
                x = child.find("p:grpSpPr/a:xfrm", NS)
                nt = t
                if x is not None:
                    off, ext = x.find("a:off", NS), x.find("a:ext", NS)
                    choff, chext = x.find("a:chOff", NS), x.find("a:chExt", NS)
                    if None not in (off, ext, choff, chext):
                        sx = int(ext.get("cx")) / max(int(chext.get("cx")), 1)  # type: ignore[union-attr]
                        sy = int(ext.get("cy")) / max(int(chext.get("cy")), 1)  # type: ignore[union-attr]
                        ox = int(off.get("x")) - int(choff.get("x")) * sx  # type: ignore[union-attr]
                        oy = int(off.get("y")) - int(choff.get("y")) * sy  # type: ignore[union-attr]
                        nt = (t[0] + ox * t[2], t[1] + oy * t[3], t[2] * sx, t[3] * sy)
                yield from inner(child, nt)
            elif tag in ("sp", "cxnSp", "pic", "graphicFrame"):
                yield child, t
    yield from inner(tree, (0.0, 0.0, 1.0, 1.0))


def _apply(r: Rect, t: tuple[float, float, float, float]) -> Rect:
    if t == (0.0, 0.0, 1.0, 1.0):
        return r
    return Rect(round(t[0] + r.x * t[2]), round(t[1] + r.y * t[3]), round(r.w * t[2]), round(r.h * t[3]))


def _layer(ctx: _Context, slide: Slide, owner: etree._Element, layer: str, decorations: bool) -> list[ShapeFacts]:
    tree = owner.find("p:cSld/p:spTree", NS)
    out: list[ShapeFacts] = []
    if tree is None:
        return out
    for sp, t in _walk(tree):
        kind = _shape_kind(sp)
        if decorations and kind == "placeholder":
            continue  # a layout's or master's placeholders show only as prompts, never on the slide
        chain = _TextChain(ctx, slide, sp, owner)
        rect = chain.rect()
        if rect is None:
            continue
        c_nv = sp.find("./*/p:cNvPr", NS)
        facts = ShapeFacts(
            name=c_nv.get("name", "") if c_nv is not None else "",
            shape_id=int(c_nv.get("id", "0")) if c_nv is not None and c_nv.get("id", "").isdigit() else 0,
            layer=layer, kind=kind, rect=_apply(rect, t), ph_type=chain.kind, element=sp,
        )
        if kind == "picture":
            facts.fill = Fill(picture=True)
        else:
            own = _fill_of(sp.find("p:spPr", NS), chain.scheme, chain.style)
            if own is None and kind == "placeholder":
                for other in chain.shapes[1:]:
                    own = _fill_of(other.find("p:spPr", NS), chain.scheme, other.find("p:style", NS))
                    if own is not None:
                        break
            facts.fill = own or Fill()
        tx = sp.find("p:txBody", NS)
        if tx is not None:
            facts.paras = [chain.para(p) for p in tx.iterfind("a:p", NS)]
            facts.body = chain.body()
        out.append(facts)
    return out


def slide_facts(prs: PresentationObj) -> list[SlideFacts]:
    """Every slide of ``prs`` as it is shown."""
    ctx = _Context(prs)
    width, height = int(prs.slide_width or 0), int(prs.slide_height or 0)
    slides = []
    for number, slide in enumerate(prs.slides, start=1):
        layout = slide.slide_layout
        master = layout.slide_master
        scheme = ctx.palette(master)
        shapes: list[ShapeFacts] = []
        if layout._element.get("showMasterSp", "1") not in ("0", "false") and slide._element.get(
            "showMasterSp", "1"
        ) not in ("0", "false"):
            shapes += _layer(ctx, slide, master._element, "master", True)
        if slide._element.get("showMasterSp", "1") not in ("0", "false"):
            shapes += _layer(ctx, slide, layout._element, "layout", True)
        shapes += _layer(ctx, slide, slide._element, "slide", False)
        title = next((s.text for s in shapes if s.layer == "slide" and s.ph_type in _TITLES), "")
        notes = ""
        if slide.has_notes_slide:
            frame = slide.notes_slide.notes_text_frame
            notes = frame.text if frame is not None else ""
        slides.append(SlideFacts(number, title, width, height, background(slide, scheme), shapes, layout.name, notes))
    return slides
