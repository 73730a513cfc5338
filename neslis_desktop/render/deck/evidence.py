"""Drawing planned charts, tables and pictures on a slide as native PowerPoint elements.

The planner placed them (:mod:`neslis_desktop.render.deck.layouts.evidence`); this module
draws a chart with python-pptx's chart engine (:mod:`neslis_desktop.render.charts`), a table
with python-pptx's table (header row marked, numbers aligned as planned, theme table style),
and a picture upright (EXIF orientation applied) and unstretched. Every chart and picture
carries alt text on its frame (``p:cNvPr/@descr``).
"""

from __future__ import annotations

from lxml import etree
from pptx.oxml.ns import qn
from pptx.slide import Slide
from pptx.util import Emu

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
_ALGN = {"left": "l", "center": "ctr", "right": "r"}


def draw_evidence(
    slide: Slide,
    shape: Shape,
    ids: xmlbuild.ShapeIds,
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
    """A native table: python-pptx makes the frame and grid; the cells are written as XML directly
    (python-pptx's cell API looks every child up again per property, 30 ms a table)."""
    box = shape.box
    rows = [shape.header, *shape.rows]
    frame = slide.shapes.add_table(len(rows), len(shape.header), Emu(box.x), Emu(box.y), Emu(box.w), Emu(box.h))
    frame.name = shape.name
    _set_id(frame._element, ids.next())
    tbl = frame._element.find(".//" + qn("a:tbl"))
    tbl_pr = tbl.find(qn("a:tblPr"))
    tbl_pr.set("firstRow", "1")
    tbl_pr.set("bandRow", "1")
    if shape.totals:
        tbl_pr.set("lastRow", "1")
    for grid_col, width in zip(tbl.find(qn("a:tblGrid")), shape.col_widths, strict=True):
        grid_col.set("w", str(width))
    size = str(round(shape.size_pt * 100))
    for r, (tr, cells, height) in enumerate(zip(tbl.findall(qn("a:tr")), rows, shape.row_heights, strict=True)):
        tr.set("h", str(height))
        bold = r == 0 or (shape.totals and r == len(rows) - 1)
        for tc, text, align in zip(tr.findall(qn("a:tc")), cells, shape.aligns, strict=True):
            for child in list(tc):
                tc.remove(child)
            body = etree.SubElement(tc, qn("a:txBody"))
            etree.SubElement(body, qn("a:bodyPr"))
            etree.SubElement(body, qn("a:lstStyle"))
            p = etree.SubElement(body, qn("a:p"))
            etree.SubElement(p, qn("a:pPr")).set("algn", _ALGN[align])
            run = etree.SubElement(p, qn("a:r"))
            r_pr = etree.SubElement(run, qn("a:rPr"), lang="en-GB", sz=size, b="1" if bold else "0")
            r_pr.set("dirty", "0")
            etree.SubElement(run, qn("a:t")).text = text
            etree.SubElement(tc, qn("a:tcPr"), marL="91440", marR="91440")
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


def _into_placeholder(slide: Slide, shape: PictureShape, ids: xmlbuild.ShapeIds, sp: etree._Element) -> list[str]:
    """The picture in the layout's picture placeholder, fitted (not cropped) into the planned box.

    python-pptx's ``insert_picture`` crops the picture to fill the placeholder; the crop is taken
    off again and the frame set to the planned box, which has the picture's own proportions.
    """
    block = shape.picture
    assert block is not None
    placeholder = next(p for p in slide.placeholders if p.element is sp)
    if block.path is None:  # the planner reported it; an empty placeholder would say "Click to add"
        sp.getparent().remove(sp)
        return []
    pic = placeholder.insert_picture(upright_image(block.path))
    pic.crop_left = pic.crop_right = pic.crop_top = pic.crop_bottom = 0.0
    box = shape.box
    pic.left, pic.top, pic.width, pic.height = Emu(box.x), Emu(box.y), Emu(box.w), Emu(box.h)
    pic.name = shape.name
    _set_id(pic.element, ids.next())
    ooxml.set_alt_text(pic.element, "" if block.decorative else (block.alt_text or ""))
    return []
