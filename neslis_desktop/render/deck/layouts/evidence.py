"""Slides for evidence blocks: a chart, a table (split over slides), or a picture, each with its source.

The plan holds one shape per native element, a :class:`ChartShape`, :class:`TableShape` or
:class:`PictureShape`. They are ordinary plan shapes (a labelled box), so the app's preview
and the slide inspector see them like any other; the deck writer draws them as native charts,
tables and pictures (:mod:`neslis_desktop.render.deck.evidence`). Text around them (the
headline, the statistical subtitle, the source line, the caption) is ordinary fitted text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from neslis_desktop.model.evidence import Align, ChartBlock, Logo, PictureBlock, Source, TableBlock
from neslis_desktop.model.inline import plain_text
from neslis_desktop.render.deck.layouts import (
    BODY_FLOOR,
    GAP,
    MAX_CONTINUATIONS,
    Ctx,
    Page,
    box_shape,
    need,
    para,
    sizes,
    style,
)
from neslis_desktop.render.deck.plan import EMU_PER_INCH, EMU_PER_PT, Frame, Rect, Shape, TextFrame, TextStyle

SOURCE_PT = 12.0
TABLE_START_PT = 16.0
CELL_INSET = 91_440


@dataclass
class ChartShape(Shape):
    """A native chart's place on the slide; the box is where its graphic frame goes."""

    chart: ChartBlock | None = None


@dataclass
class TableShape(Shape):
    """A native table (or one slide's part of it): cells as shown, column widths and row heights."""

    header: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    aligns: list[Align] = field(default_factory=list)
    col_widths: list[int] = field(default_factory=list)
    row_heights: list[int] = field(default_factory=list)
    """Height of the header row, then of each body row (EMU), as measured."""
    size_pt: float = TABLE_START_PT
    totals: bool = False
    """Whether the last row is the totals row (set bold)."""


@dataclass
class PictureShape(Shape):
    """A picture's place, sized to its proportions (never stretched)."""

    picture: PictureBlock | Logo | None = None


def _label(text: str) -> TextFrame:
    """The small label the preview shows inside the element's box."""
    return TextFrame(para(text), TextStyle(12.0, "tx2", align="center", anchor="middle"))


def _lines_block(
    text: str, area: Rect, ctx: Ctx, start: float, floor: float, *, bold: bool = False, name: str, top: bool = True
) -> tuple[Shape, int]:
    """A text box for ``text`` fitted to the area's width, at the top (or bottom); the shape and its height."""
    paras = para(text, bold=bold)
    chosen = floor
    for s in sizes(start, floor):
        st = style(s, bold=bold)
        h = need(ctx.m, paras, area.w, st)
        if h <= area.h // 4:
            chosen = s
            break
    st = style(chosen, bold=bold, font="minor")
    h = min(need(ctx.m, paras, area.w, st), area.h // 3)
    y = area.y if top else area.bottom - h
    return box_shape(name, Rect(area.x, y, area.w, h), paras, st, kind="text"), h


def _frame_text(area: Rect, ctx: Ctx, head: list[tuple[str, float, bool]], foot: list[str]) -> tuple[list[Shape], Rect]:
    """Lines above (text, size, bold) and small lines below; the shapes and the area left between."""
    shapes: list[Shape] = []
    top, bottom = area.y, area.bottom
    for text, size, bold in head:
        shape, h = _lines_block(
            text,
            Rect(area.x, top, area.w, area.bottom - top),
            ctx,
            size,
            BODY_FLOOR + 2 if bold else BODY_FLOOR,
            bold=bold,
            name="Chart Heading" if bold else "Chart Subtitle",
        )
        shapes.append(shape)
        top += h
    for text in reversed(foot):
        shape, h = _lines_block(
            text, Rect(area.x, top, area.w, bottom - top), ctx, SOURCE_PT, SOURCE_PT, name="Source", top=False
        )
        shapes.append(shape)
        bottom -= h
    # A gap between the graphic and the text above and below it; none where there is no text,
    # so a picture alone fills the template's picture placeholder to its edges.
    above, below = (GAP // 2 if head else 0), (GAP // 2 if foot else 0)
    return shapes, Rect(area.x, top + above, area.w, max(bottom - top - above - below, EMU_PER_INCH // 2))


def _source(source: Source | None) -> list[str]:
    return [plain_text(source.line())] if source is not None else []


def layout_chart(block: ChartBlock, area: Rect, ctx: Ctx) -> list[Page]:
    """One slide: headline, statistical subtitle, the chart, the source line and notes."""
    head = [(plain_text(block.title), 22.0, True)]
    if block.subtitle:
        head.append((plain_text(block.subtitle), 16.0, False))
    foot = _source(block.source) + ([plain_text(block.chart_notes)] if block.chart_notes else [])
    shapes, rest = _frame_text(area, ctx, head, foot)
    kind = block.chart_type.replace("_", " ")
    chart = ChartShape(
        "rect",
        rest,
        f"Chart: {plain_text(block.title)[:60]}",
        line="tx2",
        line_pt=0.75,
        text=_label(f"{kind.capitalize()} chart"),
        alt_text=block.alt(),
        chart=block,
    )
    shapes.insert(len(head), chart)
    adjustments = []
    if block.source is None:
        adjustments.append(
            ctx.say(f"chart '{plain_text(block.title)[:40]}' has no source; add where the figures come from")
        )
    return [Page(shapes, adjustments)]


def _column_texts(block: TableBlock, i: int) -> list[str]:
    """Column ``i``'s header, cells and total, as shown."""
    texts = [plain_text(block.columns[i].title)] + [block.cell_text(r, i) for r in block.rows]
    if block.totals is not None:
        texts.append(block.cell_text(block.totals, i))
    return texts


def _column_widths(block: TableBlock, width: int, ctx: Ctx, size: float) -> list[int]:
    """Column widths: each at least its longest word (when they all fit), the rest shared by text length.

    A column first gets the room of its longest word (header bold) and its insets, at least a
    tenth of the table; what is left goes to the columns whose text is longer than that, in
    proportion to how much longer, so no word of a short column breaks because a long column
    took the room. When the words alone are wider than the table, the widths are in proportion
    to them and the caller tries a smaller size.
    """
    wants, words = [], []
    for i in range(len(block.columns)):
        texts = _column_texts(block, i)
        # Points at 1 pt; a column never asks for more than a long line's worth.
        longest = max(ctx.m.width_pt(t or " ", 1.0, bold=(n == 0)) for n, t in enumerate(texts)) * size
        word = max(ctx.m.width_pt(w, 1.0, bold=(n == 0)) for n, t in enumerate(texts) for w in (t.split() or [" "]))
        wants.append(min(longest, 400.0) * EMU_PER_PT + 2 * CELL_INSET)
        words.append(word * size * EMU_PER_PT * 1.02 + 2 * CELL_INSET)  # 2%: rounding of glyph widths
    floor = width // (10 if len(wants) < 8 else len(wants) * 2)
    base = [max(floor, int(w)) for w in words]
    if sum(base) >= width:
        widths = [int(width * b / sum(base)) for b in base]
    else:
        extra = width - sum(base)
        desire = [max(w - b, 0.0) for w, b in zip(wants, base, strict=True)]
        share = desire if sum(desire) > 0 else wants
        widths = [b + int(extra * d / sum(share)) for b, d in zip(base, share, strict=True)]
    widths[-1] += width - sum(widths)
    return widths


BROKEN_ROW = 10**9
"""A row height at least this (EMU) means a word did not fit its column (the measurer's "no fit")."""


def _row_height(cells: list[str], widths: list[int], ctx: Ctx, size: float, bold: bool, *, strict: bool = True) -> int:
    """Height of a row at ``size``: its tallest cell, insets included.

    ``strict``: a word wider than its column makes the row not fit (:data:`BROKEN_ROW` or more);
    without it the word breaks, as PowerPoint breaks it, and the row is as tall as that.
    """
    st = style(size, bold=bold)
    if strict:
        return max(
            need(ctx.m, para(c or " ", bold=bold), w, st, CELL_INSET) for c, w in zip(cells, widths, strict=True)
        )
    return max(
        ctx.m.box_height(TextFrame(para(c or " ", bold=bold), st, CELL_INSET), w)
        for c, w in zip(cells, widths, strict=True)
    )


def layout_table(block: TableBlock, area: Rect, ctx: Ctx) -> list[Page]:
    """The table at the largest size that fits one slide, else split over slides, header repeated."""
    head = [(plain_text(block.caption), 20.0, True)]
    shapes, rest = _frame_text(area, ctx, head, _source(block.source))
    header = [plain_text(c.title) for c in block.columns]
    body = [[block.cell_text(r, i) for i in range(len(block.columns))] for r in block.rows]
    if block.totals is not None:
        body.append([block.cell_text(block.totals, i) for i in range(len(block.columns))])
    aligns = [c.alignment() for c in block.columns]
    adjustments: list[str] = []
    chosen = BODY_FLOOR
    for size in sizes(TABLE_START_PT, BODY_FLOOR):
        widths = _column_widths(block, rest.w, ctx, size)
        heights = [_row_height(header, widths, ctx, size, True)]
        heights += [_row_height(r, widths, ctx, size, False) for r in body]
        if sum(heights) <= rest.h:
            chosen = size
            break
    widths = _column_widths(block, rest.w, ctx, chosen)
    head_h = _row_height(header, widths, ctx, chosen, True)
    row_hs = [
        _row_height(r, widths, ctx, chosen, block.totals is not None and n == len(body) - 1) for n, r in enumerate(body)
    ]
    if max(head_h, *row_hs) >= BROKEN_ROW:
        # Some word is wider than its column even at the floor: it breaks (as PowerPoint breaks
        # it), the rows are planned as tall as that, and the author is told which column.
        broken = [
            plain_text(c.title) or str(i + 1)
            for i, c in enumerate(block.columns)
            if any(
                _row_height([t], [widths[i]], ctx, chosen, n == 0) >= BROKEN_ROW
                for n, t in enumerate(_column_texts(block, i))
            )
        ]
        adjustments.append(
            ctx.say(
                f"table '{plain_text(block.caption)[:40]}' is too narrow for its words: a word of column "
                f"'{broken[0] if broken else '?'}' breaks across lines; abbreviate it or give the table fewer columns"
            )
        )
        head_h = _row_height(header, widths, ctx, chosen, True, strict=False)
        row_hs = [
            _row_height(r, widths, ctx, chosen, block.totals is not None and n == len(body) - 1, strict=False)
            for n, r in enumerate(body)
        ]
    tall = [n for n, h in enumerate(row_hs) if head_h + h > rest.h]
    if tall:
        adjustments.append(
            ctx.say(
                f"table '{plain_text(block.caption)[:40]}': row {tall[0] + 1} holds more text than a slide "
                f"has room for at {chosen:g} pt, so the table runs past the slide; shorten that row's text"
            )
        )
    pages_rows: list[list[int]] = [[]]
    used = head_h
    for n, h in enumerate(row_hs):
        if pages_rows[-1] and used + h > rest.h:
            pages_rows.append([])
            used = head_h
        pages_rows[-1].append(n)
        used += h
    if len(pages_rows) > MAX_CONTINUATIONS + 1:
        adjustments.append(
            ctx.say(
                f"table '{plain_text(block.caption)[:40]}' is too long; only its first "
                f"{sum(len(p) for p in pages_rows[: MAX_CONTINUATIONS + 1])} rows are shown"
            )
        )
        pages_rows = pages_rows[: MAX_CONTINUATIONS + 1]
    if len(pages_rows) > 1:
        adjustments.append(
            ctx.say(
                f"table '{plain_text(block.caption)[:40]}' continues over {len(pages_rows)} "
                "slides, its header row repeated"
            )
        )
    if chosen < TABLE_START_PT:
        adjustments.append(ctx.say(f"table '{plain_text(block.caption)[:40]}' set at {chosen:g} pt to fit"))
    pages: list[Page] = []
    for k, indexes in enumerate(pages_rows):
        heights = [head_h] + [row_hs[n] for n in indexes]
        box = Rect(rest.x, rest.y, rest.w, min(sum(heights), rest.h))
        part = f" (rows {indexes[0] + 1} to {indexes[-1] + 1})" if len(pages_rows) > 1 else ""
        last = block.totals is not None and indexes[-1] == len(body) - 1
        table = TableShape(
            "rect",
            box,
            f"Table: {plain_text(block.caption)[:60]}",
            line="tx2",
            line_pt=0.75,
            text=_label(f"Table{part}"),
            header=header,
            rows=[body[n] for n in indexes],
            aligns=aligns,
            col_widths=widths,
            row_heights=heights,
            size_pt=chosen,
            totals=last,
        )
        page_shapes = (
            [shapes[0], table, *shapes[1:]]
            if k == 0
            else [
                box_shape(
                    "Chart Heading",
                    shapes[0].box,
                    para(f"{plain_text(block.caption)} (continued)", bold=True),
                    shapes[0].text.style if shapes[0].text else style(20.0, bold=True),
                    kind="text",
                ),
                table,
                *shapes[1:],
            ]
        )
        pages.append(Page(page_shapes, adjustments if k == 0 else []))
    return pages


def layout_picture(block: PictureBlock, area: Rect, ctx: Ctx) -> list[Page]:
    """The picture as large as fits its proportions, centred, with caption and credit below."""
    foot = (
        [" ".join(plain_text(x) for x in (block.caption, block.credit) if x)] if (block.caption or block.credit) else []
    )
    shapes, rest = _frame_text(area, ctx, [], foot)
    adjustments: list[str] = []
    pixels = block.pixels
    if pixels is None:
        adjustments.append(ctx.say(f"picture '{block.file}' was not found in the project, so a box shows its place"))
        pixels = (4, 3)
    pw, ph = pixels
    scale = min(rest.w / pw, rest.h / ph)
    w, h = max(int(pw * scale), 1), max(int(ph * scale), 1)
    box = Rect(rest.x + (rest.w - w) // 2, rest.y + (rest.h - h) // 2, w, h)
    alt = None if block.decorative else block.alt_text
    picture = PictureShape(
        "rect",
        box,
        f"Picture: {block.file}"[:80],
        line="tx2",
        line_pt=0.75,
        text=_label("Picture"),
        alt_text=alt,
        picture=block,
    )
    return [Page([picture, *shapes], adjustments)]


LOGO_HEIGHT = EMU_PER_INCH * 9 // 10
LOGO_MIN_HEIGHT = EMU_PER_INCH * 4 // 10


def cover_logos(logos: list[Logo] | None, frame: Frame) -> list[Shape]:
    """The partners' logos in a row under the title slide's subtitle, each at its own proportions."""
    found = [logo for logo in logos or [] if logo.pixels is not None]
    if not found:
        return []
    area = frame.body
    top = area.bottom + GAP
    h = min(LOGO_HEIGHT, int(frame.slide_h * 0.9) - top)
    if h < LOGO_MIN_HEIGHT:  # no room under the subtitle: along the slide's foot instead
        h = LOGO_MIN_HEIGHT
        top = int(frame.slide_h * 0.9) - h
    ratios = [logo.pixels[0] / logo.pixels[1] for logo in found if logo.pixels]
    need_w = sum(r * h for r in ratios) + GAP * (len(found) - 1)
    if need_w > area.w:
        h = int(h * (area.w - GAP * (len(found) - 1)) / (need_w - GAP * (len(found) - 1)))
    shapes: list[Shape] = []
    x = area.x
    for logo, ratio in zip(found, ratios, strict=True):
        w = max(int(ratio * h), 1)
        shapes.append(
            PictureShape(
                "rect",
                Rect(x, top, w, h),
                f"Logo: {logo.name}"[:80],
                line="tx2",
                line_pt=0.75,
                text=_label("Logo"),
                alt_text=logo.alt_text,
                picture=logo,
            )
        )
        x += w + GAP
    return shapes
