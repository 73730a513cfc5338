"""One value axis for every edition of a chart (render/chart_scale.py)."""

from __future__ import annotations

from itertools import pairwise

from neslis_desktop.model.evidence import ChartBlock
from neslis_desktop.render.chart_scale import nice_ticks, shows_data_labels, value_ticks


def _chart(kind: str, *values: list[float], reference: float | None = None) -> ChartBlock:
    return ChartBlock.model_validate(
        {
            "kind": "chart",
            "title": "A chart",
            "chart_type": kind,
            "categories": [str(2000 + i) for i in range(len(values[0]))],
            "series": [{"name": f"S{k}", "values": list(v)} for k, v in enumerate(values)],
            "source": {"publisher": "ONS", "dataset": "Regional accounts", "date": "2024"},
            **({"reference": {"label": "Target", "value": reference}} if reference is not None else {}),
        }
    )


def test_bars_and_columns_start_at_zero_however_high_their_values() -> None:
    for kind in ("column", "bar", "stacked_column"):
        assert value_ticks(_chart(kind, [93.5, 97.8, 101.2]))[0] == 0


def test_a_line_starts_near_its_data_only_when_zero_would_squeeze_it() -> None:
    index = value_ticks(_chart("line", [93.5, 97.8, 101.2], reference=100))
    assert 90 <= index[0] <= 93.5 and index[-1] >= 101.2
    assert value_ticks(_chart("line", [5.0, 12.0, 30.0]))[0] == 0  # the data fills most of 0 to 30
    below = value_ticks(_chart("line", [-93.0, -97.0]))
    assert below[-1] < 0 and below[0] <= -97


def test_ticks_are_round_and_cover_the_values() -> None:
    ticks = nice_ticks(0, 82_900)
    assert ticks[0] == 0 and ticks[-1] >= 82_900 and len({b - a for a, b in pairwise(ticks)}) == 1
    assert ticks[1] - ticks[0] in (10_000, 20_000, 25_000)


def test_labels_only_where_points_are_few() -> None:
    assert shows_data_labels(_chart("column", [1.0, 2.0, 3.0]))
    assert not shows_data_labels(_chart("column", [float(i) for i in range(13)]))
    assert not shows_data_labels(_chart("line", [1.0, 2.0, 3.0], reference=2.0))  # the line crosses the labels
