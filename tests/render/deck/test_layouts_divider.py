"""Dividers use the section layout with their big text as the title, unique across the deck."""

from __future__ import annotations

import pytest
from test_planner_support import FONTS, SLIDE_SIZES, check_deck, frames

from neslis_desktop.model.blocks import DividerBlock
from neslis_desktop.model.project import Project, ProjectMeta, Section
from neslis_desktop.render.deck.planner import plan_deck


@pytest.mark.parametrize("size", list(SLIDE_SIZES))
def test_dividers_are_section_slides_with_unique_titles(size: str) -> None:
    sections = [
        Section(id=f"q{i}", title="Questions?", blocks=[DividerBlock(subtitle="Over to you" if i == 0 else None)])
        for i in range(3)
    ]
    project = Project(meta=ProjectMeta(title="Deck", organisation="Org"), sections=sections)
    fr = frames(size)
    slides = plan_deck(project, fr, FONTS)
    check_deck(slides, fr)
    dividers = slides[1:]
    assert [s.layout for s in dividers] == ["section"] * 3
    assert [s.title for s in dividers] == ["Questions?", "Questions? (2)", "Questions? (3)"]
    assert dividers[0].subtitle == "Over to you" and dividers[1].subtitle is None
    assert all(s.title_style is not None and s.title_style.size_pt >= 20 for s in dividers)


def test_a_very_long_divider_title_shrinks_but_not_below_20_pt() -> None:
    text = "A divider with a very long text that goes on and on about the questions " * 3
    project = Project(
        meta=ProjectMeta(title="Deck", organisation="Org"),
        sections=[Section(id="d", title="D", blocks=[DividerBlock(text=text[:290])])],
    )
    slides = plan_deck(project, frames("4:3"), FONTS)
    style = slides[1].title_style
    assert style is not None and 20 <= style.size_pt < 40
