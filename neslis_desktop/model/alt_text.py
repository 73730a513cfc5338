"""Alt text drafted from a chart's data, in the style the ONS uses for its charts.

The ONS writes alt text as the chart type, what it shows (measure, span, series) and the
main pattern: "Line chart of GVA per hour worked, 2004 to 2017, North East and England
excluding London. The North East is below in every year; the gap narrows from 14% to 11%."
A draft like this is a start an officer can keep or replace; the officer's own text, when
given, is always used instead.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from neslis_desktop.model.inline import plain_text

if TYPE_CHECKING:
    from neslis_desktop.model.evidence import ChartBlock

_TYPE_WORDS = {
    "column": "Column chart",
    "bar": "Bar chart",
    "stacked_column": "Stacked column chart",
    "stacked_bar": "Stacked bar chart",
    "line": "Line chart",
    "pie": "Pie chart",
}


def _join(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _pct(x: float) -> str:
    return f"{abs(x) * 100:.0f}%"


def _what(chart: ChartBlock) -> str:
    """The measure: the subtitle's first clause (before a comma), else the title."""
    text = plain_text(chart.subtitle or chart.title).rstrip(".").split(",")[0].strip()
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


_TIME = re.compile(r"\b(1[89]|2[01])\d\d\b")


def _timelike(chart: ChartBlock) -> bool:
    return all(_TIME.search(plain_text(c)) for c in chart.categories)


def _span(chart: ChartBlock) -> str:
    """'2004 to 2017' for dates; otherwise how many categories are compared."""
    cats = [plain_text(c) for c in chart.categories]
    if len(cats) == 1:
        return cats[0]
    if _timelike(chart):
        return f"{cats[0]} to {cats[-1]}"
    return f"for {len(cats)} categories"


def _compare(chart: ChartBlock) -> str:
    """The main pattern between the first series and the second."""
    a, b = chart.series[0], chart.series[1]
    pairs = [(x, y) for x, y in zip(a.values, b.values, strict=True) if x is not None and y is not None]
    if not pairs:
        return ""
    below = sum(1 for x, y in pairs if x < y)
    above = sum(1 for x, y in pairs if x > y)
    name = plain_text(a.name)
    every = "every year" if _timelike(chart) else "every category"
    if below == len(pairs):
        out = f"{name} is below {plain_text(b.name)} in {every}"
    elif above == len(pairs):
        out = f"{name} is above {plain_text(b.name)} in {every}"
    else:
        out = f"{name} is below {plain_text(b.name)} in {below} of {len(pairs)} and above in {above}"
    (x0, y0), (x1, y1) = pairs[0], pairs[-1]
    if len(pairs) > 1 and y0 and y1 and chart.chart_type == "line":
        g0, g1 = (y0 - x0) / y0, (y1 - x1) / y1
        if abs(g0) - abs(g1) > 0.005:
            out += f"; the gap narrows from {_pct(g0)} to {_pct(g1)}"
        elif abs(g1) - abs(g0) > 0.005:
            out += f"; the gap widens from {_pct(g0)} to {_pct(g1)}"
        else:
            out += f"; the gap stays about {_pct(g1)}"
    return out + "."


def _one_series(chart: ChartBlock) -> str:
    from neslis_desktop.model.evidence import format_number

    s = chart.series[0]
    points = [(plain_text(c), v) for c, v in zip(chart.categories, s.values, strict=True) if v is not None]
    fmt = s.number_format
    if chart.chart_type == "pie":
        total = sum(v for _, v in points) or 1.0
        top = max(points, key=lambda p: p[1])
        return f"The largest share is {top[0]}, {top[1] / total * 100:.0f}% of the total."
    high = max(points, key=lambda p: p[1])
    low = min(points, key=lambda p: p[1])
    if chart.chart_type == "line" and len(points) > 1:
        first, last = points[0], points[-1]
        verb = "rises" if last[1] > first[1] else "falls" if last[1] < first[1] else "stays"
        tail = f" from {format_number(first[1], fmt)} in {first[0]} to {format_number(last[1], fmt)} in {last[0]}"
        return f"{plain_text(s.name)} {verb}{tail if verb != 'stays' else ' level'}."
    return (
        f"The highest is {high[0]} at {format_number(high[1], fmt)} and the lowest "
        f"{low[0]} at {format_number(low[1], fmt)}."
    )


def draft_alt_text(chart: ChartBlock) -> str:
    """Alt text for ``chart`` drafted from its data: type, what, span, series, main pattern."""
    names = [plain_text(s.name) for s in chart.series]
    span = _span(chart)
    head = f"{_TYPE_WORDS[chart.chart_type]} of {_what(chart)}{' ' if span.startswith('for ') else ', '}{span}"
    if chart.chart_type != "pie" and len(names) > 1:
        head += f", {_join(names)}"
    head += "."
    pattern = _compare(chart) if len(chart.series) >= 2 else _one_series(chart)
    if chart.reference is not None:
        pattern += f" A line marks {plain_text(chart.reference.label)}."
    return f"{head} {pattern}".strip()
