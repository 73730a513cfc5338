"""Divider slides ("Questions?"): the template's section layout, big text and a subtitle."""

from __future__ import annotations

from neslis_desktop.model.blocks import DividerBlock
from neslis_desktop.model.inline import plain_text
from neslis_desktop.render.deck.plan import SlidePlan


def plan_divider(block: DividerBlock, section_id: str) -> SlidePlan:
    """The divider's slide; its title is fitted (and made unique) by the planner."""
    return SlidePlan(
        "section",
        plain_text(block.text),
        subtitle=plain_text(block.subtitle) if block.subtitle else None,
        notes=block.notes,
        section_id=section_id,
    )
