"""The template's picture layout: a layout with a picture placeholder, where pictures go.

Issue 12 asks that a picture go into the template's picture placeholder when it has one
("Picture with Caption" and its translations), so it sits where the template's designer put
pictures, with its caption in that layout's text placeholder. A layout serves when it has a
title, a picture placeholder (``p:ph type="pic"``) of at least a sixth of the slide, not over
the title, and it is found by its placeholders, not its name. Its frame's ``body`` is the
picture placeholder's box and ``caption`` the largest body placeholder's (or ``None``).

The picture is fitted, never cropped: it keeps its proportions and all of its content, as
large as fits the placeholder, centred in it (python-pptx's ``insert_picture`` crops to fill,
so the writer takes the crop off again and sets the planned box).
"""

from __future__ import annotations

from dataclasses import dataclass

from pptx.presentation import Presentation as PresentationObj
from pptx.slide import SlideLayout

from neslis_desktop.render.deck.layout_choice import all_layouts
from neslis_desktop.render.deck.oxml.placeholders import BODY_TYPES, TITLE_TYPES, first_rect, placeholder_rects
from neslis_desktop.render.deck.plan import Frame, Rect

MIN_SHARE = 1 / 6
"""A picture placeholder smaller than this share of the slide is a logo's place, not a picture's."""


@dataclass
class PictureLayout:
    """The layout pictures go in, and its geometry (``frame.body``: the picture placeholder)."""

    layout: SlideLayout
    frame: Frame


def _overlaps(a: Rect, b: Rect) -> bool:
    return a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom


def find_picture_layout(prs: PresentationObj) -> PictureLayout | None:
    """The layout with the largest usable picture placeholder, or ``None`` when none serves."""
    w, h = int(prs.slide_width or 0), int(prs.slide_height or 0)
    best: tuple[int, PictureLayout] | None = None
    for layout in all_layouts(prs):
        rects = placeholder_rects(layout)
        title = first_rect(rects, TITLE_TYPES)
        picture = first_rect(rects, ("pic",), largest=True)
        if title is None or picture is None or _overlaps(title, picture):
            continue
        area = picture.w * picture.h
        if area < MIN_SHARE * w * h or picture.right > w or picture.bottom > h:
            continue
        captions = [r for t, r in rects if t in BODY_TYPES and not _overlaps(r, picture) and not _overlaps(r, title)]
        caption = max(captions, key=lambda r: r.w * r.h) if captions else None
        found = PictureLayout(layout, Frame(w, h, title, picture, caption))
        if best is None or area > best[0]:
            best = (area, found)
    return best[1] if best is not None else None
