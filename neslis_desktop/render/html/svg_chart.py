"""Charts as inline SVG for the HTML edition: one self-contained picture, read out by its alt text.

The SVG is ``role="img"`` named by a ``<title>`` (the headline) and described by a ``<desc>``
(the officer's alt text, else the drafted one); its marks are presentation, since the data
table written after it carries every number. Series colours come from
:mod:`neslis_desktop.render.chart_colours` over the page's GOV.UK palette, so each passes 3:1
against white and (for up to two series) against each other; lines also differ by marker
shape and every chart has a legend, so colour is never the only cue.

The drawing is narrow (:data:`WIDTH` units) and laid out for a phone first: bar labels sit
above their bars, crowded axis labels are thinned, long labels wrap. It scales with its
``viewBox`` to the column's width (capped in the style sheet), so at 320 px its text is
still about 12 px and at 400% zoom it grows with the page. Every mark has ``data-series``,
``data-category`` and ``data-value`` so tests can check the drawing against the numbers.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from neslis_desktop.model.evidence import ChartBlock, format_number
from neslis_desktop.model.inline import plain_text
from neslis_desktop.render.chart_colours import series_colours
from neslis_desktop.render.chart_scale import nice_ticks, value_span
from neslis_desktop.render.html.text import attr

WIDTH = 360
FONT = 16
SMALL = 15
INK = "#0b0c0c"
GREY = "#505a5f"
GRID = "#b1b4b6"
PALETTE = {
    "bg1": "#FFFFFF",
    "tx1": "#0B0C0C",
    "tx2": "#505A5F",
    "accent1": "#1D70B8",
    "accent2": "#F47738",
    "accent3": "#00703C",
    "accent4": "#4C2C92",
    "accent5": "#D4351C",
    "accent6": "#28A197",
}
"""GOV.UK's colours, as a theme for :func:`series_colours` (which darkens those too pale on white)."""

_CHAR = 0.56
"""Average width of a character in Arial, in ems, for wrapping and fitting labels."""


def text_width(text: str, size: float = FONT) -> float:
    """About how wide ``text`` is in Arial at ``size`` units."""
    return len(text) * size * _CHAR


def wrap(text: str, width: float, size: float = FONT) -> list[str]:
    """``text`` broken at spaces into lines no wider than ``width`` (a long word stays whole)."""
    lines: list[str] = []
    for word in text.split():
        if lines and text_width(lines[-1] + " " + word, size) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def _tick_labels(ticks: list[float], number_format: str) -> list[str]:
    """Tick values in the series' format, without decimals when every tick is whole."""
    if "." in number_format and all(float(t).is_integer() for t in ticks):
        whole = number_format.split(".", maxsplit=1)[0] + ("%" if number_format.endswith("%") else "")
        number_format = whole if whole in ("0", "#,##0", "0%", "£#,##0") else number_format
    return [format_number(t, number_format) for t in ticks]


def _text(
    x: float, y: float, text: str, *, size: int = FONT, anchor: str = "start", fill: str = INK, extra: str = ""
) -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" fill="{fill}"{extra}>'
        f"{attr(text)}</text>"
    )


@dataclass
class _Canvas:
    """The parts of the drawing, built top to bottom: ``y`` is where the next part starts."""

    parts: list[str]
    y: float = 0.0

    def lines(self, lines: list[str], x: float, *, size: int = FONT, fill: str = INK, anchor: str = "start") -> None:
        for line in lines:
            self.y += size * 1.25
            self.parts.append(_text(x, self.y, line, size=size, fill=fill, anchor=anchor))


def _legend(canvas: _Canvas, block: ChartBlock, colours: list[str], names: list[str]) -> None:
    """One legend entry a line: a swatch (a marked line for line charts) and the series' name."""
    entries = list(zip(names, colours, strict=True))
    if block.reference is not None:
        entries.append((plain_text(block.reference.label), ""))
    if len(entries) < 2 and block.chart_type != "pie":
        return
    for i, (name, colour) in enumerate(entries):
        top = canvas.y + 4
        if not colour:  # the reference line: dashed ink, as drawn across the plot
            canvas.parts.append(
                f'<line x1="0" y1="{top + 8}" x2="24" y2="{top + 8}" stroke="{INK}" stroke-width="2" '
                'stroke-dasharray="6 4"/>'
            )
        elif block.chart_type == "line":
            canvas.parts.append(
                f'<line x1="0" y1="{top + 8}" x2="24" y2="{top + 8}" stroke="{colour}" stroke-width="3"/>'
                + _marker(i, 12, top + 8, colour)
            )
        else:
            canvas.parts.append(f'<rect x="4" y="{top}" width="16" height="16" fill="{colour}"/>')
        for j, line in enumerate(wrap(name, WIDTH - 32, SMALL)):
            canvas.parts.append(_text(32, top + 13 + j * SMALL * 1.25, line, size=SMALL))
            canvas.y = top + 16 + j * SMALL * 1.25
        canvas.y += 4
    canvas.y += 6


_MARKERS = ("circle", "square", "triangle", "diamond")


def _marker(i: int, x: float, y: float, colour: str) -> str:
    """Series ``i``'s marker: circle, square, triangle, diamond, in turn (so shape tells lines apart)."""
    shape = _MARKERS[i % len(_MARKERS)]
    if shape == "circle":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4.5" fill="{colour}"/>'
    if shape == "square":
        return f'<rect x="{x - 4:.1f}" y="{y - 4:.1f}" width="8" height="8" fill="{colour}"/>'
    if shape == "triangle":
        return f'<path d="M{x:.1f} {y - 5.5:.1f}L{x + 5:.1f} {y + 4:.1f}L{x - 5:.1f} {y + 4:.1f}Z" fill="{colour}"/>'
    diamond = f"M{x:.1f} {y - 5.5:.1f}L{x + 5.5:.1f} {y:.1f}L{x:.1f} {y + 5.5:.1f}L{x - 5.5:.1f} {y:.1f}Z"
    return f'<path d="{diamond}" fill="{colour}"/>'


def _mark(kind: str, series: int, category: int, value: float, body: str) -> str:
    return f'<{kind} class="mark" data-series="{series}" data-category="{category}" data-value="{value:g}" {body}/>'


def chart_svg(block: ChartBlock, svg_id: str) -> str:
    """The chart as an inline ``<svg>``, titled and described for screen readers."""
    count = len(block.categories) if block.chart_type == "pie" else len(block.series)
    chosen, _ = series_colours(PALETTE, count)
    colours = [c.rgb.lower() for c in chosen]
    canvas = _Canvas(parts=[])
    if block.chart_type == "pie":
        _legend(canvas, block, colours, [plain_text(c) for c in block.categories])
        _pie(canvas, block, colours)
    else:
        _legend(canvas, block, colours, [plain_text(s.name) for s in block.series])
        if block.chart_type in ("bar", "stacked_bar"):
            _bars(canvas, block, colours)
        else:
            _columns(canvas, block, colours)
    height = math.ceil(canvas.y + 4)
    title, desc = attr(plain_text(block.title)), attr(plain_text(block.alt()))
    return (
        f'<svg class="chart-svg" role="img" aria-labelledby="{svg_id}-title {svg_id}-desc" '
        f'viewBox="0 0 {WIDTH} {height}" width="100%" preserveAspectRatio="xMinYMin meet" '
        f'font-family="Arial, \'Liberation Sans\', Helvetica, sans-serif" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{svg_id}-title">{title}</title><desc id="{svg_id}-desc">{desc}</desc>'
        + "".join(canvas.parts)
        + "</svg>"
    )


def _axis_labels(block: ChartBlock, low: float, high: float) -> tuple[list[float], list[str]]:
    ticks = nice_ticks(low, high)
    return ticks, _tick_labels(ticks, block.series[0].number_format)


def _units(canvas: _Canvas, block: ChartBlock) -> None:
    units = block.series[0].units
    if units:
        canvas.lines(wrap(plain_text(units), WIDTH, SMALL), 0, size=SMALL, fill=GREY)
        canvas.y += 4


def _stack(value: float, up: float, down: float) -> tuple[float, float, float]:
    """Where a stacked segment starts, and the running totals after it: positive values stack
    up from the top of the positives, negative ones down from the bottom of the negatives."""
    return (up, up + value, down) if value >= 0 else (down, up, down + value)


def _columns(canvas: _Canvas, block: ChartBlock, colours: list[str]) -> None:
    """Column, stacked column and line charts: categories along, values up."""
    _units(canvas, block)
    low, high = value_span(block)
    ticks, labels = _axis_labels(block, low, high)
    low, high = min(ticks[0], low), max(ticks[-1], high)
    left = max(text_width(t, SMALL) for t in labels) + 8
    plot_w = WIDTH - left - 4
    top = canvas.y + 10
    plot_h = 200.0
    bottom = top + plot_h

    def y_of(v: float) -> float:
        return bottom - (v - low) / (high - low) * plot_h

    parts = canvas.parts
    for t, label in zip(ticks, labels, strict=True):
        y = y_of(t)
        parts.append(
            f'<line x1="{left:.1f}" y1="{y:.1f}" x2="{WIDTH - 4}" y2="{y:.1f}" stroke="{GRID}" stroke-width="1"/>'
        )
        parts.append(_text(left - 6, y + SMALL * 0.35, label, size=SMALL, anchor="end"))
    n = len(block.categories)
    band = plot_w / n
    zero = y_of(max(low, min(0.0, high)))
    if block.chart_type == "line":
        for i, s in enumerate(block.series):
            points = [(left + band * (c + 0.5), y_of(v), c, v) for c, v in enumerate(s.values) if v is not None]
            path = "".join(f"{'M' if k == 0 else 'L'}{x:.1f} {y:.1f}" for k, (x, y, _, _) in enumerate(points))
            parts.append(
                f'<path d="{path}" fill="none" stroke="{colours[i]}" stroke-width="3" stroke-linejoin="round"/>'
            )
            for x, y, c, value in points:
                parts.append(
                    f'<g class="mark" data-series="{i}" data-category="{c}" data-value="{value:g}" data-y="{y:.2f}">'
                    + _marker(i, x, y, colours[i])
                    + "</g>"
                )
    else:
        stacked = block.chart_type == "stacked_column"
        groups = 1 if stacked else len(block.series)
        gap = band * 0.2
        width = (band - gap) / groups
        for c in range(n):
            up, down = 0.0, 0.0
            for i, s in enumerate(block.series):
                v = s.values[c]
                if v is None:
                    continue
                x = left + band * c + gap / 2 + (0 if stacked else i * width)
                if stacked:
                    base, up, down = _stack(v, up, down)
                    y0, y1 = y_of(base), y_of(base + v)
                else:
                    y0, y1 = zero, y_of(v)
                body = (
                    f'x="{x:.2f}" y="{min(y0, y1):.2f}" width="{width:.2f}" height="{abs(y1 - y0):.2f}" '
                    f'fill="{colours[i]}" stroke="#ffffff" stroke-width="{1 if stacked else 0}"'
                )
                parts.append(_mark("rect", i, c, v, body))
                if not stacked and n * len(block.series) <= 6:
                    label = format_number(v, s.number_format)
                    size = SMALL if text_width(label, SMALL) <= band else 11
                    ly = y1 - 5 if v >= 0 else y1 + size + 2
                    parts.append(_text(x + width / 2, ly, label, size=size, anchor="middle"))
    parts.append(
        f'<line x1="{left:.1f}" y1="{zero:.1f}" x2="{WIDTH - 4}" y2="{zero:.1f}" stroke="{INK}" stroke-width="1.5"/>'
    )
    if block.reference is not None:
        _reference(canvas, block, left, y_of(block.reference.value))
    # Category labels: wrapped to the band (up to three lines), a little smaller when a word
    # does not fit, else thinned to every k-th; the data table names every category.
    names = [plain_text(c) for c in block.categories]

    def crowded(k: int, size: int) -> bool:
        room = band * k - 6
        return any(
            len(wrap(nm, room, size)) > 3 or max(text_width(w, size) for w in nm.split() or [""]) > room
            for nm in names[::k]
        )

    size = next((z for z in (SMALL, SMALL - 2, SMALL - 3) if not crowded(1, z)), SMALL - 3)
    every = 1
    while every < n and crowded(every, size):
        every += 1
    deepest = 0
    for c in range(0, n, every):
        lines = wrap(names[c], band * every - 6, size)
        for j, line in enumerate(lines):
            parts.append(_text(left + band * (c + 0.5), bottom + 16 + j * size * 1.2, line, size=size, anchor="middle"))
        deepest = max(deepest, len(lines))
    canvas.y = bottom + 6 + deepest * size * 1.2 + 6


def _reference(canvas: _Canvas, block: ChartBlock, left: float, y: float) -> None:
    """The target or reference line: dashed, in ink, named in the legend (a label on the plot
    would collide with the marks near it)."""
    assert block.reference is not None
    canvas.parts.append(
        f'<line class="reference" data-value="{block.reference.value:g}" data-y="{y:.2f}" x1="{left:.1f}" '
        f'y1="{y:.1f}" x2="{WIDTH - 4}" y2="{y:.1f}" stroke="{INK}" stroke-width="2" stroke-dasharray="6 4"/>'
    )


def _bars(canvas: _Canvas, block: ChartBlock, colours: list[str]) -> None:
    """Bar and stacked bar charts: each category's label above its bar(s), values along."""
    _units(canvas, block)
    low, high = value_span(block)
    ticks, labels = _axis_labels(block, low, high)
    low, high = min(ticks[0], low), max(ticks[-1], high)
    stacked = block.chart_type == "stacked_bar"
    pad = max(text_width(labels[0], SMALL), text_width(labels[-1], SMALL)) / 2 + 2
    left, right = pad, WIDTH - pad
    plot_w = right - left
    label_room = (
        0.0
        if stacked
        else max(
            text_width(format_number(v, s.number_format), SMALL)
            for s in block.series
            for v in s.values
            if v is not None
        )
        + 6
    )

    def x_of(v: float) -> float:
        return left + (v - low) / (high - low) * (plot_w - label_room)

    parts = canvas.parts
    top = canvas.y + 4
    bar_h = 16.0
    rows: list[str] = []
    y = top
    zero = x_of(max(low, min(0.0, high)))
    for c, category in enumerate(block.categories):
        for j, line in enumerate(wrap(plain_text(category), WIDTH, SMALL)):
            rows.append(_text(left + 4, y + SMALL * 1.0 + j * SMALL * 1.2, line, size=SMALL))
            last = j
        y += SMALL * 1.2 * (last + 1) + 5
        up, down = 0.0, 0.0
        for i, s in enumerate(block.series):
            v = s.values[c]
            if v is not None:
                if stacked:
                    base, up, down = _stack(v, up, down)
                    x0, x1 = x_of(base), x_of(base + v)
                else:
                    x0, x1 = zero, x_of(v)
                body = (
                    f'x="{min(x0, x1):.2f}" y="{y:.2f}" width="{abs(x1 - x0):.2f}" height="{bar_h}" '
                    f'fill="{colours[i]}" stroke="#ffffff" stroke-width="{1 if stacked else 0}"'
                )
                rows.append(_mark("rect", i, c, v, body))
                if not stacked:
                    label = format_number(v, s.number_format)
                    lx, anchor = (x1 + 4, "start") if v >= 0 else (x1 - 4, "end")
                    rows.append(_text(lx, y + bar_h - 3, label, size=SMALL, anchor=anchor))
            if not stacked or i == len(block.series) - 1:
                y += bar_h + 2
        y += 8
    bottom = y
    for t, label in zip(ticks, labels, strict=True):
        x = x_of(t)
        parts.append(
            f'<line x1="{x:.1f}" y1="{top:.1f}" x2="{x:.1f}" y2="{bottom:.1f}" stroke="{GRID}" stroke-width="1"/>'
        )
        parts.append(_text(x, bottom + 16, label, size=SMALL, anchor="middle"))
    parts.extend(rows)
    parts.append(
        f'<line x1="{zero:.1f}" y1="{top:.1f}" x2="{zero:.1f}" y2="{bottom:.1f}" stroke="{INK}" stroke-width="1.5"/>'
    )
    canvas.y = bottom + 24


def _pie(canvas: _Canvas, block: ChartBlock, colours: list[str]) -> None:
    """A pie: slices clockwise from twelve o'clock, white edges between them, shares in the legend's table."""
    values = [v or 0.0 for v in block.series[0].values]
    total = sum(values) or 1.0
    r = 120.0
    cx, cy = WIDTH / 2, canvas.y + r + 8
    angle = -math.pi / 2
    for c, v in enumerate(values):
        if v <= 0:
            continue
        sweep = v / total * 2 * math.pi
        x0, y0 = cx + r * math.cos(angle), cy + r * math.sin(angle)
        angle += sweep
        x1, y1 = cx + r * math.cos(angle), cy + r * math.sin(angle)
        if sweep >= 2 * math.pi - 1e-9:
            body = f'd="M{cx - r:.2f} {cy:.2f}a{r} {r} 0 1 0 {2 * r} 0a{r} {r} 0 1 0 {-2 * r} 0Z"'
        else:
            large = 1 if sweep > math.pi else 0
            body = f'd="M{cx:.2f} {cy:.2f}L{x0:.2f} {y0:.2f}A{r} {r} 0 {large} 1 {x1:.2f} {y1:.2f}Z"'
        share = f' data-share="{v / total:.6f}"'
        canvas.parts.append(
            _mark("path", 0, c, v, f'{body} fill="{colours[c]}" stroke="#ffffff" stroke-width="2"{share}')
        )
        if sweep > 0.35:
            mid = angle - sweep / 2
            canvas.parts.append(
                _text(
                    cx + r * 0.65 * math.cos(mid),
                    cy + r * 0.65 * math.sin(mid) + 5,
                    f"{v / total * 100:.0f}%",
                    size=FONT,
                    anchor="middle",
                    extra=' font-weight="bold" paint-order="stroke" stroke="#ffffff" stroke-width="4"',
                )
            )
    canvas.y = cy + r + 12
