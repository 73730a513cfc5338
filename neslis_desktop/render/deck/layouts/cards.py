"""Card grids: intro lines, a grid of 2-8 cards per slide, and a footer line.

Columns are chosen from the text (the grid with the largest text wins, the usual shape breaks
ties); a ``wide`` card takes a whole row; rows not full are spread over the whole width.
More cards than fit at a readable size are spread evenly over further slides.
"""

from __future__ import annotations

import math

from neslis_desktop.model.blocks import BulletItem, Card, CardsBlock
from neslis_desktop.render.deck.layouts import (
    BODY_FLOOR,
    GAP,
    Ctx,
    Page,
    box_shape,
    need,
    para,
    sizes,
    style,
)
from neslis_desktop.render.deck.plan import EMU_PER_INCH, Para, Rect, Shape, TextStyle

MAX_PER_SLIDE = 8
CARD_PAD = EMU_PER_INCH * 2 // 5
START = 20.0
READABLE = 14.0
_NATURAL = {1: 1, 2: 2, 3: 3, 4: 2, 5: 3, 6: 3, 7: 4, 8: 4}
"""Columns for a count of cards when nothing fits (the fallback grid)."""


def card_paras(card: Card) -> list[Para]:
    out: list[Para] = []
    if card.title:
        out += para(card.title, bold=True)
    if card.body:
        out += para(card.body)

    def walk(items: list[BulletItem], level: int) -> None:
        for item in items:
            out.extend(para(item.text, level=level, bullet="bullet"))
            walk(item.items, level + 1)

    walk(card.bullets, 0)
    return out


def card_style(card: Card, size: float) -> TextStyle:
    only_title = card.body is None and not card.bullets
    return style(
        size,
        "bg1" if card.highlight else "tx1",
        space=round(size * 0.3, 1),
        align="center" if only_title else "left",
        anchor="middle" if only_title else "top",
    )


def _rows(cards: list[Card], cols: int) -> list[list[Card]]:
    rows: list[list[Card]] = []
    cur: list[Card] = []
    for card in cards:
        if card.wide:
            if cur:
                rows.append(cur)
                cur = []
            rows.append([card])
            continue
        cur.append(card)
        if len(cur) == cols:
            rows.append(cur)
            cur = []
    if cur:
        rows.append(cur)
    return rows


def _grid(ctx: Ctx, cards: list[Card], area: Rect, cols: int, size: float) -> list[Rect] | None:
    """Card boxes for ``cards`` in ``cols`` columns at ``size``, or None when they do not fit."""
    rows = _rows(cards, cols)
    needs: list[int] = []
    widths: list[int] = []
    column = (area.w - (cols - 1) * GAP) // max(cols, 1)
    for row in rows:
        n = len(row)
        # A short last row keeps the column width (centred): every card of a grid, and of
        # each slide of a split grid, is the same width. Only a "wide" card spans the row.
        w = (area.w - (n - 1) * GAP) // n if row[0].wide else column
        widths.append(w)
        needs.append(max(need(ctx.m, card_paras(c), w, card_style(c, size)) for c in row))
    total_gap = (len(rows) - 1) * GAP
    if sum(needs) + total_gap > area.h:
        return None
    room = area.h - total_gap
    uniform = max(needs)
    if uniform * len(rows) <= room:
        # Rows share the height, but a card is never much taller than its text needs.
        share = room // len(rows)
        heights = [min(share, max(n * 4 // 3, n + CARD_PAD)) for n in needs]
    else:
        extra = (room - sum(needs)) // len(rows)
        heights = [n + extra for n in needs]
    boxes: list[Rect] = []
    y = area.y
    for row, w, h in zip(rows, widths, heights, strict=True):
        x = area.x + (area.w - (len(row) * w + (len(row) - 1) * GAP)) // 2
        for _ in row:
            boxes.append(Rect(x, y, w, h))
            x += w + GAP
        y += h + GAP
    return boxes


def _best(ctx: Ctx, cards: list[Card], area: Rect, columns: int | None) -> tuple[float, int] | None:
    """(size, columns) of the grid that sets the text largest; among equals, one without a
    lone card stretched over a row, then the one whose cards are closest to a pleasant
    landscape shape (about 2:1, lines not too short)."""
    normal = sum(1 for c in cards if not c.wide) or 1
    options = [columns] if columns else list(range(1, min(4, normal) + 1))
    best: tuple[tuple[float, int, float, float], float, int] | None = None
    for cols in options:
        lone = sum(1 for row in _rows(cards, cols) if len(row) == 1 and not row[0].wide and cols > 1)
        for s in sizes(START, BODY_FLOOR):
            boxes = _grid(ctx, cards, area, cols, s)
            if boxes is not None:
                aspect = sum(b.w / max(b.h, 1) for b in boxes) / len(boxes)
                cand = ((s // 2, -lone, -abs(math.log(aspect / 2.0)), s), s, cols)
                if best is None or cand[0] > best[0]:
                    best = cand
                break
    return (best[1], best[2]) if best else None


def _common(
    ctx: Ctx, plans: list[tuple[list[Shape], Rect, list[Card]]], columns: int | None
) -> list[tuple[float, int] | None] | None:
    """One grid for every slide of a split: the same columns and text size on each (largest first).

    A split grid whose slides had each its own columns and size read as different charts
    (3 + 2 beside 4 + one wide); one size and column count keep the cards the same width.
    """
    most = max(len(chunk) for _, _, chunk in plans)
    options = [columns] if columns else list(range(1, min(4, most) + 1))
    best: tuple[tuple[float, float], float, int] | None = None
    for cols in options:
        floor_size: float | None = START
        for _, grid, chunk in plans:
            fitted = next((s for s in sizes(START, BODY_FLOOR) if _grid(ctx, chunk, grid, cols, s) is not None), None)
            if fitted is None:
                floor_size = None
                break
            floor_size = min(floor_size, fitted)  # type: ignore[type-var]
        if floor_size is None:
            continue
        probe = _grid(ctx, plans[0][2], plans[0][1], cols, floor_size) or []
        aspect = sum(b.w / max(b.h, 1) for b in probe) / max(len(probe), 1)
        key = (floor_size // 2, -abs(math.log(max(aspect, 1e-6) / 2.0)))
        if best is None or key > best[0]:
            best = (key, floor_size, cols)
    if best is None:
        return None
    return [(best[1], best[2]) for _ in plans]


def _chunks(cards: list[Card], pages: int) -> list[list[Card]]:
    out, start = [], 0
    for i in range(pages):
        left = len(cards) - start
        take = math.ceil(left / (pages - i))
        out.append(cards[start : start + take])
        start += take
    return [c for c in out if c]


def _text_band(
    ctx: Ctx, name: str, lines: list[str], area: Rect, *, top: bool, start: float = 20.0
) -> tuple[Shape | None, Rect]:
    """A text shape for ``lines`` at the top or bottom of ``area``, and the area left."""
    if not lines:
        return None, area
    paras = [p for line in lines for p in para(line)]
    for s in sizes(start, BODY_FLOOR):
        st = style(s, space=round(s * 0.3, 1))
        h = need(ctx.m, paras, area.w, st)
        if h <= area.h // 3 or s == BODY_FLOOR:
            break
    h = min(h, area.h // 2)
    if top:
        box = Rect(area.x, area.y, area.w, h)
        rest = Rect(area.x, area.y + h + GAP, area.w, area.h - h - GAP)
    else:
        box = Rect(area.x, area.bottom - h, area.w, h)
        rest = Rect(area.x, area.y, area.w, area.h - h - GAP)
    return box_shape(name, box, paras, st, kind="text"), rest


def layout_cards(block: CardsBlock, area: Rect, ctx: Ctx) -> list[Page]:
    """Pages of the card grid in ``area``."""
    cards = list(block.cards)
    n = len(cards)
    pages = math.ceil(n / MAX_PER_SLIDE)
    while True:
        chunks = _chunks(cards, pages)
        plans: list[tuple[list[Shape], Rect, list[Card]]] = []
        results: list[tuple[float, int] | None] = []
        for i, chunk in enumerate(chunks):
            shapes: list[Shape] = []
            grid = area
            if block.intro:  # repeated on every slide of the grid, so each reads on its own
                intro, grid = _text_band(ctx, "Intro", list(block.intro), grid, top=True)
                if intro:
                    shapes.append(intro)
            if i == len(chunks) - 1 and block.footer:
                footer, grid = _text_band(ctx, "Footer", [block.footer], grid, top=False, start=18.0)
                if footer:
                    shapes.append(footer)
            plans.append((shapes, grid, chunk))
            results.append(_best(ctx, chunk, grid, block.columns))
        if len(chunks) > 1:
            results = _common(ctx, plans, block.columns) or results
        ok = all(r is not None and r[0] >= READABLE for r in results)
        if ok or pages >= n:
            break
        pages += 1
    out: list[Page] = []
    for i, ((shapes, grid, chunk), res) in enumerate(zip(plans, results, strict=True)):
        page = Page(list(shapes))
        if res is None:
            cols = block.columns or _NATURAL.get(len(chunk), 4)
            size = BODY_FLOOR
            boxes = _grid(ctx, chunk, grid, cols, size) or _forced(chunk, grid, cols)
            page.adjustments.append(ctx.say("cards hold too much text to fit; shorten them"))
        else:
            size, cols = res
            boxes = _grid(ctx, chunk, grid, cols, size) or []
            if size < 16:
                page.adjustments.append(ctx.say(f"card text set at {size:g} pt to fit"))
        if i == 0 and len(chunks) > 1:
            page.adjustments.append(ctx.say(f"{n} cards spread over {len(chunks)} slides"))
        for j, (card, box) in enumerate(zip(chunk, boxes, strict=False)):
            page.shapes.append(
                box_shape(
                    f"Card {j + 1}",
                    box,
                    card_paras(card),
                    card_style(card, size),
                    kind="rect",
                    fill="accent1" if card.highlight else "bg2",
                )
            )
        # Shapes are read in the order they are written: the footer, under the grid, after the cards.
        page.shapes.sort(key=lambda shape: shape.name == "Footer")
        # A footer follows the grid closely rather than sitting at the foot of the slide.
        if boxes:
            grid_bottom = max(b.bottom for b in boxes)
            for shape in page.shapes:
                if shape.name == "Footer" and shape.box.y > grid_bottom + GAP:
                    shape.box = Rect(shape.box.x, grid_bottom + GAP, shape.box.w, shape.box.h)
        out.append(page)
    return out


def _forced(cards: list[Card], area: Rect, cols: int) -> list[Rect]:
    rows = _rows(cards, cols)
    h = (area.h - (len(rows) - 1) * GAP) // len(rows)
    boxes = []
    for r, row in enumerate(rows):
        w = (area.w - (len(row) - 1) * GAP) // len(row)
        for c in range(len(row)):
            boxes.append(Rect(area.x + c * (w + GAP), area.y + r * (h + GAP), w, h))
    return boxes
