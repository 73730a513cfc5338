"""What the chart and table kinds share in the GUI: a cell's text in a grid, the source fields."""

from __future__ import annotations

from typing import Any

from neslis_desktop.gui.editors.fields import F


def cell_text(value: Any) -> str:
    """A cell as the grid shows it: empty for none, whole numbers without '.0'."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def source_field() -> F:
    """The optional source of a chart's or table's figures: publisher, release, date, link."""
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
