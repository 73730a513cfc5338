"""Whether a layout's geometry can hold a deck slide, whatever the layout is called.

A Keynote export's "Body" layout whose body box is 2% of the slide, a "Title and Content"
whose title sits in the middle of its body, a layout whose body lies under a fixed picture
or "Confidential" box: by name each is a content layout, by geometry none is. The template
loader asks :func:`frame_problem` of each frame and picks another layout (or the layout's own
boxes, or a body moved clear of the title) when the answer is not ``None``.
"""

from __future__ import annotations

from lxml import etree
from pptx.slide import SlideLayout

from neslis_desktop.render.deck.oxml.ns import NS
from neslis_desktop.render.deck.oxml.shapes import element
from neslis_desktop.render.deck.plan import Frame, Rect

MIN_BODY = 0.25
"""A content body smaller than this share of the slide is no content area."""
MIN_BODY_HEIGHT = 0.35
"""A content body shorter than this share of the slide's height (a title mid-slide) is cramped."""
MAX_TITLE_OVERLAP = 0.05
"""Title and body may share this share of the body's area (rounded corners, insets), no more."""
MAX_COVERED = 0.02
"""A fixed text or picture may touch this share of the title or body area, no more: a
"Confidential" box over a title's end clashes with every long title."""


def overlap(a: Rect, b: Rect) -> int:
    """The area (EMU²) two boxes share."""
    w = min(a.right, b.right) - max(a.x, b.x)
    h = min(a.bottom, b.bottom) - max(a.y, b.y)
    return w * h if w > 0 and h > 0 else 0


def decorations(layout: SlideLayout) -> list[Rect]:
    """Boxes of the fixed text and pictures (not placeholders) a slide of ``layout`` shows.

    The master's count unless the layout hides them. LibreOffice's field stand-ins
    ("<number>") are left out: they show where footers go.
    """
    owners = [element(layout)]
    if element(layout).get("showMasterSp", "1") not in ("0", "false"):
        owners.append(element(layout.slide_master))
    boxes = []
    for owner in owners:
        for sp in owner.iterfind("p:cSld/p:spTree/*", NS):
            if sp.find("./*/p:nvPr/p:ph", NS) is not None or etree.QName(sp).localname == "cxnSp":
                continue
            xfrm = sp.find("./p:spPr/a:xfrm", NS)
            if xfrm is None:
                continue
            off, ext = xfrm.find("a:off", NS), xfrm.find("a:ext", NS)
            if off is None or ext is None:
                continue
            # Only what is meant to be read or seen on top counts: text ("Confidential") and
            # pictures (logos). Plain panels and bars are designed to sit behind titles and text.
            texts = [t.text for t in sp.iterfind("p:txBody//a:t", NS) if t.text and t.text.strip()]
            is_field = len(texts) == 1 and texts[0].strip().startswith("<") and texts[0].strip().endswith(">")
            if etree.QName(sp).localname != "pic" and (not texts or is_field):
                continue
            boxes.append(Rect(int(off.get("x", 0)), int(off.get("y", 0)), int(ext.get("cx", 0)), int(ext.get("cy", 0))))
    return boxes


def frame_problem(frame: Frame, layout: SlideLayout | None = None, *, needs_body: bool = True) -> str | None:
    """What makes ``frame`` unfit for a content or diagram slide, in words, or ``None``."""
    slide = frame.slide_w * frame.slide_h
    body, title = frame.body, frame.title
    if needs_body and body.w * body.h < MIN_BODY * slide:
        return f"its body box is only {100 * body.w * body.h / max(slide, 1):.0f}% of the slide"
    if needs_body and body.h < MIN_BODY_HEIGHT * frame.slide_h:
        return f"its body area is only {100 * body.h / max(frame.slide_h, 1):.0f}% of the slide's height"
    if overlap(title, body) > MAX_TITLE_OVERLAP * body.w * body.h:
        return "its title box overlaps its body"
    if layout is not None:
        slide_area = frame.slide_w * frame.slide_h
        for deco in decorations(layout):
            if deco.w * deco.h >= 0.6 * slide_area:
                continue
            if overlap(deco, body) > MAX_COVERED * body.w * body.h:
                return "a fixed shape of the template covers its body"
            if overlap(deco, title) > MAX_COVERED * title.w * title.h:
                return "a fixed shape of the template covers its title"
    return None


def clear_of_title(frame: Frame, gap: int) -> Frame:
    """``frame`` with its body moved below (or, failing that, beside) its title when they overlap."""
    body, title = frame.body, frame.title
    if overlap(title, body) <= MAX_TITLE_OVERLAP * body.w * body.h:
        return frame
    below = Rect(body.x, title.bottom + gap, body.w, body.bottom - title.bottom - gap)
    above = Rect(body.x, body.y, body.w, title.y - gap - body.y)
    left = Rect(body.x, body.y, title.x - gap - body.x, body.h)
    right = Rect(title.right + gap, body.y, body.right - title.right - gap, body.h)
    best = max((r for r in (below, above, left, right) if r.w > 0 and r.h > 0), key=lambda r: r.w * r.h, default=body)
    return Frame(frame.slide_w, frame.slide_h, title, best)


def narrow_title(frame: Frame, layout: SlideLayout, gap: int) -> Frame | None:
    """``frame`` with its title cut back from a fixed box over one end of it, or ``None``.

    A "Confidential" box at the right of the title area leaves the title the part to its
    left (or right); the title keeps at least half its width, or this gives up.
    """
    title = frame.title
    for deco in decorations(layout):
        if overlap(deco, title) <= MAX_COVERED * title.w * title.h:
            continue
        if deco.x + deco.w / 2 >= title.x + title.w / 2:
            title = Rect(title.x, title.y, deco.x - gap - title.x, title.h)
        else:
            title = Rect(deco.right + gap, title.y, title.right - deco.right - gap, title.h)
    if title == frame.title or title.w < frame.title.w // 2:
        return None
    return Frame(frame.slide_w, frame.slide_h, title, frame.body)


def title_on_top(frame: Frame, gap: int) -> Frame:
    """``frame`` with its title moved to the top band of the slide and the body below it.

    The last resort for a template whose every layout puts the title mid-slide: the slide
    keeps the template's look but gets room for its content.
    """
    w, h = frame.slide_w, frame.slide_h
    title = Rect(frame.title.x, h // 20, frame.title.w, h // 7)
    top = title.bottom + gap
    body = Rect(frame.body.x, top, frame.body.w, max(h * 9 // 10 - top, 1))
    return Frame(w, h, title, body)
