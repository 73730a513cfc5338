"""The live preview of one section's slides, as the deck will draw them, for the editor.

The editor redraws the preview on every keystroke, so opening and inspecting the template
(layouts, frames, theme colours and fonts) is done once per template file and kept until
the file changes (path + modification time + size); each preview then costs only planning.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from neslis_desktop.model import Project
from neslis_desktop.model.inline import plain_text
from neslis_desktop.render.deck.plan import Frame, LayoutRole, Rect, SlidePlan, ThemeFonts
from neslis_desktop.resources import bundled_deck_template

if TYPE_CHECKING:  # the inspector (and python-pptx) only when a problem is located, not at the app's start
    from neslis_desktop.render.deck.inspect.findings import Finding


@dataclass(frozen=True)
class TemplateLook:
    """What a preview needs from a template: geometry, colours and fonts (no python-pptx objects)."""

    slide_w: int
    slide_h: int
    frames: dict[LayoutRole, Frame]
    palette: dict[str, str]
    fonts: ThemeFonts
    messages: tuple[str, ...] = ()


@dataclass
class SectionPreview:
    """The plans of one section's slides, with the slide size, theme colours and fonts to draw them."""

    plans: list[SlidePlan]
    slide_w: int
    slide_h: int
    palette: dict[str, str]
    """Theme colour name (``accent1`` ... ``accent6``, ``tx1``, ``tx2``, ``bg1``, ``bg2``) -> ``#RRGGBB``."""
    fonts: ThemeFonts


def template_look(template: Path | None = None) -> TemplateLook:
    """The inspected template, cached per file and its modification time."""
    path = Path(template) if template is not None else bundled_deck_template()
    try:
        stat = path.stat()
        stamp = (stat.st_mtime_ns, stat.st_size)
    except OSError:
        stamp = (0, 0)  # load_template reports the missing file
    return _inspect(str(path.resolve()), stamp)


@lru_cache(maxsize=8)
def _inspect(path: str, stamp: tuple[int, int]) -> TemplateLook:
    from neslis_desktop.render.deck.template import load_template

    del stamp  # part of the cache key only
    deck_template = load_template(Path(path))
    return TemplateLook(
        slide_w=deck_template.slide_w,
        slide_h=deck_template.slide_h,
        frames=dict(deck_template.frames),
        palette=dict(deck_template.palette),
        fonts=deck_template.fonts,
        messages=tuple(deck_template.messages),
    )


def section_preview(project: Project, section_index: int, template: Path | None = None) -> SectionPreview:
    """Plan the slides of ``project.sections[section_index]`` for the preview."""
    from neslis_desktop.render.deck.planner import plan_section

    look = template_look(template)
    plans = plan_section(project, section_index, look.frames, look.fonts)
    return SectionPreview(
        plans=plans, slide_w=look.slide_w, slide_h=look.slide_h, palette=dict(look.palette), fonts=look.fonts
    )


@dataclass(frozen=True)
class ProblemPlace:
    """Where a slide problem is in the content: section, block, the section's slide, and the box."""

    section: int
    block: int | None
    slide: int
    """The slide's place among the section's slides (0-based), as the preview draws them."""
    box: Rect | None


def locate_problem(project: Project, finding: Finding, template: Path | None = None) -> ProblemPlace | None:
    """Find ``finding``'s section, block and box by planning its section again; ``None`` if it is gone.

    The written slide is found among the section's plans by its title (the planner titles the
    preview's slides as in the deck); the block is the one that slide was planned from.
    """
    # Several sections may share a title (the bundled deck has two "Discussion questions"):
    # the one whose slides include the finding's own slide title is it; else the first of them.
    first: ProblemPlace | None = None
    for si, section in enumerate(project.sections):
        if plain_text(section.title) != finding.section:
            continue
        plans = section_preview(project, si, template).plans
        slide = next((n for n, p in enumerate(plans) if p.title == finding.slide_title), None)
        if slide is not None:
            return ProblemPlace(si, plans[slide].block, slide, finding.box)
        if first is None:
            first = ProblemPlace(si, plans[0].block if plans else None, 0, finding.box)
    return first
