"""The process flow: steps as arrows left to right, each step's notes under it.

The first step is a pentagon, the others chevrons, with a shallow point so that the step's
words have room; the words sit in a text box over the arrow's straight part. Notes are a
small list under each step. One text size for all step titles and one for all notes.
"""

from __future__ import annotations

from neslis_desktop.model.blocks import FlowBlock, FlowStep
from neslis_desktop.render.deck.layouts import BODY_FLOOR, GAP, Ctx, Page, box_shape, inch, need, para, sizes, style
from neslis_desktop.render.deck.plan import Para, Rect, Shape

POINT = 0.25
"""Arrow point depth as a fraction of the arrow's shorter side (as OOXML measures it)."""


def _note_paras(notes: list[str]) -> list[Para]:
    return [p for n in notes for p in para(n, bullet="bullet")]


def layout_flow(block: FlowBlock, area: Rect, ctx: Ctx) -> list[Page]:
    """The steps across ``area`` with their notes below: in one row; in two rows when the
    words do not fit one; or, when not even that, one row on each of two slides."""
    page, fits = _row(block.steps, 0, area, ctx)
    n = len(block.steps)
    if fits or n < 2:
        return [page]
    half = (n + 1) // 2
    row_h = (area.h - GAP) // 2
    top, top_fits = _row(block.steps[:half], 0, Rect(area.x, area.y, area.w, row_h), ctx)
    bottom, bottom_fits = _row(block.steps[half:], half, Rect(area.x, area.y + row_h + GAP, area.w, row_h), ctx)
    if top_fits and bottom_fits:
        two_rows = Page(top.shapes + bottom.shapes, top.adjustments + bottom.adjustments)
        two_rows.adjustments.append(ctx.say("process steps set in two rows to fit"))
        return [two_rows]
    first, _ = _row(block.steps[:half], 0, area, ctx)
    second, _ = _row(block.steps[half:], half, area, ctx)
    first.adjustments.append(ctx.say("process steps spread over 2 slides"))
    return [first, second]


def _row(steps: list[FlowStep], first: int, area: Rect, ctx: Ctx) -> tuple[Page, bool]:
    """One row of ``steps`` (numbered from ``first``) across ``area``; whether its text fits."""
    m = ctx.m
    n = len(steps)
    fits = True
    gap = inch(0.06)
    step_w = (area.w - (n - 1) * gap) // n
    arrow_max = area.h * 2 // 5
    page = Page()
    # Step titles: the largest size whose arrows stay under 2/5 of the height.
    title_st = None
    arrow_h = 0
    for s in sizes(20.0, BODY_FLOOR):
        st = style(s, "bg1", bold=True, align="center", anchor="middle")
        h = inch(0.6)
        for _ in range(4):  # the point depth depends on the height; settle it
            d = int(min(h, step_w) * POINT)
            inner = step_w - 2 * d - inch(0.05)
            need_h = max(need(m, para(step.title, bold=True), inner, st) for step in steps)
            h = max(inch(0.6), need_h)
        d = int(min(h, step_w) * POINT)
        inner = step_w - 2 * d - inch(0.05)
        if inner > 0 and max(need(m, para(step.title, bold=True), inner, st) for step in steps) <= h <= arrow_max:
            title_st, arrow_h = st, h
            break
    if title_st is None:
        title_st = style(BODY_FLOOR, "bg1", bold=True, align="center", anchor="middle")
        arrow_h = arrow_max
        page.adjustments.append(ctx.say("process steps have too many words to fit their arrows; shorten them"))
        fits = False
    elif title_st.size_pt < 14:
        page.adjustments.append(ctx.say(f"process step text set at {title_st.size_pt:g} pt to fit"))
    d = int(min(arrow_h, step_w) * POINT)
    notes_top = area.y + arrow_h + GAP
    notes_h = area.bottom - notes_top
    notes_st = None
    for s in sizes(18.0, BODY_FLOOR):
        st = style(s, "tx1", space=round(s * 0.4, 1))
        if all(need(m, _note_paras(step.notes), step_w, st) <= notes_h for step in steps if step.notes):
            notes_st = st
            break
    if notes_st is None:
        notes_st = style(BODY_FLOOR, "tx1", space=4.0)
        page.adjustments.append(ctx.say("process step notes are too long to fit; shorten them"))
        fits = False
    elif notes_st.size_pt < 14:
        page.adjustments.append(ctx.say(f"process notes set at {notes_st.size_pt:g} pt to fit"))
    shapes: list[Shape] = []
    texts: list[Shape] = []
    for i, step in enumerate(steps):
        x = area.x + i * (step_w + gap)
        arrow = Shape(
            "pentagon" if i + first == 0 else "chevron",
            Rect(x, area.y, step_w, arrow_h),
            f"Step {first + i + 1}",
            fill="accent1",
            adjust=POINT,
        )
        shapes.append(arrow)
        left = x + (d if i + first else 0) + inch(0.025)
        right = x + step_w - d - inch(0.025)
        texts.append(
            box_shape(
                f"Step {first + i + 1} text",
                Rect(left, area.y, right - left, arrow_h),
                para(step.title, bold=True),
                title_st,
                kind="text",
            )
        )
        if step.notes:
            nh = min(notes_h, need(m, _note_paras(step.notes), step_w, notes_st))
            texts.append(
                box_shape(
                    f"Step {first + i + 1} notes",
                    Rect(x, notes_top, step_w, max(nh, 1)),
                    _note_paras(step.notes),
                    notes_st,
                    kind="text",
                )
            )
    page.shapes = shapes + texts
    return page, fits
