"""The structure diagram: side-by-side columns with header bars, item boxes and small print.

Each column has a coloured header bar, an optional note in small print under it, and its
items as boxes (bold label, aim under it) filling the height. A column with many items packs
them two abreast; column widths are chosen among a few weightings so the text is largest.
"""

from __future__ import annotations

import math

from neslis_desktop.model.blocks import StructureBlock, StructureColumn, StructureItem
from neslis_desktop.render.deck.layouts import BODY_FLOOR, GAP, Ctx, Page, box_shape, need, para, sizes, style
from neslis_desktop.render.deck.plan import Para, Rect, Shape
from neslis_desktop.render.deck.textfit import INSET

START = 18.0
ITEM_INSET = INSET // 2
"""Item boxes are small and centred: a narrower inset leaves their words room."""
_TWO_ABREAST = 6


def item_paras(item: StructureItem) -> list[Para]:
    out = para(item.label, bold=True)
    if item.aim:
        out += para(item.aim)
    return out


def _subcols(col: StructureColumn, extra: int = 0) -> int:
    base = 2 if len(col.items) > _TWO_ABREAST else 1
    return max(1, min(base + extra, len(col.items) // 2 or 1))


def _widths(total: int, weights: list[float]) -> list[int]:
    room = total - (len(weights) - 1) * GAP
    s = sum(weights)
    return [int(room * w / s) for w in weights]


def _plan(
    ctx: Ctx,
    cols: list[StructureColumn],
    area: Rect,
    weights: list[float],
    size: float,
    *,
    ks: list[int],
    strict: bool = True,
    floor: float = BODY_FLOOR,
) -> list[Shape] | None:
    """The diagram's shapes with text at ``size``, or None when something does not fit."""
    m = ctx.m
    widths = _widths(area.w, weights)
    head_st = style(size, "bg1", bold=True, align="center", anchor="middle")
    note_size = max(BODY_FLOOR, size - 4)
    note_st = style(note_size, "tx1", align="center")
    head_h = max(need(m, para(c.title, bold=True), w, head_st, floor=floor) for c, w in zip(cols, widths, strict=True))
    note_h = max(
        (need(m, para(c.note), w, note_st, floor=floor) if c.note else 0) for c, w in zip(cols, widths, strict=True)
    )
    top = area.y + head_h + GAP // 2 + (note_h + GAP // 2 if note_h else 0)
    room = area.bottom - top
    if room <= 0 and strict:
        return None
    if room < area.h // 3:  # only when not strict: keep the items visible
        top, room = area.bottom - area.h // 3, area.h // 3
    item_st = style(size, "tx1", align="center", anchor="middle", space=2.0)
    shapes: list[Shape] = []
    x = area.x
    for ci, (col, w, k) in enumerate(zip(cols, widths, ks, strict=True)):
        rows = math.ceil(len(col.items) / k)
        iw = (w - (k - 1) * GAP // 2) // k
        ih = (room - (rows - 1) * GAP // 2) // rows
        for item in col.items:
            if strict and need(m, item_paras(item), iw, item_st, ITEM_INSET, floor=floor) > ih:
                return None
        shapes.append(
            box_shape(
                f"Column {ci + 1} header",
                Rect(x, area.y, w, head_h),
                para(col.title, bold=True),
                head_st,
                fill="accent1",
            )
        )
        if col.note:
            shapes.append(
                box_shape(
                    f"Column {ci + 1} note",
                    Rect(x, area.y + head_h + GAP // 2, w, note_h),
                    para(col.note),
                    note_st,
                    kind="text",
                )
            )
        for j, item in enumerate(col.items):
            r, c = divmod(j, k)
            box = Rect(x + c * (iw + GAP // 2), top + r * (ih + GAP // 2), iw, ih)
            shapes.append(
                box_shape(f"Column {ci + 1} item {j + 1}", box, item_paras(item), item_st, fill="bg2", inset=ITEM_INSET)
            )
        x += w + GAP
    return shapes


def _options(cols: list[StructureColumn]) -> list[tuple[list[float], list[int]]]:
    """(column weights, items abreast per column) to try, the usual shapes first."""
    base = [_subcols(c) for c in cols]
    more = [_subcols(c, 1) if len(c.items) >= 4 else _subcols(c) for c in cols]
    volume = [max(1.0, sum(len(i.label) + len(i.aim or "") for i in c.items) / len(c.items) / 12) for c in cols]
    out: list[tuple[list[float], list[int]]] = []
    for ks in (base, more):
        for weights in ([1.0] * len(cols), [float(k) for k in ks], [v * k for v, k in zip(volume, ks, strict=True)]):
            if (weights, ks) not in out:
                out.append((weights, ks))
    return out


def _best(ctx: Ctx, cols: list[StructureColumn], area: Rect) -> tuple[float, list[Shape]] | None:
    options = _options(cols)
    for s in sizes(START, BODY_FLOOR):
        # At the floor, first look for a shape that keeps every word whole.
        for floor in (0.0, BODY_FLOOR) if s <= BODY_FLOOR else (BODY_FLOOR,):
            for weights, ks in options:
                shapes = _plan(ctx, cols, area, weights, s, ks=ks, floor=floor)
                if shapes is not None:
                    return s, shapes
    return None


def layout_structure(block: StructureBlock, area: Rect, ctx: Ctx) -> list[Page]:
    """The structure diagram filling ``area``: one page, or its columns over more if need be."""
    groups = [list(block.columns)]
    while True:
        results = [_best(ctx, g, area) for g in groups]
        if all(r is not None for r in results) or max(len(g) for g in groups) == 1:
            break
        # Split the widest group in two and try again.
        i = max(range(len(groups)), key=lambda j: len(groups[j]))
        g = groups[i]
        half = (len(g) + 1) // 2
        groups[i : i + 1] = [g[:half], g[half:]]
    pages: list[Page] = []
    for g, res in zip(groups, results, strict=True):
        page = Page()
        if res is None:
            weights, ks = _options(g)[0]
            page.shapes = _plan(ctx, g, area, weights, BODY_FLOOR, ks=ks, strict=False) or []
            page.adjustments.append(ctx.say("the structure diagram holds too much text to fit; shorten it"))
        else:
            page.shapes = res[1]
            if res[0] < 14:
                page.adjustments.append(ctx.say(f"structure diagram text set at {res[0]:g} pt to fit"))
        pages.append(page)
    if len(pages) > 1:
        pages[0].adjustments.append(ctx.say(f"structure diagram columns spread over {len(pages)} slides"))
    return pages
