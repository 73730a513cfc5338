"""The preview draws charts, tables and pictures from the writer's plan; a slide problem marks its box."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from office import REPO
from PIL import Image
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from neslis_desktop.gui.main_window import MainWindow
from neslis_desktop.gui.preview import Preview, compute_preview, draw_slide
from neslis_desktop.gui.preview_evidence import chart_colours
from neslis_desktop.model import Project
from neslis_desktop.render.deck.inspect.findings import Finding
from neslis_desktop.render.deck.layouts.evidence import ChartShape, PictureShape, TableShape
from neslis_desktop.render.deck.plan import Shape, SlidePlan
from neslis_desktop.render.packs import PacksResult
from neslis_desktop.store import load_project

EXAMPLE = REPO / "content" / "evidence-example"


@pytest.fixture(scope="module")
def example() -> Project:
    return load_project(EXAMPLE)


def _find(example: Project, kind: type) -> tuple[int, Preview, int, Any]:
    """The section, its preview, the slide and the first shape of ``kind`` in the example."""
    for si in range(len(example.sections)):
        preview = compute_preview(example, si)
        for n, plan in enumerate(preview.plans):
            for shape in plan.shapes:
                if isinstance(shape, kind):
                    return si, preview, n, shape
    raise AssertionError(f"no {kind.__name__} in the example")


class _Recorder(QPainter):
    """A painter that keeps the text it was asked to draw (the painting path's words)."""

    def __init__(self, image: QImage) -> None:
        super().__init__(image)
        self.texts: list[str] = []

    def drawText(self, *args: Any) -> None:
        self.texts.append(str(args[-1]))
        super().drawText(*args)


def _paint(preview: Preview, plan: SlidePlan, width: int = 1200) -> tuple[QImage, float, list[str]]:
    image = QImage(width, int(width * preview.slide_h / preview.slide_w), QImage.Format.Format_RGB32)
    image.fill(QColor("#777777"))
    painter = _Recorder(image)
    draw_slide(painter, preview, plan, QRectF(0, 0, image.width(), image.height()))
    painter.end()
    return image, image.width() / preview.slide_w, painter.texts


def _colours_in(image: QImage, shape: Shape, scale: float) -> dict[str, int]:
    b = shape.box
    counts: dict[str, int] = {}
    for y in range(int(b.y * scale) + 1, int(b.bottom * scale) - 1, 2):
        for x in range(int(b.x * scale) + 1, int(b.right * scale) - 1, 2):
            name = image.pixelColor(x, y).name().upper()
            counts[name] = counts.get(name, 0) + 1
    return counts


def test_a_chart_is_drawn_in_the_writers_series_colours(qapp: Any, example: Project) -> None:
    for chart_type in ("bar", "line"):
        _si, preview, n, shape = next(
            (s, p, k, sh)
            for s in range(len(example.sections))
            for p in [compute_preview(example, s)]
            for k, plan in enumerate(p.plans)
            for sh in plan.shapes
            if isinstance(sh, ChartShape) and sh.chart is not None and sh.chart.chart_type == chart_type
        )
        image, scale, texts = _paint(preview, preview.plans[n])
        counts = _colours_in(image, shape, scale)
        background = preview.palette["bg1"].upper()
        colours = [c.name().upper() for c in chart_colours(shape.chart, preview.palette)]
        assert len(colours) == len(shape.chart.series)
        for colour in colours:
            assert colour != background
            assert counts.get(colour, 0) > 20, (chart_type, colour, sorted(counts.items(), key=lambda kv: -kv[1])[:5])
        # The category labels are on the axis, and the placeholder label is gone.
        assert str(shape.chart.categories[0]) in texts
        assert not any(t.endswith(" chart") for t in texts)


def test_a_table_shows_its_header_and_rows_as_planned(qapp: Any, example: Project) -> None:
    _si, preview, n, shape = _find(example, TableShape)
    image, scale, texts = _paint(preview, preview.plans[n])
    for cell in [*shape.header, *shape.rows[0], *shape.rows[-1]]:
        assert cell in texts
    # The header row is filled with the accent colour the deck's table style gives it.
    b = shape.box
    y = int((b.y + shape.row_heights[0] * 0.15) * scale)
    row = {image.pixelColor(x, y).name().upper() for x in range(int(b.x * scale) + 3, int(b.right * scale) - 3)}
    assert preview.palette["accent1"].upper() in row


def test_a_picture_is_painted_upright_and_unstretched(qapp: Any, example: Project) -> None:
    _si, preview, n, shape = _find(example, PictureShape)
    image, scale, _texts = _paint(preview, preview.plans[n])
    assert shape.picture is not None and shape.picture.path is not None
    with Image.open(shape.picture.path) as source:
        rgb = source.convert("RGB")
        b = shape.box
        for fx, fy in ((0.5, 0.2), (0.5, 0.8), (0.2, 0.5)):
            want = rgb.getpixel((int(rgb.width * fx), int(rgb.height * fy)))
            got = image.pixelColor(int((b.x + b.w * fx) * scale), int((b.y + b.h * fy) * scale))
            assert max(abs(got.red() - want[0]), abs(got.green() - want[1]), abs(got.blue() - want[2])) < 40


def test_clicking_a_slide_problem_selects_its_block_and_marks_its_box(qtbot: Any, tmp_path: Path) -> None:
    folder = tmp_path / "evidence"
    shutil.copytree(EXAMPLE, folder)
    project = load_project(folder)
    win = MainWindow(project, folder)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    # The section with a chart then a table: the table (block 1) is on the section's second slide.
    si = next(i for i, s in enumerate(project.sections) if [b.kind for b in s.blocks] == ["chart", "table"])
    preview = compute_preview(project, si)
    slide, plan = next((k, p) for k, p in enumerate(preview.plans) if any(isinstance(s, TableShape) for s in p.shapes))
    table = next(s for s in plan.shapes if isinstance(s, TableShape))
    finding = Finding(9, str(project.sections[si].title), table.name, "overflow", "too much", table.box, plan.title)
    win.pack_panel._succeeded(PacksResult(problems=[finding]))
    item = win.pack_panel.messages.item(0)
    assert item.text().startswith("Slide problem: slide 9")
    rect = win.pack_panel.messages.visualItemRect(item)
    qtbot.mouseClick(win.pack_panel.messages.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert win.current_location() == (si, 1)
    marked = win.preview.marked_rect()
    assert marked is not None
    target = win.preview.slide_rect(slide)
    scale = target.width() / preview.slide_w
    b = table.box
    assert marked == QRectF(target.left() + b.x * scale, target.top() + b.y * scale, b.w * scale, b.h * scale)
    assert slide == 1 and target.top() > win.preview.slide_rect(0).bottom()
    # The outline's red mark is painted there, and goes when another block is chosen.
    shot = win.preview.grab().toImage()
    ratio = shot.width() / win.preview.width()
    edge = shot.pixelColor(int((marked.left() - 2) * ratio), int(marked.center().y() * ratio))
    assert edge.name().upper() == "#E8112D"
    win.select_item(si, 0)
    assert win.preview.marked_rect() is None


def test_the_preview_shows_the_value_axis_and_labels_the_deck_shows(
    qapp: Any, example: Project, tmp_path: Path
) -> None:
    from pptx import Presentation

    from neslis_desktop.model.evidence import format_number
    from neslis_desktop.render.chart_scale import shows_data_labels, value_ticks
    from neslis_desktop.render.deck import write_deck

    deck = tmp_path / "deck.pptx"
    write_deck(example, deck)
    axes = {  # each native chart's value axis, by its first series' name
        frame.chart.plots[0].series[0].name: frame.chart.value_axis
        for slide in Presentation(str(deck)).slides
        for frame in slide.shapes
        if frame.has_chart and frame.chart.chart_type is not None and frame.chart.plots[0].categories
        if frame.chart.plots[0].__class__.__name__ != "PiePlot"
    }
    seen = set()
    for si in range(len(example.sections)):
        preview = compute_preview(example, si)
        for plan in preview.plans:
            for shape in plan.shapes:
                if not isinstance(shape, ChartShape) or shape.chart is None or shape.chart.chart_type == "pie":
                    continue
                chart = shape.chart
                fmt = chart.series[0].number_format
                ticks = value_ticks(chart)
                _image, _scale, texts = _paint(preview, plan)
                assert format_number(ticks[0], fmt) in texts and format_number(ticks[-1], fmt) in texts
                axis = axes[str(chart.series[0].name)]
                assert (axis.minimum_scale, axis.maximum_scale) == (ticks[0], ticks[-1])
                values = [format_number(v, fmt) for s in chart.series for v in s.values if v is not None]
                if shows_data_labels(chart):
                    assert set(values) <= set(texts), chart.title
                if chart.reference is not None:  # named in the legend, as the deck names it
                    assert str(chart.reference.label) in texts
                    seen.add("labelled")
                seen.add(chart.chart_type)
    # The line chart of an index near 100 does not start at zero; the columns do.
    assert {"line", "column", "labelled"} <= seen
    line = next(s.blocks[0] for s in example.sections if getattr(s.blocks[0], "chart_type", "") == "line")
    assert value_ticks(line)[0] > 0
