"""The writer's direct XML is exactly what python-pptx's own property API would write.

The fast path (render/deck/oxml) must not change the deck: each shape kind is drawn once by the
writer and once through python-pptx's API on a twin slide, and the two must be the same XML.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree
from pptx.enum.dml import MSO_THEME_COLOR
from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.slide import Slide
from pptx.util import Emu, Pt

from neslis_desktop.model.inline import Run
from neslis_desktop.render.deck.oxml import shapes, text
from neslis_desktop.render.deck.plan import Para, Rect, Shape, TextFrame, TextStyle
from neslis_desktop.render.deck.template import load_template
from neslis_desktop.render.deck.writer import draw_shape

STYLE = TextStyle(size_pt=13.5, colour="bg1", bold=False, align="center", anchor="middle", space_before_pt=4.5)
PARAS = [
    Para(runs=[Run("Plain "), Run("bold", bold=True), Run(" and "), Run("italic", italic=True)]),
    Para(runs=[Run("Second, bulleted")], level=1, bullet="bullet"),
    Para(runs=[Run("Numbered\x07 with a control character")], bullet="number"),
]
SHAPES = [
    Shape(
        "chevron",
        Rect(100, 200, 3000, 1500),
        "Step 1",
        fill="accent1",
        adjust=0.25,
        text=TextFrame(paras=PARAS, style=STYLE, inset=45720),
    ),
    Shape(
        "rect",
        Rect(10, 20, 30, 40),
        "Card",
        fill="bg2",
        line="tx2",
        line_pt=1.5,
        alt_text="A card",
        text=TextFrame(paras=PARAS[:1], style=TextStyle(size_pt=20)),
    ),
    Shape("arrow_right", Rect(5, 5, 500, 100), "Arrow", fill="accent3", adjust=0.4),
    Shape("text", Rect(1, 2, 3, 4), "Lead", text=TextFrame(paras=PARAS, style=STYLE)),
    Shape("ellipse", Rect(7, 8, 9, 10), "Dot"),
    Shape("line", Rect(600, 700, -200, 300), "Connector a to b", line="tx2", line_pt=1.5),
    Shape("elbow", Rect(600, 700, 200, 300), "Elbow", alt_text="from a to b"),
]

COLOURS = {
    "accent1": MSO_THEME_COLOR.ACCENT_1,
    "accent3": MSO_THEME_COLOR.ACCENT_3,
    "bg1": MSO_THEME_COLOR.BACKGROUND_1,
    "bg2": MSO_THEME_COLOR.BACKGROUND_2,
    "tx1": MSO_THEME_COLOR.TEXT_1,
    "tx2": MSO_THEME_COLOR.TEXT_2,
}


def _drop_style(sp: etree._Element) -> None:
    """Remove an autoshape's ``p:style``, as the writer draws without theme effects."""
    style = sp.find(qn("p:style"))
    if style is not None:
        sp.remove(style)


def _reference(slide: Slide, shape: Shape) -> None:
    """The shape drawn through python-pptx properties (the writer's former code)."""
    box = shape.box
    if shape.kind in ("line", "elbow"):
        kind = MSO_CONNECTOR.STRAIGHT if shape.kind == "line" else MSO_CONNECTOR.ELBOW
        connector = slide.shapes.add_connector(kind, Emu(box.x), Emu(box.y), Emu(box.right), Emu(box.bottom))
        connector.name = shape.name
        if shape.kind == "elbow":  # turned a quarter about its centre so it runs down, across, down
            x1, y1, x2, y2 = box.x, box.y, box.right, box.bottom
            w, h = abs(y2 - y1), abs(x2 - x1)
            xfrm = connector._element.spPr.find(qn("a:xfrm"))
            for flip in ("flipH", "flipV"):
                xfrm.attrib.pop(flip, None)
            xfrm.set("rot", "5400000")
            if (x2 > x1) == (y2 > y1):
                xfrm.set("flipV", "1")
            if y2 < y1:
                xfrm.set("flipH", "1")
            connector.left, connector.top = Emu(round((x1 + x2) / 2 - w / 2)), Emu(round((y1 + y2) / 2 - h / 2))
            connector.width, connector.height = Emu(w), Emu(h)
        _drop_style(connector._element)
        connector.line.color.theme_color = COLOURS[shape.line or "tx1"]
        connector.line.width = Pt(shape.line_pt or 1.0)
        if shape.alt_text:
            shapes.set_alt_text(connector._element, shape.alt_text)
        return
    kinds = {
        "rect": MSO_SHAPE.RECTANGLE,
        "chevron": MSO_SHAPE.CHEVRON,
        "arrow_right": MSO_SHAPE.RIGHT_ARROW,
        "ellipse": MSO_SHAPE.OVAL,
    }
    if shape.kind == "text":
        drawn = slide.shapes.add_textbox(Emu(box.x), Emu(box.y), Emu(box.w), Emu(box.h))
    else:
        drawn = slide.shapes.add_shape(kinds[shape.kind], Emu(box.x), Emu(box.y), Emu(box.w), Emu(box.h))
        _drop_style(drawn._element)
        if shape.adjust is not None:
            drawn.adjustments[0] = shape.adjust
    drawn.name = shape.name
    if shape.fill:
        drawn.fill.solid()
        drawn.fill.fore_color.theme_color = COLOURS[shape.fill]
    else:
        drawn.fill.background()
    if shape.line and shape.line_pt > 0:
        drawn.line.color.theme_color = COLOURS[shape.line]
        drawn.line.width = Pt(shape.line_pt)
    elif shape.kind != "text":
        drawn.line.fill.background()
    if shape.text is not None:
        frame, style = drawn.text_frame, shape.text.style
        frame.word_wrap = True
        frame.auto_size = MSO_AUTO_SIZE.NONE
        frame.margin_left = frame.margin_right = Emu(shape.text.inset)
        frame.margin_top = frame.margin_bottom = Emu(shape.text.inset // 2)
        frame.vertical_anchor = {"top": MSO_ANCHOR.TOP, "middle": MSO_ANCHOR.MIDDLE}[style.anchor]
        frame.clear()
        for i, para in enumerate(shape.text.paras):
            paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
            paragraph.level = para.level
            text.set_bullet(paragraph._p, para, style.size_pt, placeholder=False)
            paragraph.space_before = Pt(style.space_before_pt if i else 0)
            paragraph.alignment = {"left": PP_ALIGN.LEFT, "center": PP_ALIGN.CENTER}[style.align]
            for piece in para.runs:
                run = paragraph.add_run()
                run.text = piece.text
                run.font.size = Pt(style.size_pt)
                if piece.bold or style.bold:
                    run.font.bold = True
                if piece.italic:
                    run.font.italic = True
                run.font.color.theme_color = COLOURS[style.colour]
                run.font.name = "+mn-lt"
            paragraph._p.get_or_add_endParaRPr().set("sz", str(round(style.size_pt * 100)))
    if shape.alt_text:
        shapes.set_alt_text(drawn._element, shape.alt_text)


def _canonical(slide: Slide) -> list[bytes]:
    return [etree.tostring(el, method="c14n") for el in slide.shapes._spTree[2:]]


@pytest.fixture(scope="module")
def twins(tmp_path_factory: pytest.TempPathFactory) -> tuple[Slide, Slide, Path]:
    template = load_template(None)
    blank = template.layouts["blank"]
    fast, slow = template.prs.slides.add_slide(blank), template.prs.slides.add_slide(blank)
    for shape in SHAPES:
        draw_shape(fast, shape)
        _reference(slow, shape)
    target = tmp_path_factory.mktemp("writer-xml") / "twins.pptx"
    template.prs.save(str(target))
    return fast, slow, target


def test_each_shape_kind_is_the_xml_python_pptx_writes(twins: tuple[Slide, Slide, Path]) -> None:
    fast, slow, _ = twins
    assert len(_canonical(fast)) == len(SHAPES)
    for mine, theirs, shape in zip(_canonical(fast), _canonical(slow), SHAPES, strict=True):
        assert mine == theirs, shape.name


def test_shape_ids_on_a_slide_are_unique_and_rising(twins: tuple[Slide, Slide, Path]) -> None:
    fast, _, _ = twins
    ids = [int(v) for v in fast._element.xpath("//p:cNvPr/@id")]
    assert ids == sorted(set(ids))
    assert len(ids) == len(SHAPES) + 1  # the shape tree itself is id 1


def test_the_twin_deck_is_valid_ooxml(twins: tuple[Slide, Slide, Path], validate: Callable[..., str]) -> None:
    validate(twins[2])
