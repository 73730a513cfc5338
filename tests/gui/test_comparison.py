"""The outline's marks worked out from a diff: which sections and blocks are marked, and why."""

from __future__ import annotations

from typing import Any

from neslis_desktop.gui.comparison import Comparison, marks_of
from neslis_desktop.model import Project
from neslis_desktop.model.diff import diff_projects
from neslis_desktop.model.edits import clone


def _marks(old: Project, new: Project) -> Any:
    return marks_of(diff_projects(old, new))


def test_a_tag_or_a_removed_block_marks_the_section_but_no_block(project: Project) -> None:
    new = clone(project)
    new.sections[0].tags = ["context", "board"]
    del new.sections[1].blocks[2]
    marks = _marks(project, new)
    assert set(marks.sections) == {"uk-industrial-strategy", "productivity"}
    assert marks.blocks == {}
    assert any("Removed paragraph" in line for line in marks.sections["productivity"])
    assert any('tag "board"' in line for line in marks.sections["uk-industrial-strategy"])


def test_a_card_moved_between_sections_marks_it_where_it_is_now(project: Project) -> None:
    new = clone(project)
    card_block = new.sections[8].blocks.pop(1)
    new.sections[9].blocks.insert(0, card_block)
    marks = _marks(project, new)
    assert ("health-life-sciences-north-east", 0) in marks.blocks
    assert any("here from" in line for line in marks.blocks[("health-life-sciences-north-east", 0)])
    assert "industrial-strategy-health" in marks.sections  # it went from there
    assert not any(sid == "industrial-strategy-health" for sid, _ in marks.blocks)


def test_comparing_follows_the_project_and_stops(qapp: Any, project: Project) -> None:
    current = clone(project)
    comparison = Comparison(lambda: current)
    assert comparison.section_mark("productivity") is None
    comparison.start(project, "board")
    assert comparison.section_mark("productivity") is None
    current.sections[1].blocks.reverse()
    comparison.refresh()
    tip = comparison.block_mark("productivity", 0)
    assert tip is not None and tip.startswith('Changed since "board"')
    comparison.stop()
    assert comparison.block_mark("productivity", 0) is None and not comparison.active
    comparison.schedule()  # not comparing: nothing to work out
    assert comparison.diff is None
