"""The Snapshots dock: listing, taking, comparing, the outline's marks, a damaged snapshot;
and a section dragged from one window's outline into another's (copied, never moved)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMimeData, QModelIndex, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem

from neslis_desktop.gui import commands as cmd
from neslis_desktop.gui.main_window import MainWindow
from neslis_desktop.gui.outline_model import CHANGED_COLOUR, CHANGED_MARK, DRAG_MIME
from neslis_desktop.model import ParagraphBlock
from neslis_desktop.store import load_project
from neslis_desktop.store.snapshots import take_snapshot

BG = Qt.ItemDataRole.BackgroundRole
TIP = Qt.ItemDataRole.ToolTipRole


def _dock(window: MainWindow) -> Any:
    window.show_snapshots()
    assert window.snapshots is not None
    return window.snapshots


def _edit_productivity(window: MainWindow) -> None:
    """Change one word of the first paragraph of "What is productivity?" (section 2)."""
    block = window.doc.project.sections[1].blocks[0]
    assert isinstance(block, ParagraphBlock)
    new = block.model_copy(update={"text": block.text.replace("output", "value")})
    window.undo.push(cmd.ReplaceBlock(window.doc, 1, 0, new))


def test_lists_takes_and_compares_with_marks_in_the_outline(qtbot: Any, window: MainWindow, dlg: Any) -> None:
    take_snapshot(window.doc.path, "sent to Working Group", now=dt.datetime(2026, 3, 1, 9, 30))  # type: ignore[arg-type]
    dock = _dock(window)
    assert dock.names() == ["sent to Working Group"]
    assert dock.list.topLevelItem(0).text(1) == "01 Mar 2026 09:30"

    dock.name_edit.setText("sent to Steering Group, 12 March")
    taken = dock.take()
    assert taken is not None and (taken.folder / "snapshot.yaml").is_file()
    assert dock.names() == ["sent to Working Group", "sent to Steering Group, 12 March"]
    assert dock.list.currentItem().text(0) == "sent to Steering Group, 12 March"

    # Nothing changed yet: comparing marks nothing.
    assert dock.compare_selected()
    model = window.model
    assert model.data(model.section_index(1), BG) is None
    assert "Nothing changed." in dock.report.toPlainText()

    # A word changed inside a paragraph: the block and its section are marked, the rest is not.
    _edit_productivity(window)
    window.doc.comparison.refresh()  # the debounce would do it a moment later
    assert model.data(model.section_index(1), BG).color() == CHANGED_COLOUR
    assert model.data(model.block_index(1, 0), BG).color() == CHANGED_COLOUR
    assert model.data(model.block_index(1, 1), BG) is None
    assert model.data(model.section_index(0), BG) is None
    # Not by colour alone: the row starts with a dot, and a screen reader is told what changed.
    option = QStyleOptionViewItem()
    window.tree.itemDelegate().initStyleOption(option, model.block_index(1, 0))
    assert option.text.startswith(CHANGED_MARK)
    window.tree.itemDelegate().initStyleOption(option, model.block_index(1, 1))
    assert not option.text.startswith(CHANGED_MARK)
    assert '"output" → "value"' in model.data(model.block_index(1, 0), Qt.ItemDataRole.AccessibleDescriptionRole)
    tip = model.data(model.block_index(1, 0), TIP)
    assert 'Changed since "sent to Steering Group, 12 March"' in tip
    assert '"output" → "value"' in tip
    report = dock.report.toHtml()
    assert "What is productivity?" in dock.report.toPlainText()
    assert "line-through" in report  # the word taken out is struck through, the new one highlighted
    plain = dock.report.toPlainText()
    assert "output" in plain and "value" in plain

    # The marks follow the edits: moving a section marks it, undoing everything clears them.
    window.undo.push(cmd.MoveSection(window.doc, 5, 0))
    with qtbot.waitSignal(window.doc.comparison.marks_changed, timeout=3000):
        pass
    assert model.data(model.section_index(0), BG) is not None  # governance, now first
    assert "Moved" in dock.report.toPlainText()
    window.undo.undo()
    window.undo.undo()
    window.doc.comparison.refresh()
    assert all(model.data(model.section_index(i), BG) is None for i in range(model.rowCount()))

    # Comparing turned off: every mark goes, and the report with it.
    _edit_productivity(window)
    window.doc.comparison.refresh()
    assert model.data(model.block_index(1, 0), BG) is not None
    dock.stop()
    assert model.data(model.block_index(1, 0), BG) is None
    assert "Changed since" not in model.data(model.block_index(1, 0), TIP)
    assert dock.report.toPlainText() == ""


def test_the_report_says_what_neslis_diff_says(window: MainWindow, project_dir: Path) -> None:
    from neslis_desktop.model.diff import diff_projects
    from neslis_desktop.render.diff_report import report_lines

    snapshot = take_snapshot(project_dir, "board")
    dock = _dock(window)
    window.undo.push(cmd.RemoveSection(window.doc, 2))
    _edit_productivity(window)
    assert dock.compare_selected()
    diff = diff_projects(load_project(snapshot.folder), window.doc.project)
    expected = report_lines(diff, snapshot.label(), "this project now", "plain")
    shown = dock.report.toPlainText()
    for line in expected[2:]:  # every section heading and sentence, changed words aside
        words = line.replace("[-", " ").replace("-]", " ").replace("{+", " ").replace("+}", " ").split()
        assert " ".join(words) in " ".join(shown.split()), line


def test_taking_a_snapshot_offers_to_save_first(window: MainWindow, dlg: Any, project_dir: Path) -> None:
    dock = _dock(window)
    _edit_productivity(window)
    dock.name_edit.setText("with the edit")
    dlg.yes = True
    assert dock.take() is not None
    assert dlg.asked[-1] == "Save before the snapshot?"
    assert not window.doc.is_modified()
    kept = load_project(project_dir / "snapshots" / "with-the-edit")
    assert "value" in kept.sections[1].blocks[0].text  # type: ignore[union-attr]
    # A name already taken is refused, with the store's message naming the folder.
    dock.name_edit.setText("with the edit")
    assert dock.take() is None
    ((_title, text),) = dlg.take_errors()
    assert "already exists" in text and "with-the-edit" in text


def test_a_damaged_snapshot_is_named_in_a_clear_message(window: MainWindow, dlg: Any, project_dir: Path) -> None:
    good = take_snapshot(project_dir, "good", now=dt.datetime(2026, 3, 1))
    broken = take_snapshot(project_dir, "broken sections", now=dt.datetime(2026, 3, 2))
    section = next((broken.folder / "sections").iterdir())
    section.write_text("title: [unclosed\n", encoding="utf-8")
    lost = project_dir / "snapshots" / "lost"
    lost.mkdir()
    (lost / "snapshot.yaml").write_text("{{{", encoding="utf-8")
    dock = _dock(window)
    assert dock.names() == ["good", "broken sections", "lost (damaged)"]

    dock.list.setCurrentItem(dock.list.topLevelItem(1))
    assert not dock.compare_selected()
    ((title, text),) = dlg.take_errors()
    assert title == "Snapshot cannot be read" and section.name in text and '"broken sections"' in text

    dock.list.setCurrentItem(dock.list.topLevelItem(2))
    assert not dock.compare_selected()
    ((title, text),) = dlg.take_errors()
    assert str(lost / "snapshot.yaml") in text
    assert not window.doc.comparison.active

    dock.list.setCurrentItem(dock.list.topLevelItem(0))
    assert dock.compare_selected() and window.doc.comparison.name == good.name


def _second_window(qtbot: Any, folder: Path) -> MainWindow:
    other = MainWindow(load_project(folder), folder)
    qtbot.addWidget(other)
    return other


def test_a_section_dragged_from_another_window_is_copied(
    qtbot: Any, window: MainWindow, bundled_dir: Path, tmp_path: Path
) -> None:
    import shutil

    folder = tmp_path / "other"
    shutil.copytree(bundled_dir, folder)
    other = _second_window(qtbot, folder)
    source = other.doc.project.sections[3]
    source.notes = "Say the LEP board agreed this in March."
    mime = other.model.mimeData([other.model.section_index(3)])
    before = [s.id for s in window.doc.project.sections]

    # Dropped into a section (not between sections) it is refused; between sections it is copied.
    assert not window.model.canDropMimeData(mime, Qt.DropAction.CopyAction, 0, 0, window.model.section_index(0))
    assert window.model.canDropMimeData(mime, Qt.DropAction.CopyAction, 1, 0, QModelIndex())
    assert window.model.dropMimeData(mime, Qt.DropAction.CopyAction, 1, 0, QModelIndex()) is False
    sections = window.doc.project.sections
    assert len(sections) == len(before) + 1
    copied = sections[1]
    assert copied.id != source.id and copied.id not in before  # the id collided: renamed
    assert copied.title == source.title and copied.blocks == source.blocks
    assert copied.notes == "Say the LEP board agreed this in March."
    assert window.current_location() == (1, None)
    assert [s.id for s in other.doc.project.sections][3] == source.id  # the other window keeps it
    window.undo.undo()
    assert [s.id for s in window.doc.project.sections] == before

    # The same through the view, as a drop event on the outline's viewport.
    tree = window.tree
    tree.expandAll()
    tree.collapseAll()
    rect = tree.visualRect(window.model.section_index(2))
    at = QPointF(rect.center().x(), rect.bottom() - 1)  # just below section 3: between sections
    rest = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    # Qt's enter and move events take a whole-pixel point, its drop event a fractional one.
    drag = (QDragEnterEvent(at.toPoint(), *rest), QDragMoveEvent(at.toPoint(), *rest), QDropEvent(at, *rest))
    for event in drag:  # what a drag delivers
        QApplication.sendEvent(tree.viewport(), event)
    assert len(window.doc.project.sections) == len(before) + 1
    assert window.doc.project.sections[3].title == source.title


def test_a_drag_within_one_window_still_moves(window: MainWindow) -> None:
    mime = window.model.mimeData([window.model.section_index(0)])
    first = window.doc.project.sections[0].id
    count = len(window.doc.project.sections)
    window.model.dropMimeData(mime, Qt.DropAction.MoveAction, 3, 0, QModelIndex())
    assert len(window.doc.project.sections) == count
    assert window.doc.project.sections[2].id == first
    foreign = QMimeData()
    foreign.setData(DRAG_MIME, b'{"owner": "elsewhere", "at": [0, null], "section": {"id": "x"}}')
    assert not window.model.canDropMimeData(foreign, Qt.DropAction.CopyAction, 0, 0, QModelIndex())


def test_a_dragged_section_brings_its_pictures(
    qtbot: Any, window: MainWindow, bundled_dir: Path, tmp_path: Path
) -> None:
    import shutil

    from PIL import Image

    other_dir = tmp_path / "other"
    shutil.copytree(bundled_dir, other_dir)
    (other_dir / "assets").mkdir()
    Image.new("RGB", (20, 10)).save(other_dir / "assets" / "map.png")
    section_file = other_dir / "sections" / "productivity.yaml"
    section_file.write_text(
        section_file.read_text("utf-8") + "- kind: picture\n  file: assets/map.png\n  alt_text: A map.\n", "utf-8"
    )
    other = _second_window(qtbot, other_dir)
    at = [s.id for s in other.doc.project.sections].index("productivity")
    mime = other.model.mimeData([other.model.section_index(at)])
    window.model.dropMimeData(mime, Qt.DropAction.CopyAction, 0, 0, QModelIndex())
    copied = window.doc.project.sections[0]
    assert copied.id == "productivity-2" and copied.blocks[-1].file == "assets/map.png"  # type: ignore[union-attr]
    assert (window.doc.path / "assets" / "map.png").read_bytes() == (other_dir / "assets" / "map.png").read_bytes()  # type: ignore[operator]


def test_the_menu_opens_the_dock_and_closing_it_stops_comparing(window: MainWindow, project_dir: Path) -> None:
    take_snapshot(project_dir, "board")
    window.acts.snapshots.trigger()
    dock = window.snapshots
    assert dock is not None and dock.isVisible() and dock.names() == ["board"]
    assert window.acts.snapshots in window.menuBar().actions()[3].menu().actions()  # Project menu
    assert dock.compare_selected() and window.doc.comparison.active
    dock.close()
    assert not window.doc.comparison.active


def test_a_project_not_saved_yet_cannot_take_one(qtbot: Any, dlg: Any) -> None:
    win = MainWindow()
    qtbot.addWidget(win)
    win.show_snapshots()
    dock = win.snapshots
    assert dock is not None and dock.names() == [] and not dock.take_button.isEnabled()
    assert "Save the project" in dock.status.text()
    dock.name_edit.setText("too early")
    assert dock.take() is None
    ((title, text),) = dlg.take_errors()
    assert title == "Snapshot not taken" and "Save the project" in text
