"""Drawing slide plans into a template with python-pptx.

The planner has already decided every box, size and colour; this module only draws: titles
and text into the layout's placeholders, shapes and connectors after them in reading order,
footers cloned from the layout, speaker notes, and the document properties. Colours are
only theme references and fonts only theme fonts, so the template's theme restyles it all.
No placeholder is left empty (PowerPoint would show "Click to add text"). Shapes and
paragraphs are written as XML by :mod:`.oxml.shapes` and :mod:`.oxml.text` (the same XML
python-pptx writes, several times faster), slides are added by :mod:`.oxml.slides`; python-pptx
still fills the titles and notes. Everything below python-pptx's public API is in :mod:`.oxml`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from lxml import etree
from pptx.presentation import Presentation as PresentationObj
from pptx.shapes.shapetree import SlideShapeFactory
from pptx.slide import Slide, SlideLayout
from pptx.text.text import TextFrame as PptxTextFrame
from pptx.util import Emu, Pt

from neslis_desktop.model import Project
from neslis_desktop.model.inline import plain_text, runs
from neslis_desktop.render.core_text import core_text
from neslis_desktop.render.deck.evidence import draw_evidence
from neslis_desktop.render.deck.oxml import shapes
from neslis_desktop.render.deck.oxml.ns import qn
from neslis_desktop.render.deck.oxml.parts import count_part_names
from neslis_desktop.render.deck.oxml.placeholders import BODY_TYPES, TITLE_TYPES, bulleted_levels, ph_type, ph_types
from neslis_desktop.render.deck.oxml.shapes import element, sp_tree
from neslis_desktop.render.deck.oxml.slides import SlideMaker, add_footer_placeholders
from neslis_desktop.render.deck.oxml.text import fill_paras, set_language, style_body, text_body
from neslis_desktop.render.deck.plan import Para, Rect, Shape, SlidePlan, TextFrame, TextStyle
from neslis_desktop.render.deck.template import DeckTemplate

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
    count_part_names(template.prs)  # charts: python-pptx walks the whole package to name each
    slides = SlideMaker(template.prs)
    for number, plan in enumerate(plans, start=1):
        messages += draw_slide(template, plan, number, footing, slides)
    set_properties(template.prs, project)
    return messages


def _layout_for(template: DeckTemplate, plan: SlidePlan) -> SlideLayout:
    layout = template.alternates[plan.layout_part] if plan.layout_part else template.layouts[plan.layout]
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
        for sp in sp_tree(slide).iter(qn("p:sp")):
            kind = ph_type(sp)
            if kind is not None:
                self.by_type.setdefault(kind, []).append(sp)
        self.used: set[int] = set()

    def take(self, *types: str, largest: bool = False) -> etree._Element | None:
        """The first (or largest) unused placeholder of one of ``types``."""
        candidates = [sp for t in types for sp in self.by_type.get(t, []) if id(sp) not in self.used]
        if not candidates:
            return None
        if largest and len(candidates) > 1:
            wanted = {id(sp) for sp in candidates}
            areas = {
                id(element(s)): int(s.width or 0) * int(s.height or 0)
                for s in self.slide.placeholders
                if id(element(s)) in wanted
            }
            candidates.sort(key=lambda sp: -areas[id(sp)])
        self.used.add(id(candidates[0]))
        return candidates[0]

    def frame(self, sp: etree._Element) -> PptxTextFrame:
        return _text_frame(self.slide, sp)

    def body(self, sp: etree._Element) -> etree._Element:
        """The placeholder's ``p:txBody`` (python-pptx adds one where it lacks it)."""
        tx_body = sp.find(shapes.P_TXBODY)
        if tx_body is None:
            tx_body = text_body(self.frame(sp))
        return tx_body

    def remove_unused(self) -> None:
        """Remove placeholders left empty: PowerPoint would show "Click to add text" in them."""
        for sp in list(sp_tree(self.slide).iter(qn("p:sp"))):
            if ph_type(sp) is not None and id(sp) not in self.used:
                shapes.remove_shape(sp)


def draw_slide(
    template: DeckTemplate, plan: SlidePlan, number: int, footing: Footing, slides: SlideMaker | None = None
) -> list[str]:
    """Draw one plan as a new slide, in reading order: title, text, shapes, footers; then notes."""
    messages: list[str] = []
    layout = _layout_for(template, plan)
    slide = (slides or SlideMaker(template.prs)).add(layout)
    places = _Placeholders(slide)
    title_sp = places.take(*TITLE_TYPES) if plan.title.strip() else None
    if title_sp is not None:
        _fill_plain(places.frame(title_sp), plan.title, plan.title_style)
    elif plan.title:
        messages.append(f"Slide {number} ('{plan.title}'): the layout has no title placeholder.")
    _draw_text(template, plan, layout, places)
    _place(slide, template.placements.get(str(layout.part.partname), {}))
    picture_sp = places.take("pic") if plan.layout == "picture" else None  # the picture goes in it
    places.remove_unused()
    ids = shapes.ShapeIds(element(slide))
    for shape in plan.shapes:
        drawn = draw_evidence(slide, shape, ids, template, picture_sp)
        if drawn is None:
            draw_shape(slide, shape, ids)
        else:
            messages += drawn
    add_footer_placeholders(slide, slide.slide_layout, footing.footer, footing.date, number, first_id=ids.next())
    if plan.notes:
        notes = slide.notes_slide.notes_text_frame
        assert notes is not None
        _fill_plain(notes, plain_text(plan.notes))  # notes show no raw **markup**
        set_language(element(slide.notes_slide), footing.lang)
    set_language(element(slide), footing.lang)
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
            fill_paras(places.body(sub_sp), subtitle_paras, plan.subtitle_style, placeholder=True)
            second = None
        else:
            body_paras = subtitle_paras + body_paras
    if not body_paras:
        if second is not None:  # nothing for it: removed with the rest, or it shows "Click to add text"
            places.used.discard(id(second))
        return
    target = second if second is not None else places.take(*BODY_TYPES, largest=True)
    if target is not None:
        fill_paras(places.body(target), body_paras, plan.body_style, placeholder=True, bulleted=bulleted_levels(layout))
        return
    area = template.frames["title_only" if plan.layout == "blank" else plan.layout].body
    style = plan.body_style or TextStyle(size_pt=DEFAULT_SUBTITLE_PT)
    box = places.slide.shapes.add_textbox(Emu(area.x), Emu(area.y), Emu(area.w), Emu(area.h))
    box.name = "Body Text"
    style_body(text_body(box.text_frame), TextFrame(paras=body_paras, style=style))
    fill_paras(text_body(box.text_frame), body_paras, style, placeholder=False)


def _place(slide: Slide, placements: dict[str, Rect]) -> None:
    """Put placeholders where the template's sample slides (or LibreOffice's master) put them."""
    if not placements:
        return
    for shape in slide.placeholders:
        rect = placements.get(ph_type(element(shape)) or "")
        if rect is not None:
            shape.left, shape.top, shape.width, shape.height = Emu(rect.x), Emu(rect.y), Emu(rect.w), Emu(rect.h)


def _either(first: etree._Element | None, then: Callable[[], etree._Element | None]) -> etree._Element | None:
    return first if first is not None else then()


def _text_frame(slide: Slide, sp: etree._Element) -> PptxTextFrame:
    # The shape python-pptx would hand out for ``sp`` while iterating ``slide.placeholders``,
    # made directly: the iteration sorts every placeholder by an XPath look-up, for each frame.
    if next(sp.iterancestors(qn("p:sld")), None) is not element(slide):
        raise LookupError("placeholder not on slide")
    return SlideShapeFactory(sp, slide.placeholders).text_frame  # type: ignore[attr-defined]


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


def draw_shape(slide: Slide, shape: Shape, ids: shapes.ShapeIds | None = None) -> None:
    """Draw one planned shape or connector on ``slide`` (``ids`` hands out its shape id)."""
    ids = ids or shapes.ShapeIds(element(slide))
    box = shape.box
    tree = sp_tree(slide)
    drawn: etree._Element
    if shape.kind in shapes.CONNECTOR_PRESETS:
        # Without its theme style a connector has no line, so it always gets one.
        drawn = shapes.new_connector(ids.next(), shape.name, shape.kind, box)
        shapes.set_line(drawn, shape.line or "tx1", shape.line_pt or 1.0)
    else:
        if shape.kind == "text":
            drawn = shapes.new_textbox(ids.next(), shape.name, box)
        else:
            drawn = shapes.new_autoshape(ids.next(), shape.name, shape.kind, box)
            if shape.adjust is not None:
                shapes.set_adjustment(drawn, shape.adjust)
        shapes.set_fill(drawn, shape.fill)
        if shape.line and shape.line_pt > 0:
            shapes.set_line(drawn, shape.line, shape.line_pt)
        elif shape.kind != "text":
            shapes.set_line(drawn, None)
        if shape.text is not None:
            tx_body = drawn.find(shapes.P_TXBODY)
            assert tx_body is not None
            style_body(tx_body, shape.text)
            fill_paras(tx_body, shape.text.paras, shape.text.style, placeholder=False)
    if shape.alt_text:
        shapes.set_alt_text(drawn, shape.alt_text)
    shapes.append_shape(tree, drawn)


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
