"""The timeline's span bars, and where each bar's label goes so that it is always inside a box.

A span is a rounded bar over its months. Its label goes inside the bar when it takes at most
two lines there at the timeline's size; a label that would need more (a one-month bar with
"Commercialisation consultation", a sentence on two months) goes beside the bar, right of it
or else left of it, in the months of its row that no other span or label of that row takes,
and the bar is drawn one line high without text. Span rows sit above the lane's milestones, so
a label beside a bar never reaches a milestone. Only when neither side has room does the label
stay inside and the bar grow as tall as it needs (the layout then tries smaller sizes, more
slides). So the label is placed to fit; the inspector is not what keeps it in its bar.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from neslis_desktop.model.blocks import TimelineSpan
from neslis_desktop.render.deck.layouts import TIMELINE_FLOOR, Ctx, box_shape, inch, need, para, style
from neslis_desktop.render.deck.plan import Rect, Shape, TextStyle, ThemeColour

SMALL_GAP = inch(0.05)
MS_INSET = inch(0.04)
INSIDE_LINES = 2
"""A label goes inside its bar when it takes at most this many lines there."""


def pack_spans(spans: list[TimelineSpan]) -> list[list[TimelineSpan]]:
    """Spans in rows so that none overlaps another in its row."""
    rows: list[list[TimelineSpan]] = []
    for span in sorted(spans, key=lambda s: (s.start.ordinal(), s.end.ordinal())):
        for row in rows:
            if row[-1].end.ordinal() < span.start.ordinal():
                row.append(span)
                break
        else:
            rows.append([span])
    return rows


def span_style(size: float) -> TextStyle:
    return style(size, "bg1", bold=True, align="center", anchor="middle")


def _beside_style(size: float, align: str) -> TextStyle:
    return style(size, "tx1", bold=True, align=align, anchor="middle")


@dataclass
class _Placed:
    span: TimelineSpan
    x: int
    w: int
    height: int  # what its text needs, inside the bar or beside it
    label: Rect | None = None  # the label's box when it goes beside the bar (y and h set per row)
    align: str = "left"


def span_rows(
    ctx: Ctx,
    spans: list[TimelineSpan],
    col_x: Callable[[int], int],
    col_w: int,
    edges: tuple[int, int],
    *,
    y: int,
    size: float,
    prefix: str,
    label_fill: ThemeColour | None,
) -> tuple[list[Shape], int]:
    """Shapes of ``spans`` in rows from ``y`` and the height they take.

    ``col_x(ordinal)`` is a month's left, ``edges`` the timeline's left and right, and
    ``label_fill`` the fill behind a label beside its bar (the lane's band colour, so the month
    lines do not cross the words).
    """
    shapes: list[Shape] = []
    top = y
    st = span_style(size)
    for r, row in enumerate(pack_spans(spans)):
        placed: list[_Placed] = []
        taken = edges[0]  # right end of what the row holds so far (bar or label)
        for i, span in enumerate(row):
            x = col_x(span.start.ordinal()) + SMALL_GAP // 2
            w = (span.end.ordinal() - span.start.ordinal() + 1) * col_w - SMALL_GAP
            paras = para(span.text, bold=True)
            inside = need(ctx.m, paras, w, st, MS_INSET, floor=TIMELINE_FLOOR)
            one = _place_beside(ctx, span, x, w, size=size, taken=taken, free_to=_next_left(row, i, col_x, edges[1]))
            if inside <= _lines(ctx, INSIDE_LINES, w, st) or one is None:
                placed.append(_Placed(span, x, w, inside))
                taken = x + w
            else:
                placed.append(one)
                assert one.label is not None
                taken = max(x + w, one.label.right)
        h = max(p.height for p in placed)
        line_h = _lines(ctx, 1, col_w, st)
        for i, p in enumerate(placed):
            name = f"{prefix} span {r + 1}.{i + 1}"
            if p.label is None:
                shapes.append(
                    box_shape(
                        name,
                        Rect(p.x, y, p.w, h),
                        para(p.span.text, bold=True),
                        st,
                        kind="rounded",
                        fill="accent1",
                        inset=MS_INSET,
                    )
                )
                continue
            bar_h = min(line_h, h)
            shapes.append(box_shape(name, Rect(p.x, y + (h - bar_h) // 2, p.w, bar_h), kind="rounded", fill="accent1"))
            shapes.append(
                box_shape(
                    f"{name} text",
                    Rect(p.label.x, y, p.label.w, h),
                    para(p.span.text, bold=True),
                    _beside_style(size, p.align),
                    fill=label_fill,
                    inset=MS_INSET,
                )
            )
        y += h + SMALL_GAP
    return shapes, y - top


def _next_left(row: list[TimelineSpan], i: int, col_x: Callable[[int], int], right: int) -> int:
    """Where the next span of the row starts, or the timeline's right edge."""
    return col_x(row[i + 1].start.ordinal()) if i + 1 < len(row) else right


def _place_beside(
    ctx: Ctx, span: TimelineSpan, x: int, w: int, *, size: float, taken: int, free_to: int
) -> _Placed | None:
    """The span with its label right of the bar, else left of it, where it fits; ``None`` if neither."""
    paras = para(span.text, bold=True)
    for align, lx, lw in (
        ("left", x + w + SMALL_GAP, free_to - (x + w) - 2 * SMALL_GAP),
        ("right", taken + SMALL_GAP, x - taken - 2 * SMALL_GAP),
    ):
        if lw <= 2 * MS_INSET:
            continue
        st = _beside_style(size, align)
        h = need(ctx.m, paras, lw, st, MS_INSET, floor=TIMELINE_FLOOR)
        if h <= _lines(ctx, INSIDE_LINES, lw, st):
            return _Placed(span, x, w, h, Rect(lx, 0, lw, h), align)
    return None


def _lines(ctx: Ctx, n: int, w: int, st: TextStyle) -> int:
    """Height of ``n`` lines of bold text in style ``st`` in a box ``w`` wide."""
    return need(ctx.m, para("\n".join(["X"] * n), bold=True), w, st, MS_INSET)
