"""The outline model and the undo commands: each edit done, checked, undone, checked again."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QModelIndex, Qt
from PySide6.QtGui import QUndoStack

from neslis_desktop.gui import commands as cmd
from neslis_desktop.gui.document import ProjectDocument
from neslis_desktop.gui.kinds import new_block
from neslis_desktop.gui.outline_model import DRAG_MIME, OutlineModel, block_summary
from neslis_desktop.model import Project, Section, edits


@pytest.fixture
def model(qapp: Any, project: Project) -> OutlineModel:
    return OutlineModel(ProjectDocument(project))


def snapshot(project: Project) -> dict[str, Any]:
    return project.model_dump(mode="json")


def test_model_passes_the_model_tester(qtmodeltester: Any, model: OutlineModel) -> None:
    qtmodeltester.check(model)
    assert model.rowCount() == len(model.project.sections)
    first = model.project.sections[0]
    assert model.rowCount(model.section_index(0)) == len(first.blocks)
    assert model.data(model.section_index(0)) == first.title
    assert model.location(model.block_index(0, 0)) == (0, 0)
    assert model.parent(model.block_index(0, 0)) == model.section_index(0)


@pytest.mark.parametrize(
    ("data", "summary"),
    [
        ({"kind": "paragraph", "text": "Grow   the **regional** economy"}, "Paragraph: Grow the regional economy"),
        ({"kind": "paragraph", "heading": "Why now", "text": "Because."}, "Paragraph: Why now"),
        ({"kind": "bullets", "lead": "It will:", "items": ["a"]}, "Bullet list: It will:"),
        ({"kind": "bullets", "items": [{"text": "First *point*", "items": ["x"]}]}, "Bullet list: First point"),
        ({"kind": "cards", "cards": [{"body": "Only a body"}]}, "Cards: Only a body"),
        ({"kind": "orgchart", "nodes": [{"id": "b", "title": "LEP Board"}]}, "Org chart: LEP Board"),
        (
            {"kind": "timeline", "start": "2019-01", "end": "2019-06", "lanes": [{"name": "L"}]},
            "Timeline: 2019-01 to 2019-06",
        ),
        ({"kind": "questions", "questions": ["What next?"]}, "Questions: What next?"),
        ({"kind": "paragraph", "text": "word " * 30}, "Paragraph: " + ("word " * 10)[:47] + "…"),
    ],
)
def test_block_summaries_name_kind_and_first_words(data: dict[str, Any], summary: str) -> None:
    assert block_summary(edits.validate_block(data)) == summary


@pytest.mark.parametrize(
    "make",
    [
        lambda m: cmd.InsertSection(m, 1, Section(id="fresh", title="Fresh")),
        lambda m: cmd.RemoveSection(m, 2),
        lambda m: cmd.MoveSection(m, 0, 3),
        lambda m: cmd.MoveSection(m, 4, 1),
        lambda m: cmd.EditSectionHead(m, 0, "New title", "Notes"),
        lambda m: cmd.InsertBlock(m, 0, 0, new_block("cards")),
        lambda m: cmd.RemoveBlock(m, 0, 0),
        lambda m: cmd.MoveBlock(m, (0, 0), (1, 0)),
        lambda m: cmd.MoveBlock(m, (0, 0), (0, len(m.project.sections[0].blocks) - 1)),
        lambda m: cmd.ReplaceBlock(m, 0, 0, new_block("divider")),
        lambda m: cmd.EditMeta(m, m.project.meta.model_copy(update={"title": "Other"})),
    ],
    ids=[
        "insert-section",
        "remove-section",
        "move-section-down",
        "move-section-up",
        "section-head",
        "insert-block",
        "remove-block",
        "move-block-across",
        "move-block-within",
        "replace-block",
        "meta",
    ],
)
def test_every_command_undoes_in_place(qtmodeltester: Any, model: OutlineModel, make: Any) -> None:
    stack = QUndoStack()
    before = snapshot(model.project)
    stack.push(make(model.doc))
    after = snapshot(model.project)
    assert after != before
    qtmodeltester.check(model)
    stack.undo()
    assert snapshot(model.project) == before
    qtmodeltester.check(model)
    stack.redo()
    assert snapshot(model.project) == after


def test_moves_emit_row_moves_not_resets(qtbot: Any, model: OutlineModel) -> None:
    stack = QUndoStack()
    title = model.project.sections[0].title
    with qtbot.waitSignal(model.rowsMoved), qtbot.assertNotEmitted(model.modelReset):
        stack.push(cmd.MoveSection(model.doc, 0, 2))
    assert model.project.sections[2].title == title


def test_typing_merges_into_one_undo_step(model: OutlineModel) -> None:
    stack = QUndoStack()
    para = edits.validate_block({"kind": "paragraph", "text": "a"})
    stack.push(cmd.InsertBlock(model.doc, 0, 0, para))
    for text in ("ab", "abc", "abcd"):
        stack.push(cmd.ReplaceBlock(model.doc, 0, 0, edits.validate_block({"kind": "paragraph", "text": text}), "text"))
    assert stack.count() == 2
    stack.undo()
    assert model.project.sections[0].blocks[0].text == "a"


def test_compound_delete_is_one_step(model: OutlineModel) -> None:
    stack = QUndoStack()
    before = snapshot(model.project)
    parent = cmd.compound("Delete")
    cmd.RemoveBlock(model.doc, 0, 1, parent)
    cmd.RemoveBlock(model.doc, 0, 0, parent)
    cmd.RemoveSection(model.doc, 3, parent)
    stack.push(parent)
    assert stack.count() == 1
    stack.undo()
    assert snapshot(model.project) == before


def test_drop_asks_for_a_move_and_never_removes_rows(qtbot: Any, model: OutlineModel) -> None:
    mime = model.mimeData([model.block_index(0, 0)])
    assert mime.hasFormat(DRAG_MIME)
    with qtbot.waitSignal(model.move_requested) as signal:
        handled = model.dropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, model.section_index(1))
    assert handled is False
    assert signal.args == [(0, 0), (1, 0)]
    section_mime = model.mimeData([model.section_index(0)])
    with qtbot.waitSignal(model.move_requested) as signal:
        model.dropMimeData(section_mime, Qt.DropAction.MoveAction, 3, 0, QModelIndex())
    assert signal.args == [(0, None), (2, None)]
    # a section cannot be dropped into a section; foreign data is refused
    assert not model.canDropMimeData(section_mime, Qt.DropAction.MoveAction, 0, 0, model.section_index(1))
    assert not model.canDropMimeData(QMimeData(), Qt.DropAction.MoveAction, 0, 0, QModelIndex())


def test_a_drag_from_another_window_moves_nothing_here(qtbot: Any, model: OutlineModel, project: Project) -> None:
    other = OutlineModel(ProjectDocument(project.model_copy(deep=True)))
    mime = other.mimeData([other.block_index(0, 0)])
    assert mime.hasFormat(DRAG_MIME)
    assert model.canDropMimeData(
        model.mimeData([model.block_index(0, 0)]), Qt.DropAction.MoveAction, 0, 0, model.section_index(1)
    )
    assert not model.canDropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, model.section_index(1))


def test_unique_section_renames_a_clashing_copy(project: Project) -> None:
    copy = edits.unique_section(project, project.sections[0])
    assert copy.id != project.sections[0].id
    edits.insert_section(project, 1, copy)
    Project.model_validate(project.model_dump())


def test_every_kind_has_a_valid_new_block() -> None:
    from neslis_desktop.model import BLOCK_KINDS

    for kind in BLOCK_KINDS:
        assert new_block(kind).kind == kind
