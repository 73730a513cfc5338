"""The table kind in the GUI: a caption, the cells as a grid (header row first), a source.

A column's alignment, which the grid does not show, stays with the column in the same
position; a column whose cells are all numbers becomes a number column.
"""

from __future__ import annotations

import re
from typing import Any

from neslis_desktop.gui.editors.fields import F, Grid
from neslis_desktop.gui.kinds._evidence import cell_text, source_field
from neslis_desktop.gui.kinds._ui import BlockKindUI


def table_to_grid(data: dict[str, Any]) -> Grid:
    """The header row (column titles), then the rows, then the totals row if any."""
    columns = [c if isinstance(c, dict) else {"title": c} for c in data.get("columns") or []]
    rows = [[str(c.get("title", "")) for c in columns]]
    rows += [[cell_text(v) for v in row] for row in data.get("rows") or []]
    if data.get("totals"):
        rows.append([cell_text(v) for v in data["totals"]])
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


def fields() -> list[F]:
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
        source_field(),
    ]


KIND = BlockKindUI(
    "table",
    "Table",
    lambda b: b.caption,
    {"caption": "Table caption", "columns": ["Area", "Value"], "rows": [["North East", 1]]},
    fields,
)
