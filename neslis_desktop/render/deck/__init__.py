"""The engagement deck: a slide plan computed from content and template, drawn with python-pptx.

:func:`write_deck` opens the template (checked by the template guard first), finds its
layouts and their geometry, asks the planner for slide plans fitted to that geometry and
the theme's fonts, and draws them. The returned messages (text shrunk, slides continued,
layouts substituted) go into the build report.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from neslis_desktop.model import Project

if TYPE_CHECKING:  # python-pptx is loaded only when a deck is built
    from pptx.presentation import Presentation as PresentationObj

    from neslis_desktop.render.deck.inspect.facts import SlideFacts
    from neslis_desktop.render.deck.plan import Frame, LayoutRole, SlidePlan
    from neslis_desktop.render.deck.template import DeckTemplate


def write_deck(project: Project, target: Path, template: Path | None = None) -> list[str]:
    """Write the deck of ``project`` to ``target``; returns the adjustments made (to report).

    ``template`` defaults to the bundled 16:9 template. Raises
    :class:`~neslis_desktop.errors.TemplateError` for a template that cannot serve.
    """
    built = build_deck(project, template)
    built.prs.save(str(target))
    return built.messages


class BuiltDeck:
    """A deck drawn in memory: the presentation, its slide plans (one per slide), the messages,
    the template's own geometry (what the plans were fitted to, before any re-planning), and
    the template as loaded (its other layouts are what re-planning tries)."""

    def __init__(
        self,
        prs: PresentationObj,
        plans: list[SlidePlan],
        messages: list[str],
        frames: dict[LayoutRole, Frame],
        template: DeckTemplate,
        *,
        facts: list[SlideFacts] | None = None,
    ) -> None:
        self.prs = prs
        self.plans = plans
        self.messages = messages
        self.frames = frames
        self.template = template
        self.facts = facts
        """The slides as the inspector reads them, after the repairs (so it need not read them again)."""


def build_deck(
    project: Project,
    template: Path | None = None,
    section_frames: Mapping[int, Mapping[LayoutRole, Frame]] | None = None,
    section_layouts: Mapping[int, Mapping[LayoutRole, str]] | None = None,
) -> BuiltDeck:
    """Plan and draw the deck of ``project`` in memory (what :func:`write_deck` saves).

    ``section_frames``: other geometry for some sections, by index; ``section_layouts``: the
    part names of other layouts of the template those sections are drawn on, per role (see
    :mod:`.replan` and :mod:`.layout_alternatives`).
    """
    from neslis_desktop.render.deck import font_widths
    from neslis_desktop.render.deck.inspect.read import reread, slide_facts
    from neslis_desktop.render.deck.inspect.repair import fix_contrast, fix_footers
    from neslis_desktop.render.deck.planner import plan_deck
    from neslis_desktop.render.deck.template import load_template
    from neslis_desktop.render.deck.writer import draw_deck

    deck_template = load_template(template)
    if section_layouts:
        from neslis_desktop.render.deck.layout_alternatives import use_layouts

        use_layouts(deck_template, {part for parts in section_layouts.values() for part in parts.values()})
    plans = plan_deck(project, deck_template.frames, deck_template.fonts, section_frames, section_layouts)
    messages = list(deck_template.messages)
    for plan in plans:
        messages += plan.adjustments
    messages += draw_deck(deck_template, plans, project)
    # Footers too long for the template's footer box are set smaller, to stay on one line.
    facts = slide_facts(deck_template.prs)  # read once for both repairs (footers first: sizes count)
    touched: set[int] = set()
    if fix_footers(deck_template.prs, facts, touched):
        messages.append("Footer text was set smaller to fit the template's footer boxes.")
    # Text the template's colours leave unreadable gets the theme's most contrasting colour
    # (or, on a box's own fill no text colour reads on, the box another of its colour pairs).
    recoloured = fix_contrast(deck_template.prs, facts, touched)
    if recoloured:
        messages.append(
            f"Text in {recoloured} box{'es' if recoloured != 1 else ''} took another of the theme's colours "
            "(with its box's fill, where no text colour read on that) to be readable against its fill or background."
        )
    facts = reread(deck_template.prs, facts, touched)  # what the repairs changed, as it now reads
    font_widths.save()  # the words measured for the first time, for the next run
    return BuiltDeck(deck_template.prs, plans, messages, dict(deck_template.frames), deck_template, facts=facts)
