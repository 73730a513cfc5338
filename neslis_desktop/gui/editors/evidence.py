"""The forms of the evidence blocks: a chart's numbers and a table's cells as grids, a picture.

A chart's grid has the categories down the first column and a column per series (the header
row holds the series' names), as a spreadsheet range of the figures would; a table's grid is
the table itself. Properties the grid does not show (a series' units and number format, a
column's alignment) stay with the series or column in the same position.
"""

from __future__ import annotations

import re
from typing import Any

from neslis_desktop.gui.editors.fields import F, Grid

CHART_TYPES = ("column", "bar", "stacked_column", "stacked_bar", "line", "pie")


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def chart_to_grid(data: dict[str, Any]) -> Grid:
    """Header 'Category', series names; then a row per category with its values."""
    series = data.get("series") or []
    rows = [["Category", *(str(s.get("name", "")) for s in series)]]
    for i, category in enumerate(data.get("categories") or []):
        values = [s.get("values") or [] for s in series]
        rows.append([str(category), *(_text(v[i]) if i < len(v) else "" for v in values)])
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


def table_to_grid(data: dict[str, Any]) -> Grid:
    """The header row (column titles), then the rows, then the totals row if any."""
    columns = [c if isinstance(c, dict) else {"title": c} for c in data.get("columns") or []]
    rows = [[str(c.get("title", "")) for c in columns]]
    rows += [[_text(v) for v in row] for row in data.get("rows") or []]
    if data.get("totals"):
        rows.append([_text(v) for v in data["totals"]])
    return rows


_NUMERIC = re.compile(r"^[-+]?£?(\d{1,3}(,\d{3})+|\d+)(\.(\d+))?%?$")


def _inferred_format(cells: list[str]) -> str | None:
    """A number format for a column whose every filled cell is a number; ``None`` for text."""
    filled = [c for c in cells if c]
    matches = [_NUMERIC.match(c) for c in filled]
    if not filled or not all(matches):
        return None
    decimals = max(len(m.group(4) or "") for m in matches if m)
    if all(c.endswith("%") for c in filled):
        return "0%" if decimals == 0 else "0.0%"
    money = "£" if all("£" in c for c in filled) else ""
    if money:
        return "£#,##0" if decimals == 0 else "£#,##0.00"
    return {0: "#,##0", 1: "#,##0.0"}.get(decimals, "0.00")


def table_from_grid(data: dict[str, Any], cells: Grid) -> None:
    """Columns and rows from the grid. A table that had a totals row keeps its last row as totals.

    A column whose cells are all numbers is a number column: it keeps its number format, or gets
    one from its cells (so it is right-aligned and read as numbers). A column with text in it is
    a text column.
    """
    header, body = cells[0], cells[1:]
    old = [c if isinstance(c, dict) else {"title": c} for c in data.get("columns") or []]
    columns = []
    for j, title in enumerate(header):
        column = {**(old[j] if j < len(old) else {}), "title": title}
        inferred = _inferred_format([row[j] for row in body if j < len(row)])
        if inferred is None:
            column.pop("number_format", None)
        elif not column.get("number_format"):
            column["number_format"] = inferred
        columns.append(column)
    data["columns"] = columns
    rows = [[cell if cell != "" else None for cell in row] for row in body]
    if data.get("totals") is not None and rows:
        data["totals"], rows = rows[-1], rows[:-1]
    data["rows"] = rows


def _source() -> F:
    return F(
        "source",
        "Source",
        "object",
        optional=True,
        item=[
            F("publisher", "Publisher", help="Who published the figures, such as 'Office for National Statistics'"),
            F("dataset", "Dataset or release", help="Such as 'Subregional productivity'"),
            F("date", "Published", optional=True, help="Such as 'February 2019'"),
            F("link", "Link", optional=True, help="https://..."),
        ],
    )


def chart_fields() -> list[F]:
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
        _source(),
        F("chart_notes", "Notes", "text", optional=True, help="Definitions, printed under the source"),
        F("drafted", "Drafted alt text", "derived", derive=lambda chart: chart.drafted_alt_text()),
        F("alt_text", "Alt text", "text", optional=True, help="Replaces the drafted alt text when given"),
    ]


def table_fields() -> list[F]:
    return [
        F("caption", "Caption", help="What the table shows, such as 'Employment rate by area, 2023'"),
        F(
            "grid",
            "Cells",
            "grid",
            to_grid=table_to_grid,
            from_grid=table_from_grid,
            help="The first row is the header; paste a range from Excel (Ctrl+V). Columns of numbers "
            "are read as numbers and right-aligned",
        ),
        _source(),
    ]


def picture_fields() -> list[F]:
    return [
        F("file", "Picture", "picture", help="Choose a PNG or JPEG; it is copied into the project's assets/ folder"),
        F("alt_text", "Alt text", "text", optional=True, help="What the picture shows, for screen readers"),
        F("decorative", "Decorative only (needs no alt text)", "check"),
        F("caption", "Caption", optional=True),
        F("credit", "Credit", optional=True, help="Such as 'Photo: NE LEP'"),
    ]
