"""The preview's charts, tables and pictures, drawn with QPainter from the plan the deck writer uses.

The planner places a :class:`ChartShape`, :class:`TableShape` or :class:`PictureShape`; the
deck writer turns each into a native chart, table or picture
(:mod:`neslis_desktop.render.deck.evidence`). This module draws the same shapes for the live
preview from the same plan objects: the chart's data with the series colours the writer picks
(:func:`neslis_desktop.render.chart_colours.series_colours`), the table's rows, column widths
and row heights as planned, and the picture turned upright by its EXIF tag, as the writer does
(:func:`neslis_desktop.render.pictures.upright_image`), scaled to its box without stretching.
It is a drawing of the plan, not a second layout engine: nothing here moves a box.
"""

from __future__ import annotations

import math
from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen

from neslis_desktop.model.evidence import ChartBlock, format_number
from neslis_desktop.model.inline import plain_text
from neslis_desktop.render.chart_colours import series_colours
from neslis_desktop.render.chart_look import DECK_LOOK, needs_colours
from neslis_desktop.render.chart_scale import shows_data_labels, value_ticks
from neslis_desktop.render.deck.layouts.evidence import ChartShape, PictureShape, TableShape
from neslis_desktop.render.deck.plan import EMU_PER_PT, Shape

_ALIGN = {
    "left": Qt.AlignmentFlag.AlignLeft,
    "center": Qt.AlignmentFlag.AlignHCenter,
    "right": Qt.AlignmentFlag.AlignRight,
}


def draw_evidence(painter: QPainter, shape: Shape, scale: float, palette: dict[str, str], family: str) -> bool:
    """Draw ``shape`` if it is a chart, table or picture (``True``), else leave it (``False``)."""
    b = shape.box
    r = QRectF(b.x * scale, b.y * scale, b.w * scale, b.h * scale)
    painter.save()
    try:
        if isinstance(shape, ChartShape) and shape.chart is not None:
            draw_chart(painter, shape.chart, r, scale, palette, family)
        elif isinstance(shape, TableShape):
            draw_table(painter, shape, r, scale, palette, family)
        elif isinstance(shape, PictureShape):
            draw_picture(painter, shape, r, palette)
        else:
            return False
    finally:
        painter.restore()
    return True


def _font(family: str, size_pt: float, scale: float, bold: bool = False) -> QFont:
    font = QFont(family)
    font.setPixelSize(max(1, round(size_pt * EMU_PER_PT * scale)))
    font.setBold(bold)
    return font


def chart_colours(block: ChartBlock, palette: dict[str, str]) -> list[QColor]:
    """The colours the deck writer gives the chart's series (or a pie's slices)."""
    colours, _notes = series_colours(palette, needs_colours(block))
    return [QColor(c.rgb) for c in colours]


def draw_chart(  # noqa: PLR0917 - a drawing primitive
    painter: QPainter, block: ChartBlock, r: QRectF, scale: float, palette: dict[str, str], family: str
) -> None:
    """The chart's bars, lines or slices in ``r``, with axis labels and a legend at the writer's sizes."""
    colours = chart_colours(block, palette)
    text = QColor(palette.get("tx1", "#000000"))
    font = _font(family, DECK_LOOK.font_pt * 0.8, scale)
    painter.setFont(font)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    line_h = painter.fontMetrics().height()
    cats = [plain_text(c) for c in block.categories]
    names = [plain_text(s.name) for s in block.series]
    reference = plain_text(block.reference.label) if block.reference is not None else None
    # The legend along the bottom, as the writer puts it: the series when there are several, and
    # the reference line (a pie labels its slices instead).
    shown = block.chart_type != "pie" and (len(names) > 1 or reference is not None)
    legend = names if shown else []
    plot = r.adjusted(4, 4, -4, -(line_h * 1.6 if legend else 4))
    if legend:
        x = r.left() + 8
        for name, colour in zip(legend, colours, strict=False):
            painter.fillRect(QRectF(x, r.bottom() - line_h * 1.2, line_h * 0.7, line_h * 0.7), colour)
            painter.setPen(text)
            w = painter.fontMetrics().horizontalAdvance(name)
            painter.drawText(QPointF(x + line_h, r.bottom() - line_h * 0.5), name)
            x += line_h * 1.6 + w
        if reference is not None:  # a dashed stroke for the reference line, then its label
            y = r.bottom() - line_h * 0.85
            painter.setPen(QPen(text, 1, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(x, y), QPointF(x + line_h * 1.2, y))
            painter.setPen(text)
            painter.drawText(QPointF(x + line_h * 1.5, r.bottom() - line_h * 0.5), reference)
    if block.chart_type == "pie":
        _pie(painter, block, plot.adjusted(0, line_h * 1.5, 0, -line_h * 1.5), colours, text)
        return
    ticks = value_ticks(block)  # the axis the deck, the draft and the web page show
    lo, hi = ticks[0], ticks[-1]
    fmt = block.series[0].number_format
    horizontal = block.chart_type in ("bar", "stacked_bar")
    tick_w = max(painter.fontMetrics().horizontalAdvance(format_number(t, fmt)) for t in ticks)
    cat_w = max(painter.fontMetrics().horizontalAdvance(c) for c in cats)
    left = (min(cat_w, plot.width() / 3) if horizontal else tick_w) + 8
    area = plot.adjusted(left, line_h / 2, -8, -line_h * 1.4)
    if area.width() < 4 or area.height() < 4:
        return
    grid = QPen(QColor(palette.get("bg2", "#D9D9D9")), 1)

    def pos(v: float) -> float:  # a value's place along the value axis, in pixels
        t = (v - lo) / (hi - lo)
        return area.left() + t * area.width() if horizontal else area.bottom() - t * area.height()

    for t in ticks:
        painter.setPen(grid)
        label = format_number(t, fmt)
        if horizontal:
            painter.drawLine(QPointF(pos(t), area.top()), QPointF(pos(t), area.bottom()))
            painter.setPen(text)
            painter.drawText(QRectF(pos(t) - 40, area.bottom() + 2, 80, line_h), Qt.AlignmentFlag.AlignHCenter, label)
        else:
            painter.drawLine(QPointF(area.left(), pos(t)), QPointF(area.right(), pos(t)))
            painter.setPen(text)
            painter.drawText(
                QRectF(plot.left(), pos(t) - line_h / 2, left - 6, line_h),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                label,
            )
    band = (area.height() if horizontal else area.width()) / len(cats)
    painter.setPen(text)
    for i, cat in enumerate(cats):
        if horizontal:  # PowerPoint's bar chart puts the first category at the bottom
            cell = QRectF(plot.left(), area.bottom() - (i + 1) * band, left - 6, band)
            painter.drawText(cell, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, cat)
        else:
            cell = QRectF(area.left() + i * band, area.bottom() + 2, band, line_h)
            painter.drawText(
                cell,
                Qt.AlignmentFlag.AlignHCenter,
                painter.fontMetrics().elidedText(cat, Qt.TextElideMode.ElideRight, int(band)),
            )
    # Values on the points where the writer puts data labels, a little smaller, as it sets them.
    labels = text if shows_data_labels(block) else None
    painter.setFont(_font(family, max(DECK_LOOK.font_pt - 2, 8) * 0.8, scale))
    if block.chart_type == "line":
        _lines(painter, block, area, band, pos, colours, scale, labels)
    else:
        _bars(painter, block, area, band, pos, colours, horizontal, labels)
    painter.setFont(font)
    painter.setPen(QPen(text, 1))
    zero = pos(max(lo, min(0.0, hi)))  # the axis line: at zero, or along the axis end nearest it
    if horizontal:
        painter.drawLine(QPointF(zero, area.top()), QPointF(zero, area.bottom()))
    else:
        painter.drawLine(QPointF(area.left(), zero), QPointF(area.right(), zero))
    if block.reference is not None:
        y = pos(block.reference.value)
        painter.setPen(QPen(text, max(1.0, DECK_LOOK.line_pt * 0.6 * EMU_PER_PT * scale), Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))  # named in the legend


def _bars(  # noqa: PLR0917
    painter: QPainter,
    block: ChartBlock,
    area: QRectF,
    band: float,
    pos: object,
    colours: list[QColor],
    horizontal: bool,
    labels: QColor | None = None,
) -> None:
    at = pos  # (v) -> pixels
    fmt = block.series[0].number_format
    marks: list[tuple[QRectF, str, bool]] = []  # each bar, its label, whether the label goes inside
    stacked = block.chart_type.startswith("stacked")
    n = 1 if stacked else len(block.series)
    thick = band * 0.7 / n
    painter.setPen(Qt.PenStyle.NoPen)
    for i in range(len(block.categories)):
        base = 0.0
        for k, series in enumerate(block.series):
            v = series.values[i]
            if v is None:
                continue
            start, end = (base, base + v) if stacked else (0.0, v)
            base = end if stacked else base
            a, b = at(start), at(end)  # type: ignore[operator]
            offset = band * 0.15 + (0 if stacked else k * thick)
            if horizontal:
                row = len(block.categories) - 1 - i  # the first category at the bottom, as PowerPoint draws it
                rect = QRectF(min(a, b), area.top() + row * band + offset, abs(b - a), thick)
            else:
                rect = QRectF(area.left() + i * band + offset, min(a, b), thick, abs(b - a))
            painter.setBrush(colours[k % len(colours)])
            painter.drawRect(rect)
            marks.append((rect, format_number(v, fmt), stacked))
    if labels is None:
        return
    painter.setPen(labels)
    fm = painter.fontMetrics()
    for rect, label, inside in marks:
        w, h = fm.horizontalAdvance(label) + 4, fm.height()
        if inside:  # stacked: in the middle of the segment, as the writer's "centre" labels
            box = QRectF(rect.center().x() - w / 2, rect.center().y() - h / 2, w, h)
        elif horizontal:  # clustered bars: beyond the bar's end
            box = QRectF(rect.right() + 2, rect.center().y() - h / 2, w, h)
        else:  # clustered columns: above the column
            box = QRectF(rect.center().x() - w / 2, rect.top() - h, w, h)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, label)


def _lines(  # noqa: PLR0917
    painter: QPainter,
    block: ChartBlock,
    area: QRectF,
    band: float,
    pos: object,
    colours: list[QColor],
    scale: float,
    labels: QColor | None = None,
) -> None:
    width = max(1.5, DECK_LOOK.line_pt * EMU_PER_PT * scale)
    for k, series in enumerate(block.series):
        colour = colours[k % len(colours)]
        points = [
            QPointF(area.left() + (i + 0.5) * band, pos(v))  # type: ignore[operator]
            for i, v in enumerate(series.values)
            if v is not None
        ]
        painter.setPen(QPen(colour, width))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPolyline(points)
        painter.setBrush(colour)
        for p in points:
            painter.drawEllipse(p, width * 1.2, width * 1.2)
        if labels is not None:  # above each point, as the writer's "above" labels
            painter.setPen(labels)
            fm = painter.fontMetrics()
            shown = [v for v in series.values if v is not None]
            for p, v in zip(points, shown, strict=True):
                label = format_number(v, block.series[0].number_format)
                w = fm.horizontalAdvance(label) + 4
                painter.drawText(
                    QRectF(p.x() - w / 2, p.y() - width * 1.5 - fm.height(), w, fm.height()),
                    Qt.AlignmentFlag.AlignCenter,
                    label,
                )


def _pie(painter: QPainter, block: ChartBlock, plot: QRectF, colours: list[QColor], text: QColor) -> None:
    values = [max(v or 0.0, 0.0) for v in block.series[0].values]
    line_h = painter.fontMetrics().height()
    total = sum(values) or 1.0
    side = min(plot.width(), plot.height())
    disc = QRectF(plot.center().x() - side / 2, plot.center().y() - side / 2, side, side)
    angle = 90 * 16  # Qt angles in 1/16 degree; the first slice starts at twelve o'clock, clockwise
    painter.setPen(QPen(QColor("#FFFFFF"), 1))
    for k, v in enumerate(values):
        span = -round(v / total * 360 * 16)
        painter.setBrush(colours[k % len(colours)])
        painter.drawPie(disc, angle, span)
        # The writer's data label, outside the slice: the category and its value.
        mid = math.radians((angle + span / 2) / 16)
        at = QPointF(disc.center().x() + math.cos(mid) * side * 0.56, disc.center().y() - math.sin(mid) * side * 0.56)
        value = format_number(block.series[0].values[k], block.series[0].number_format)
        label = f"{plain_text(block.categories[k])}, {value}"
        w = painter.fontMetrics().horizontalAdvance(label)
        painter.setPen(text)
        lean = max(-1.0, min(1.0, math.cos(mid) * 2))  # right of the pie: text runs right; left: it ends there
        box = QRectF(at.x() - w / 2 + lean * w / 2 - 2, at.y() - line_h / 2, w + 4, line_h)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, label)
        painter.setPen(QPen(QColor("#FFFFFF"), 1))
        angle += span


def draw_table(  # noqa: PLR0917
    painter: QPainter, shape: TableShape, r: QRectF, scale: float, palette: dict[str, str], family: str
) -> None:
    """The planned rows in the planned column widths and row heights; header row in the accent colour."""
    rows = [shape.header, *shape.rows]
    head_fill = QColor(palette.get("accent1", "#4472C4"))
    band_fill = QColor(palette.get("bg2", "#E7E6E6"))
    text = QColor(palette.get("tx1", "#000000"))
    head_text = QColor(palette.get("bg1", "#FFFFFF"))
    inset = 91_440 * scale
    y = r.top()
    painter.setClipRect(r.adjusted(-1, -1, 1, 1))
    for n, (cells, height) in enumerate(zip(rows, shape.row_heights, strict=False)):
        h = height * scale
        bold = n == 0 or (shape.totals and n == len(rows) - 1)
        painter.setFont(_font(family, shape.size_pt, scale, bold))
        x = r.left()
        for k, (cell, width) in enumerate(zip(cells, shape.col_widths, strict=False)):
            w = width * scale
            box = QRectF(x, y, w, h)
            fill = head_fill if n == 0 else band_fill if n % 2 == 1 else QColor(palette.get("bg1", "#FFFFFF"))
            painter.fillRect(box, fill)
            painter.setPen(QPen(QColor("#FFFFFF"), 1))
            painter.drawRect(box)
            painter.setPen(head_text if n == 0 else text)
            align = _ALIGN[shape.aligns[k] if k < len(shape.aligns) else "left"]
            painter.drawText(
                box.adjusted(inset, inset / 2, -inset, -inset / 2),
                align | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap,
                cell,
            )
            x += w
        y += h


@lru_cache(maxsize=16)
def _image(path: str, stamp: float) -> QImage:
    """The picture upright (the writer's EXIF turn), decoded once per file version."""
    from neslis_desktop.render.pictures import upright_image

    del stamp  # part of the cache key only
    image = QImage()
    image.loadFromData(upright_image(Path(path)).getvalue())
    return image


def draw_picture(painter: QPainter, shape: PictureShape, r: QRectF, palette: dict[str, str]) -> None:
    """The picture scaled to fit its box at its own proportions; a marked box where it is missing."""
    block = shape.picture
    path = block.path if block is not None else None
    image = QImage()
    if path is not None:
        try:
            image = _image(str(path), Path(path).stat().st_mtime)
        except (OSError, ValueError):
            image = QImage()
    if image.isNull():
        painter.setPen(QPen(QColor(palette.get("tx2", "#44546A")), 1, Qt.PenStyle.DashLine))
        painter.drawRect(r)
        painter.drawText(r, Qt.AlignmentFlag.AlignCenter, "Picture not found")
        return
    fit = min(r.width() / image.width(), r.height() / image.height())
    w, h = image.width() * fit, image.height() * fit
    target = QRectF(r.center().x() - w / 2, r.center().y() - h / 2, w, h)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
    painter.drawImage(target, image)
