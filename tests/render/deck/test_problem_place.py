"""A slide problem found in the written deck leads back to its section, block, slide and box."""

from __future__ import annotations

from pathlib import Path

import pytest
from corpus import mutate
from office import REPO
from pptx import Presentation

from neslis_desktop.model import Project
from neslis_desktop.render.deck import write_deck
from neslis_desktop.render.deck.inspect import inspect_deck, repair
from neslis_desktop.render.deck.preview import locate_problem, section_preview
from neslis_desktop.resources import bundled_deck_template
from neslis_desktop.store import load_project

EXAMPLE = REPO / "content" / "evidence-example"


def test_a_finding_carries_its_box_and_leads_to_its_block(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = load_project(EXAMPLE)
    source = mutate(bundled_deck_template(), "dark-background-only", tmp_path / "dark.pptx")
    monkeypatch.setattr(repair, "fix_contrast", lambda *args: 0)  # leave the unreadable text, to be found
    deck = tmp_path / "deck.pptx"
    write_deck(project, deck, template=source)
    findings = inspect_deck(deck).findings
    slides = list(Presentation(str(deck)).slides)
    boxed = [f for f in findings if f.box is not None]
    assert boxed, "the dark background should leave text the inspector flags"
    for f in boxed:
        named = [(sh.left, sh.top, sh.width, sh.height) for sh in slides[f.slide - 1].shapes if sh.name == f.shape]
        assert (f.box.x, f.box.y, f.box.w, f.box.h) in named
        assert f.slide_title == slides[f.slide - 1].shapes.title.text
    # The table's source line, on the section's second slide: the table is the section's block 1.
    si = next(i for i, s in enumerate(project.sections) if [b.kind for b in s.blocks] == ["chart", "table"])
    plans = section_preview(project, si, source).plans
    f = next(f for f in boxed if f.shape == "Source" and f.slide_title == plans[1].title)
    place = locate_problem(project, f, source)
    assert place is not None
    assert (place.section, place.block, place.slide) == (si, 1, 1)
    assert place.box in [s.box for s in plans[1].shapes if s.name == "Source"]  # where the plan put it


def test_every_planned_slide_names_the_block_it_shows(project: Project) -> None:
    seen = 0
    for si, section in enumerate(project.sections):
        plans = section_preview(project, si).plans
        blocks = [p.block for p in plans]
        if not section.blocks:
            continue
        assert all(b is not None and 0 <= b < len(section.blocks) for b in blocks), (section.id, blocks)
        assert blocks == sorted(blocks), (section.id, blocks)  # slides follow the blocks in order
        assert blocks[0] == 0
        seen += len(set(blocks))
    assert seen > len(project.sections)  # some sections show several blocks over their slides


def test_a_problem_on_the_second_of_two_sections_with_one_title_leads_to_that_section() -> None:
    from neslis_desktop.render.deck.inspect.findings import Finding
    from neslis_desktop.resources import bundled_project

    project = load_project(bundled_project())
    same = [i for i, s in enumerate(project.sections) if s.title == "Discussion questions"]
    assert len(same) == 2
    second = section_preview(project, same[1]).plans[0].title
    assert second == "Discussion questions (2)"
    finding = Finding(20, "Discussion questions", "", "near-empty", "…", slide_title=second)
    place = locate_problem(project, finding)
    assert place is not None and (place.section, place.slide) == (same[1], 0)
    first = Finding(19, "Discussion questions", "", "near-empty", "…", slide_title="Discussion questions")
    assert locate_problem(project, first).section == same[0]  # type: ignore[union-attr]
