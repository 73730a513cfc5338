"""Reading a written deck into :mod:`.facts`: every slide's shapes in drawing order, resolved.

Native tables are read cell by cell (:mod:`.tables`). Shapes of the master and layout that
are not placeholders (decorations, logos, a fixed "Confidential" box) are read too, as the
slide shows them under its own shapes; the layout's and master's placeholders are not, since
a slide shows them only through its own.
"""

from __future__ import annotations

import copy
from collections.abc import Collection, Iterator
from typing import NamedTuple

from lxml import etree
from pptx.presentation import Presentation as PresentationObj
from pptx.slide import Slide, SlideLayout, SlideMaster

from neslis_desktop.render.deck.inspect.facts import _TITLES, Fill, ShapeFacts, SlideFacts
from neslis_desktop.render.deck.inspect.inherit import _Context, _fill_of, _ph, _TextChain, background
from neslis_desktop.render.deck.inspect.tables import read_table
from neslis_desktop.render.deck.oxml.ns import NS, first
from neslis_desktop.render.deck.oxml.shapes import element
from neslis_desktop.render.deck.plan import Rect
from neslis_desktop.render.slide_memo import Memo, SlideDigests


def _shape_kind(sp: etree._Element) -> str:
    tag = etree.QName(sp).localname
    if _ph(sp) is not None:
        return "placeholder"
    if tag == "cxnSp":
        return "connector"
    if tag == "pic":
        return "picture"
    if tag == "sp":
        c_nv = first(sp, "p:nvSpPr/p:cNvSpPr")
        return "text" if c_nv is not None and c_nv.get("txBox") == "1" else "shape"
    return "other"


def _walk(tree: etree._Element) -> Iterator[tuple[etree._Element, tuple[float, float, float, float]]]:
    """Shape elements of a shape tree, groups opened, with the group transform to apply."""

    def inner(
        node: etree._Element, t: tuple[float, float, float, float]
    ) -> Iterator[tuple[etree._Element, tuple[float, float, float, float]]]:
        for child in node:
            tag = etree.QName(child).localname
            if tag == "grpSp":
                x = first(child, "p:grpSpPr/a:xfrm")
                nt = t
                if x is not None:
                    off, ext = first(x, "a:off"), first(x, "a:ext")
                    choff, chext = first(x, "a:chOff"), first(x, "a:chExt")
                    if None not in (off, ext, choff, chext):
                        sx = int(ext.get("cx")) / max(int(chext.get("cx")), 1)
                        sy = int(ext.get("cy")) / max(int(chext.get("cy")), 1)
                        ox = int(off.get("x")) - int(choff.get("x")) * sx
                        oy = int(off.get("y")) - int(choff.get("y")) * sy
                        nt = (t[0] + ox * t[2], t[1] + oy * t[3], t[2] * sx, t[3] * sy)
                yield from inner(child, nt)
            elif tag in ("sp", "cxnSp", "pic", "graphicFrame"):
                yield child, t

    yield from inner(tree, (0.0, 0.0, 1.0, 1.0))


def _apply(r: Rect, t: tuple[float, float, float, float]) -> Rect:
    if t == (0.0, 0.0, 1.0, 1.0):
        return r
    return Rect(round(t[0] + r.x * t[2]), round(t[1] + r.y * t[3]), round(r.w * t[2]), round(r.h * t[3]))


def _layer(  # noqa: PLR0917
    ctx: _Context,
    slide: Slide,
    layout: SlideLayout,
    owner: etree._Element,
    layer: str,
    decorations: bool,
    at: list[int] | None = None,
) -> list[ShapeFacts]:
    """The shapes of ``owner``'s tree as shown; ``at`` gets each one's place in :func:`_walk`."""
    tree = first(owner, "p:cSld/p:spTree")
    out: list[ShapeFacts] = []
    if tree is None:
        return out
    for index, (sp, t) in enumerate(_walk(tree)):
        kind = _shape_kind(sp)
        if decorations and kind == "placeholder":
            continue  # a layout's or master's placeholders show only as prompts, never on the slide
        chain = _TextChain(ctx, slide, sp, owner, layout)
        rect = chain.rect()
        if rect is None:
            continue
        if at is not None:
            at.append(index)
        c_nv = first(sp, "./*/p:cNvPr")
        facts = ShapeFacts(
            name=c_nv.get("name", "") if c_nv is not None else "",
            shape_id=int(c_nv.get("id", "0")) if c_nv is not None and c_nv.get("id", "").isdigit() else 0,
            layer=layer,
            kind=kind,
            rect=_apply(rect, t),
            ph_type=chain.kind,
            element=sp,
        )
        if kind == "picture":
            facts.fill = Fill(picture=True)
        else:
            own = _fill_of(first(sp, "p:spPr"), chain.scheme, chain.style)
            if own is None and kind == "placeholder":
                for other in chain.shapes[1:]:
                    own = _fill_of(first(other, "p:spPr"), chain.scheme, first(other, "p:style"))
                    if own is not None:
                        break
            facts.fill = own or Fill()
        if etree.QName(sp).localname == "graphicFrame":
            facts.table = read_table(ctx, slide, sp, owner, layout)
            if facts.table is not None:
                facts.kind = "table"
        tx = first(sp, "p:txBody")
        if tx is not None:
            facts.paras = [chain.para(p) for p in tx.iterfind("a:p", NS)]
            facts.body = chain.body()
        out.append(facts)
    return out


def slide_facts(prs: PresentationObj, only: Collection[int] | None = None) -> list[SlideFacts]:
    """Every slide of ``prs`` as it is shown; with ``only``, just the slides of those 0-based indices."""
    ctx = _Context(prs)
    digests = SlideDigests(prs)
    width, height = int(prs.slide_width or 0), int(prs.slide_height or 0)
    slides = []
    for number, slide in enumerate(prs.slides, start=1):
        if only is not None and number - 1 not in only:
            continue
        layout = slide.slide_layout
        master = ctx.master_of(layout)
        scheme = ctx.palette(master)
        shapes: list[ShapeFacts] = []
        if element(slide).get("showMasterSp", "1") not in ("0", "false"):
            # The same for every slide of the layout: read once (the checks never change facts).
            key = id(element(layout))
            if key not in ctx.decorations:
                fixed: list[ShapeFacts] = []
                if element(layout).get("showMasterSp", "1") not in ("0", "false"):
                    fixed += _layer(ctx, slide, layout, element(master), "master", True)
                fixed += _layer(ctx, slide, layout, element(layout), "layout", True)
                ctx.decorations[key] = list(fixed)
            shapes += ctx.decorations[key]  # type: ignore[arg-type]
        digested = digests.of(slide)
        own, seen = _own_layer(ctx, slide, layout, master, scheme, digested)
        shapes += own
        title = next((s.text for s in own if s.ph_type in _TITLES), "")
        notes = ""
        if slide.has_notes_slide:
            frame = slide.notes_slide.notes_text_frame
            notes = frame.text if frame is not None else ""
        slides.append(SlideFacts(number, title, width, height, seen, shapes, layout.name, notes, key=digested))
    return slides


class _Read(NamedTuple):
    """A slide's own shapes as read, without their elements (each one's place in the shape
    tree's walk instead), and the slide's background."""

    shapes: tuple[ShapeFacts, ...]
    at: tuple[int, ...]
    background: Fill


SLIDES_READ: Memo[_Read] = Memo(4096)
"""The slides read lately, by digests of their XML and of what they inherit (:mod:`...slide_memo`).
The facts are shared by every reading that finds them here: nothing may change them once read."""


def _own_layer(  # noqa: PLR0917
    ctx: _Context,
    slide: Slide,
    layout: SlideLayout,
    master: SlideMaster,
    scheme: dict[str, str],
    key: tuple[bytes, bytes],
) -> tuple[list[ShapeFacts], Fill]:
    """The slide's own shapes and its background: read again only when the slide or what it
    inherits from (``key``, their digests) changed since it was last read; each shape points at
    this slide's element."""
    known = SLIDES_READ.get(key)
    if known is None:
        at: list[int] = []
        shapes = _layer(ctx, slide, layout, element(slide), "slide", False, at)
        seen = background(slide, scheme, layout, master)
        SLIDES_READ.put(key, _Read(tuple(_bound(s, None) for s in shapes), tuple(at), seen))
        return shapes, seen
    tree = first(element(slide), "p:cSld/p:spTree")
    walked = [sp for sp, _ in _walk(tree)] if tree is not None else []
    return [_bound(s, walked[i]) for s, i in zip(known.shapes, known.at, strict=True)], known.background


def _bound(shape: ShapeFacts, el: etree._Element | None) -> ShapeFacts:
    # A shallow copy: what it holds is shared, and no one changes facts once read.
    copied = copy.copy(shape)
    copied.element = el
    return copied


def reread(prs: PresentationObj, facts: list[SlideFacts], changed: Collection[int]) -> list[SlideFacts]:
    """``facts`` with the slides at the 0-based indices ``changed`` read again (a repair wrote to them)."""
    if not changed:
        return facts
    fresh = iter(slide_facts(prs, changed))
    return [next(fresh) if i in changed else old for i, old in enumerate(facts)]
