"""The deck planner: from a project and the template's geometry, the plan of every slide.

The pptx writer draws these plans with python-pptx and the editor's preview draws them with
QPainter, so both show the same thing. The planner decides which layout each slide uses,
where every box goes, which size its text is set at so that it fits (measured with the theme's
fonts), and which slides continue a section. Every such decision that changes what the author
wrote about (smaller text, a further slide, cut text) is recorded in ``SlidePlan.adjustments``.

Public entry points: :func:`plan_deck` and :func:`plan_section` (the live preview).
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from neslis_desktop.model.blocks import (
    Block,
    BulletsBlock,
    DividerBlock,
    ParagraphBlock,
    PictureBlock,
    QuestionsBlock,
)
from neslis_desktop.model.inline import plain_text
from neslis_desktop.model.project import Project, Section
from neslis_desktop.render.deck.layouts import GAP, TITLE_FLOOR, Ctx, Page, box_shape, need, para, sizes, style
from neslis_desktop.render.deck.layouts.cards import layout_cards
from neslis_desktop.render.deck.layouts.divider import plan_divider
from neslis_desktop.render.deck.layouts.evidence import cover_logos, layout_chart, layout_picture, layout_table
from neslis_desktop.render.deck.layouts.flow import layout_flow
from neslis_desktop.render.deck.layouts.orgchart import layout_orgchart
from neslis_desktop.render.deck.layouts.picture_slide import picture_slide
from neslis_desktop.render.deck.layouts.structure import layout_structure
from neslis_desktop.render.deck.layouts.targets import layout_targets
from neslis_desktop.render.deck.layouts.text import TextBlock, body_style, plan_text_run
from neslis_desktop.render.deck.layouts.timeline import layout_timeline
from neslis_desktop.render.deck.plan import (
    EMU_PER_INCH,
    EMU_PER_PT,
    Frame,
    LayoutRole,
    Para,
    Rect,
    Shape,
    SlidePlan,
    TextStyle,
    ThemeFonts,
)
from neslis_desktop.render.deck.textfit import Measurer, measurer

_TEXT_KINDS = (ParagraphBlock, BulletsBlock, QuestionsBlock)
COVER = -1
"""The title slide's key in :func:`plan_deck`'s ``section_frames`` and ``section_layouts``."""
_TITLE_START: dict[str, float] = {"title": 40.0, "section": 40.0}
_DEFAULT_TITLE_START = 32.0


def _frame(frames: Mapping[LayoutRole, Frame], role: LayoutRole) -> Frame:
    for r in (role, "title_only", "content"):
        if r in frames:
            return frames[r]
    return next(iter(frames.values()))


def _date(meta_date: object) -> str | None:
    if meta_date is None:
        return None
    d = meta_date
    return f"{d.day} {d:%B %Y}"  # type: ignore[attr-defined]


def _cover(project: Project, frames: Mapping[LayoutRole, Frame], m: Measurer) -> SlidePlan:
    meta = project.meta
    lines: list[str] = []
    if meta.subtitle:
        lines.append(meta.subtitle)
    when = ", ".join(x for x in (meta.event, _date(meta.date)) if x)
    if when:
        lines.append(when)
    if meta.organisation:
        lines.append(meta.organisation)
    if meta.audience:
        audience = plain_text(meta.audience)
        lines.append(audience if audience.lower().startswith("for ") else f"For {audience}")
    # Status and version, as the document's cover shows them ("Draft – version 0.3").
    status = getattr(meta.status, "value", str(meta.status))
    lines.append(f"{status} \u2013 version {plain_text(meta.version)}")
    sub = "\n".join(plain_text(x) for x in lines) or None
    slide = SlidePlan("title", plain_text(meta.title), subtitle=sub)
    _fit_titles(slide, _frame(frames, "title"), m, "the title slide")
    return slide


def _fit_titles(slide: SlidePlan, frame: Frame, m: Measurer, where: str) -> None:
    """Sets the title's (and subtitle's) size so that it fits its box, noting any shrinking."""
    start = _TITLE_START.get(slide.layout, _DEFAULT_TITLE_START)
    paras = para(slide.title)
    chosen = None
    for s in sizes(start, TITLE_FLOOR, 2.0):
        st = TextStyle(s, "tx1", font="major")
        if need(m, paras, frame.title.w, st) <= frame.title.h:
            chosen = s
            break
    if chosen is None:
        chosen = TITLE_FLOOR
        slide.adjustments.append(f"{where}: title '{slide.title[:60]}' is too long for its box; shorten it")
    elif chosen < start - 8:
        slide.adjustments.append(f"{where}: title set at {chosen:g} pt to fit")
    slide.title_style = TextStyle(chosen, "tx1", font="major")
    if slide.subtitle and slide.layout in ("title", "section"):
        sub = para(slide.subtitle)
        s_start = 24.0 if slide.layout == "title" else 20.0
        sub_size = 14.0
        for s in sizes(s_start, 14.0, 2.0):
            if need(m, sub, frame.body.w, TextStyle(s)) <= frame.body.h:
                sub_size = s
                break
        slide.subtitle_style = TextStyle(sub_size, "tx1")


_VISUAL_LAYOUTS: dict[str, Callable[[Any, Rect, Ctx], list[Page]]] = {
    "cards": layout_cards,
    "structure": layout_structure,
    "targets": layout_targets,
    "orgchart": layout_orgchart,
    "timeline": layout_timeline,
    "flow": layout_flow,
    "chart": layout_chart,
    "table": layout_table,
    "picture": layout_picture,
}
"""The layout of each diagram-like block kind: adding a kind to the deck is one entry here."""


def _visual_pages(block: Block, area: Rect, ctx: Ctx) -> list[Page]:
    layout = _VISUAL_LAYOUTS.get(block.kind)
    return layout(block, area, ctx) if layout is not None else [Page()]


def _heading(block_heading: str | None, area: Rect, ctx: Ctx) -> tuple[list[Shape], Rect]:
    """A bold lead line above a diagram, and the area left under it."""
    if not block_heading:
        return [], area
    paras = para(block_heading, bold=True)
    for s in sizes(22.0, 14.0):
        st = style(s, bold=True)
        h = need(ctx.m, paras, area.w, st)
        if h <= area.h // 5:
            break
    h = min(h, area.h // 4)
    shape = box_shape("Lead", Rect(area.x, area.y, area.w, h), paras, st, kind="text")
    return [shape], Rect(area.x, area.y + h + GAP // 2, area.w, area.h - h - GAP // 2)


def _sane(shapes: list[Shape]) -> list[Shape]:
    """Shapes with at least a point of width and height (only very small slides need it)."""
    for shape in shapes:
        if shape.kind not in ("line", "elbow") and (shape.box.w <= 0 or shape.box.h <= 0):
            b = shape.box
            shape.box = Rect(b.x, b.y, max(b.w, EMU_PER_PT), max(b.h, EMU_PER_PT))
    return shapes


def _join_notes(*notes: str | None) -> str | None:
    parts = [n for n in notes if n and n.strip()]
    return "\n\n".join(parts) if parts else None


def _section_slides(section: Section, frames: Mapping[LayoutRole, Frame], m: Measurer) -> list[SlidePlan]:
    """The slides of one section, titled with their base title (before making titles unique)."""
    ctx = Ctx(m, plain_text(section.title))
    title = plain_text(section.title)
    slides: list[SlidePlan] = []
    blocks = list(section.blocks)
    i = 0
    while i < len(blocks):
        block = blocks[i]
        if isinstance(block, _TEXT_KINDS):
            run: list[TextBlock] = []
            while i < len(blocks) and isinstance(blocks[i], _TEXT_KINDS):
                run.append(blocks[i])  # type: ignore[arg-type]
                i += 1
            box = _frame(frames, "content").body
            last = 0  # a page that starts no block shows the rest of the block begun before it
            for page in plan_text_run(run, box, ctx):
                first, last = (page.starts[0], page.starts[-1]) if page.starts else (last, last)
                slides.append(
                    SlidePlan(
                        "content",
                        title,
                        body=page.paras,
                        body_style=body_style(page.size),
                        notes=_join_notes(*(run[k].notes for k in page.starts)),
                        section_id=section.id,
                        adjustments=list(page.adjustments),
                        block=i - len(run) + first,
                    )
                )
            continue
        i += 1
        if isinstance(block, DividerBlock):
            slides.append(plan_divider(block, section.id))
            slides[-1].block = i - 1
            continue
        if isinstance(block, PictureBlock) and "picture" in frames:
            slides.append(picture_slide(block, frames["picture"], ctx, section.id))
            continue
        area = _frame(frames, "title_only").body
        lead, rest = _heading(block.heading, area, ctx)
        for n, visual in enumerate(_visual_pages(block, rest, ctx)):
            slides.append(
                SlidePlan(
                    "title_only",
                    title,
                    shapes=_sane(copy.deepcopy(lead) + visual.shapes),  # the lead line on every slide
                    notes=block.notes if n == 0 else None,
                    section_id=section.id,
                    adjustments=list(visual.adjustments),
                    block=i - 1,
                )
            )
    if not slides:
        slides.append(SlidePlan("section", title, section_id=section.id))
    slides[0].notes = _join_notes(section.notes, slides[0].notes)
    return slides


def _unique_titles(sections: Sequence[list[SlidePlan]], taken: dict[str, int], used: set[str]) -> None:
    """Gives every slide a title unique in the deck.

    A section's later slides with the same title get " (continued)", " (continued 2)"; a
    title already used by an earlier section gets " (2)", " (3)" first. ``taken`` counts the
    sections that used each base title so far; ``used`` holds every title given.
    """
    for slides in sections:
        bases: dict[str, str] = {}
        counts: dict[str, int] = {}
        for slide in slides:
            base = slide.title
            if base not in bases:
                prior = taken.get(base.casefold(), 0)
                bases[base] = base if prior == 0 else f"{base} ({prior + 1})"
            shown = bases[base]
            k = counts.get(base, 0)
            counts[base] = k + 1
            candidate = shown if k == 0 else f"{shown} (continued)" if k == 1 else f"{shown} (continued {k})"
            extra = 2
            unique = candidate
            while unique.casefold() in used:
                unique = f"{candidate} ({extra})"
                extra += 1
            used.add(unique.casefold())
            slide.title = unique
        for base in bases:
            taken[base.casefold()] = taken.get(base.casefold(), 0) + 1


def _finish(slides: list[SlidePlan], frames: Mapping[LayoutRole, Frame], m: Measurer) -> None:
    for slide in slides:
        where = f"Section '{slide.title}'" if slide.section_id else "The title slide"
        if slide.layout != "title":
            _fit_titles(slide, _frame(frames, slide.layout), m, where)


def plan_deck(
    project: Project,
    frames: Mapping[LayoutRole, Frame],
    fonts: ThemeFonts,
    section_frames: Mapping[int, Mapping[LayoutRole, Frame]] | None = None,
    section_layouts: Mapping[int, Mapping[LayoutRole, str]] | None = None,
) -> list[SlidePlan]:
    """Plans of every slide: the title slide, then every section in order.

    ``section_frames`` gives some sections (by index; :data:`COVER` for the title slide) other
    geometry to lay out in, and ``section_layouts`` the part names of the template layouts that
    geometry is of, per role: the candidates :mod:`.replan` tries. Titles are fitted to the
    section's own title boxes.
    """
    m = measurer(fonts)
    own = section_frames or {}
    cover = _cover(project, own.get(COVER, frames), m)
    cover.shapes += cover_logos(project.meta.logos, _frame(own.get(COVER, frames), "title"))
    per_section = [_section_slides(s, own.get(i, frames), m) for i, s in enumerate(project.sections)]
    for i, layouts in (section_layouts or {}).items():
        for slide in [cover] if i == COVER else per_section[i]:
            slide.layout_part = layouts.get(slide.layout)
    used = {cover.title.casefold()}
    _unique_titles(per_section, {cover.title.casefold(): 1}, used)
    slides = [cover] + [s for group in per_section for s in group]
    for i, group in enumerate(per_section):
        _finish(group, own.get(i, frames), m)
    if m.fallback_note:
        cover.adjustments.append(m.fallback_note)
    return slides


def plan_section(
    project: Project, section_index: int, frames: Mapping[LayoutRole, Frame], fonts: ThemeFonts
) -> list[SlidePlan]:
    """The slides of one section, titled as in the whole deck (for the live preview).

    Earlier sections are counted by their titles only (not laid out), so this stays fast;
    a rare clash with an earlier section's "(continued)" title may be resolved differently
    from :func:`plan_deck`.
    """
    m = measurer(fonts)
    section = project.sections[section_index]
    slides = _section_slides(section, frames, m)
    meta_title = plain_text(project.meta.title).casefold()
    taken: dict[str, int] = {meta_title: 1}
    used = {meta_title}
    for earlier in project.sections[:section_index]:
        bases = {plain_text(earlier.title)} | {
            plain_text(b.text) for b in earlier.blocks if isinstance(b, DividerBlock)
        }
        for base in bases:
            key = base.casefold()
            taken[key] = taken.get(key, 0) + 1
    # Titles earlier sections showed: their bases, numbered as plan_deck would number them.
    seen: dict[str, int] = {meta_title: 1}
    for earlier in project.sections[:section_index]:
        for base in {plain_text(earlier.title)} | {
            plain_text(b.text) for b in earlier.blocks if isinstance(b, DividerBlock)
        }:
            k = seen.get(base.casefold(), 0)
            used.add((base if k == 0 else f"{base} ({k + 1})").casefold())
            seen[base.casefold()] = k + 1
    _unique_titles([slides], taken, used)
    _finish(slides, frames, m)
    return slides


__all__ = ["COVER", "EMU_PER_INCH", "Para", "plan_deck", "plan_section"]
