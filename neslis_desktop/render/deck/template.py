"""Opening a deck template and finding what the deck needs in it: layouts, frames, theme.

Templates come from anywhere: our bundled one, a partner's corporate .pptx or .potx,
Pandoc's reference.pptx, LibreOffice exports. This module opens one safely (the template
guard first; a .potx relabelled in memory), removes its sample slides cleanly
(:func:`~neslis_desktop.render.deck.oxml.slides.remove_slides`), and puts
together what the writer and the preview need: the layout per role
(:mod:`~neslis_desktop.render.deck.layout_choice`), the frames
(:mod:`~neslis_desktop.render.deck.oxml.placeholders`), and the theme's fonts and colours.
Where sample slides (or, in LibreOffice's exports, the master) show that the layouts'
own placeholder boxes mislead, the true boxes are kept as placements for the writer.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

from pptx import Presentation
from pptx.presentation import Presentation as PresentationObj
from pptx.slide import SlideLayout

from neslis_desktop.errors import TemplateError
from neslis_desktop.render.deck.layout_choice import ROLES, all_layouts, choose_layouts
from neslis_desktop.render.deck.layout_geometry import clear_of_title, frame_problem, narrow_title, title_on_top
from neslis_desktop.render.deck.oxml import theme
from neslis_desktop.render.deck.oxml.ns import NS
from neslis_desktop.render.deck.oxml.placeholders import (
    BODY_TYPES,
    GAP,
    Placements,
    layout_frame,
    master_rect,
    own_rect,
    ph_elements,
    ph_types,
)
from neslis_desktop.render.deck.oxml.shapes import element
from neslis_desktop.render.deck.oxml.slides import remove_slides
from neslis_desktop.render.deck.picture_layout import find_picture_layout
from neslis_desktop.render.deck.plan import Frame, LayoutRole, ThemeFonts
from neslis_desktop.render.package import relabel_main_part
from neslis_desktop.render.template_guard import check_template
from neslis_desktop.resources import bundled_deck_template

_CONTENT_TYPES = {
    "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml",
    "application/vnd.openxmlformats-officedocument.presentationml.slideshow.main+xml",
}
_PRESENTATION_TYPE = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"


@dataclass
class DeckTemplate:
    """An opened template: the presentation, the layout chosen per role and its geometry."""

    path: Path
    prs: PresentationObj
    layouts: dict[LayoutRole, SlideLayout]
    frames: dict[LayoutRole, Frame]
    fonts: ThemeFonts
    palette: dict[str, str]
    messages: list[str] = field(default_factory=list)
    placements: dict[str, Placements] = field(default_factory=dict)
    """Per layout part name: placeholder boxes the writer must set, where the layout's own mislead."""
    samples: dict[str, Placements] = field(default_factory=dict)
    """Per layout part name: where the template's own sample slides put title and body."""
    from_libreoffice: bool = False
    """Saved by LibreOffice: layouts without a sample slide take the master's boxes."""
    alternates: dict[str, SlideLayout] = field(default_factory=dict)
    """Per layout part name: layouts other than the role's own that re-planned sections use
    (see :mod:`.layout_alternatives`); a plan names one in ``SlidePlan.layout_part``."""

    @property
    def slide_w(self) -> int:
        return int(self.prs.slide_width or 0)

    @property
    def slide_h(self) -> int:
        return int(self.prs.slide_height or 0)


# --- opening ----------------------------------------------------------------------------------


def open_presentation(path: Path) -> PresentationObj:
    """Check ``path`` with the template guard and open it (a .potx too) with python-pptx."""
    path = Path(path)
    check_template(path, "pptx")
    try:
        data = relabel_main_part(path.read_bytes(), _CONTENT_TYPES, _PRESENTATION_TYPE)
        prs = Presentation(io.BytesIO(data))
    except TemplateError:
        raise
    except Exception as exc:  # python-pptx raises KeyError, ValueError, lxml errors ... on damaged parts
        raise TemplateError(
            f"The template {path.name} could not be read as a PowerPoint presentation or template "
            f"({type(exc).__name__}: {exc}). Open it in PowerPoint, save it again as .pptx and pick it again."
        ) from None
    return prs


# --- all together -----------------------------------------------------------------------------


def load_template(path: Path | None = None) -> DeckTemplate:
    """Open ``path`` (the bundled template if ``None``), remove its slides and inspect it."""
    path = Path(path) if path is not None else bundled_deck_template()
    prs = open_presentation(path)
    sample_layouts = [slide.slide_layout for slide in prs.slides]
    sample_places = _sample_placements(prs)
    remove_slides(prs)
    layouts, messages = choose_layouts(prs, path, sample_layouts, sample_places)
    slide_w, slide_h = int(prs.slide_width or 0), int(prs.slide_height or 0)
    if slide_w <= 0 or slide_h <= 0:
        raise TemplateError(f"The template {path.name} has no valid slide size.")
    from_libreoffice = _made_by_libreoffice(prs)
    placements: dict[str, Placements] = {}
    for layout in layouts.values():
        key = str(layout.part.partname)
        if key in sample_places:
            placements[key] = sample_places[key]
        elif from_libreoffice:
            placements[key] = master_placements(layout)
    frames = {
        role: layout_frame(layouts[role], role, slide_w, slide_h, placements.get(str(layouts[role].part.partname)))
        for role in ROLES
    }
    messages += _by_geometry(prs, path, layouts, frames, placements)
    pictures = find_picture_layout(prs)  # pictures go in its picture placeholder (issue 12)
    if pictures is not None:
        layouts["picture"], frames["picture"] = pictures.layout, pictures.frame
    master = layouts["content"].slide_master
    return DeckTemplate(
        path=path,
        prs=prs,
        layouts=layouts,
        frames=frames,
        fonts=theme.fonts(master),
        palette=theme.palette(master),
        messages=messages,
        placements=placements,
        samples=sample_places,
        from_libreoffice=from_libreoffice,
    )


_PLACED_TYPES = ("title", "ctrTitle", "subTitle", "body", "obj")


def _sample_placements(prs: PresentationObj) -> dict[str, Placements]:
    """Where the template's own sample slides put their title and body, per layout part name.

    A designer's sample slide shows where text really goes; LibreOffice's exports in particular
    give every layout the same generic boxes and put the true ones on the slides.
    """
    found: dict[str, Placements] = {}
    for slide in prs.slides:
        places = found.setdefault(str(slide.slide_layout.part.partname), {})
        for sp, t in ph_elements(element(slide)):
            rect = own_rect(sp)
            if t in _PLACED_TYPES and rect is not None and rect.w > 0 and rect.h > 0:
                places.setdefault(t, rect)
    return {key: places for key, places in found.items() if places}


def master_placements(layout: SlideLayout) -> Placements:
    """The master's title and body boxes for ``layout``'s title, subtitle and body (LibreOffice's own rule)."""
    places: Placements = {}
    for _, t in ph_elements(element(layout)):
        if t in _PLACED_TYPES:
            rect = master_rect(layout.slide_master, t)
            if rect is not None:
                places[t] = rect
    return places


def geometry_frame(layout: SlideLayout, role: LayoutRole, w: int, h: int, places: Placements | None) -> Frame:
    """The frame ``layout`` gives a ``role`` slide; a layout with a body lends its body to diagrams."""
    has_body = any(t in BODY_TYPES for t in ph_types(layout))
    return layout_frame(layout, "content" if role == "title_only" and has_body else role, w, h, places)


def _by_geometry(
    prs: PresentationObj,
    path: Path,
    layouts: dict[LayoutRole, SlideLayout],
    frames: dict[LayoutRole, Frame],
    placements: dict[str, Placements],
) -> list[str]:
    """Content and diagram slides get a layout whose geometry serves, whatever the names said.

    In order: the chosen layout with its sample slide's boxes, the same layout with its own
    boxes, its title narrowed clear of a fixed box over it, another layout of the template
    (the largest body that passes), for text slides the diagram layout with a text box, and
    last the chosen layout with its body moved clear of its title. Each change is reported.
    """
    messages: list[str] = []
    w, h = int(prs.slide_width or 0), int(prs.slide_height or 0)
    for role in ("title_only", "content"):
        layout = layouts[role]
        key = str(layout.part.partname)
        problem = frame_problem(frames[role], layout)
        if problem is None:
            continue
        if key in placements:
            own = layout_frame(layout, role, w, h, None)
            if frame_problem(own, layout) is None:
                frames[role] = own
                shared = any(layouts[r] is layout and r != role for r in ROLES)
                if not shared:
                    del placements[key]
                continue
        narrowed = narrow_title(frames[role], layout, GAP)
        if narrowed is not None and frame_problem(narrowed, layout) is None:
            frames[role] = narrowed
            placements.setdefault(key, {})["title"] = narrowed.title
            messages.append(
                f"Template {path.name}: titles of {_USE_BY[role]} were narrowed to keep clear of a "
                "fixed box of the template."
            )
            continue
        best: tuple[int, SlideLayout, Frame] | None = None
        for other in all_layouts(prs):
            if other is layout or not serves(other, role):
                continue
            places = placements.get(str(other.part.partname))
            frame = geometry_frame(other, role, w, h, places)
            if frame_problem(frame, other) is None and (best is None or frame.body.w * frame.body.h > best[0]):
                best = (frame.body.w * frame.body.h, other, frame)
        if best is not None:
            layouts[role], frames[role] = best[1], best[2]
            messages.append(
                f"Template {path.name}: the layout '{layout.name}' does not serve {_USE_BY[role]} ({problem}); "
                f"used '{best[1].name}'."
            )
            continue
        if role == "content" and frame_problem(frames["title_only"], layouts["title_only"]) is None:
            # Text goes into a text box in the diagram slides' area (the writer's rule without a body).
            layouts[role], frames[role] = layouts["title_only"], frames["title_only"]
            messages.append(
                f"Template {path.name}: the layout '{layout.name}' does not serve text slides ({problem}); "
                f"text slides use '{layouts[role].name}' with a text box."
            )
            continue
        cleared = clear_of_title(frames[role], GAP)
        if frame_problem(cleared, None) is None:
            frames[role] = cleared
            messages.append(
                f"Template {path.name}: no layout serves {_USE_BY[role]} well ({problem}); the text was placed "
                "clear of the title, so check these slides."
            )
            continue
        frames[role] = moved = title_on_top(frames[role], GAP)
        places = placements.setdefault(key, {})
        places["title"] = moved.title
        body_type = next((t for t in ph_types(layout) if t in BODY_TYPES), None)
        if body_type is not None:
            places[body_type] = moved.body
        messages.append(
            f"Template {path.name}: no layout serves {_USE_BY[role]} ({problem}); their title was moved to the "
            "top of the slide to make room."
        )
    return messages


_VERTICAL = ("vertTx", "vertTitleAndTx", "vertTitleAndTxOverChart")


def serves(layout: SlideLayout, role: LayoutRole) -> bool:
    """Whether ``layout`` has what a ``role`` slide needs: one title, no vertical text, a body for text."""
    types = ph_types(layout)
    if not any(t in ("title", "ctrTitle") for t in types) or element(layout).get("type") in _VERTICAL:
        return False
    if element(layout).find(".//a:bodyPr[@vert]", NS) is not None:
        return False
    bodies = [t for t in types if t in BODY_TYPES]
    others = [t for t in types if t not in ("title", "ctrTitle", "dt", "ftr", "sldNum", *BODY_TYPES)]
    if role == "content":
        return len(bodies) == 1 and not others
    return len(bodies) <= 1 and not others


_USE_BY: dict[str, str] = {"content": "text slides", "title_only": "diagram slides"}


def _made_by_libreoffice(prs: PresentationObj) -> bool:
    for part in prs.part.package.iter_parts():
        if str(part.partname) == "/docProps/app.xml":
            return b"LibreOffice" in part.blob
    return False
