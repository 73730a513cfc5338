"""Native Office charts from chart blocks, with python-pptx's chart engine, for the deck and the draft.

One engine makes every chart: python-pptx's chart XML writer and its embedded-workbook
writer (``add_chart``). The deck draws the chart on its slide; the draft draws the same chart
on a scratch slide and moves its chart part and workbook into the Word package, so both files
hold the same native, editable chart ("Edit data" opens the numbers). Everything here refers
to theme colours and theme fonts only.

python-pptx has no combination charts, so a reference line is added as one more series of
the same value (so the workbook holds it) and its ``c:ser`` moved into a ``c:lineChart``
sharing the column chart's axes.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from typing import TYPE_CHECKING, cast

from lxml import etree
from pptx.chart.chart import Chart
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION, XL_MARKER_STYLE
from pptx.enum.dml import MSO_LINE_DASH_STYLE, MSO_THEME_COLOR
from pptx.oxml.ns import qn
from pptx.shapes.graphfrm import GraphicFrame
from pptx.shapes.shapetree import SlideShapes
from pptx.util import Emu, Pt

from neslis_desktop.model.evidence import ChartBlock, excel_format
from neslis_desktop.model.inline import plain_text
from neslis_desktop.render.chart_colours import SeriesColour
from neslis_desktop.render.chart_look import ChartLook
from neslis_desktop.render.chart_scale import shows_data_labels, value_ticks

if TYPE_CHECKING:  # python-pptx's chart data imports its workbook writer (xlsxwriter): only for charts
    from pptx.chart.data import CategoryChartData, ChartData

XL_TYPES = {
    "column": XL_CHART_TYPE.COLUMN_CLUSTERED,
    "bar": XL_CHART_TYPE.BAR_CLUSTERED,
    "stacked_column": XL_CHART_TYPE.COLUMN_STACKED,
    "stacked_bar": XL_CHART_TYPE.BAR_STACKED,
    "line": XL_CHART_TYPE.LINE_MARKERS,
    "pie": XL_CHART_TYPE.PIE,
}
THEME = {
    "accent1": MSO_THEME_COLOR.ACCENT_1,
    "accent2": MSO_THEME_COLOR.ACCENT_2,
    "accent3": MSO_THEME_COLOR.ACCENT_3,
    "accent4": MSO_THEME_COLOR.ACCENT_4,
    "accent5": MSO_THEME_COLOR.ACCENT_5,
    "accent6": MSO_THEME_COLOR.ACCENT_6,
    "tx1": MSO_THEME_COLOR.TEXT_1,
    "tx2": MSO_THEME_COLOR.TEXT_2,
    "bg1": MSO_THEME_COLOR.BACKGROUND_1,
    "bg2": MSO_THEME_COLOR.BACKGROUND_2,
}
_MARKERS = (XL_MARKER_STYLE.CIRCLE, XL_MARKER_STYLE.SQUARE, XL_MARKER_STYLE.TRIANGLE, XL_MARKER_STYLE.DIAMOND)


def chart_data(block: ChartBlock) -> CategoryChartData:
    """The categories and series (and the reference line's series) for python-pptx's writers."""
    from pptx.chart.data import CategoryChartData

    data = CategoryChartData(number_format=excel_format(block.series[0].number_format))
    data.categories = [plain_text(c) for c in block.categories]
    for s in block.series:
        data.add_series(plain_text(s.name), list(s.values), excel_format(s.number_format))
    if block.reference is not None:
        data.add_series(
            plain_text(block.reference.label),
            [block.reference.value] * len(block.categories),
            excel_format(block.series[0].number_format),
        )
    return data


def _fill(fmt: object, colour: SeriesColour) -> None:
    fill = fmt.fill  # type: ignore[attr-defined]
    fill.solid()
    fill.fore_color.theme_color = THEME[colour.theme]
    if colour.brightness:
        fill.fore_color.brightness = colour.brightness


def _line(fmt: object, colour: SeriesColour | str, width: float, dash: bool = False) -> None:
    line = fmt.line  # type: ignore[attr-defined]
    line.width = Pt(width)
    theme = colour if isinstance(colour, str) else colour.theme
    line.color.theme_color = THEME[theme]
    if not isinstance(colour, str) and colour.brightness:
        line.color.brightness = colour.brightness
    if dash:
        line.dash_style = MSO_LINE_DASH_STYLE.DASH


def add_chart(
    shapes: SlideShapes,
    block: ChartBlock,
    box: tuple[int, int, int, int],
    colours: Sequence[SeriesColour],
    look: ChartLook,
) -> GraphicFrame:
    """Draw ``block`` as a native chart in ``box`` (x, y, w, h in EMU) on ``shapes``; the graphic frame."""
    x, y, w, h = box
    # python-pptx 1.0 annotates add_chart as returning the Chart; it returns the graphic frame.
    frame = cast(
        GraphicFrame,
        shapes.add_chart(
            XL_TYPES[block.chart_type], Emu(x), Emu(y), Emu(w), Emu(h), cast("ChartData", chart_data(block))
        ),
    )
    style_chart(frame.chart, block, colours, look)
    frame.name = f"Chart: {plain_text(block.title)[:60]}"
    return frame


def style_chart(chart: Chart, block: ChartBlock, colours: Sequence[SeriesColour], look: ChartLook) -> None:
    """Theme colours, readable sizes, legend, axes, data labels and the reference line."""
    kind = block.chart_type
    _positive_axis_ids(chart)
    chart.font.size = Pt(look.font_pt)
    chart.font.name = look.font
    chart.has_title = False  # the headline is printed above the chart (deck) or as its caption (draft)
    plot = chart.plots[0]
    series = list(plot.series)
    own = series[: len(block.series)]
    if kind == "pie":
        plot.vary_by_categories = True
        for point, colour in zip(own[0].points, colours, strict=False):
            _fill(point.format, colour)
            point.format.line.color.theme_color = MSO_THEME_COLOR.BACKGROUND_1
        chart.has_legend = False
        plot.has_data_labels = True
        labels = plot.data_labels
        labels.show_category_name = True
        labels.show_value = True
        labels.number_format = excel_format(block.series[0].number_format)
        labels.number_format_is_linked = False
        labels.position = XL_LABEL_POSITION.OUTSIDE_END
        labels.font.size = Pt(look.font_pt)
        return
    if kind != "line":
        plot.gap_width = 60
        if kind.startswith("stacked"):
            plot.overlap = 100
    for n, (s, colour) in enumerate(zip(own, colours, strict=False)):
        if kind == "line":
            _line(s.format, colour, look.line_pt)
            s.smooth = False
            s.marker.style = _MARKERS[n % len(_MARKERS)]
            s.marker.size = look.marker
            _fill(s.marker.format, colour)
            s.marker.format.line.fill.background()
        else:
            _fill(s.format, colour)
            s.invert_if_negative = False
    chart.has_legend = len(block.series) > 1 or block.reference is not None
    if chart.has_legend:
        chart.legend.position = XL_LEGEND_POSITION.BOTTOM
        chart.legend.include_in_layout = False
        chart.legend.font.size = Pt(look.font_pt)
    cat_axis, val_axis = chart.category_axis, chart.value_axis
    cat_axis.tick_labels.font.size = Pt(look.font_pt)
    val_axis.tick_labels.font.size = Pt(look.font_pt)
    val_axis.tick_labels.number_format = excel_format(block.series[0].number_format)
    val_axis.tick_labels.number_format_is_linked = False
    val_axis.has_major_gridlines = True
    val_axis.major_gridlines.format.line.color.theme_color = MSO_THEME_COLOR.BACKGROUND_2
    units = block.series[0].units
    if kind in ("bar", "stacked_bar"):
        cat_axis.reverse_order = True  # the first category at the top, as it is read
    if units and not block.subtitle:  # a statistical subtitle already names the units
        val_axis.has_title = True
        val_axis.axis_title.text_frame.text = plain_text(units)
        val_axis.axis_title.text_frame.paragraphs[0].runs[0].font.size = Pt(look.font_pt)
        val_axis.axis_title.text_frame.paragraphs[0].runs[0].font.bold = False
    # The axis every edition shows (render.chart_scale), not PowerPoint's or LibreOffice's own choice.
    ticks = value_ticks(block)
    val_axis.minimum_scale, val_axis.maximum_scale = ticks[0], ticks[-1]
    if len(ticks) > 1:
        val_axis.major_unit = ticks[1] - ticks[0]
    if shows_data_labels(block):
        plot.has_data_labels = True
        labels = plot.data_labels
        labels.number_format = excel_format(block.series[0].number_format)
        labels.number_format_is_linked = False
        labels.font.size = Pt(max(look.font_pt - 2, 8))
        labels.position = (
            XL_LABEL_POSITION.ABOVE
            if kind == "line"
            else XL_LABEL_POSITION.CENTER
            if kind.startswith("stacked")
            else XL_LABEL_POSITION.OUTSIDE_END
        )
    if block.reference is not None:
        ref = series[-1]
        if kind == "line":
            _line(ref.format, "tx1", look.line_pt * 0.7, dash=True)
            ref.marker.style = XL_MARKER_STYLE.NONE
        else:
            _reference_as_line(chart, look)


def _reference_as_line(chart: Chart, look: ChartLook) -> None:
    """Move the last series of a column chart into a line chart on the same axes (a combination chart)."""
    plot_area = chart._chartSpace.find(qn("c:chart")).find(qn("c:plotArea"))
    bar = plot_area.find(qn("c:barChart"))
    ser = bar.findall(qn("c:ser"))[-1]
    bar.remove(ser)
    for tag in ("c:invertIfNegative", "c:pictureOptions", "c:shape", "c:dLbls"):
        for el in ser.findall(qn(tag)):
            ser.remove(el)
    sppr = ser.find(qn("c:spPr"))
    if sppr is not None:
        ser.remove(sppr)
    sppr = etree.fromstring(
        f'<c:spPr xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" '
        f'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        f'<a:ln w="{int(look.line_pt * 0.8 * 12700)}"><a:solidFill><a:schemeClr val="tx1"/></a:solidFill>'
        f'<a:prstDash val="dash"/></a:ln></c:spPr>'
    )
    marker = etree.fromstring(
        '<c:marker xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:symbol val="none"/></c:marker>'
    )
    tx = ser.find(qn("c:tx"))
    anchor = tx if tx is not None else ser.find(qn("c:order"))
    anchor.addnext(sppr)
    sppr.addnext(marker)
    line = etree.SubElement(plot_area, qn("c:lineChart"))
    bar.addnext(line)
    etree.SubElement(line, qn("c:grouping")).set("val", "standard")
    etree.SubElement(line, qn("c:varyColors")).set("val", "0")
    line.append(ser)
    etree.SubElement(line, qn("c:marker")).set("val", "1")
    for ax in bar.findall(qn("c:axId")):
        line.append(copy.deepcopy(ax))


def _positive_axis_ids(chart: Chart) -> None:
    """Axis ids as the schema's unsigned ints: python-pptx writes fixed negative ones.

    Each id is read as the 32-bit unsigned number of the same bits, as Office itself would,
    so the axes still pair up and the file passes a strict schema check.
    """
    for el in chart._chartSpace.iter(qn("c:axId"), qn("c:crossAx")):
        value = int(el.get("val"))
        if value < 0:
            el.set("val", str(value & 0xFFFFFFFF))
