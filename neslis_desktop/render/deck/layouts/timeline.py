"""The month-by-month timeline: month columns, lane rows, milestone boxes and span bars.

Months are columns under header cells ("Aug 2019", "Sep", ... the year shown on the first
month and on January); lanes are rows with their label in a column on the left. A milestone
is a small box in its month within its lane, widened to the right over empty months so its
text needs fewer lines; several in one month stack. Spans are rounded bars over their months,
in their lane or, without a lane, in a band above the lanes. Timeline text may go down to
10 pt (the only place below 12); lanes that still do not fit continue on a further slide.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from neslis_desktop.model.blocks import TimelineBlock, TimelineLane
from neslis_desktop.model.month import Month
from neslis_desktop.render.deck.layouts import (
    BODY_FLOOR,
    MAX_CONTINUATIONS,
    TIMELINE_FLOOR,
    Ctx,
    Page,
    box_shape,
    inch,
    need,
    para,
    sizes,
    style,
)
from neslis_desktop.render.deck.layouts.timeline_spans import MS_INSET, SMALL_GAP, span_rows
from neslis_desktop.render.deck.plan import EMU_PER_PT, Para, Rect, Shape, TextStyle
from neslis_desktop.render.deck.textfit import LINE_SPACING

START = 12.0
HEADER_SIZE = 12.0
LABEL_SIZE = 12.0
HEAD_INSET = inch(0.01)
HEAD_GAP = EMU_PER_PT
LABEL_INSET = inch(0.05)
MAX_WIDEN = 3
"""A milestone box may take this many empty neighbouring months."""


def month_label(month: Month, first: bool, full: bool = False) -> str:
    """The header of a month column: "Aug" or "August", with the year on the first month
    shown and on January ("Aug 2019")."""
    name = month.name if full else month.name[:3]
    return f"{name} {month.year}" if first or month.month == 1 else name


@dataclass
class _Geom:
    x0: int  # left of the first month column
    col_w: int
    first: int  # ordinal of the first month

    def col_x(self, ordinal: int) -> int:
        return self.x0 + (ordinal - self.first) * self.col_w


def _ms_style(size: float) -> TextStyle:
    return style(size, "tx1", space=1.0)


def _lane(
    ctx: Ctx, block: TimelineBlock, lane: TimelineLane, li: int, g: _Geom, *, y: int, size: float, left: bool
) -> tuple[list[Shape], int]:
    """Shapes inside lane ``lane`` starting at ``y`` (spans, milestones) and their height."""
    shapes, used = span_rows(
        ctx,
        [s for s in block.spans if s.lane == lane.name],
        g.col_x,
        g.col_w,
        (g.x0, g.col_x(block.end.ordinal() + 1)),
        y=y + SMALL_GAP,
        size=size,
        prefix=f"Lane {li + 1}",
        label_fill="bg2",
    )
    y_ms = y + SMALL_GAP + used
    by_month: dict[int, list[str]] = {}
    for ms in lane.milestones:
        by_month.setdefault(ms.month.ordinal(), []).append(ms.text)
    first, last = block.start.ordinal(), block.end.ordinal()
    ranges = _widen(ctx, by_month, first, last, g, size=size, left=left)
    # Each placement: (month, k-th in month, first column, last column, top offset).
    placed: list[tuple[int, int, int, int, int]] = []
    tallest = 0
    for month in sorted(by_month):
        lo, hi = ranges[month]
        off = 0
        for k, text in enumerate(by_month[month]):
            placed.append((month, k, lo, hi, off))
            off += _box_h(ctx, text, (hi - lo + 1) * g.col_w - SMALL_GAP, size) + SMALL_GAP
        tallest = max(tallest, off)
    staggered, stagger_h = _stagger(ctx, by_month, last, g, size)
    if stagger_h < tallest:
        placed, tallest = staggered, stagger_h
    for month, k, lo, hi, off in placed:
        text = by_month[month][k]
        w = (hi - lo + 1) * g.col_w - SMALL_GAP
        ps = para(text)
        shapes.append(
            box_shape(
                f"Lane {li + 1} milestone {month - g.first + 1}.{k + 1}",
                Rect(g.col_x(lo) + SMALL_GAP // 2, y_ms + off, w, _box_h(ctx, text, w, size)),
                ps,
                _ms_style(size),
                fill="bg1",
                line="accent1",
                line_pt=0.75,
                inset=MS_INSET,
            )
        )
    return shapes, used + SMALL_GAP + tallest


def _box_h(ctx: Ctx, text: str, w: int, size: float) -> int:
    return need(ctx.m, para(text), w, _ms_style(size), MS_INSET, floor=TIMELINE_FLOOR)


def _stagger(
    ctx: Ctx, by_month: dict[int, list[str]], last: int, g: _Geom, size: float
) -> tuple[list[tuple[int, int, int, int, int]], int]:
    """Milestones in rows: each box starts in its month, as wide as two lines of text need
    (up to ``MAX_WIDEN`` + 1 months, over occupied months too), in the first row where it
    overlaps nothing. Returns the placements (as in ``_lane``) and the height they take."""
    items: list[tuple[int, int, int, int]] = []  # month, k, last column, height
    for month in sorted(by_month):
        for k, text in enumerate(by_month[month]):
            best: tuple[int, int] | None = None
            for extra in range(MAX_WIDEN + 1):
                hi = min(last, month + extra)
                h = _stack_height(ctx, [text], (hi - month + 1) * g.col_w - SMALL_GAP, size)
                if best is None or h < best[1]:
                    best = (hi, h)
                if h <= 2 * size * LINE_SPACING * EMU_PER_PT + 2 * MS_INSET + SMALL_GAP or hi == last:
                    break
            assert best is not None
            items.append((month, k, best[0], best[1] - SMALL_GAP))
    rows: list[list[tuple[int, int, int, int]]] = []
    for item in items:
        for row in rows:
            if all(item[0] > other[2] or item[2] < other[0] for other in row):
                row.append(item)
                break
        else:
            rows.append([item])
    placed: list[tuple[int, int, int, int, int]] = []
    off = 0
    for row in rows:
        heights = [_box_h(ctx, by_month[mo][k], (hi - mo + 1) * g.col_w - SMALL_GAP, size) for mo, k, hi, _ in row]
        for (mo, k, hi, _), _h in zip(row, heights, strict=True):
            placed.append((mo, k, mo, hi, off))
        off += max(heights) + SMALL_GAP
    return placed, off


def _stack_height(ctx: Ctx, texts: list[str], w: int, size: float) -> int:
    """Height of boxes ``w`` wide stacked; a box that would break a word inside counts two
    lines taller than it is, so that widening it to keep words whole is preferred."""
    total = 0
    for t in texts:
        h = need(ctx.m, para(t), w, _ms_style(size), MS_INSET, floor=0.0)
        if h >= 10**9:
            h = _box_h(ctx, t, w, size) + int(2 * size * LINE_SPACING * EMU_PER_PT)
        total += h + SMALL_GAP
    return total


def _widen(
    ctx: Ctx, by_month: dict[int, list[str]], first: int, last: int, g: _Geom, *, size: float, left: bool
) -> dict[int, tuple[int, int]]:
    """Month range of each month's milestone boxes: widened over empty neighbouring months.

    The tallest stack takes a free month to its right (else, when ``left``, one to its left:
    the box then starts a month early, so only as a last resort) while that makes it lower,
    so the lane is as low as it can be; no box takes more than ``MAX_WIDEN`` + 1 months.
    """
    ranges = {mo: (mo, mo) for mo in by_month}
    claimed = set(by_month)

    def height(mo: int) -> int:
        lo, hi = ranges[mo]
        return _stack_height(ctx, by_month[mo], (hi - lo + 1) * g.col_w - SMALL_GAP, size)

    heights = {mo: height(mo) for mo in by_month}
    blocked: set[int] = set()
    for _ in range(last - first + 1):
        open_ = [mo for mo in by_month if mo not in blocked]
        if not open_:
            break
        mo = max(open_, key=lambda k: (heights[k], -k))
        lo, hi = ranges[mo]
        if hi - lo >= MAX_WIDEN:
            blocked.add(mo)
            continue
        options = []
        if hi + 1 <= last and hi + 1 not in claimed:
            options.append((lo, hi + 1))
        if left and lo == mo and lo - 1 >= first and lo - 1 not in claimed:
            options.append((lo - 1, hi))
        done = False
        for new in options:
            ranges[mo] = new
            h = height(mo)
            if h < heights[mo]:
                heights[mo] = h
                claimed.add(new[0] if new[0] != lo else new[1])
                done = True
                break
            ranges[mo] = (lo, hi)
        if not done:
            blocked.add(mo)
    return ranges


@dataclass
class _Header:
    """The month header row and the lane label column that share the width."""

    paras: list[list[Para]]
    style: TextStyle
    height: int
    label_size: float
    label_w: int
    x0: int
    col_w: int


def _header(ctx: Ctx, block: TimelineBlock, area: Rect) -> _Header:
    """Header cells and lane label width: full month names ("September") when, with the lane
    labels as small as allowed, every one fits whole; else abbreviations ("Sep"). One-line
    headers are preferred to larger text, so that the lanes keep their height."""
    m = ctx.m
    months = block.months()
    n = len(months)
    fallback: _Header | None = None
    # Full month names before abbreviations (they are the content's words), and for each,
    # everything at body size (12 pt) before smaller text down to the timeline's floor: the
    # month and lane labels at 12 pt on two lines rather than at 10 pt on one.
    for full in (True, False):
        for floor in (BODY_FLOOR, TIMELINE_FLOOR):
            for max_lines in (1, 2):
                for label_size in sizes(LABEL_SIZE, floor):
                    widest = max((m.width_pt(lane.name, label_size, bold=True) for lane in block.lanes), default=0.0)
                    label_w = min(
                        max(inch(0.7), int(widest * EMU_PER_PT) + 2 * LABEL_INSET + 2 * EMU_PER_PT), area.w // 5
                    )
                    if not block.lanes:
                        label_w = 0
                    x0 = area.x + label_w + (SMALL_GAP if label_w else 0)
                    col_w = (area.right - x0) // n
                    for bold in (True, False):
                        paras = [para(month_label(mo, i == 0, full), bold=bold) for i, mo in enumerate(months)]
                        for hs in sizes(HEADER_SIZE, floor):
                            st = style(hs, "bg1", bold=bold, align="center", anchor="middle")
                            strict = 0.0 if full else TIMELINE_FLOOR
                            h = max(need(m, ps, col_w - HEAD_GAP, st, HEAD_INSET, floor=strict) for ps in paras)
                            lines_h = max_lines * hs * LINE_SPACING * EMU_PER_PT + 2 * (HEAD_INSET // 2) + 1
                            if h <= min(lines_h, area.h // 8):
                                return _Header(paras, st, h, label_size, label_w, x0, col_w)
                            if not full and (fallback is None or h < fallback.height):
                                fallback = _Header(paras, st, h, label_size, label_w, x0, col_w)
                    if not full:
                        break  # abbreviations: keep the lane labels at their size
    assert fallback is not None
    return fallback


def _build(
    ctx: Ctx,
    block: TimelineBlock,
    lanes: list[tuple[int, TimelineLane]],
    area: Rect,
    size: float,
    *,
    with_top: bool,
    left: bool = True,
) -> tuple[list[Shape], int]:
    """All shapes of one page at ``size`` and the height they take."""
    m = ctx.m
    months = block.months()
    n = len(months)
    head = _header(ctx, block, area)
    label_w, x0 = head.label_w, head.x0
    g = _Geom(x0, head.col_w, months[0].ordinal())
    label_st = style(head.label_size, "tx1", bold=True, anchor="middle")
    shapes: list[Shape] = []
    for i, ps in enumerate(head.paras):
        x = g.col_x(months[i].ordinal())
        shapes.append(
            box_shape(
                f"Month {i + 1}",
                Rect(x + HEAD_GAP // 2, area.y, g.col_w - HEAD_GAP, head.height),
                ps,
                head.style,
                fill="tx2",
                inset=HEAD_INSET,
            )
        )
    head_h = head.height
    y = area.y + head_h + SMALL_GAP
    if with_top:
        top_spans = [s for s in block.spans if s.lane is None]
        edges = (g.x0, g.col_x(months[-1].ordinal() + 1))
        top_shapes, used = span_rows(
            ctx, top_spans, g.col_x, g.col_w, edges, y=y, size=size, prefix="Top", label_fill=None
        )
        shapes += top_shapes
        y += used
    grid_lines: list[Shape] = []
    lane_shapes: list[Shape] = []
    lane_top = y
    for li, lane in lanes:
        inner, h = _lane(ctx, block, lane, li, g, y=y, size=size, left=left)
        label_h = need(m, para(lane.name, bold=True), label_w, label_st, LABEL_INSET, floor=TIMELINE_FLOOR)
        h = max(h + SMALL_GAP, label_h, inch(0.35))
        lane_shapes.append(box_shape(f"Lane {li + 1} band", Rect(x0, y, g.col_w * n, h), fill="bg2"))
        lane_shapes.append(
            box_shape(
                f"Lane {li + 1} label",
                Rect(area.x, y, label_w, h),
                para(lane.name, bold=True),
                label_st,
                fill="bg2",
                inset=LABEL_INSET,
            )
        )
        lane_shapes += inner
        y += h + SMALL_GAP
    if lanes:
        for i in range(1, n):
            x = g.col_x(months[i].ordinal())
            grid_lines.append(
                Shape(
                    "line", Rect(x, lane_top, 0, y - SMALL_GAP - lane_top), f"Month line {i}", line="bg1", line_pt=1.5
                )
            )
    # Bands first, then the month lines over them, then the boxes over both.
    bands = [s for s in lane_shapes if s.name.endswith("band") or s.name.endswith("label")]
    rest = [s for s in lane_shapes if s not in bands]
    return shapes + bands + grid_lines + rest, y - SMALL_GAP - area.y


def _groups(
    ctx: Ctx, block: TimelineBlock, lanes: list[tuple[int, TimelineLane]], area: Rect, size: float
) -> list[list[tuple[int, TimelineLane]]]:
    """Lanes in groups that each fit one slide at ``size`` (a lane too tall alone gets its own)."""
    groups: list[list[tuple[int, TimelineLane]]] = [[]]
    for item in lanes:
        trial = groups[-1] + [item]
        _, h = _build(ctx, block, trial, area, size, with_top=len(groups) == 1, left=False)
        if h <= area.h or not groups[-1]:
            groups[-1] = trial
        else:
            groups.append([item])
    return groups


def _balanced(  # noqa: PLR0917 - the same arguments as _build's, plus the groups to re-cut
    ctx: Ctx,
    block: TimelineBlock,
    lanes: list[tuple[int, TimelineLane]],
    area: Rect,
    size: float,
    groups: list[list[tuple[int, TimelineLane]]],
) -> list[list[tuple[int, TimelineLane]]]:
    """``groups`` re-cut into as many runs of lanes of even height, when each still fits a slide.

    Filling slides first leaves the last one holding a lane or two under a mostly empty slide
    (4 + 1 lanes); even runs (3 + 2) read as one chart continued.
    """
    if len(groups) < 2:
        return groups
    heights = [_build(ctx, block, [lane], area, size, with_top=False, left=False)[1] for lane in lanes]
    target = sum(heights) / len(groups)
    cut: list[list[tuple[int, TimelineLane]]] = [[]]
    run = 0.0
    for lane, h in zip(lanes, heights, strict=True):
        left_lanes = len(lanes) - sum(len(g) for g in cut)
        if cut[-1] and run + h / 2 > target and len(cut) < len(groups) and left_lanes >= len(groups) - len(cut):
            cut.append([])
            run = 0.0
        cut[-1].append(lane)
        run += h
    if len(cut) != len(groups):
        return groups
    for i, group in enumerate(cut):
        if _build(ctx, block, group, area, size, with_top=i == 0, left=False)[1] > area.h:
            return groups
    return cut


MIN_WINDOW = 3
"""A timeline is never cut into runs of fewer months than this."""


def _month_windows(block: TimelineBlock, count: int) -> list[TimelineBlock]:
    """``block`` cut into ``count`` runs of months of (nearly) equal length."""
    months = block.months()
    size = math.ceil(len(months) / count)
    return [_clip(block, months[i], months[min(i + size, len(months)) - 1]) for i in range(0, len(months), size)]


def _clip(block: TimelineBlock, first: Month, last: Month) -> TimelineBlock:
    """The part of ``block`` from ``first`` to ``last``: milestones in it, spans cut to it."""
    lanes = [
        lane.model_copy(update={"milestones": [ms for ms in lane.milestones if first <= ms.month <= last]})
        for lane in block.lanes
    ]
    spans = [
        span.model_copy(update={"start": max(span.start, first), "end": min(span.end, last)})
        for span in block.spans
        if span.start <= last and span.end >= first
    ]
    return block.model_copy(update={"start": first, "end": last, "lanes": lanes, "spans": spans})


def layout_timeline(block: TimelineBlock, area: Rect, ctx: Ctx) -> list[Page]:
    """Pages of the timeline in ``area``: one unless its months or lanes need more room.

    When the whole timeline does not fit one slide, it is also tried cut into runs of months
    (each a timeline of its own, on its own slide), and the way with fewer slides wins, text
    that fits before all. Milestone boxes start in their month; only a lane too tall for a
    slide on its own lets a box start a month early to gain width.
    """
    best = _layout_months(block, area, ctx)
    n = len(block.months())
    count = 2
    while _score(best)[0] or len(best) > 1:
        if math.ceil(n / count) < MIN_WINDOW or count > MAX_CONTINUATIONS:
            break
        windows = _month_windows(block, count)
        pages = [page for window in windows for page in _layout_months(window, area, ctx)]
        # Small text over a slide left a third empty is worse than a further slide at the full size.
        roomier = _cramped(best, area) and not _cramped(pages, area) and len(pages) <= 2 * len(best)
        if _score(pages) < _score(best) or (roomier and not _score(pages)[0]):
            pages[0].adjustments.append(ctx.say(f"the timeline's {n} months spread over {len(windows)} slides"))
            best = pages
        if not _score(pages)[0] and len(pages) == len(windows):
            break
        count += 1
    return best[: MAX_CONTINUATIONS + 1]


def _cramped(pages: list[Page], area: Rect) -> bool:
    """Whether a page sets most of its text below 12 pt while a third of ``area`` stays empty."""
    for page in pages:
        texts = [(sh.text.style.size_pt, sum(len(p.text) for p in sh.text.paras)) for sh in page.shapes if sh.text]
        total = sum(n for _, n in texts)
        small = sum(n for size, n in texts if size < 12.0)
        used = max((sh.box.bottom for sh in page.shapes), default=area.bottom)
        if total and small * 2 > total and area.bottom - used >= area.h / 3:
            return True
    return False


def _score(pages: list[Page]) -> tuple[bool, int]:
    """How bad a way of laying out is: text that does not fit, then the number of slides."""
    return any("too much text" in a for page in pages for a in page.adjustments), len(pages)


def _layout_months(block: TimelineBlock, area: Rect, ctx: Ctx) -> list[Page]:
    """Pages of a timeline whose month columns fit the width: more only if its lanes need them."""
    lanes = list(enumerate(block.lanes))
    for s in sizes(START, TIMELINE_FLOOR):
        shapes, h = _build(ctx, block, lanes, area, s, with_top=True, left=False)
        if h <= area.h:
            page = Page(shapes)
            if s < START:
                page.adjustments.append(ctx.say(f"timeline text set at {s:g} pt to fit"))
            return [page]
    # Lanes over several slides: the fewest slides, then the largest text.
    options = [(_groups(ctx, block, lanes, area, s), s) for s in sizes(START, TIMELINE_FLOOR)]
    groups, size = min(options, key=lambda o: (len(o[0]), -o[1]))
    groups = _balanced(ctx, block, lanes, area, size, groups)
    # Even runs may leave room for larger text on every slide: one size for all, the largest that fits.
    for larger in sizes(START, size + 1):
        if all(
            _build(ctx, block, g, area, larger, with_top=i == 0, left=False)[1] <= area.h for i, g in enumerate(groups)
        ):
            size = larger
            break
    pages = []
    for i, group in enumerate(groups[: MAX_CONTINUATIONS + 1]):
        shapes, h = _build(ctx, block, group, area, size, with_top=i == 0, left=False)
        if h > area.h:
            shapes, h = _build(ctx, block, group, area, size, with_top=i == 0, left=True)
        page = Page(shapes)
        if i == 0:
            page.adjustments.append(
                ctx.say(f"timeline set at {size:g} pt and its lanes spread over {len(groups)} slides")
            )
        if h > area.h:
            page.adjustments.append(
                ctx.say("a timeline lane holds too much text to fit one slide; shorten its milestones")
            )
        pages.append(page)
    return pages
