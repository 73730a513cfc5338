"""Drawing planned charts, tables and pictures on a slide as native PowerPoint elements.

The planner placed them (:mod:`neslis_desktop.render.deck.layouts.evidence`); this module
draws a chart with python-pptx's chart engine (:mod:`neslis_desktop.render.charts`), a table
with python-pptx's table (header row marked, numbers aligned as planned, theme table style),
and a picture upright (EXIF orientation applied) and unstretched. Every chart and picture
carries alt text on its frame (``p:cNvPr/@descr``).
"""

from __future__ import annotations

from pptx.enum.text import PP_ALIGN
from pptx.oxml.ns import qn
from pptx.slide import Slide
from pptx.util import Emu, Pt

from neslis_desktop.model.inline import plain_text
from neslis_desktop.render.chart_colours import series_colours
from neslis_desktop.render.charts import ChartLook, add_chart, needs_colours
from neslis_desktop.render.deck import ooxml, xmlbuild
from neslis_desktop.render.deck.layouts.evidence import ChartShape, PictureShape, TableShape
from neslis_desktop.render.deck.plan import Shape
from neslis_desktop.render.deck.template import DeckTemplate
from neslis_desktop.render.pictures import upright_image

DECK_LOOK = ChartLook(font_pt=16.0, line_pt=3.0, marker=9)
"""Chart text at 16 pt, lines 3 pt: readable from the back of a room on a projector."""
_ALIGN = {"left": PP_ALIGN.LEFT, "center": PP_ALIGN.CENTER, "right": PP_ALIGN.RIGHT}


def draw_evidence(slide: Slide, shape: Shape, ids: xmlbuild.ShapeIds, template: DeckTemplate) -> list[str] | None:
    """Draw ``shape`` if it is a chart, table or picture; the messages, or ``None`` for other shapes."""
    if isinstance(shape, ChartShape):
        return _chart(slide, shape, ids, template)
    if isinstance(shape, TableShape):
        return _table(slide, shape, ids)
    if isinstance(shape, PictureShape):
        return _picture(slide, shape, ids)
    return None


def _set_id(element: object, shape_id: int) -> None:
    c_nv_pr = element.find("./*/" + qn("p:cNvPr"))  # type: ignore[attr-defined]
    c_nv_pr.set("id", str(shape_id))


def _chart(slide: Slide, shape: ChartShape, ids: xmlbuild.ShapeIds, template: DeckTemplate) -> list[str]:
    block = shape.chart
    assert block is not None
    colours, notes = series_colours(template.palette, needs_colours(block))
    box = shape.box
    frame = add_chart(slide.shapes, block, (box.x, box.y, box.w, box.h), colours, DECK_LOOK)
    _set_id(frame._element, ids.next())
    ooxml.set_alt_text(frame._element, block.alt())
    return [f"Chart '{plain_text(block.title)[:40]}': {n}" for n in notes]


def _table(slide: Slide, shape: TableShape, ids: xmlbuild.ShapeIds) -> list[str]:
    box = shape.box
    rows = [shape.header, *shape.rows]
    frame = slide.shapes.add_table(len(rows), len(shape.header), Emu(box.x), Emu(box.y), Emu(box.w), Emu(box.h))
    frame.name = shape.name
    _set_id(frame._element, ids.next())
    table = frame.table
    table.first_row = True
    table.horz_banding = True
    table.last_row = shape.totals
    for i, width in enumerate(shape.col_widths):
        table.columns[i].width = Emu(width)
    for r, (cells, height) in enumerate(zip(rows, shape.row_heights, strict=True)):
        table.rows[r].height = Emu(height)
        bold = r == 0 or (shape.totals and r == len(rows) - 1)
        for c, text in enumerate(cells):
            cell = table.cell(r, c)
            cell.margin_left = cell.margin_right = Emu(91_440)
            frame_text = cell.text_frame
            frame_text.word_wrap = True
            paragraph = frame_text.paragraphs[0]
            run = paragraph.add_run()
            run.text = text
            run.font.size = Pt(shape.size_pt)
            run.font.bold = bold
            paragraph.alignment = _ALIGN[shape.aligns[c]]
    ooxml.set_alt_text(frame._element, shape.name.removeprefix("Table: "))
    return []


def _picture(slide: Slide, shape: PictureShape, ids: xmlbuild.ShapeIds) -> list[str]:
    block = shape.picture
    assert block is not None
    box = shape.box
    if block.path is None:
        return []  # the planner reported it; the preview's box marks the place
    pic = slide.shapes.add_picture(upright_image(block.path), Emu(box.x), Emu(box.y), Emu(box.w), Emu(box.h))
    pic.name = shape.name
    _set_id(pic._element, ids.next())
    ooxml.set_alt_text(pic._element, "" if block.decorative else (block.alt_text or ""))
    return []
