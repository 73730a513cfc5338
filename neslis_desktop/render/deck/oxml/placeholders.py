"""Where a layout's placeholders are, and the title and body areas ("frames") they give slides.

Layout placeholders without a position inherit the master's placeholder of the same type
(never matched by ``idx``: LibreOffice's exports give every placeholder ``idx="0"``). A slide
with no body placeholder gets the area below its title, above the footers, within the
title's margins. Also tells which list levels a layout's body text bullets itself, and the
placeholder type of a shape element (:func:`ph_type`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from lxml import etree
from pptx.slide import SlideLayout, SlideMaster

from neslis_desktop.render.deck.oxml.ns import NS, first
from neslis_desktop.render.deck.oxml.shapes import element
from neslis_desktop.render.deck.plan import EMU_PER_INCH, Frame, LayoutRole, Rect

TITLE_TYPES = ("title", "ctrTitle")
BODY_TYPES = ("body", "obj")
FOOTER_TYPES = ("dt", "ftr", "sldNum")
MASTER_TYPE = {
    "ctrTitle": "title",
    "subTitle": "body",
    "obj": "body",
    "tbl": "body",
    "chart": "body",
    "dgm": "body",
    "media": "body",
    "clipArt": "body",
    "pic": "body",
}
"""The master placeholder a layout placeholder of each type inherits from (the rest: its own type)."""

GAP = EMU_PER_INCH // 10
"""Space kept between a derived body area and the title above or the footer below."""

Placements = dict[str, Rect]
"""Placeholder type -> box, for placeholders whose true position is not the layout's own."""


def ph_type(sp: etree._Element) -> str | None:
    """The placeholder type of shape element ``sp`` (``obj`` when unstated), ``None`` if not one."""
    ph = first(sp, "./*/p:nvPr/p:ph")
    return None if ph is None else ph.get("type", "obj")


def ph_elements(tree_owner: etree._Element) -> Iterator[tuple[etree._Element, str]]:
    """(shape element, placeholder type) for each placeholder in a layout or master."""
    for sp in tree_owner.iterfind("p:cSld/p:spTree/*", NS):
        ph = first(sp, "./*/p:nvPr/p:ph")
        if ph is not None:
            yield sp, ph.get("type", "obj")


def ph_types(layout: SlideLayout) -> list[str]:
    """The placeholder types of ``layout`` in document order (``obj`` where none is given)."""
    return [t for _, t in ph_elements(element(layout))]


def own_rect(sp: etree._Element) -> Rect | None:
    """The box a shape (or a graphic frame) sets itself; ``None`` when it inherits its place."""
    xfrm = first(sp, "./p:spPr/a:xfrm")
    if xfrm is None:
        xfrm = first(sp, "./p:xfrm")  # graphic frames
    if xfrm is None:
        return None
    off, ext = first(xfrm, "a:off"), first(xfrm, "a:ext")
    if off is None or ext is None:
        return None
    return Rect(int(off.get("x", 0)), int(off.get("y", 0)), int(ext.get("cx", 0)), int(ext.get("cy", 0)))


def master_rect(master: SlideMaster, ph_type: str) -> Rect | None:
    wanted = MASTER_TYPE.get(ph_type, ph_type)
    for sp, t in ph_elements(element(master)):
        if t == wanted:
            return own_rect(sp)
    return None


def placeholder_rects(layout: SlideLayout, placements: Placements | None = None) -> list[tuple[str, Rect]]:
    """(type, box) of each placeholder of ``layout``, positions inherited from the master if unset."""
    result = []
    placements = placements or {}
    for sp, t in ph_elements(element(layout)):
        rect = placements.get(t) or own_rect(sp) or master_rect(layout.slide_master, t)
        if rect is not None and rect.w > 0 and rect.h > 0:
            result.append((t, rect))
    return result


def first_rect(rects: Iterable[tuple[str, Rect]], types: tuple[str, ...], largest: bool = False) -> Rect | None:
    found = [r for t, r in rects if t in types]
    if not found:
        return None
    return max(found, key=lambda r: r.w * r.h) if largest else found[0]


def layout_frame(
    layout: SlideLayout, role: LayoutRole, slide_w: int, slide_h: int, placements: Placements | None = None
) -> Frame:
    """The title and body areas that ``layout`` gives a slide of ``role``."""
    rects = placeholder_rects(layout, placements)
    master_title = master_rect(layout.slide_master, "title")
    margin_x = slide_w // 20
    title = (
        first_rect(rects, TITLE_TYPES)
        or master_title
        or Rect(margin_x, slide_h // 25, slide_w - 2 * margin_x, slide_h // 7)
    )
    body: Rect | None = None
    if role == "content":
        body = first_rect(rects, BODY_TYPES, largest=True)
    elif role == "title":
        body = first_rect(rects, ("subTitle",)) or first_rect(rects, BODY_TYPES, largest=True)
    elif role == "section":
        body = first_rect(rects, ("body", "subTitle")) or first_rect(rects, ("obj",))
    if body is None:
        body = _area_below_title(layout, title, rects, slide_w, slide_h, blank=role == "blank")
    return Frame(
        slide_w=slide_w, slide_h=slide_h, title=_clip(title, slide_w, slide_h), body=_clip(body, slide_w, slide_h)
    )


def _area_below_title(
    layout: SlideLayout, title: Rect, rects: list[tuple[str, Rect]], slide_w: int, slide_h: int, *, blank: bool
) -> Rect:
    """Below the title (or from its top, for blank slides), above the footers, within its margins."""
    top = title.y if blank else title.bottom + GAP
    master_body = master_rect(layout.slide_master, "body")
    if not blank and master_body is not None and title.bottom <= master_body.y < slide_h // 2:
        top = max(top, master_body.y)  # where the template's designer starts content
    left, width = title.x, title.w
    if master_body is not None and master_body.w > title.w:
        # A narrow title box (centred, or beside a logo) does not make the body narrow.
        left, width = master_body.x, master_body.w
    elif title.w < slide_w * 0.6:
        left, width = slide_w // 20, slide_w - slide_w // 10
    footers = [r.y for t, r in rects if t in FOOTER_TYPES and r.y > slide_h // 2]
    bottom = (min(footers) - GAP) if footers else slide_h - max(slide_w - title.right, slide_h // 20)
    if bottom - top < slide_h // 4:  # a title reaching far down: use the lower slide anyway
        bottom = max(bottom, min(slide_h - GAP, top + slide_h // 4))
    return Rect(left, top, width, max(bottom - top, 1))


def _clip(rect: Rect, slide_w: int, slide_h: int) -> Rect:
    x, y = max(rect.x, 0), max(rect.y, 0)
    right, bottom = min(rect.right, slide_w), min(rect.bottom, slide_h)
    return Rect(x, y, max(right - x, 1), max(bottom - y, 1))


def bulleted_levels(layout: SlideLayout) -> frozenset[int]:
    """The list levels (0-based) at which ``layout``'s body text has a bullet of the template's own.

    Looks where PowerPoint does: the layout's body placeholder, the master's, then the
    master's body style. LibreOffice's exports keep their bullets elsewhere (in the prompt
    text), so for them no level has one and the writer draws its own.
    """
    sources: list[etree._Element] = []
    for owner, wanted in ((element(layout), BODY_TYPES), (element(layout.slide_master), ("body",))):
        for sp, t in ph_elements(owner):
            style = first(sp, "p:txBody/a:lstStyle")
            if t in wanted and style is not None:
                sources.append(style)
    body_style = element(layout.slide_master).find("p:txStyles/p:bodyStyle", NS)
    if body_style is not None:
        sources.append(body_style)
    levels = set()
    for n in range(1, 10):
        for source in sources:
            props = first(source, f"a:lvl{n}pPr")
            kinds = {etree.QName(child).localname for child in props} if props is not None else set()
            if kinds & {"buChar", "buAutoNum", "buBlip"}:
                levels.add(n - 1)
                break
            if "buNone" in kinds:
                break
    return frozenset(levels)
