"""Fuzzing charts and tables: any valid one builds a valid deck and draft whose charts read back.

Random chart types, category counts, series (with gaps, negatives, huge and tiny numbers),
number formats, reference lines, odd Unicode in names and cells, and long tables. Each
project either builds, giving files that pass the OOXML schema check and whose chart values
python-pptx reads back as written, or is refused with a NeslisError and nothing written.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pptx import Presentation

from neslis_desktop.errors import NeslisError
from neslis_desktop.model import Project, plain_text
from neslis_desktop.model.evidence import NUMBER_FORMATS, ChartBlock
from neslis_desktop.render.pack import build_pack

from .strategies import titles

_OPT_IN = os.environ.get("NESLIS_FUZZ_EXAMPLES")
EXAMPLES = int(_OPT_IN or 12)
_NUMBERS = st.one_of(st.none(), st.integers(-(10**9), 10**9), st.floats(-1e12, 1e12, allow_nan=False))
_FORMATS = st.sampled_from(sorted(NUMBER_FORMATS))


@st.composite
def charts(draw: st.DrawFn) -> dict[str, Any]:
    kind = draw(st.sampled_from(["column", "bar", "stacked_column", "stacked_bar", "line", "pie"]))
    n = draw(st.integers(1, 24))
    count = 1 if kind == "pie" else draw(st.integers(1, 5))
    values = st.one_of(st.none(), st.floats(0, 1e6, allow_nan=False)) if kind == "pie" else _NUMBERS
    series = []
    for k in range(count):
        vals = draw(st.lists(values, min_size=n, max_size=n))
        if all(v is None for v in vals):
            vals[0] = 1
        series.append({"name": f"S{k} {draw(titles(30))}"[:300], "values": vals, "number_format": draw(_FORMATS)})
    block: dict[str, Any] = {
        "kind": "chart",
        "title": draw(titles(80)),
        "chart_type": kind,
        "categories": [f"{i} {draw(titles(20))}"[:300] for i in range(n)],
        "series": series,
    }
    if draw(st.booleans()):
        block["subtitle"] = draw(titles(80))
    if kind in ("column", "line", "stacked_column") and draw(st.booleans()):
        block["reference"] = {"label": draw(titles(30)), "value": draw(st.integers(-1000, 1000))}
    if draw(st.booleans()):
        block["source"] = {"publisher": draw(titles(40)), "dataset": draw(titles(40))}
    return block


@st.composite
def tables(draw: st.DrawFn) -> dict[str, Any]:
    cols = draw(st.integers(1, 6))
    formats = [draw(st.one_of(st.none(), _FORMATS)) for _ in range(cols)]
    columns = [
        {"title": f"C{i} {draw(titles(20))}"[:300], **({"number_format": f} if f else {})}
        for i, f in enumerate(formats)
    ]

    def cell(f: str | None) -> st.SearchStrategy[Any]:
        return _NUMBERS if f else st.one_of(st.none(), titles(60))

    rows = draw(st.lists(st.tuples(*[cell(f) for f in formats]).map(list), min_size=1, max_size=45))
    block: dict[str, Any] = {"kind": "table", "caption": draw(titles(60)), "columns": columns, "rows": rows}
    if draw(st.booleans()):
        block["totals"] = draw(st.tuples(*[cell(f) for f in formats]).map(list))
    return block


@pytest.mark.slow
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=_OPT_IN is None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
)
@given(blocks=st.lists(st.one_of(charts(), tables()), min_size=1, max_size=4))
def test_any_charts_and_tables_build_valid_files(blocks: list[dict[str, Any]], validate: Callable[..., str]) -> None:
    project = Project.model_validate(
        {
            "meta": {"title": "Fuzz", "organisation": "O", "slug": "fuzz"},
            "sections": [{"id": "s", "title": "Evidence", "blocks": blocks}],
        }
    )
    with tempfile.TemporaryDirectory(prefix="neslis-fuzz-") as scratch:
        out = Path(scratch)
        try:
            result = build_pack(project, out)
        except NeslisError:
            assert list(out.iterdir()) == []
            return
        assert result.deck is not None and result.draft is not None
        validate(result.deck, result.draft)
        frames = [sh for slide in Presentation(str(result.deck)).slides for sh in slide.shapes if sh.has_chart]
        charts_in = [b for b in project.sections[0].blocks if isinstance(b, ChartBlock)]
        assert len(frames) == len(charts_in)
        for frame, block in zip(frames, charts_in, strict=True):
            read = {s.name: list(s.values) for plot in frame.chart.plots for s in plot.series}
            for s in block.series:
                # Names are written as shown: their **bold**/*italic* markup is not part of the name.
                assert [None if v is None else pytest.approx(v) for v in read[plain_text(s.name)]] == s.values
