"""New parts named by counting (oxml.parts), and a chart taken off its slide with its parts."""

from __future__ import annotations

from pathlib import Path

from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE
from pptx.util import Inches

from neslis_desktop.render.deck.oxml.parts import count_part_names, take_off


def _add_chart(prs, n: int):  # type: ignore[no-untyped-def]
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    data = CategoryChartData()
    data.categories = ["a", "b"]
    data.add_series(f"s{n}", (1, n))
    frame = slide.shapes.add_chart(XL_CHART_TYPE.COLUMN_CLUSTERED, 0, 0, Inches(4), Inches(3), data)
    return slide, frame


def _chart_names(prs) -> list[str]:  # type: ignore[no-untyped-def]
    return sorted(str(p.partname) for p in prs.part.package.iter_parts() if "/charts/" in str(p.partname))


def test_counted_names_are_python_pptx_names_and_free(tmp_path: Path) -> None:
    """Counting gives the names python-pptx's own search would, after the charts already there."""
    theirs, ours = Presentation(), Presentation()
    for prs in (theirs, ours):
        _add_chart(prs, 0)  # a template's own chart, named before counting starts
    count_part_names(ours)
    for n in range(1, 4):
        _add_chart(theirs, n)
        _add_chart(ours, n)
    assert _chart_names(ours) == _chart_names(theirs) == [f"/ppt/charts/chart{n}.xml" for n in range(1, 5)]
    names = [str(p.partname) for p in ours.part.package.iter_parts()]
    assert len(names) == len(set(names))  # workbooks too
    ours.save(str(tmp_path / "counted.pptx"))
    again = Presentation(str(tmp_path / "counted.pptx"))
    assert sum(1 for s in again.slides for shape in s.shapes if shape.has_chart) == 4


def test_a_name_freed_later_is_not_given_again() -> None:
    prs = Presentation()
    count_part_names(prs)
    slide, frame = _add_chart(prs, 1)
    take_off(slide, frame)
    _add_chart(prs, 2)
    assert _chart_names(prs) == ["/ppt/charts/chart2.xml"]


def test_a_chart_taken_off_leaves_the_package(tmp_path: Path) -> None:
    prs = Presentation()
    slide, frame = _add_chart(prs, 1)
    workbook = frame.chart.part.chart_workbook.xlsx_part
    assert _chart_names(prs) and workbook is not None
    take_off(slide, frame)
    assert _chart_names(prs) == []
    assert all(p is not workbook for p in prs.part.package.iter_parts())
    assert not any(shape.has_chart for shape in slide.shapes)
    prs.save(str(tmp_path / "empty.pptx"))
    assert len(Presentation(str(tmp_path / "empty.pptx")).slides) == 1
