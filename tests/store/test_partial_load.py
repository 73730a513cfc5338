"""A project with one broken file opens anyway: the other sections load, the broken file is
listed with its message, and saving keeps it listed and never touches it."""

from __future__ import annotations

from pathlib import Path

import pytest
from handwritten import write_by_hand

from neslis_desktop.errors import ContentError, OutputError
from neslis_desktop.model import Section
from neslis_desktop.store import load_project, load_project_partial, save_project

BROKEN = "title: Governance\nblocks:\n- kind: orgchart\n  nodes:\n  - id: board\n\ttitle: LEP Board\n"


def test_broken_section_leaves_the_others_loaded(hand_dir: Path) -> None:
    broken = hand_dir / "sections" / "governance.yaml"
    write_by_hand(hand_dir, {"sections/governance.yaml": BROKEN})
    result = load_project_partial(hand_dir)
    assert result.project is not None and not result.ok
    assert [s.id for s in result.project.sections] == ["intro"]
    assert result.project.meta.title == "Hand-written strategy"
    assert result.broken_files() == [
        (
            broken,
            (
                "line 6, field 'title': is not valid YAML: this line is indented with a tab, "
                "and YAML indents with spaces "
                "only; replace the tab with spaces. The line: [tab]title: LEP Board"
            ),
        )
    ]
    assert result.unloaded == {"governance": 1}
    with pytest.raises(ContentError):
        result.require()


def test_saving_a_partial_project_keeps_the_broken_file_and_its_place(hand_dir: Path) -> None:
    write_by_hand(hand_dir, {"sections/governance.yaml": BROKEN})
    result = load_project_partial(hand_dir)
    assert result.project is not None
    project = result.project
    project.sections.insert(0, Section(id="foreword", title="Foreword"))
    save_project(project, hand_dir, keep=result.unloaded)
    assert (hand_dir / "sections" / "governance.yaml").read_text("utf-8") == BROKEN
    assert "sections:\n- foreword\n- governance\n- intro\n" in (hand_dir / "project.yaml").read_text("utf-8")
    # Once repaired by hand, the whole project opens.
    write_by_hand(hand_dir, {"sections/governance.yaml": BROKEN.replace("\t", "    ")})
    assert [s.id for s in load_project(hand_dir).sections] == ["foreword", "governance", "intro"]


def test_a_section_may_not_take_the_id_of_an_unloaded_one(hand_dir: Path) -> None:
    write_by_hand(hand_dir, {"sections/governance.yaml": BROKEN})
    result = load_project_partial(hand_dir)
    assert result.project is not None
    result.project.sections.append(Section(id="governance", title="Governance again"))
    with pytest.raises(OutputError, match="saving would overwrite it"):
        save_project(result.project, hand_dir, keep=result.unloaded)
    assert (hand_dir / "sections" / "governance.yaml").read_text("utf-8") == BROKEN


def test_broken_project_file_gives_no_project(hand_dir: Path) -> None:
    write_by_hand(hand_dir, {"project.yaml": "schema_version: 2\ntitle: ''\norganisation: Test LEP\n"})
    result = load_project_partial(hand_dir)
    assert result.project is None
    assert [str(p) for p in result.problems] == [
        f"{hand_dir / 'project.yaml'}, line 2, field 'title': must not be empty; write some text or remove the item"
    ]
