"""The template's other layouts a section can be laid out on, when its first one leaves problems.

The loader picks one layout per role (:mod:`.template`); the inspector may still find a
section's slides overflowing it, because the layout's title box is small (Candy's, a quarter
of the slide wide) or its title sits mid-slide (Blue Curve's first master). Many templates,
LibreOffice's in particular, hold several masters, each with its own "Title, Content" and
"Title Only". :func:`alternatives` lists those that could serve the role, by the same geometry
rules the loader uses (:func:`~.layout_geometry.frame_problem`: a body large enough, clear of
the title and of fixed boxes), each with its frame computed as the loader computes the chosen
layout's; none with more of its text on a photograph or a see-through fill than the chosen
layout has, plain ones first, then the most room.
:mod:`.replan` tries them; :func:`use_layouts` readies a freshly loaded template to draw the
ones chosen.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from lxml import etree
from pptx.slide import SlideLayout

from neslis_desktop.render.deck.layout_choice import all_layouts, fits
from neslis_desktop.render.deck.layout_geometry import frame_problem, overlap
from neslis_desktop.render.deck.oxml.ns import NS
from neslis_desktop.render.deck.oxml.placeholders import Placements, layout_frame
from neslis_desktop.render.deck.oxml.shapes import element
from neslis_desktop.render.deck.plan import Frame, LayoutRole, Rect
from neslis_desktop.render.deck.template import DeckTemplate, geometry_frame, master_placements, serves

ROLES: tuple[LayoutRole, ...] = ("content", "title_only")
"""The roles whose slides hold a section's body: text slides and diagram slides (and the title
slide's, ``"title"``, tried for the title slide)."""
MAX_PER_ROLE = 3
"""At most this many other layouts per role are tried (the ones giving the most room)."""
MAX_MORE_PICTURE = 0.02
"""An other layout may show a picture behind this much more of its text area than the chosen one."""


@dataclass(frozen=True)
class Alternative:
    """Another layout of the template for a role, and the frame it gives that role's slides."""

    role: LayoutRole
    layout: SlideLayout
    frame: Frame

    @property
    def part(self) -> str:
        """The layout's part name, which names it across loads of the same template."""
        return str(self.layout.part.partname)

    def describe(self, template: DeckTemplate) -> str:
        """The layout's name, with its master's number where several masters have one so named."""
        masters = list(template.prs.slide_masters)
        same_name = [m for m in masters if any(layout.name == self.layout.name for layout in m.slide_layouts)]
        if len(same_name) < 2:
            return f"'{self.layout.name}'"
        number = next(n for n, m in enumerate(masters, start=1) if m.part is self.layout.slide_master.part)
        return f"'{self.layout.name}' of master {number}"


def placements_for(template: DeckTemplate, layout: SlideLayout) -> Placements | None:
    """The boxes the writer sets on ``layout``'s placeholders, as the loader would choose them."""
    key = str(layout.part.partname)
    if key in template.placements:
        return template.placements[key]
    if key in template.samples:
        return template.samples[key]
    return master_placements(layout) if template.from_libreoffice else None


def alternatives(template: DeckTemplate, role: LayoutRole, limit: int = MAX_PER_ROLE) -> list[Alternative]:
    """Other layouts of ``template`` that serve ``role`` by geometry, the most room first.

    ``role`` is one of :data:`ROLES`, or ``"title"`` for the title slide (a layout with a
    title and a subtitle whose boxes do not overlap and no fixed box covers).

    Layouts giving the same frame as the chosen one, or as one already listed (LibreOffice
    repeats each layout per master), are left out: they would give the same slides.
    """
    chosen = template.layouts[role]
    cover = role == "title"
    # Text on a photograph (Candy's first master) or a see-through glow (Lights' second) is hard
    # to read, and the inspector cannot judge its contrast: no layout with more of its text area
    # on one than the chosen one's is offered, and of layouts giving the same frame, the least.
    allowed = pictured_share(chosen, template.frames[role]) + MAX_MORE_PICTURE
    by_frame: dict[Frame, tuple[float, Alternative]] = {}
    for layout in all_layouts(template.prs):
        if layout.part is chosen.part or not (fits(layout, role) if cover else serves(layout, role)):
            continue
        places = placements_for(template, layout)
        w, h = template.slide_w, template.slide_h
        frame = layout_frame(layout, role, w, h, places) if cover else geometry_frame(layout, role, w, h, places)
        if frame == template.frames[role] or frame_problem(frame, layout, needs_body=not cover) is not None:
            continue
        pictured = pictured_share(layout, frame)
        if pictured <= allowed and (frame not in by_frame or pictured < by_frame[frame][0]):
            by_frame[frame] = (pictured, Alternative(role, layout, frame))

    def rank(item: tuple[float, Alternative]) -> tuple[float, int, int]:
        pictured, alternative = item
        body, title = alternative.frame.body, alternative.frame.title
        return -pictured, body.w * body.h, title.w * title.h

    return [alternative for _, alternative in sorted(by_frame.values(), key=rank, reverse=True)[:limit]]


def pictured_share(layout: SlideLayout, frame: Frame) -> float:
    """The share (0 to 1) of ``frame``'s title and body areas that ``layout`` shows a picture
    (or a see-through fill) behind: see :func:`picture_behind`."""
    areas = [frame.title, frame.body]
    total = sum(r.w * r.h for r in areas)
    return sum(min(picture_behind(layout, r), r.w * r.h) for r in areas) / max(total, 1)


def picture_behind(layout: SlideLayout, area: Rect) -> int:
    """How much of ``area`` (EMU²) a slide of ``layout`` shows a picture or a see-through fill behind.

    Pictures (placed, or the background's) and fills with an ``alpha`` (a white glow over a
    dark gradient, in Lights' second master): the colour behind text there is not what the
    file's colours say, so contrast found good there may not be.
    """
    owners = [element(layout)]
    if element(layout).get("showMasterSp", "1") not in ("0", "false"):
        owners.append(element(layout.slide_master))
    covered = 0
    for owner in owners:
        for shape in owner.iterfind("p:cSld/p:spTree//*", NS):
            if etree.QName(shape).localname not in ("pic", "sp") or shape.find("./*/p:nvPr/p:ph", NS) is not None:
                continue
            if etree.QName(shape).localname == "sp" and shape.find("p:spPr/*//a:alpha", NS) is None:
                continue
            xfrm = shape.find("p:spPr/a:xfrm", NS)
            off, ext = (xfrm.find("a:off", NS), xfrm.find("a:ext", NS)) if xfrm is not None else (None, None)
            if off is not None and ext is not None:
                rect = Rect(int(off.get("x", 0)), int(off.get("y", 0)), int(ext.get("cx", 0)), int(ext.get("cy", 0)))
                covered += overlap(rect, area)
    background = element(layout).find("p:cSld/p:bg", NS)
    if background is None:
        background = element(layout.slide_master).find("p:cSld/p:bg", NS)
    if background is not None and background.find("p:bgPr/a:blipFill", NS) is not None:
        covered += area.w * area.h
    return covered


def use_layouts(template: DeckTemplate, parts: Iterable[str]) -> None:
    """Make the layouts named by ``parts`` drawable: known to the writer, with their placements."""
    by_part = {str(layout.part.partname): layout for layout in all_layouts(template.prs)}
    for part in parts:
        layout = by_part[part]
        template.alternates[part] = layout
        places = placements_for(template, layout)
        if places:
            template.placements.setdefault(part, places)
