"""Target tiles: a goal band on top, a label, numbered tiles in a grid, delivery bands below.

The tiles' grid (for six: 3x2, 6x1 or 2x3) is the one that sets their text largest.
"""

from __future__ import annotations

import math

from neslis_desktop.model.blocks import Target, TargetsBlock
from neslis_desktop.model.inline import Run
from neslis_desktop.render.deck.layouts import BODY_FLOOR, GAP, Ctx, Page, box_shape, need, para, sizes, style
from neslis_desktop.render.deck.plan import Para, Rect, Shape, TextStyle

START = 20.0


def tile_paras(n: int, target: Target, inline: bool = False) -> list[Para]:
    """The tile's text: its number (on its own line, or leading the text when ``inline``),
    the headline figure, the wording."""
    if inline and not target.figure:
        first = para(target.text)
        first[0].runs.insert(0, Run(f"{n}  ", bold=True))
        return first
    out = para(f"{n}", bold=True)
    if target.figure:
        out += para(target.figure, bold=True)
    return out + para(target.text)


def _band(
    ctx: Ctx, name: str, text: str, *, x: int, y: int, w: int, start: float, fill: str, bold: bool
) -> tuple[Shape, int]:
    """A full-width band holding ``text``; returns it and its height."""
    ps = para(text, bold=bold)
    for s in sizes(start, BODY_FLOOR):
        st = style(s, "bg1", bold=bold, align="center", anchor="middle")
        h = need(ctx.m, ps, w, st)
        if ctx.m.lines(ps[0], w, s) <= 2:
            break
    return box_shape(name, Rect(x, y, w, h), ps, st, fill=fill), h  # type: ignore[arg-type]


def _grids(n: int) -> list[tuple[int, int]]:
    out = []
    for rows in (1, 2, 3, 4):
        cols = math.ceil(n / rows)
        if (cols, rows) not in out and cols * (rows - 1) < n:
            out.append((cols, rows))
    return out


def _page(
    block: TargetsBlock,
    first_no: int,
    targets: list[Target],
    area: Rect,
    ctx: Ctx,
    *,
    compact: bool,
    top_bands: bool,
    bottom_bands: bool,
) -> tuple[Page, bool]:
    """One page of tiles (numbered from ``first_no``) with the bands asked for; ok = it fits."""
    page = Page()
    top, bottom = area.y, area.bottom
    if block.goal and top_bands:
        band, h = _band(
            ctx,
            "Goal",
            block.goal,
            x=area.x,
            y=top,
            w=area.w,
            start=16.0 if compact else 22.0,
            fill="accent1",
            bold=True,
        )
        page.shapes.append(band)
        top += h + GAP
    bands: list[Shape] = []
    footer = block.footer if bottom_bands else []
    for i, line in enumerate(reversed(footer)):
        band, h = _band(
            ctx,
            f"Footer {len(footer) - i}",
            line,
            x=area.x,
            y=0,
            w=area.w,
            start=14.0 if compact else 18.0,
            fill="tx2",
            bold=i == len(footer) - 1,
        )
        bottom -= h
        band.box = Rect(area.x, bottom, area.w, h)
        bottom -= GAP
        bands.append(band)
    if block.label and top_bands:
        lp = para(block.label, bold=True)
        st = style(16.0 if compact else 20.0, "tx1", bold=True, align="center")
        h = need(ctx.m, lp, area.w, st)
        page.shapes.append(box_shape("Label", Rect(area.x, top, area.w, h), lp, st, kind="text"))
        top += h + GAP // 2
    tiles = Rect(area.x, top, area.w, bottom - top)
    n = len(targets)
    best: tuple[float, int, int] | None = None
    for cols, rows in _grids(n):
        tw = (tiles.w - (cols - 1) * GAP) // cols
        th = (tiles.h - (rows - 1) * GAP) // rows
        if tw <= 0 or th <= 0:
            continue
        for s in sizes(START, BODY_FLOOR):
            st = tile_style(s)
            if all(need(ctx.m, tile_paras(first_no + i, t, compact), tw, st) <= th for i, t in enumerate(targets)):
                if best is None or s > best[0]:
                    best = (s, cols, rows)
                break
    ok = best is not None
    if best is None:
        grids = _grids(n)
        size, cols, rows = BODY_FLOOR, *grids[min(1, len(grids) - 1)]
    else:
        size, cols, rows = best
        if size < 14:
            page.adjustments.append(ctx.say(f"target text set at {size:g} pt to fit"))
    tw = (tiles.w - (cols - 1) * GAP) // cols
    th = max(1, (tiles.h - (rows - 1) * GAP) // rows)
    figure_size = _figure_size(ctx, first_no, targets, Rect(0, 0, tw, th), size)
    for i, t in enumerate(targets):
        r, c = divmod(i, cols)
        in_row = min(cols, n - r * cols)
        offset = (cols - in_row) * (tw + GAP) // 2  # centre a last row that is not full
        box = Rect(tiles.x + offset + c * (tw + GAP), tiles.y + r * (th + GAP), tw, th)
        page.shapes += _tile(ctx, first_no + i, t, box, size, figure_size, compact=compact)
    page.shapes.extend(reversed(bands))
    return page, ok


def layout_targets(block: TargetsBlock, area: Rect, ctx: Ctx) -> list[Page]:
    """Goal, label, tiles and footer bands inside ``area``: one page, or the tiles over two."""
    targets = list(block.targets)
    for compact in (False, True):
        page, ok = _page(block, 1, targets, area, ctx, compact=compact, top_bands=True, bottom_bands=True)
        if ok:
            if compact:
                page.adjustments.append(ctx.say("goal and delivery lines set smaller to make room for the targets"))
            return [page]
    half = (len(targets) + 1) // 2
    if len(targets) < 2:
        page.adjustments.append(ctx.say("the target holds too much text to fit; shorten it"))
        return [page]
    # Both slides carry the goal, label and delivery bands: each reads whole on the screen.
    first, ok1 = _page(block, 1, targets[:half], area, ctx, compact=True, top_bands=True, bottom_bands=True)
    second, ok2 = _page(block, half + 1, targets[half:], area, ctx, compact=True, top_bands=True, bottom_bands=True)
    first.adjustments.append(ctx.say("targets spread over 2 slides"))
    if not (ok1 and ok2):
        first.adjustments.append(ctx.say("targets hold too much text to fit; shorten them"))
    return [first, second]


def _figure_size(ctx: Ctx, first_no: int, targets: list[Target], tile: Rect, size: float) -> float | None:
    """One size for every headline figure of a page, up to twice the tiles' size, or ``None``.

    The figure is what an audience should remember ("100,000"), so it is set large where every
    tile has the height for it, and at one size on all tiles (a few large, a few small would read
    as a ranking). ``None``: the figures stay in the tiles' text, bold.
    """
    figured = [(first_no + i, t) for i, t in enumerate(targets) if t.figure]
    if not figured:
        return None
    for big in sizes(min(2 * size, 40.0), size + 4, 2.0):
        if all(_figure_h(ctx, t, tile.w, big) + _words_h(ctx, n, t, tile.w, size) <= tile.h for n, t in figured):
            return big
    return None


def _figure_h(ctx: Ctx, target: Target, w: int, big: float) -> int:
    return need(ctx.m, para(target.figure or "", bold=True), w, _figure_style(big))


def _words_h(ctx: Ctx, n: int, target: Target, w: int, size: float) -> int:
    return need(ctx.m, para(f"{n}", bold=True) + para(target.text), w, _words_style(size))


def _figure_style(size: float) -> TextStyle:
    return style(size, "tx1", bold=True, align="center", anchor="middle")


def _words_style(size: float) -> TextStyle:
    return style(size, "tx1", align="center", anchor="bottom", space=2.0)


def _tile(  # noqa: PLR0917 - a tile's number, target, box and two sizes
    ctx: Ctx, n: int, target: Target, box: Rect, size: float, figure_size: float | None, *, compact: bool
) -> list[Shape]:
    """A tile; its headline figure, with ``figure_size``, in a box of its own above the words."""
    if not target.figure or figure_size is None:
        return [box_shape(f"Target {n}", box, tile_paras(n, target, compact), tile_style(size), fill="bg2")]
    words = para(f"{n}", bold=True) + para(target.text)
    tile = box_shape(f"Target {n}", box, words, _words_style(size), fill="bg2")
    fig_h = _figure_h(ctx, target, box.w, figure_size)
    room = box.h - _words_h(ctx, n, target, box.w, size)
    fig_box = Rect(box.x, box.y + (room - fig_h) // 2, box.w, fig_h)
    return [
        tile,
        box_shape(f"Figure {n}", fig_box, para(target.figure, bold=True), _figure_style(figure_size), kind="text"),
    ]


def tile_style(size: float) -> TextStyle:
    return style(size, "tx1", align="center", anchor="middle", space=2.0)
