"""Drawing slide plans into a template with python-pptx.

The planner has already decided every box, size and colour; this module only draws: titles
and text into the layout's placeholders, shapes and connectors after them in reading order,
footers cloned from the layout, speaker notes, and the document properties. Colours are
only theme references and fonts only theme fonts, so the template's theme restyles it all.
No placeholder is left empty (PowerPoint would show "Click to add text").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from lxml import etree
from pptx.dml.color import ColorFormat
from pptx.enum.dml import MSO_THEME_COLOR
from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.presentation import Presentation as PresentationObj
from pptx.shapes.autoshape import Shape as PptxShape
from pptx.slide import Slide, SlideLayout
from pptx.text.text import TextFrame as PptxTextFrame
from pptx.util import Emu, Pt

from neslis_desktop.model import Project
from neslis_desktop.model.inline import runs
from neslis_desktop.render.core_text import core_text
from neslis_desktop.render.deck import ooxml
from neslis_desktop.render.deck.placeholders import BODY_TYPES, TITLE_TYPES, bulleted_levels, ph_types
from neslis_desktop.render.deck.plan import Para, Rect, Shape, SlidePlan, TextFrame, TextStyle, ThemeColour
from neslis_desktop.render.deck.template import DeckTemplate

THEME_COLOURS: dict[str, MSO_THEME_COLOR] = {
    "tx1": MSO_THEME_COLOR.TEXT_1, "tx2": MSO_THEME_COLOR.TEXT_2,
    "bg1": MSO_THEME_COLOR.BACKGROUND_1, "bg2": MSO_THEME_COLOR.BACKGROUND_2,
    "accent1": MSO_THEME_COLOR.ACCENT_1, "accent2": MSO_THEME_COLOR.ACCENT_2,
    "accent3": MSO_THEME_COLOR.ACCENT_3, "accent4": MSO_THEME_COLOR.ACCENT_4,
    "accent5": MSO_THEME_COLOR.ACCENT_5, "accent6": MSO_THEME_COLOR.ACCENT_6,
}
AUTOSHAPES: dict[str, MSO_SHAPE] = {
    "rect": MSO_SHAPE.RECTANGLE, "rounded": MSO_SHAPE.ROUNDED_RECTANGLE, "chevron": MSO_SHAPE.CHEVRON,
    "pentagon": MSO_SHAPE.PENTAGON, "arrow_right": MSO_SHAPE.RIGHT_ARROW, "ellipse": MSO_SHAPE.OVAL,
}
_ALIGN = {"left": PP_ALIGN.LEFT, "center": PP_ALIGN.CENTER, "right": PP_ALIGN.RIGHT}
_ANCHOR = {"top": MSO_ANCHOR.TOP, "middle": MSO_ANCHOR.MIDDLE, "bottom": MSO_ANCHOR.BOTTOM}
_THEME_FONT = {"major": "+mj-lt", "minor": "+mn-lt"}
DEFAULT_SUBTITLE_PT = 20.0


@dataclass(frozen=True)
class Footing:
    """What the footer placeholders show on every slide."""

    footer: str | None
    date: str | None
    lang: str = "en-GB"

    @classmethod
    def of(cls, project: Project) -> Footing:
        meta = project.meta
        footer = meta.event or meta.organisation  # short: corporate footer boxes are narrow
        date = f"{meta.date.day} {meta.date:%B %Y}" if meta.date else None
        return cls(footer=footer, date=date, lang=meta.language or "en-GB")


def draw_deck(template: DeckTemplate, plans: list[SlidePlan], project: Project) -> list[str]:
    """Add one slide per plan to ``template.prs``; returns adjustments the writer had to make."""
    footing = Footing.of(project)
    messages: list[str] = []
    for number, plan in enumerate(plans, start=1):
        messages += draw_slide(template, plan, number, footing)
    set_properties(template.prs, project)
    return messages


def _layout_for(template: DeckTemplate, plan: SlidePlan) -> SlideLayout:
    layout = template.layouts[plan.layout]
    if plan.title and not _has_title(layout):
        # Titles always go in a title placeholder, so a titled "blank" slide takes Title Only.
        return template.layouts["title_only"]
    return layout


def _has_title(layout: SlideLayout) -> bool:
    return any(t in TITLE_TYPES for t in ph_types(layout))


class _Placeholders:
    """A new slide's placeholders by type, each handed out once (the rest are removed after)."""

    def __init__(self, slide: Slide) -> None:
        self.slide = slide
        self.by_type: dict[str, list[etree._Element]] = {}
        for sp in slide.shapes._spTree.iter(qn("p:sp")):
            kind = ooxml.ph_type(sp)
            if kind is not None:
                self.by_type.setdefault(kind, []).append(sp)
        self.used: set[int] = set()

    def take(self, *types: str, largest: bool = False) -> etree._Element | None:
        """The first (or largest) unused placeholder of one of ``types``."""
        candidates = [sp for t in types for sp in self.by_type.get(t, []) if id(sp) not in self.used]
        if not candidates:
            return None
        if largest:
            areas = {id(s._element): int(s.width or 0) * int(s.height or 0) for s in self.slide.placeholders}
            candidates.sort(key=lambda sp: -areas[id(sp)])
        self.used.add(id(candidates[0]))
        return candidates[0]

    def frame(self, sp: etree._Element) -> PptxTextFrame:
        return _text_frame(self.slide, sp)

    def remove_unused(self) -> None:
        """Remove placeholders left empty: PowerPoint would show "Click to add text" in them."""
        for sp in list(self.slide.shapes._spTree.iter(qn("p:sp"))):
            if ooxml.ph_type(sp) is not None and id(sp) not in self.used:
                ooxml.remove_shape(sp)


def draw_slide(template: DeckTemplate, plan: SlidePlan, number: int, footing: Footing) -> list[str]:
    """Draw one plan as a new slide, in reading order: title, text, shapes, footers; then notes."""
    messages: list[str] = []
    layout = _layout_for(template, plan)
    slide = template.prs.slides.add_slide(layout)
    places = _Placeholders(slide)
    title_sp = places.take(*TITLE_TYPES) if plan.title.strip() else None
    if title_sp is not None:
        _fill_plain(places.frame(title_sp), plan.title, plan.title_style)
    elif plan.title:
        messages.append(f"Slide {number} ('{plan.title}'): the layout has no title placeholder.")
    _draw_text(template, plan, layout, places)
    _place(slide, template.placements.get(str(layout.part.partname), {}))
    places.remove_unused()
    for shape in plan.shapes:
        draw_shape(slide, shape)
    ooxml.add_footer_placeholders(slide, slide.slide_layout, footing.footer, footing.date, number)
    if plan.notes:
        notes = slide.notes_slide.notes_text_frame
        assert notes is not None
        _fill_plain(notes, plan.notes)
        ooxml.set_language(slide.notes_slide._element, footing.lang)
    ooxml.set_language(slide._element, footing.lang)
    return messages


def _draw_text(template: DeckTemplate, plan: SlidePlan, layout: SlideLayout, places: _Placeholders) -> None:
    """Subtitle and body text into the layout's placeholders, or a text box where it has none."""
    subtitle_paras = [Para(runs=runs(line)) for line in (plan.subtitle or "").splitlines() if line.strip()]
    body_paras = list(plan.body or [])
    second: etree._Element | None = None
    if plan.layout == "title":
        second = _either(places.take("subTitle"), lambda: places.take(*BODY_TYPES, largest=True))
    elif plan.layout == "section":
        second = _either(places.take("body", "subTitle"), lambda: places.take("obj"))
    if subtitle_paras:
        sub_sp = second if second is not None else places.take("subTitle")
        if sub_sp is not None:
            _fill_paras(places.frame(sub_sp), subtitle_paras, plan.subtitle_style, placeholder=True)
            second = None
        else:
            body_paras = subtitle_paras + body_paras
    if not body_paras:
        return
    target = second if second is not None else places.take(*BODY_TYPES, largest=True)
    if target is not None:
        _fill_paras(places.frame(target), body_paras, plan.body_style, placeholder=True,
                    bulleted=bulleted_levels(layout))
        return
    area = template.frames["title_only" if plan.layout == "blank" else plan.layout].body
    style = plan.body_style or TextStyle(size_pt=DEFAULT_SUBTITLE_PT)
    box = places.slide.shapes.add_textbox(Emu(area.x), Emu(area.y), Emu(area.w), Emu(area.h))
    box.name = "Body Text"
    _style_frame(box.text_frame, TextFrame(paras=body_paras, style=style))
    _fill_paras(box.text_frame, body_paras, style, placeholder=False)


def _place(slide: Slide, placements: dict[str, Rect]) -> None:
    """Put placeholders where the template's sample slides (or LibreOffice's master) put them."""
    if not placements:
        return
    for shape in slide.placeholders:
        rect = placements.get(ooxml.ph_type(shape._element) or "")
        if rect is not None:
            shape.left, shape.top, shape.width, shape.height = Emu(rect.x), Emu(rect.y), Emu(rect.w), Emu(rect.h)


def _either(first: etree._Element | None, then: Callable[[], etree._Element | None]) -> etree._Element | None:
    return first if first is not None else then()


def _text_frame(slide: Slide, sp: etree._Element) -> PptxTextFrame:
    for shape in slide.placeholders:
        if shape._element is sp:
            return shape.text_frame
    raise LookupError("placeholder not on slide")


def _fill_plain(frame: PptxTextFrame, text: str, style: TextStyle | None = None) -> None:
    """Plain text, one paragraph per line, formatting inherited from the placeholder but the size."""
    lines = text.splitlines() or [""]
    frame.text = lines[0]
    for line in lines[1:]:
        frame.add_paragraph().text = line
    if style is not None:
        for paragraph in frame.paragraphs:
            for run in paragraph.runs:
                run.font.size = Pt(style.size_pt)


def _fill_paras(
    frame: PptxTextFrame,
    paras: list[Para],
    style: TextStyle | None,
    *,
    placeholder: bool,
    bulleted: frozenset[int] = frozenset(),
) -> None:
    """Paragraphs with levels, bullets and emphasis; ``style`` sizes (and, outside placeholders, colours) them."""
    frame.clear()
    for i, para in enumerate(paras):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        paragraph.level = min(max(para.level, 0), 8)
        # A placeholder's own bullet is kept where its template defines one for the level.
        size = style.size_pt if style is not None else 18.0
        ooxml.set_bullet(paragraph._p, para, size, placeholder=placeholder and para.level in bulleted)
        if style is not None:
            paragraph.space_before = Pt(style.space_before_pt if i else 0)
        if style is not None and not placeholder:
            paragraph.alignment = _ALIGN[style.align]
        for piece in para.runs:
            run = paragraph.add_run()
            run.text = piece.text
            font = run.font
            if style is not None:
                font.size = Pt(style.size_pt)
            if piece.bold or (style is not None and style.bold):
                font.bold = True
            if piece.italic:
                font.italic = True
            if style is not None and not placeholder:
                _theme_colour(font.color, style.colour)
                font.name = _THEME_FONT[style.font]
        if style is not None:
            end = paragraph._p.get_or_add_endParaRPr()
            end.set("sz", str(round(style.size_pt * 100)))


def _theme_colour(colour: ColorFormat, name: ThemeColour) -> None:
    colour.theme_color = THEME_COLOURS[name]


def _style_frame(frame: PptxTextFrame, text: TextFrame) -> None:
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    frame.margin_left = frame.margin_right = Emu(text.inset)
    frame.margin_top = frame.margin_bottom = Emu(text.inset // 2)
    frame.vertical_anchor = _ANCHOR[text.style.anchor]


def draw_shape(slide: Slide, shape: Shape) -> None:
    """Draw one planned shape or connector on ``slide``."""
    box = shape.box
    if shape.kind in ("line", "elbow"):
        kind = MSO_CONNECTOR.STRAIGHT if shape.kind == "line" else MSO_CONNECTOR.ELBOW
        connector = slide.shapes.add_connector(kind, Emu(box.x), Emu(box.y), Emu(box.right), Emu(box.bottom))
        connector.name = shape.name
        ooxml.drop_style(connector._element)
        _theme_colour(connector.line.color, shape.line or "tx1")  # without its style a connector has no line
        connector.line.width = Pt(shape.line_pt or 1.0)
        if shape.alt_text:
            ooxml.set_alt_text(connector._element, shape.alt_text)
        return
    drawn: PptxShape
    if shape.kind == "text":
        drawn = slide.shapes.add_textbox(Emu(box.x), Emu(box.y), Emu(box.w), Emu(box.h))
    else:
        drawn = slide.shapes.add_shape(AUTOSHAPES[shape.kind], Emu(box.x), Emu(box.y), Emu(box.w), Emu(box.h))
        ooxml.drop_style(drawn._element)
        if shape.adjust is not None and len(drawn.adjustments) > 0:
            drawn.adjustments[0] = shape.adjust
    drawn.name = shape.name
    if shape.fill:
        drawn.fill.solid()
        _theme_colour(drawn.fill.fore_color, shape.fill)
    else:
        drawn.fill.background()
    if shape.line and shape.line_pt > 0:
        _theme_colour(drawn.line.color, shape.line)
        drawn.line.width = Pt(shape.line_pt)
    elif shape.kind != "text":
        drawn.line.fill.background()
    if shape.text is not None:
        _style_frame(drawn.text_frame, shape.text)
        _fill_paras(drawn.text_frame, shape.text.paras, shape.text.style, placeholder=False)
    if shape.alt_text:
        ooxml.set_alt_text(drawn._element, shape.alt_text)


def set_properties(prs: PresentationObj, project: Project) -> None:
    """Title, author, subject, keywords and language of the deck file."""
    meta = project.meta
    core = prs.core_properties
    core.title = core_text(meta.title)
    core.author = core_text(meta.organisation)
    core.last_modified_by = core_text(meta.organisation)
    core.subject = core_text(meta.subtitle or meta.event or "Local Industrial Strategy engagement deck")
    keywords = ["Local Industrial Strategy", "engagement deck", meta.event, meta.audience]
    core.keywords = core_text("; ".join(k for k in keywords if k))
    core.language = meta.language or "en-GB"
    core.category = str(meta.status.value) if hasattr(meta.status, "value") else str(meta.status)
    core.revision = 1
    now = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
    core.created = core.modified = now
