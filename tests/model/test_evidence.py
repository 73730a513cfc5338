"""Chart, table and picture blocks: what they accept, and what they refuse, in words."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from neslis_desktop.model import Section
from neslis_desktop.model.alt_text import draft_alt_text
from neslis_desktop.model.evidence import ChartBlock, PictureBlock, TableBlock, format_number


def chart(**over: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "kind": "chart",
        "title": "Productivity lags",
        "subtitle": "GVA per hour worked, index (UK = 100), 2004 to 2017",
        "chart_type": "line",
        "categories": ["2004", "2010", "2017"],
        "series": [
            {"name": "North East", "values": [86, 88, 89], "number_format": "0.0"},
            {"name": "England excluding London", "values": [100, 100, 100]},
        ],
    }
    data.update(over)
    return data


def section_error(block: dict[str, Any]) -> str:
    with pytest.raises(ValidationError) as info:
        Section.model_validate({"id": "s", "title": "S", "blocks": [block]})
    return str(info.value)


def test_chart_is_a_block_kind_and_loads_numbers_written_as_text() -> None:
    section = Section.model_validate(
        {"id": "s", "title": "S", "blocks": [chart(series=[{"name": "Jobs", "values": ["1,200", 1300.5, None]}])]}
    )
    block = section.blocks[0]
    assert isinstance(block, ChartBlock)
    assert block.series[0].values == [1200.0, 1300.5, None]


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"series": [{"name": "A", "values": [1, 2]}]}, "series 'A' has 2 values but the chart has 3 categories"),
        ({"series": [{"name": "A", "values": [1, "n/a", 3]}]}, "value 2 holds the text 'n/a', not a number"),
        ({"chart_type": "pie"}, "a pie chart shows one series"),
        ({"chart_type": "pie", "series": [{"name": "A", "values": [1, -2, 3]}]}, "cannot show negative values"),
        ({"chart_type": "bar", "reference": {"label": "UK", "value": 100}}, "reference line can be drawn on column"),
        ({"series": [{"name": "A", "values": [None, None, None]}]}, "series 'A' has no numbers"),
        ({"source": {"publisher": "ONS", "dataset": "X", "link": "ons.gov.uk"}}, "is not a web address"),
    ],
)
def test_chart_refusals_say_what_is_wrong(change: dict[str, Any], words: str) -> None:
    assert words in section_error(chart(**change))


def test_table_refuses_text_in_a_number_column_and_short_rows() -> None:
    base = {"kind": "table", "caption": "Jobs", "columns": ["Area", {"title": "Jobs", "number_format": "#,##0"}]}
    assert "row 2, column 'Jobs', holds the text 'lots'" in section_error({**base, "rows": [["NE", 1], ["T", "lots"]]})
    assert "row 1 has 1 cells but the table has 2 columns" in section_error({**base, "rows": [["NE"]]})
    assert "the totals row has 3 cells" in section_error({**base, "rows": [["NE", 1]], "totals": ["a", 1, 2]})
    # found by the schema contract test: a text cell with a control character broke the deck's table
    words = "row 1, column 'Area' contains the control character U+0007 at position 3"
    assert words in section_error({**base, "rows": [["NE\x07", 1]]})


def test_table_cells_are_shown_in_their_column_format() -> None:
    table = TableBlock.model_validate(
        {
            "kind": "table",
            "caption": "Jobs",
            "columns": [
                "Area",
                {"title": "Jobs", "number_format": "#,##0"},
                {"title": "Rate", "number_format": "0.0%"},
            ],
            "rows": [["North East", 1234567, 71.25], ["Tyneside", None, "70"]],
        }
    )
    assert [table.cell_text(table.rows[0], i) for i in range(3)] == ["North East", "1,234,567", "71.2%"]
    assert [table.cell_text(table.rows[1], i) for i in range(3)] == ["Tyneside", "", "70.0%"]
    assert [c.alignment() for c in table.columns] == ["left", "right", "right"]


def test_number_formats() -> None:
    assert format_number(-0.04, "0.0") == "0.0"
    assert format_number(-1234.5, "£#,##0") == "-£1,234"
    assert format_number(3, "0.00") == "3.00"


@pytest.mark.parametrize("path", ["../secret.png", "/etc/x.png", "C:/x.png", "assets\\..\\..\\x.png"])
def test_picture_outside_the_project_is_refused(path: str) -> None:
    assert "points outside the project" in section_error({"kind": "picture", "file": path, "alt_text": "A map"})


def test_picture_needs_alt_text_unless_decorative() -> None:
    assert "has no alt text" in section_error({"kind": "picture", "file": "assets/a.png"})
    block = PictureBlock.model_validate({"kind": "picture", "file": "assets/a.png", "decorative": True})
    assert block.decorative and block.path is None
    assert "not a PNG, JPEG or GIF" in section_error({"kind": "picture", "file": "assets/a.bmp", "alt_text": "x"})


def test_drafted_alt_text_in_the_ons_style() -> None:
    block = ChartBlock.model_validate(
        chart(
            series=[
                {"name": "North East", "values": [86, 87, 89]},
                {"name": "England excluding London", "values": [100, 100, 100]},
            ]
        )
    )
    assert draft_alt_text(block) == (
        "Line chart of GVA per hour worked, 2004 to 2017, North East and England excluding London. "
        "North East is below England excluding London in every year; the gap narrows from 14% to 11%."
    )
    own = ChartBlock.model_validate(chart(alt_text="My own words."))
    assert own.alt() == "My own words."


def test_drafted_alt_text_for_one_series_and_pies() -> None:
    bars = ChartBlock.model_validate(
        chart(
            chart_type="bar",
            categories=["Tyneside", "Wearside"],
            series=[{"name": "Jobs", "values": [120, 80], "number_format": "#,##0"}],
        )
    )
    assert draft_alt_text(bars).endswith("The highest is Tyneside at 120 and the lowest Wearside at 80.")
    assert draft_alt_text(bars).startswith("Bar chart of GVA per hour worked for 2 categories.")
    pie = ChartBlock.model_validate(
        chart(chart_type="pie", categories=["A", "B"], series=[{"name": "Share", "values": [75, 25]}])
    )
    assert "The largest share is A, 75% of the total." in draft_alt_text(pie)
