"""The main flows in the window: open, edit, undo/redo, reorder, copy/paste, find, save, reopen."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from neslis_desktop.gui import dialogs, recovery
from neslis_desktop.gui.app import offer_recovery
from neslis_desktop.gui.main_window import MainWindow
from neslis_desktop.model import edits
from neslis_desktop.store import load_project, save_project


def dump(project: Any) -> dict[str, Any]:
    return project.model_dump(mode="json")


def first_paragraph(win: MainWindow) -> tuple[int, int]:
    for si, section in enumerate(win.model.project.sections):
        for bi, block in enumerate(section.blocks):
            if block.kind == "paragraph":
                return si, bi
    raise AssertionError("the bundled project has a paragraph")


def test_edit_undo_redo_save_and_reopen(qtbot: Any, window: MainWindow, project_dir: Path) -> None:
    si, bi = first_paragraph(window)
    window.select_item(si, bi)
    assert window.editor is not None
    text = window.editor.widgets[("text",)]
    assert isinstance(text, QPlainTextEdit)
    original = window.model.project.sections[si].blocks[bi].text
    text.setPlainText("An edited paragraph with **bold** words.")
    assert window.model.project.sections[si].blocks[bi].text == "An edited paragraph with **bold** words."
    assert window.is_modified() and window.isWindowModified()
    window.acts.undo.trigger()
    assert window.model.project.sections[si].blocks[bi].text == original
    assert window.editor.widgets[("text",)].toPlainText() == original  # the form follows undo
    window.acts.redo.trigger()
    assert "bold" in window.model.project.sections[si].blocks[bi].text
    assert window.save()
    assert not window.is_modified()
    assert dump(load_project(project_dir)) == dump(window.model.project)


def test_add_duplicate_move_delete_and_undo_everything(qtbot: Any, window: MainWindow) -> None:
    start = dump(window.model.project)
    window.select_item(1)
    window.add_section()
    assert window.current_location() == (2, None)
    window.add_block("timeline")
    assert window.model.project.sections[2].blocks[0].kind == "timeline"
    window.duplicate()
    assert len(window.model.project.sections[2].blocks) == 2
    window.select_item(2)
    window.move_current(-1)
    assert window.model.project.sections[1].title == "New section"
    window.duplicate()
    assert window.model.project.sections[2].id != window.model.project.sections[1].id
    window.select_item(0)
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_Delete)
    assert window.model.project.sections[0].title == "New section"
    while window.undo.canUndo():
        window.undo.undo()
    assert dump(window.model.project) == start


def test_drag_reorder_goes_through_undo(qtbot: Any, window: MainWindow) -> None:
    model = window.model
    first = model.project.sections[0].title
    mime = model.mimeData([model.section_index(0)])
    model.dropMimeData(mime, Qt.DropAction.MoveAction, 3, 0, QModelIndex())
    assert model.project.sections[2].title == first
    assert window.current_location() == (2, None)
    window.undo.undo()
    assert model.project.sections[0].title == first


def test_cut_copy_paste_blocks_between_projects(qtbot: Any, window: MainWindow) -> None:
    si, bi = first_paragraph(window)
    block = window.model.project.sections[si].blocks[bi]
    window.select_item(si, bi)
    assert window.copy()
    mime = QGuiApplication.clipboard().mimeData()
    assert "paragraph" in mime.text()
    other = MainWindow(edits.starter_project(), None)
    qtbot.addWidget(other)
    other.select_item(0, 0)
    other.paste()
    assert other.model.project.sections[0].blocks[1] == block
    other.undo.undo()
    assert len(other.model.project.sections[0].blocks) == 1
    n = len(window.model.project.sections[si].blocks)
    window.cut()
    assert len(window.model.project.sections[si].blocks) == n - 1
    window.select_item(0)
    window.copy()
    window.paste()
    assert window.model.project.sections[1].id != window.model.project.sections[0].id
    QGuiApplication.clipboard().setText("not a block at all")
    before = dump(window.model.project)
    window.paste()
    assert dump(window.model.project) == before


def test_find_lists_matches_and_selects_the_item(qtbot: Any, window: MainWindow) -> None:
    window.acts.find.trigger()
    assert window.find_bar.isVisible()
    window.find_bar.field.setText("productivity")
    window.find_bar.search()
    assert window.find_bar.matches
    target = next(m for m in window.find_bar.matches if m.block is not None)
    window.find_bar.results.setCurrentRow(window.find_bar.matches.index(target))
    assert window.current_location() == (target.section, target.block)


def test_close_asks_and_cancel_keeps_the_window(qtbot: Any, window: MainWindow, dlg: Any) -> None:
    window.add_section()
    dlg.save_choice = dialogs.SaveChoice.CANCEL
    assert not window.close()
    assert "save changes" in dlg.asked
    dlg.save_choice = dialogs.SaveChoice.DISCARD
    assert window.close()


def test_autosave_and_restore_after_a_crash(qtbot: Any, window: MainWindow, project_dir: Path, dlg: Any) -> None:
    assert window.autosave() is None  # nothing unsaved, nothing written
    window.add_section()
    folder = window.autosave()
    assert folder is not None and (folder / "project.yaml").is_file()
    assert recovery.pending() == []  # the running app's own copy is live work, never offered
    recovery._HELD.pop(folder).unlock()  # as the process's death would release it
    assert recovery.pending() == [(folder, project_dir)]
    fresh = MainWindow(load_project(project_dir), project_dir)
    qtbot.addWidget(fresh)
    dlg.yes = True
    assert offer_recovery(fresh)
    assert any(s.title == "New section" for s in fresh.model.project.sections)
    assert fresh.is_modified()
    assert fresh.save()
    assert recovery.pending() == []


def test_save_as_for_a_new_project_and_bundled_is_never_written(
    qtbot: Any, tmp_path: Path, dlg: Any, bundled_dir: Path
) -> None:
    win = MainWindow()
    qtbot.addWidget(win)
    assert win.open_project(bundled_dir)
    assert win.project_path is None  # the example opens as a new, unsaved project
    win.add_section()
    dlg.folder = tmp_path / "mine"
    dlg.folder.mkdir()
    assert win.save()
    assert win.project_path == (tmp_path / "mine").resolve()
    assert dump(load_project(tmp_path / "mine")) == dump(win.model.project)
    assert all(s.title != "New section" for s in load_project(bundled_dir).sections)


def test_save_as_into_a_busy_folder_never_replaces_a_project_there_unasked(
    qtbot: Any, window: MainWindow, tmp_path: Path, dlg: Any
) -> None:
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "notes.txt").write_text("not a project", "utf-8")
    other = busy / window.model.project.meta.file_slug()
    save_project(load_project(window.project_path), other)  # someone else's project, same name
    before = {p.name: p.read_bytes() for p in other.rglob("*.yaml")}
    window.add_section()
    dlg.folder, dlg.yes = busy, False
    assert not window.save_as()
    assert "Replace project?" in dlg.asked
    assert {p.name: p.read_bytes() for p in other.rglob("*.yaml")} == before


def test_open_reports_a_broken_project_in_a_dialog(qtbot: Any, window: MainWindow, tmp_path: Path, dlg: Any) -> None:
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "project.yaml").write_text("schema_version: 2\nmeta: [oops\n", encoding="utf-8")
    before = dump(window.model.project)
    assert not window.open_project(broken)
    errors = dlg.take_errors()
    assert errors and "project.yaml" in errors[-1][1]
    assert dump(window.model.project) == before


def test_outside_change_offers_reload_and_own_saves_are_ignored(
    qtbot: Any, window: MainWindow, project_dir: Path, dlg: Any
) -> None:
    dlg.yes = True
    window.add_section()
    window.save()
    window.doc.check_disk()
    assert "Project changed on disk" not in dlg.asked
    changed = load_project(project_dir)
    changed.sections[0] = changed.sections[0].model_copy(update={"title": "Changed elsewhere"})
    save_project(changed, project_dir)
    qtbot.waitUntil(lambda: "Project changed on disk" in dlg.asked, timeout=20_000)
    assert window.model.project.sections[0].title == "Changed elsewhere"


def test_recent_projects_and_about(qtbot: Any, window: MainWindow, project_dir: Path, tmp_path: Path, dlg: Any) -> None:
    other = tmp_path / "other"
    shutil.copytree(project_dir, other)
    window.open_project(other)
    from neslis_desktop.gui import settings

    assert settings.recent_projects()[0] == other.resolve()
    window.acts.about.trigger()
    assert "about" in dlg.asked
    assert "python-pptx" in dialogs.about_text()


def test_ctrl_z_in_a_field_undoes_the_project_edit(qtbot: Any, window: MainWindow) -> None:
    window.select_item(0)
    title = window.editor.widgets[("title",)]
    title.setFocus()
    original = window.model.project.sections[0].title
    qtbot.keyClicks(title, " now")
    assert window.model.project.sections[0].title == original + " now"
    assert window.undo.count() == 1, "typing in one field is one undo step"
    qtbot.keyClick(title, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.model.project.sections[0].title == original
    assert window.editor.widgets[("title",)].text() == original
    qtbot.keyClick(window.editor.widgets[("title",)], Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert window.model.project.sections[0].title == original + " now"


def test_ctrl_c_in_a_text_field_copies_text_not_the_block(qtbot: Any, window: MainWindow) -> None:
    window.select_item(0)
    title = window.editor.widgets[("title",)]
    title.setFocus()
    title.selectAll()
    QGuiApplication.clipboard().clear()
    qtbot.keyClick(title, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    mime = QGuiApplication.clipboard().mimeData()
    assert mime.text() == window.model.project.sections[0].title
    assert not mime.hasFormat("application/x-neslis-items+json")
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().mimeData().hasFormat("application/x-neslis-items+json")


def test_a_preview_failure_is_a_status_message_not_a_crash(
    qtbot: Any, window: MainWindow, monkeypatch: Any, capsys: Any
) -> None:
    from neslis_desktop.gui import main_window

    def broken(*args: Any) -> Any:
        raise RuntimeError("planner bug")

    monkeypatch.setattr(main_window, "compute_preview", broken)
    window.refresh_preview()
    assert "planner bug" in window.statusBar().currentMessage()
    assert "planner bug" in capsys.readouterr().err


def test_paste_yaml_text_from_an_email(qtbot: Any, window: MainWindow) -> None:
    QGuiApplication.clipboard().setText("kind: questions\nquestions:\n  - What should change first?\n")
    window.select_item(0)
    n = len(window.model.project.sections[0].blocks)
    window.paste()
    blocks = window.model.project.sections[0].blocks
    assert len(blocks) == n + 1 and blocks[-1].kind == "questions"
    assert window.current_location() == (0, n)
    QGuiApplication.clipboard().setText("kind: questions\nquestions: []\n")  # invalid: refused whole
    window.paste()
    assert len(window.model.project.sections[0].blocks) == n + 1


def test_the_window_fits_its_screen_and_remembers_its_geometry(
    qtbot: Any, window: MainWindow, project_dir: Path
) -> None:
    screen = window.screen().availableGeometry()
    assert screen.contains(window.frameGeometry()), "fitted to the screen it opens on"
    size = (window.minimumSizeHint().width() + 20, window.minimumSizeHint().height() + 10)
    window.resize(*size)
    assert window.close()
    again = MainWindow(load_project(project_dir), project_dir)
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == size


def test_f6_and_shift_f6_move_between_the_panes(qtbot: Any, window: MainWindow) -> None:
    window.activateWindow()
    window.tree.setFocus()
    seen = []
    for _ in range(4):
        focus = QApplication.focusWidget()
        assert focus is not None
        qtbot.keyClick(focus, Qt.Key.Key_F6)
        focus = QApplication.focusWidget()
        seen.append(
            next(
                name
                for name, pane in (
                    ("outline", window.tree),
                    ("editor", window.editor_area),
                    ("preview", window.preview_area),
                    ("pack", window.pack_panel),
                )
                if focus is pane or pane.isAncestorOf(focus)
            )
        )
    assert seen == ["editor", "preview", "pack", "outline"]
    qtbot.keyClick(window.tree, Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert window.pack_panel.isAncestorOf(QApplication.focusWidget())


def test_a_result_the_system_cannot_open_says_so(
    qtbot: Any, window: MainWindow, dlg: Any, monkeypatch: Any, tmp_path: Path
) -> None:
    from neslis_desktop.gui import pack_panel

    monkeypatch.setattr(pack_panel, "open_path", lambda path: False)
    window.pack_panel.set_output(tmp_path)
    window.pack_panel.show_folder.setEnabled(True)
    qtbot.mouseClick(window.pack_panel.show_folder, Qt.MouseButton.LeftButton)
    [(title, text)] = dlg.take_errors()
    assert title == "Could not open the folder" and str(tmp_path) in text


def test_preview_warnings_wrap_and_are_listed_once(qtbot: Any, window: MainWindow) -> None:
    for si in range(len(window.model.project.sections)):
        window.select_item(si)
        window.refresh_preview()
        if window.warnings.count():
            break
    texts = [window.warnings.item(i).text() for i in range(window.warnings.count())]
    assert texts and len(texts) == len(set(texts))
    assert window.warnings.wordWrap()
    assert window.warnings.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff


def test_reopen_last_opens_the_project_used_before(
    qtbot: Any, window: MainWindow, project_dir: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other"
    shutil.copytree(project_dir, other)
    assert window.open_project(other)
    window.open_project(project_dir)
    assert window.project_path == project_dir.resolve()
    window.acts.reopen.trigger()
    assert window.project_path == other.resolve()


def test_tab_goes_from_the_outline_through_the_form_to_the_preview(qtbot: Any, window: MainWindow) -> None:
    from PySide6.QtWidgets import QPushButton

    def tab_from(widget: Any) -> Any:
        widget.setFocus()
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
        return QApplication.focusWidget()

    window.activateWindow()
    si, bi = next(
        (si, bi)
        for si, s in enumerate(window.model.project.sections)
        for bi, b in enumerate(s.blocks)
        if b.kind == "cards"
    )
    window.select_item(si, bi)
    for _ in range(2):
        assert window.editor is not None
        fields = list(window.editor.widgets.values())
        assert tab_from(window.tree) is fields[0], "the form's first field follows the outline"
        assert tab_from(window.editor.widgets[("notes",)]) is window.preview_area, "the preview follows the form"
        add = next(b for b in window.editor.findChildren(QPushButton) if b.accessibleName() == "Add card")
        add.click()  # the form is made again: the order still holds
        qtbot.wait(10)  # (its new fields are shown by the event loop, before any next key)
