"""The project document and the outline operations, without a window: each operation's command is
pushed on a bare QUndoStack, the document checked, undone, checked again; the document's
signals say exactly what changed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QUndoStack

from neslis_desktop.gui import outline_ops as ops
from neslis_desktop.gui.document import ProjectDocument
from neslis_desktop.model import Project, Section, edits
from neslis_desktop.store import load_project


@pytest.fixture
def doc(qapp: Any, project: Project) -> ProjectDocument:
    return ProjectDocument(project)


def dump(doc: ProjectDocument) -> dict[str, Any]:
    return doc.project.model_dump(mode="json")


def record(doc: ProjectDocument) -> list[tuple[Any, ...]]:
    """Every fine-grained signal the document emits, in order."""
    seen: list[tuple[Any, ...]] = []
    for name in (
        "section_inserted",
        "section_removed",
        "section_moved",
        "section_changed",
        "block_inserted",
        "block_removed",
        "block_moved",
        "block_changed",
        "meta_changed",
    ):
        getattr(doc, name).connect(lambda *args, n=name: seen.append((n, *args)))
    return seen


def push_undo_redo(doc: ProjectDocument, op: ops.Op | None) -> dict[str, Any]:
    assert op is not None
    stack = QUndoStack()
    before = dump(doc)
    stack.push(op.command)
    after = dump(doc)
    assert after != before
    Project.model_validate(after)  # still a valid project (ids unique...)
    stack.undo()
    assert dump(doc) == before
    stack.redo()
    assert dump(doc) == after
    return after


def test_add_section_after_the_current_one_with_a_fresh_id(doc: ProjectDocument) -> None:
    seen = record(doc)
    op = ops.add_section(doc, (1, 0))
    after = push_undo_redo(doc, op)
    assert op.select == (2, None)
    assert after["sections"][2]["title"] == "New section"
    assert seen == [("section_inserted", 2), ("section_removed", 2), ("section_inserted", 2)]
    again = ops.add_section(doc, None)
    QUndoStack().push(again.command)
    assert doc.project.sections[-1].id == "new-section-2"


def test_add_block_goes_after_the_current_block_or_makes_a_section(doc: ProjectDocument) -> None:
    op = ops.add_block(doc, (0, 0), "timeline")
    after = push_undo_redo(doc, op)
    assert after["sections"][0]["blocks"][1]["kind"] == "timeline" and op.select == (0, 1)
    op = ops.add_block(doc, (3, None), "questions")
    after = push_undo_redo(doc, op)
    assert after["sections"][3]["blocks"][-1]["kind"] == "questions"
    empty = ProjectDocument(Project(meta=doc.project.meta, sections=[]))
    op = ops.add_block(empty, None, "paragraph")
    after = push_undo_redo(empty, op)
    assert [b["kind"] for b in after["sections"][0]["blocks"]] == ["paragraph"] and op.select == (0, 0)


def test_delete_several_is_one_step_and_a_sections_blocks_go_with_it(doc: ProjectDocument) -> None:
    n = len(doc.project.sections)
    op = ops.delete(doc, [(0, 1), (0, 0), (2, None), (2, 0)])
    after = push_undo_redo(doc, op)
    assert len(after["sections"]) == n - 1
    assert op is not None and op.near and op.select == (0, 0)
    assert ops.delete(doc, []) is None


def test_duplicate_gives_a_section_a_new_id_and_a_block_a_copy(doc: ProjectDocument) -> None:
    first = doc.project.sections[0]
    after = push_undo_redo(doc, ops.duplicate(doc, (0, None)))
    assert after["sections"][1]["id"] == f"{first.id}-2"
    assert after["sections"][1]["blocks"] == after["sections"][0]["blocks"]
    after = push_undo_redo(doc, ops.duplicate(doc, (0, 0)))
    assert after["sections"][0]["blocks"][1] == after["sections"][0]["blocks"][0]
    assert ops.duplicate(doc, None) is None


def test_move_stays_inside_its_list(doc: ProjectDocument) -> None:
    seen = record(doc)
    after = push_undo_redo(doc, ops.move(doc, (0, None), 1))
    assert after["sections"][1]["id"] == doc.project.sections[1].id
    assert seen[0] == ("section_moved", 0, 1)
    assert ops.move(doc, (0, None), -1) is None
    last = len(doc.project.sections[0].blocks) - 1
    assert ops.move(doc, (0, last), 1) is None
    push_undo_redo(doc, ops.move(doc, (0, 0), 1))
    push_undo_redo(doc, ops.drag_move(doc, (0, 0), (1, 0)))


def test_paste_renames_clashing_sections_once_each(doc: ProjectDocument) -> None:
    section = doc.project.sections[0]
    long = Section(id="x" * 80, title="Long")
    op = ops.paste(doc, (0, None), [], [section, section, long, long])
    after = push_undo_redo(doc, op)
    ids = [s["id"] for s in after["sections"][1:5]]
    assert ids == [f"{section.id}-2", f"{section.id}-3", "x" * 80, "x" * 78 + "-2"]
    blocks = [edits.validate_block({"kind": "divider", "text": "Break"})]
    op = ops.paste(doc, (1, 0), blocks, [])
    after = push_undo_redo(doc, op)
    assert after["sections"][1]["blocks"][1]["kind"] == "divider"
    empty = ProjectDocument(Project(meta=doc.project.meta, sections=[]))
    with pytest.raises(ops.NoSectionForBlocks):
        ops.paste(empty, None, blocks, [])
    assert ops.paste(doc, None, [], []) is None


def test_edits_announce_what_changed(doc: ProjectDocument) -> None:
    seen = record(doc)
    changed: list[bool] = []
    doc.changed.connect(lambda: changed.append(True))
    doc.replace_block(1, 0, edits.validate_block({"kind": "paragraph", "text": "New"}))
    doc.set_section_head(2, "Title", None)
    doc.set_meta(doc.project.meta.model_copy(update={"title": "Other"}))
    doc.move_block((1, 0), (2, 0))
    assert seen == [("block_changed", 1, 0), ("section_changed", 2), ("meta_changed",), ("block_moved", (1, 0), (2, 0))]
    assert len(changed) == 4


def test_modified_follows_undo_and_save(doc: ProjectDocument, project_dir: Path) -> None:
    states: list[bool] = []
    doc.modified_changed.connect(states.append)
    doc.replace(load_project(project_dir), project_dir)
    op = ops.add_section(doc, None)
    doc.undo.push(op.command)
    assert doc.is_modified()
    doc.undo.undo()
    assert not doc.is_modified()
    doc.undo.redo()
    doc.save_to(project_dir)
    assert not doc.is_modified() and not doc.disk_is_newer()
    assert states == [True, False, True, False]
    assert dump(doc) == load_project(project_dir).model_dump(mode="json")
    doc.close()
