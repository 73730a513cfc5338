"""The chart kind in the GUI: headline, subtitle, type, the figures as a grid, source, alt text.

The grid has the categories down the first column and a column per series (the header row
holds the series' names), as a spreadsheet range of the figures would. A series' units and
number format, which the grid does not show, stay with the series in the same position.
"""

from __future__ import annotations

from typing import Any

from neslis_desktop.gui.editors.fields import F, Grid
from neslis_desktop.gui.kinds._evidence import cell_text, source_field
from neslis_desktop.gui.kinds._ui import BlockKindUI

CHART_TYPES = ("column", "bar", "stacked_column", "stacked_bar", "line", "pie")


def chart_to_grid(data: dict[str, Any]) -> Grid:
    """Header 'Category', series names; then a row per category with its values."""
    series = data.get("series") or []
    rows = [["Category", *(str(s.get("name", "")) for s in series)]]
    for i, category in enumerate(data.get("categories") or []):
        values = [s.get("values") or [] for s in series]
        rows.append([str(category), *(cell_text(v[i]) if i < len(v) else "" for v in values)])
    return rows


def chart_from_grid(data: dict[str, Any], cells: Grid) -> None:
    """Categories and series from the grid; a column with no name and no numbers is dropped."""
    header, body = cells[0], cells[1:]
    old = data.get("series") or []
    data["categories"] = [row[0] for row in body]
    series = []
    for j in range(1, len(header)):
        values = [row[j] if j < len(row) and row[j] != "" else None for row in body]
        if not header[j] and all(v is None for v in values):
            continue
        kept = dict(old[j - 1]) if j - 1 < len(old) else {}
        series.append({**kept, "name": header[j], "values": values})
    data["series"] = series


def fields() -> list[F]:
    return [
        F("title", "Headline", help="What the chart shows, such as 'Productivity lags England'"),
        F("subtitle", "Statistical subtitle", optional=True, help="What, where, when, units"),
        F("chart_type", "Chart type", "choice", choices=CHART_TYPES),
        F(
            "grid",
            "Figures",
            "grid",
            to_grid=chart_to_grid,
            from_grid=chart_from_grid,
            help="Categories down the first column, a column per series; paste a range from Excel (Ctrl+V)",
        ),
        source_field(),
        F("chart_notes", "Notes", "text", optional=True, help="Definitions, printed under the source"),
        F("drafted", "Drafted alt text", "derived", derive=lambda chart: chart.drafted_alt_text()),
        F("alt_text", "Alt text", "text", optional=True, help="Replaces the drafted alt text when given"),
    ]


KIND = BlockKindUI(
    "chart",
    "Chart",
    lambda b: b.title,
    {
        "title": "Chart headline",
        "chart_type": "column",
        "categories": ["2017", "2018", "2019"],
        "series": [{"name": "Series 1", "values": [1, 2, 3]}],
    },
    fields,
)
