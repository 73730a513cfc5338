"""A chart's value axis and whether its points are labelled: one rule for every edition.

The deck's and the draft's native charts, the HTML edition's SVG and the app's preview each
draw the value axis. Left to themselves they disagreed: PowerPoint and LibreOffice scale a
line chart's axis by their own rules, the SVG padded the data by a tenth, the preview always
started at zero. Here the axis is decided once, and the native charts are given it explicitly
(``c:min``, ``c:max``, ``c:majorUnit``), so what the officer sees in the preview is what the
deck, the document and the web page show.

The rule: bars and columns always start at zero (a bar's length is its value). A line chart
starts at zero unless that would squeeze its data into less than half of the axis: then it
starts at the round value below its lowest point, as the ONS's guidance allows for lines.
"""

from __future__ import annotations

import math

from neslis_desktop.model.evidence import ChartBlock

LABEL_POINTS = 12
"""Data labels are shown when a bar or column chart has at most this many points (series x categories)."""
LINE_LABEL_POINTS = 8
"""... and a line chart at most this many (labels above close markers collide sooner)."""


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values covering ``low`` to ``high`` (1, 2, 2.5 or 5 times a power of ten apart)."""
    if high <= low:
        high = low + 1
    raw = (high - low) / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    start = math.floor(low / step + 1e-9) * step
    ticks = [start]
    while ticks[-1] < high - 1e-9:
        ticks.append(ticks[-1] + step)
    return [round(t, 10) for t in ticks]


def value_span(block: ChartBlock) -> tuple[float, float]:
    """The lowest and highest values the value axis must show (stacks summed, the reference line included)."""
    if block.chart_type.startswith("stacked"):
        n = len(block.categories)
        values = [sum(max(s.values[c] or 0, 0) for s in block.series) for c in range(n)]
        values += [sum(min(s.values[c] or 0, 0) for s in block.series) for c in range(n)]
    else:
        values = [v for s in block.series for v in s.values if v is not None]
    if block.reference is not None:
        values.append(block.reference.value)
    low, high = (min(values), max(values)) if values else (0.0, 1.0)
    if block.chart_type == "line" and ((low > 0 and low > high - low) or (high < 0 and high < low - high)):
        return low, high  # zero would leave the line less than half the height: start near the data
    return min(low, 0.0), max(high, 0.0)


def value_ticks(block: ChartBlock) -> list[float]:
    """The value axis's ticks, first and last the axis's ends (not for pies)."""
    low, high = value_span(block)
    return nice_ticks(low, high)


def shows_data_labels(block: ChartBlock) -> bool:
    """Whether each point is labelled with its value: few points, and no reference line across a line."""
    points = len(block.categories) * len(block.series)
    if block.chart_type == "pie":
        return True
    if block.chart_type == "line":
        return points <= LINE_LABEL_POINTS and block.reference is None
    return points <= LABEL_POINTS
