"""A picture's slide in the template's picture layout: the picture in its placeholder, the caption in the text one.

Used when the template has a layout with a picture placeholder (:mod:`..picture_layout`). The
picture is fitted into the placeholder's box at its own proportions and centred, never
stretched and never cropped (all of the picture shows). The lead line, caption and credit go in
the layout's caption placeholder, at the largest size from 18 pt down to the 12 pt floor that
fits it; a layout without one gets them under the picture, inside the placeholder's box, as
in any other template.
"""

from __future__ import annotations

from neslis_desktop.model.evidence import PictureBlock
from neslis_desktop.model.inline import plain_text
from neslis_desktop.render.deck.layouts import BODY_FLOOR, Ctx, para, sizes
from neslis_desktop.render.deck.layouts.evidence import layout_picture
from neslis_desktop.render.deck.layouts.text import body_style, height
from neslis_desktop.render.deck.plan import Frame, Para, SlidePlan

CAPTION_START = 18.0


def _caption(block: PictureBlock) -> list[Para]:
    paras: list[Para] = []
    if block.heading:
        paras += para(plain_text(block.heading), bold=True)
    text = " ".join(plain_text(x) for x in (block.caption, block.credit) if x)
    if text:
        paras += para(text)
    return paras


def picture_slide(block: PictureBlock, frame: Frame, ctx: Ctx, section_id: str | None) -> SlidePlan:
    """The slide of ``block`` in a picture layout whose geometry is ``frame``."""
    paras = _caption(block) if frame.caption is not None else []
    inner = block.model_copy(update={"caption": None, "credit": None}) if frame.caption is not None else block
    (page,) = layout_picture(inner, frame.body, ctx)
    slide = SlidePlan(
        "picture",
        ctx.section,
        shapes=page.shapes,
        notes=block.notes,
        section_id=section_id,
        adjustments=list(page.adjustments),
    )
    if paras and frame.caption is not None:
        box = frame.caption
        size = next((s for s in sizes(CAPTION_START, BODY_FLOOR) if height(ctx.m, paras, box, s) <= box.h), None)
        if size is None:
            size = BODY_FLOOR
            slide.adjustments.append(ctx.say("a picture's caption is too long for its box; shorten it"))
        slide.body, slide.body_style = paras, body_style(size)
    return slide
