"""What a slide's text and fills resolve to, through PowerPoint's inheritance.

A run's colour, size and weight come from the first of: the run itself, the shape's list
style, the layout's and then the master's matching placeholder, the master's title/body/other
text styles, the presentation's default text style. Theme colours (``tx1``, ``accent2``) go
through the colour map (slide override, else layout, else master) to the theme's scheme.
A shape's background is its own fill, else the fill of a shape beneath it, else the slide's,
layout's or master's background. Picture fills and pictures beneath cannot be judged: they
resolve to ``None`` and the contrast rule skips that text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lxml import etree

from neslis_desktop.render.a11y.values import int_attr
from neslis_desktop.render.colour import (
    BLACK,
    DEFAULT_MAP,
    MAPPED_NAMES,
    PRESET,
    RGB,
    WHITE,
    blend,
    hex_rgb,
    lum_mod_off,
    shade,
    tint,
)

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
THEME_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme"
_SLOTS = MAPPED_NAMES
_TITLE_TYPES = {"title", "ctrTitle"}
_BODY_TYPES = {"body", "subTitle", "obj", None}
_COLOUR_TAGS = {A + t for t in ("srgbClr", "schemeClr", "sysClr", "prstClr", "scrgbClr", "hslClr")}
Element = Any


@dataclass
class Paint:
    """A resolved fill: a colour and its opacity, or ``None`` for one that cannot be judged."""

    rgb: RGB | None
    alpha: float = 1.0


class SlideColours:
    """Theme colours as one slide sees them: its colour map over its master's theme."""

    def __init__(self, slide: Any, themes: dict[Any, tuple[dict[str, RGB], list[Element]]] | None = None) -> None:
        """``themes``: the masters' themes already read by this check, shared by its slides."""
        layout = slide.slide_layout
        master = layout.slide_master
        known = themes.get(master.element) if themes is not None else None
        if known is None:
            known = self._theme(master)
            if themes is not None:
                themes[master.element] = known
        self.scheme, self.bg_styles = known
        mapping = dict(DEFAULT_MAP)
        master_map = master.element.find(f"{P}clrMap")
        if master_map is not None:
            mapping.update(master_map.attrib)
        for part in (layout.element, slide.element):
            override = part.find(f"{P}clrMapOvr/{A}overrideClrMapping")
            if override is not None:
                mapping.update(override.attrib)
        self.mapping = mapping

    @classmethod
    def _theme(cls, master: Any) -> tuple[dict[str, RGB], list[Element]]:
        """The theme's colour slots and background fill styles."""
        colours: dict[str, RGB] = {}
        try:
            theme = master.part.part_related_by(THEME_REL)
            root = etree.fromstring(theme.blob)
            scheme = root.find(f"{A}themeElements/{A}clrScheme")
            for slot in scheme if scheme is not None else []:
                rgb = cls._plain(slot[0]) if len(slot) else None
                if rgb is not None:
                    colours[etree.QName(slot).localname] = rgb
            fmt = root.find(f"{A}themeElements/{A}fmtScheme/{A}bgFillStyleLst")
            return colours, list(fmt) if fmt is not None else []
        except (KeyError, ValueError, SyntaxError):
            return colours, []

    @staticmethod
    def _plain(el: Element) -> RGB | None:
        if el.tag == A + "srgbClr":
            return hex_rgb(el.get("val", ""))
        if el.tag == A + "sysClr":
            return hex_rgb(el.get("lastClr", "")) or (WHITE if el.get("val") == "window" else BLACK)
        return None

    def scheme_colour(self, name: str) -> RGB | None:
        slot = self.mapping.get(name, name) if name in _SLOTS else name
        return self.scheme.get(slot)

    def colour(self, el: Element | None, placeholder: RGB | None = None) -> Paint | None:
        """The colour element ``el`` (``a:srgbClr``...) resolved, with its modifiers applied."""
        if el is None or el.tag not in _COLOUR_TAGS:
            return None
        tag = el.tag[len(A) :]
        rgb: RGB | None
        if tag == "schemeClr":
            name = el.get("val", "")
            rgb = placeholder if name == "phClr" else self.scheme_colour(name)
        elif tag == "prstClr":
            rgb = hex_rgb(PRESET.get(el.get("val", ""), ""))
        elif tag == "scrgbClr":
            rgb = tuple(int_attr(el.get(k), 0) / 100000 for k in ("r", "g", "b"))  # type: ignore[assignment]
        elif tag == "hslClr":
            import colorsys

            rgb = colorsys.hls_to_rgb(
                int_attr(el.get("hue"), 0) / 21600000,
                int_attr(el.get("lum"), 0) / 100000,
                int_attr(el.get("sat"), 0) / 100000,
            )
        else:
            rgb = self._plain(el)
        if rgb is None:
            return None
        alpha = 1.0
        mod, off = 1.0, 0.0
        for change in el:
            name = change.tag[len(A) :] if change.tag.startswith(A) else ""
            value = int_attr(change.get("val"), 100000) / 100000
            if name == "lumMod":
                mod = value
            elif name == "lumOff":
                off = value
            elif name == "tint":
                rgb = tint(rgb, value)
            elif name == "shade":
                rgb = shade(rgb, value)
            elif name == "alpha":
                alpha = value
        if (mod, off) != (1.0, 0.0):
            rgb = lum_mod_off(rgb, mod, off)
        return Paint(rgb, alpha)

    def fill(self, container: Element | None, placeholder: RGB | None = None) -> Paint | list[Paint] | None:
        """The fill inside ``container`` (``spPr``, ``bgPr``, ``rPr``): a paint, a gradient's
        stops, ``Paint(None)`` for a fill that cannot be judged, ``Paint(None, 0)`` for none, or
        ``None`` when the container sets no fill."""
        if container is None:
            return None
        for child in container:
            tag = child.tag
            if tag == A + "solidFill":
                return self.colour(child[0] if len(child) else None, placeholder) or Paint(None)
            if tag == A + "noFill":
                return Paint(None, 0.0)
            if tag == A + "gradFill":
                stops = [self.colour(gs[0] if len(gs) else None, placeholder) for gs in child.iter(A + "gs")]
                paints = [s for s in stops if s is not None]
                return paints or Paint(None)
            if tag in (A + "blipFill", A + "pattFill", A + "grpFill"):
                return Paint(None)
        return None


_PH = etree.XPath("./*/p:nvPr/p:ph", namespaces={"p": P[1:-1]})  # compiled once: asked of every shape, often


def placeholder_type(shape_el: Element) -> tuple[bool, str | None, str | None]:
    """(is a placeholder, its type, its idx) from the shape's ``p:ph``."""
    found = _PH(shape_el)
    if not found:
        return False, None, None
    ph = found[0]
    return True, ph.get("type"), ph.get("idx")


def _matching_ph(tree: Element, ph_type: str | None, idx: str | None) -> Element | None:
    """The placeholder shape in a layout or master that a slide placeholder inherits from."""
    by_type = None
    for ph in tree.iter(P + "ph"):
        shape = ph.getparent().getparent().getparent()
        if idx is not None and ph.get("idx") == idx and idx != "0":
            return shape
        kind = ph.get("type")
        if (
            kind == ph_type
            or (ph_type in _TITLE_TYPES and kind in _TITLE_TYPES)
            or (ph_type in _BODY_TYPES and kind in (None, "body", "obj") and by_type is None)
        ):
            by_type = by_type if by_type is not None else shape
    return by_type


class TextStyles:
    """The chain of list styles a shape's paragraphs inherit from, on one slide."""

    def __init__(
        self, slide: Any, prs: Any, matches: dict[tuple[Any, str | None, str | None], Any] | None = None
    ) -> None:
        """``matches``: the layout and master placeholders already found by this check, shared by its slides."""
        self.layout = slide.slide_layout.element
        self.master = slide.slide_layout.slide_master.element
        self.default = prs.element.find(f"{P}defaultTextStyle")
        self.matches = matches if matches is not None else {}

    def _match(self, tree: Element, ph_type: str | None, idx: str | None) -> Element | None:
        key = (tree, ph_type, idx)
        if key not in self.matches:
            self.matches[key] = _matching_ph(tree, ph_type, idx)
        return self.matches[key]

    def chain(self, shape_el: Element) -> list[Element]:
        """``a:lstStyle``-like elements, nearest first, for text in ``shape_el``."""
        out: list[Element] = []
        own = shape_el.find(f"{P}txBody/{A}lstStyle")
        if own is not None:
            out.append(own)
        is_ph, ph_type, idx = placeholder_type(shape_el)
        if is_ph:
            for tree in (self.layout, self.master):
                base = self._match(tree, ph_type, idx)
                if base is not None:
                    style = base.find(f"{P}txBody/{A}lstStyle")
                    if style is not None:
                        out.append(style)
            which = "titleStyle" if ph_type in _TITLE_TYPES else "bodyStyle" if ph_type in _BODY_TYPES else "otherStyle"
            style = self.master.find(f"{P}txStyles/{P}{which}")
            if style is not None:
                out.append(style)
        if self.default is not None:
            out.append(self.default)
        return out

    def base_shapes(self, shape_el: Element) -> list[Element]:
        """The layout's and master's placeholders ``shape_el`` inherits from (none for other shapes)."""
        is_ph, ph_type, idx = placeholder_type(shape_el)
        if not is_ph:
            return []
        found = [self._match(tree, ph_type, idx) for tree in (self.layout, self.master)]
        return [f for f in found if f is not None]


def level_props(chain: list[Element], level: int) -> list[Element]:
    """The ``defRPr`` elements for paragraph ``level`` (0-based) along ``chain``, nearest first."""
    out = []
    for style in chain:
        lvl = style.find(f"{A}lvl{level + 1}pPr/{A}defRPr")
        if lvl is not None:
            out.append(lvl)
    return out


def first_attr(props: list[Element], name: str) -> str | None:
    for el in props:
        if el is not None and el.get(name) is not None:
            return str(el.get(name))
    return None


def first_fill(colours: SlideColours, props: list[Element], placeholder: RGB | None = None) -> Paint | None:
    """The first text colour set along ``props`` (run, then inherited ``defRPr`` elements)."""
    for el in props:
        if el is None:
            continue
        paint = colours.fill(el, placeholder)
        if isinstance(paint, list):
            return paint[0]
        if paint is not None:
            return paint
    return None


def background(slide: Any, colours: SlideColours) -> Paint:
    """The slide's background as seen: slide, else layout, else master; white when none is set."""
    for part in (slide, slide.slide_layout, slide.slide_layout.slide_master):
        bg = part.element.find(f"{P}cSld/{P}bg")
        if bg is None:
            continue
        pr = bg.find(f"{P}bgPr")
        if pr is not None:
            paint = colours.fill(pr)
            return _flat(paint)
        ref = bg.find(f"{P}bgRef")
        if ref is not None:
            ref_colour = colours.colour(ref[0] if len(ref) else None)
            idx = int_attr(ref.get("idx"), 0)
            styles = colours.bg_styles
            if idx >= 1001 and idx - 1001 < len(styles):
                style = styles[idx - 1001]
                holder = [style]
                paint = colours.fill(holder, ref_colour.rgb if ref_colour else None)
                return _flat(paint)
            return ref_colour or Paint(None)
    return Paint(WHITE)


def _flat(paint: Paint | list[Paint] | None) -> Paint:
    if paint is None:
        return Paint(WHITE)
    if isinstance(paint, list):
        return paint[0]
    return paint


def composite(layers: list[Paint | list[Paint]], base: Paint) -> list[RGB] | None:
    """The colours seen through ``layers`` (top first) over ``base``; ``None`` if unknowable.

    A gradient yields each of its stops, so the worst contrast over the gradient is checked.
    """
    under: list[RGB] | None = [base.rgb] if base.rgb is not None else None
    for layer in reversed(layers):
        paints = layer if isinstance(layer, list) else [layer]
        if all(p.alpha == 0 for p in paints):
            continue
        if any(p.rgb is None for p in paints):
            return None
        if all(p.alpha >= 1 for p in paints):
            under = [p.rgb for p in paints if p.rgb is not None]
            continue
        if under is None:
            return None
        under = [blend(p.rgb, p.alpha, u) for p in paints for u in under if p.rgb is not None]
    return under
