"""Drawing planned charts, tables and pictures on a slide as native PowerPoint elements.

The planner placed them (:mod:`neslis_desktop.render.deck.layouts.evidence`); this module
draws a chart with python-pptx's chart engine (:mod:`neslis_desktop.render.charts`), a table
with python-pptx's table (header row marked, numbers aligned as planned, theme table style),
and a picture upright (EXIF orientation applied) and unstretched. Every chart and picture
carries alt text on its frame (``p:cNvPr/@descr``).
"""

from __future__ import annotations

from lxml import etree
from pptx.slide import Slide
from pptx.util import Emu

from neslis_desktop.model.inline import plain_text
from neslis_desktop.render.chart_colours import series_colours
from neslis_desktop.render.chart_look import DECK_LOOK, needs_colours
from neslis_desktop.render.charts import add_chart
from neslis_desktop.render.deck.layouts.evidence import ChartShape, PictureShape, TableShape
from neslis_desktop.render.deck.oxml.shapes import ShapeIds, element, remove_shape, set_alt_text, set_shape_id
from neslis_desktop.render.deck.oxml.tables import fill_table
from neslis_desktop.render.deck.plan import Shape
from neslis_desktop.render.deck.template import DeckTemplate
from neslis_desktop.render.pictures import upright_image


def draw_evidence(
    slide: Slide,
    shape: Shape,
    ids: ShapeIds,
    template: DeckTemplate,
    picture_placeholder: etree._Element | None = None,
) -> list[str] | None:
    """Draw ``shape`` if it is a chart, table or picture; the messages, or ``None`` for other shapes.

    ``picture_placeholder``: the slide's picture placeholder, which a picture goes in.
    """
    if isinstance(shape, ChartShape):
        return _chart(slide, shape, ids, template)
    if isinstance(shape, TableShape):
        return _table(slide, shape, ids)
    if isinstance(shape, PictureShape):
        if picture_placeholder is not None:
            return _into_placeholder(slide, shape, ids, picture_placeholder)
        return _picture(slide, shape, ids)
    return None


def _chart(slide: Slide, shape: ChartShape, ids: ShapeIds, template: DeckTemplate) -> list[str]:
    block = shape.chart
    assert block is not None
    colours, notes = series_colours(template.palette, needs_colours(block))
    box = shape.box
    frame = add_chart(slide.shapes, block, (box.x, box.y, box.w, box.h), colours, DECK_LOOK)
    set_shape_id(element(frame), ids.next())
    set_alt_text(element(frame), block.alt())
    return [f"Chart '{plain_text(block.title)[:40]}': {n}" for n in notes]


def _table(slide: Slide, shape: TableShape, ids: ShapeIds) -> list[str]:
    """A native table: python-pptx makes the frame and grid; :func:`fill_table` writes the cells."""
    box = shape.box
    rows = [shape.header, *shape.rows]
    frame = slide.shapes.add_table(len(rows), len(shape.header), Emu(box.x), Emu(box.y), Emu(box.w), Emu(box.h))
    frame.name = shape.name
    set_shape_id(element(frame), ids.next())
    fill_table(
        element(frame),
        rows,
        col_widths=shape.col_widths,
        row_heights=shape.row_heights,
        aligns=shape.aligns,
        size_pt=shape.size_pt,
        totals=shape.totals,
    )
    set_alt_text(element(frame), shape.name.removeprefix("Table: "))
    return []


def _picture(slide: Slide, shape: PictureShape, ids: ShapeIds) -> list[str]:
    block = shape.picture
    assert block is not None
    box = shape.box
    if block.path is None:
        return []  # the planner reported it; the preview's box marks the place
    pic = slide.shapes.add_picture(upright_image(block.path), Emu(box.x), Emu(box.y), Emu(box.w), Emu(box.h))
    pic.name = shape.name
    set_shape_id(element(pic), ids.next())
    set_alt_text(element(pic), "" if block.decorative else (block.alt_text or ""))
    return []


def _into_placeholder(slide: Slide, shape: PictureShape, ids: ShapeIds, sp: etree._Element) -> list[str]:
    """The picture in the layout's picture placeholder, fitted (not cropped) into the planned box.

    python-pptx's ``insert_picture`` crops the picture to fill the placeholder; the crop is taken
    off again and the frame set to the planned box, which has the picture's own proportions.
    """
    block = shape.picture
    assert block is not None
    placeholder = next(p for p in slide.placeholders if element(p) is sp)
    if block.path is None:  # the planner reported it; an empty placeholder would say "Click to add"
        remove_shape(sp)
        return []
    pic = placeholder.insert_picture(upright_image(block.path))
    pic.crop_left = pic.crop_right = pic.crop_top = pic.crop_bottom = 0.0
    box = shape.box
    pic.left, pic.top, pic.width, pic.height = Emu(box.x), Emu(box.y), Emu(box.w), Emu(box.h)
    pic.name = shape.name
    set_shape_id(element(pic), ids.next())
    set_alt_text(element(pic), "" if block.decorative else (block.alt_text or ""))
    return []
