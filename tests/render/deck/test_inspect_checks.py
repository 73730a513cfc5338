"""The inspector finds each kind of problem on slides made here with python-pptx, and not on their fixed twins.

Every case is a pair: the broken slide must be flagged with the right kind and shape, the
same slide made right must not be. The slides are made with python-pptx's own default
template (not ours), so nothing of the planner is involved.
"""

from __future__ import annotations

import io

import pytest
from lxml import etree
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.dml import MSO_THEME_COLOR
from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE
from pptx.enum.text import MSO_AUTO_SIZE
from pptx.oxml.ns import qn
from pptx.presentation import Presentation as PresentationObj
from pptx.slide import Slide
from pptx.util import Emu, Inches, Pt

from neslis_desktop.render.deck.inspect import Finding, inspect_deck
from neslis_desktop.render.deck.inspect.colour import contrast, hex_of, resolve
from neslis_desktop.render.deck.inspect.findings import section_of

LONG = "Health and life sciences partners across the region will work together on skills and research. " * 4


def _deck() -> tuple[PresentationObj, Slide]:
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[5])  # Title Only
    slide.shapes.title.text = "Governance"
    return prs, slide


def _findings(prs: PresentationObj) -> list[Finding]:
    buf = io.BytesIO()
    prs.save(buf)
    return inspect_deck(buf.getvalue()).findings


def _kinds(prs: PresentationObj, shape: str | None = None) -> set[str]:
    return {f.kind for f in _findings(prs) if shape is None or f.shape == shape}


def _box(  # noqa: PLR0917 - a box is named by its place, as python-pptx does
    slide: Slide, name: str, text: str, x: float, y: float, w: float, h: float, size: float = 14
) -> object:
    box = slide.shapes.add_textbox(Inches(x), Inches(y), Inches(w), Inches(h))
    box.name = name
    frame = box.text_frame
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE  # python-pptx's text boxes grow with their text otherwise
    frame.text = text
    for run in frame.paragraphs[0].runs:
        run.font.size = Pt(size)
    return box


@pytest.mark.parametrize(("height", "flagged"), [(0.6, True), (3.0, False)])
def test_text_that_does_not_fit_its_box(height: float, flagged: bool) -> None:
    prs, slide = _deck()
    _box(slide, "Prosperity Review Panel", LONG, 1, 2, 4, height)
    findings = [f for f in _findings(prs) if f.shape == "Prosperity Review Panel"]
    assert ("overflow" in {f.kind for f in findings}) is flagged
    if flagged:
        text = str(next(f for f in findings if f.kind == "overflow"))
        assert text.startswith("slide 1 (Governance): the box 'Prosperity Review Panel' holds more text than fits")


def test_size_is_resolved_through_the_master_body_style() -> None:
    """A placeholder's size comes from the master when nothing nearer sets it: 44 pt there overflows."""
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[1])
    slide.shapes.title.text = "Inheritance"
    slide.placeholders[1].text_frame.text = "Six short lines of text. " * 10
    assert "overflow" not in _kinds(prs)
    body_style = prs.slide_master._element.find(qn("p:txStyles")).find(qn("p:bodyStyle"))
    body_style.find(qn("a:lvl1pPr")).find(qn("a:defRPr")).set("sz", "6000")
    assert "overflow" in _kinds(prs)


def test_words_wider_than_their_box_are_broken() -> None:
    prs, slide = _deck()
    _box(slide, "Narrow", "Internationalisation", 1, 2, 0.5, 3)
    _box(slide, "Wide", "Internationalisation", 3, 2, 3, 1)
    assert "broken-word" in _kinds(prs, "Narrow")
    assert "broken-word" not in _kinds(prs, "Wide")


@pytest.mark.parametrize(("x", "flagged"), [(2.0, True), (6.0, False)])
def test_text_over_text(x: float, flagged: bool) -> None:
    prs, slide = _deck()
    _box(slide, "Left", "First box with a line of text", 1, 3, 4, 1)
    _box(slide, "Right", "Second box with a line of text", x, 3, 3, 1)
    assert ("overlap" in _kinds(prs)) is flagged


def test_title_over_body() -> None:
    prs, slide = _deck()
    _box(slide, "Body", "Body text placed where the title is", 0.5, 0.5, 9, 1.2, size=24)
    assert "covers-title" in _kinds(prs, "Body")
    prs2, slide2 = _deck()
    _box(slide2, "Body", "Body text placed below the title", 0.5, 2.5, 9, 1.2, size=24)
    assert "covers-title" not in _kinds(prs2)


def _elbow(slide: Slide, x1: float, y1: float, x2: float, y2: float, vertical_first: bool) -> None:  # noqa: PLR0917
    c = slide.shapes.add_connector(MSO_CONNECTOR.ELBOW, Inches(x1), Inches(y1), Inches(x2), Inches(y2))
    c.name = "Connector a to b"
    if vertical_first:  # a quarter turn about its centre: down, across, down
        cx, cy = (Inches(x1) + Inches(x2)) / 2, (Inches(y1) + Inches(y2)) / 2
        w, h = abs(Inches(y2) - Inches(y1)), abs(Inches(x2) - Inches(x1))
        xfrm = c._element.spPr.find(qn("a:xfrm"))
        for k in ("flipH", "flipV"):
            xfrm.attrib.pop(k, None)
        xfrm.set("rot", "5400000")
        if x2 > x1:
            xfrm.set("flipV", "1")
        c.left, c.top, c.width, c.height = Emu(int(cx - w / 2)), Emu(int(cy - h / 2)), Emu(int(w)), Emu(int(h))


@pytest.mark.parametrize("vertical_first", [False, True])
@pytest.mark.parametrize("child_x", [1.0, 6.0])
def test_elbow_connectors_must_drop_onto_their_boxes(vertical_first: bool, child_x: float) -> None:
    prs, slide = _deck()
    parent = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, Inches(3), Inches(2), Inches(3), Inches(1))
    parent.name = "Parent"
    child = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, Inches(child_x - 1), Inches(4), Inches(2), Inches(1))
    child.name = "Child"
    _elbow(slide, 4.5, 3, child_x, 4, vertical_first)
    assert ("connector" in _kinds(prs)) is (not vertical_first)


def test_connector_ending_in_empty_space() -> None:
    prs, slide = _deck()
    box = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, Inches(3), Inches(2), Inches(3), Inches(1))
    box.name = "Box"
    line = slide.shapes.add_connector(MSO_CONNECTOR.STRAIGHT, Inches(4.5), Inches(3), Inches(4.5), Inches(5))
    line.name = "Dangling"
    found = [f for f in _findings(prs) if f.kind == "connector"]
    assert [f.shape for f in found] == ["Dangling"] and "empty space" in found[0].message


def test_shapes_outside_the_slide() -> None:
    prs, slide = _deck()
    card = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, Inches(8), Inches(6), Inches(3), Inches(2))
    card.name = "Card 1"
    assert "off-slide" in _kinds(prs, "Card 1")
    card.left = Inches(6)
    card.top = Inches(5)
    assert "off-slide" not in _kinds(prs, "Card 1")


@pytest.mark.parametrize(
    ("fill", "text", "flagged"),
    [
        ("DDDDDD", "FFFFFF", True),  # white on a light grey accent
        ("A6E6F0", "FFFFFF", True),  # white on pale cyan
        ("1F1F3A", "222222", True),  # dark text on navy
        ("1F3864", "FFFFFF", False),
        ("DDDDDD", "000000", False),
    ],
)
def test_contrast_below_wcag_aa(fill: str, text: str, flagged: bool) -> None:
    prs, slide = _deck()
    shape = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, Inches(1), Inches(2), Inches(4), Inches(2))
    shape.name = "Tile"
    shape.fill.solid()
    shape.fill.fore_color.rgb = RGBColor.from_string(fill)
    shape.text_frame.text = "Target tile"
    shape.text_frame.paragraphs[0].runs[0].font.color.rgb = RGBColor.from_string(text)
    shape.text_frame.paragraphs[0].runs[0].font.size = Pt(14)
    assert ("contrast" in _kinds(prs, "Tile")) is flagged


@pytest.mark.parametrize(("alpha", "flagged"), [(20_000, True), (100_000, False)])
def test_a_see_through_fill_is_judged_with_what_shows_through_it(alpha: int, flagged: bool) -> None:
    # White text on a black box at 20% opacity over a white slide reads as white on light grey.
    prs, slide = _deck()
    shape = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, Inches(1), Inches(2), Inches(4), Inches(2))
    shape.name = "Glow"
    shape.fill.solid()
    shape.fill.fore_color.rgb = RGBColor(0, 0, 0)
    a = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
    colour = shape._element.spPr.find(f"{a}solidFill/{a}srgbClr")
    etree.SubElement(colour, f"{a}alpha").set("val", str(alpha))
    shape.text_frame.text = "Text over a glow"
    shape.text_frame.paragraphs[0].runs[0].font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    shape.text_frame.paragraphs[0].runs[0].font.size = Pt(14)
    assert ("contrast" in _kinds(prs, "Glow")) is flagged


def test_theme_colours_resolve_through_the_colour_map_and_luminance() -> None:
    """Office's "Blue, Accent 1, Darker 25%" is #2F5597 and "Lighter 80%" #DAE3F3 in its 2013 theme."""
    scheme = {"accent1": "#4472C4", "tx1": "#000000", "bg1": "#FFFFFF"}
    a = "http://schemas.openxmlformats.org/drawingml/2006/main"
    darker = etree.fromstring(f'<a:schemeClr xmlns:a="{a}" val="accent1"><a:lumMod val="75000"/></a:schemeClr>')
    lighter = etree.fromstring(
        f'<a:schemeClr xmlns:a="{a}" val="accent1"><a:lumMod val="20000"/><a:lumOff val="80000"/></a:schemeClr>'
    )
    dark, light = resolve(darker, scheme), resolve(lighter, scheme)
    assert dark is not None and light is not None
    assert _close(hex_of(dark), "#2F5597") and _close(hex_of(light), "#DAE3F3")
    assert round(contrast((255, 255, 255), (0, 0, 0)), 1) == 21.0


def _close(a: str, b: str) -> bool:
    return all(abs(int(a[i : i + 2], 16) - int(b[i : i + 2], 16)) <= 2 for i in (1, 3, 5))


def test_dark_background_with_theme_text_follows_the_colour_map() -> None:
    """Dark text (tx1 mapped to dk1) on a slide whose background is near-black."""
    prs, slide = _deck()
    bg = slide.background.fill
    bg.solid()
    bg.fore_color.rgb = RGBColor(0x10, 0x10, 0x18)
    box = _box(slide, "Note", "Dark text on a dark slide", 1, 3, 5, 1)
    assert "contrast" in _kinds(prs, "Note")
    box.text_frame.paragraphs[0].runs[0].font.color.theme_color = MSO_THEME_COLOR.BACKGROUND_1  # type: ignore[attr-defined]
    assert "contrast" not in _kinds(prs, "Note")


@pytest.mark.parametrize(("size", "flagged"), [(11, True), (12, False)])
def test_body_text_below_twelve_points(size: float, flagged: bool) -> None:
    prs, slide = _deck()
    _box(slide, "Body", "Some body text", 1, 3, 5, 1, size=size)
    assert ("small-text" in _kinds(prs, "Body")) is flagged


def test_dense_diagrams_may_go_to_ten_points_but_not_below() -> None:
    prs, slide = _deck()
    for i in range(12):  # a dense chart filling the slide: 10 pt is its floor
        _box(slide, f"Month {i + 1}", "Jan", 0.3 + (i % 4) * 2.3, 1.8 + (i // 4) * 1.8, 2.2, 0.5, size=10)
    assert "small-text" not in _kinds(prs)
    _box(slide, "Tiny", "Footnote", 1, 6.8, 3, 0.5, size=9)
    assert "small-text" in _kinds(prs, "Tiny")


def test_small_text_while_a_third_of_the_slide_is_empty() -> None:
    """A timeline at 10 pt in one band at the top of an otherwise empty slide."""
    prs, slide = _deck()
    for i in range(12):
        _box(slide, f"Month {i + 1}", "Jan", 0.3 + i * 0.75, 1.8, 0.7, 0.5, size=10)
    found = [f for f in _findings(prs) if f.kind == "small-text"]
    assert found and "a third of the slide" in found[0].message


def test_empty_placeholders() -> None:
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[1])
    slide.shapes.title.text = "Prompt"
    assert "empty-placeholder" in _kinds(prs)
    slide.placeholders[1].text_frame.text = "Filled"
    assert "empty-placeholder" not in _kinds(prs)


def test_speaker_notes_with_raw_markup() -> None:
    prs, slide = _deck()
    slide.notes_slide.notes_text_frame.text = "Stress the **three** priorities"
    assert "markup" in _kinds(prs)
    slide.notes_slide.notes_text_frame.text = "Stress the three priorities"
    assert "markup" not in _kinds(prs)


def _text_slide(prs: PresentationObj, title: str, paras: list[str], size: float = 18) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[1])
    slide.shapes.title.text = title
    frame = slide.placeholders[1].text_frame
    frame.text = paras[0]
    for p in paras[1:]:
        frame.add_paragraph().text = p
    for paragraph in frame.paragraphs:
        for run in paragraph.runs:
            run.font.size = Pt(size)


def test_continued_slides_near_empty_size_jump_and_mid_sentence() -> None:
    prs = Presentation()
    _text_slide(prs, "Skills", ["One point.", "Two points.", "Three points and a sentence that"], 18)
    _text_slide(prs, "Skills (continued)", ["goes on here."], 24)
    kinds = {f.kind for f in _findings(prs)}
    assert {"near-empty", "size-jump", "mid-sentence"} <= kinds
    # Each has a box on the continued slide for the app to mark: its text.
    body = next(sh for sh in prs.slides[1].shapes if sh.has_text_frame and sh.text_frame.text == "goes on here.")
    for f in _findings(prs):
        if f.kind in ("near-empty", "size-jump", "mid-sentence"):
            assert f.box is not None and (f.box.x, f.box.y) == (body.left, body.top), f
    fixed = Presentation()
    _text_slide(fixed, "Skills", ["One point.", "Two points."], 18)
    _text_slide(fixed, "Skills (continued)", ["Three points.", "Four points.", "Five points."], 18)
    assert not {"near-empty", "size-jump", "mid-sentence"} & {f.kind for f in _findings(fixed)}


def test_two_sections_with_one_title_are_not_one_section_continued() -> None:
    # The bundled deck has two "Discussion questions" sections in a row; the planner calls the
    # second "Discussion questions (2)". Its first words are not the first section's continued.
    prs = Presentation()
    _text_slide(prs, "Discussion questions", ["One point.", "Two points.", "Three points and a sentence that"], 18)
    _text_slide(prs, "Discussion questions (2)", ["goes on here, and"], 24)
    assert not {"near-empty", "size-jump", "mid-sentence"} & {f.kind for f in _findings(prs)}
    # ... while the second section's own continued slide still is one.
    _text_slide(prs, "Discussion questions (2) (continued)", ["and this is cut."], 18)
    assert {"size-jump", "mid-sentence"} <= {f.kind for f in _findings(prs) if f.slide == 3}


def _cards(prs: PresentationObj, title: str, n: int, cols: int, lead: bool) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[5])
    slide.shapes.title.text = title
    if lead:
        _box(slide, "Lead", "Ageing Society Grand Challenge", 0.5, 1.5, 9, 0.5)
    w = 9 / cols
    for i in range(n):
        card = slide.shapes.add_shape(
            MSO_SHAPE.RECTANGLE,
            Inches(0.5 + (i % cols) * w),
            Inches(2.2 + (i // cols) * 1.5),
            Inches(w - 0.1),
            Inches(1.4),
        )
        card.name = f"Card {i + 1}"
        card.text_frame.text = f"Card {i + 1}"


def test_uneven_splits_and_lost_headings() -> None:
    prs = Presentation()
    _cards(prs, "Grand challenges", 8, 4, lead=True)
    _cards(prs, "Grand challenges (continued)", 2, 2, lead=False)
    kinds = {f.kind for f in _findings(prs)}
    assert {"uneven-split", "lost-heading"} <= kinds
    fixed = Presentation()
    _cards(fixed, "Grand challenges", 5, 3, lead=True)
    _cards(fixed, "Grand challenges (continued)", 5, 3, lead=True)
    assert not {"uneven-split", "lost-heading"} & {f.kind for f in _findings(fixed)}


def test_section_titles_drop_continued_endings() -> None:
    assert section_of("Governance (continued 2)") == "Governance"
    assert section_of("Governance (2) (continued)") == "Governance"
    assert section_of("Governance") == "Governance"
