"""Drawing slide plans into a template with python-pptx.

The planner has already decided every box, size and colour; this module only draws: titles
and text into the layout's placeholders, shapes and connectors after them in reading order,
footers cloned from the layout, speaker notes, and the document properties. Colours are
only theme references and fonts only theme fonts, so the template's theme restyles it all.
No placeholder is left empty (PowerPoint would show "Click to add text"). Shapes and
paragraphs are written as XML by :mod:`xmlbuild` (the same XML python-pptx writes, several
times faster); python-pptx still adds the slides, placeholders, titles and notes.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from lxml import etree
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from pptx.parts.slide import SlidePart
from pptx.presentation import Presentation as PresentationObj
from pptx.slide import Slide, SlideLayout
from pptx.text.text import TextFrame as PptxTextFrame
from pptx.util import Emu, Pt

from neslis_desktop.model import Project
from neslis_desktop.model.inline import plain_text, runs
from neslis_desktop.render.core_text import core_text
from neslis_desktop.render.deck import ooxml, xmlbuild
from neslis_desktop.render.deck.evidence import draw_evidence
from neslis_desktop.render.deck.placeholders import BODY_TYPES, TITLE_TYPES, bulleted_levels, ph_types
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
    slides = _SlideMaker(template.prs)
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
        if largest and len(candidates) > 1:
            wanted = {id(sp) for sp in candidates}
            areas = {
                id(s._element): int(s.width or 0) * int(s.height or 0)
                for s in self.slide.placeholders
                if id(s._element) in wanted
            }
            candidates.sort(key=lambda sp: -areas[id(sp)])
        self.used.add(id(candidates[0]))
        return candidates[0]

    def frame(self, sp: etree._Element) -> PptxTextFrame:
        return _text_frame(self.slide, sp)

    def body(self, sp: etree._Element) -> etree._Element:
        """The placeholder's ``p:txBody`` (python-pptx adds one where it lacks it)."""
        tx_body = sp.find(xmlbuild.P_TXBODY)
        if tx_body is None:
            tx_body = self.frame(sp)._txBody
        return tx_body

    def remove_unused(self) -> None:
        """Remove placeholders left empty: PowerPoint would show "Click to add text" in them."""
        for sp in list(self.slide.shapes._spTree.iter(qn("p:sp"))):
            if ooxml.ph_type(sp) is not None and id(sp) not in self.used:
                ooxml.remove_shape(sp)


class _SlideMaker:
    """Adds slides, cloning each layout's placeholders once and copying them for later slides.

    python-pptx's ``add_slide`` looks every placeholder up again per slide; on a new slide the
    clones depend only on the layout, so the first slide's are copied (same ids and names).
    """

    def __init__(self, prs: PresentationObj) -> None:
        self.slides = prs.slides
        self.clones: dict[int, list[etree._Element]] = {}
        self.last_id = 0  # the highest slide id given so far (python-pptx searches them all)

    def add(self, layout: SlideLayout) -> Slide:
        cached = self.clones.get(id(layout._element))
        if cached is None:
            slide = self.slides.add_slide(layout)
            self.clones[id(layout._element)] = [copy.deepcopy(sp) for sp in slide.shapes._spTree[2:]]
            self.last_id = max(self.last_id, int(self.slides._sldIdLst[-1].id))
            return slide
        # python-pptx's own add_slide, without its two searches of every existing slide (the
        # relationship to a brand-new part cannot exist yet; the next id is one past the last),
        # which made big decks quadratic.
        presentation_part = self.slides.part
        slide_part = SlidePart.new(presentation_part._next_slide_partname, presentation_part.package, layout.part)
        r_id = presentation_part._rels._add_relationship(RT.SLIDE, slide_part)
        tree = slide_part.slide.shapes._spTree
        for sp in cached:
            xmlbuild.append_shape(tree, copy.deepcopy(sp))
        self.last_id += 1
        self.slides._sldIdLst._add_sldId(id=self.last_id, rId=r_id)
        return slide_part.slide


def draw_slide(
    template: DeckTemplate, plan: SlidePlan, number: int, footing: Footing, slides: _SlideMaker | None = None
) -> list[str]:
    """Draw one plan as a new slide, in reading order: title, text, shapes, footers; then notes."""
    messages: list[str] = []
    layout = _layout_for(template, plan)
    slide = (slides or _SlideMaker(template.prs)).add(layout)
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
    ids = xmlbuild.ShapeIds(slide._element)
    for shape in plan.shapes:
        drawn = draw_evidence(slide, shape, ids, template, picture_sp)
        if drawn is None:
            draw_shape(slide, shape, ids)
        else:
            messages += drawn
    ooxml.add_footer_placeholders(slide, slide.slide_layout, footing.footer, footing.date, number, first_id=ids.next())
    if plan.notes:
        notes = slide.notes_slide.notes_text_frame
        assert notes is not None
        _fill_plain(notes, plain_text(plan.notes))  # notes show no raw **markup**
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
            xmlbuild.fill_paras(places.body(sub_sp), subtitle_paras, plan.subtitle_style, placeholder=True)
            second = None
        else:
            body_paras = subtitle_paras + body_paras
    if not body_paras:
        if second is not None:  # nothing for it: removed with the rest, or it shows "Click to add text"
            places.used.discard(id(second))
        return
    target = second if second is not None else places.take(*BODY_TYPES, largest=True)
    if target is not None:
        xmlbuild.fill_paras(
            places.body(target), body_paras, plan.body_style, placeholder=True, bulleted=bulleted_levels(layout)
        )
        return
    area = template.frames["title_only" if plan.layout == "blank" else plan.layout].body
    style = plan.body_style or TextStyle(size_pt=DEFAULT_SUBTITLE_PT)
    box = places.slide.shapes.add_textbox(Emu(area.x), Emu(area.y), Emu(area.w), Emu(area.h))
    box.name = "Body Text"
    xmlbuild.style_body(box._element.txBody, TextFrame(paras=body_paras, style=style))
    xmlbuild.fill_paras(box._element.txBody, body_paras, style, placeholder=False)


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


def draw_shape(slide: Slide, shape: Shape, ids: xmlbuild.ShapeIds | None = None) -> None:
    """Draw one planned shape or connector on ``slide`` (``ids`` hands out its shape id)."""
    ids = ids or xmlbuild.ShapeIds(slide._element)
    box = shape.box
    tree = slide.shapes._spTree
    element: etree._Element
    if shape.kind in xmlbuild.CONNECTOR_PRESETS:
        # Without its theme style a connector has no line, so it always gets one.
        element = xmlbuild.new_connector(ids.next(), shape.name, shape.kind, box)
        xmlbuild.set_line(element, shape.line or "tx1", shape.line_pt or 1.0)
    else:
        if shape.kind == "text":
            element = xmlbuild.new_textbox(ids.next(), shape.name, box)
        else:
            element = xmlbuild.new_autoshape(ids.next(), shape.name, shape.kind, box)
            if shape.adjust is not None:
                xmlbuild.set_adjustment(element, shape.adjust)
        xmlbuild.set_fill(element, shape.fill)
        if shape.line and shape.line_pt > 0:
            xmlbuild.set_line(element, shape.line, shape.line_pt)
        elif shape.kind != "text":
            xmlbuild.set_line(element, None)
        if shape.text is not None:
            tx_body = element.find(xmlbuild.P_TXBODY)
            assert tx_body is not None
            xmlbuild.style_body(tx_body, shape.text)
            xmlbuild.fill_paras(tx_body, shape.text.paras, shape.text.style, placeholder=False)
    if shape.alt_text:
        ooxml.set_alt_text(element, shape.alt_text)
    xmlbuild.append_shape(tree, element)


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
