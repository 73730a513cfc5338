"""The four ways typed work used to be lost (issue #11), each driven as a user would: keys typed
into fields, the real shortcuts (Ctrl+S, Ctrl+Q, Ctrl+Z), a second window, another process.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton

from neslis_desktop.gui import dialogs, recovery
from neslis_desktop.gui.main_window import MainWindow
from neslis_desktop.model import Project, edits
from neslis_desktop.store import load_project, save_project
from neslis_desktop.store.layout import lock_file, project_file

CTRL = Qt.KeyboardModifier.ControlModifier


def orgchart_project(tmp_path: Path, nodes: list[dict[str, Any]]) -> tuple[Project, Path]:
    project = edits.starter_project()
    project.sections[0].blocks = [edits.validate_block({"kind": "orgchart", "nodes": nodes})]
    folder = tmp_path / "org"
    save_project(project, folder)
    return load_project(folder), folder


def open_window(qtbot: Any, project: Project, folder: Path | None) -> MainWindow:
    win = MainWindow(project, folder)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def retype(qtbot: Any, field: QLineEdit, text: str) -> None:
    """Select all of a field and type ``text`` over it, key by key."""
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    qtbot.keyClicks(field, text)


def line(win: MainWindow, *path: str | int) -> QLineEdit:
    assert win.editor is not None
    widget = win.editor.widgets[tuple(path)]
    assert isinstance(widget, QLineEdit)
    return widget


# ---------------------------------------------------------------------- 1. half-typed values
def test_a_half_typed_identifier_is_kept_in_the_form_and_save_says_so(qtbot: Any, tmp_path: Path, dlg: Any) -> None:
    project, folder = orgchart_project(
        tmp_path, [{"id": "first", "title": "Board"}, {"id": "second", "title": "Group"}]
    )
    win = open_window(qtbot, project, folder)
    win.select_item(0, 0)
    retype(qtbot, line(win, "nodes", 0, "id"), "boardx")
    qtbot.wait(10)  # the form is rebuilt when the field is left (other fields' choices follow)
    second = line(win, "nodes", 1, "id")
    retype(qtbot, second, "boardx")  # 'board' was valid on the way; 'boardx' is taken
    on_disk = project_file(folder).read_bytes(), (folder / "sections" / "introduction.yaml").read_bytes()

    dlg.invalid_choice = dialogs.InvalidChoice.GO_TO
    qtbot.keyClick(second, Qt.Key.Key_S, CTRL)
    action, where, message = dlg.invalid[-1]
    assert (action, where) == ("save", "Org chart › Box 2 › Identifier")
    assert "boardx" in message
    assert (project_file(folder).read_bytes(), (folder / "sections" / "introduction.yaml").read_bytes()) == on_disk
    assert line(win, "nodes", 1, "id").text() == "boardx", "what was typed stays in the form"
    assert line(win, "nodes", 1, "id").hasFocus(), "Go to the field puts the cursor there"
    assert win.editor is not None and win.editor.has_errors()

    # Generate asks the same; Cancel builds nothing.
    dlg.invalid_choice = dialogs.InvalidChoice.CANCEL
    qtbot.keyClick(line(win, "nodes", 1, "id"), Qt.Key.Key_F5)
    assert dlg.invalid[-1][0] == "generate" and win.pack_panel.job is None

    # Saving the rest keeps the last valid value of that field, never the invalid text.
    dlg.invalid_choice = dialogs.InvalidChoice.PROCEED
    qtbot.keyClick(line(win, "nodes", 1, "id"), Qt.Key.Key_S, CTRL)
    saved = load_project(folder).sections[0].blocks[0]
    assert [n.id for n in saved.nodes] == ["boardx", "board"]  # type: ignore[union-attr]
    assert line(win, "nodes", 1, "id").text() == "boardx"


# ---------------------------------------------------------------------- 2. red fields on close
def test_closing_with_fields_in_red_asks_first(qtbot: Any, window: MainWindow, dlg: Any) -> None:
    window.acts.details.trigger()
    retype(qtbot, line(window, "title"), "")
    retype(qtbot, line(window, "date"), "2019-02-30")
    assert window.undo.isClean(), "nothing valid was typed, so nothing reached the project"
    dlg.invalid_choice = dialogs.InvalidChoice.GO_TO
    qtbot.keyClick(line(window, "date"), Qt.Key.Key_Q, CTRL)
    assert window.isVisible()
    assert dlg.invalid[-1][:2] == ("close", "Project details › Title")
    assert line(window, "title").hasFocus()
    assert line(window, "date").text() == "2019-02-30"
    dlg.invalid_choice = dialogs.InvalidChoice.PROCEED  # "Drop what I typed": then it closes
    qtbot.keyClick(line(window, "title"), Qt.Key.Key_Q, CTRL)
    assert not window.isVisible()


# ---------------------------------------------------------------------- 3. recovery within seconds
def test_a_recovery_copy_is_written_two_seconds_after_the_last_change(
    qtbot: Any, window: MainWindow, project_dir: Path
) -> None:
    window.select_item(0)
    qtbot.keyClicks(line(window, "title"), " (typed just now)")
    folder = recovery.recovery_dir(project_dir.resolve())
    assert not folder.exists(), "debounced: not written on every keystroke"
    with qtbot.waitSignal(window.doc.recovery_written, timeout=4000):
        pass  # written in its own thread, 2 s after the last keystroke
    recovery._HELD.pop(folder).unlock()  # as the process's death would release it
    [(copy, origin)] = recovery.pending()
    assert origin == project_dir.resolve()
    assert recovery.load_recovery(copy).sections[0].title.endswith(" (typed just now)")


# ---------------------------------------------------------------------- 4. one project open twice
def test_a_second_open_in_the_same_app_brings_the_first_window_forward(
    qtbot: Any, window: MainWindow, project_dir: Path
) -> None:
    other = open_window(qtbot, edits.starter_project(), None)
    window.select_item(0)
    qtbot.keyClicks(line(window, "title"), " edited here")
    assert not other.open_project(project_dir)
    assert other.project_path is None and other.model.project.sections[0].id == "introduction"
    assert "open in another window" in other.statusBar().currentMessage()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)


HOLD_LOCK = textwrap.dedent(
    """
    import sys, time
    from PySide6.QtCore import QLockFile
    lock = QLockFile(sys.argv[1])
    lock.setStaleLockTime(0)
    assert lock.tryLock(0)
    print("locked", flush=True)
    sys.stdin.readline()
    """
)


@pytest.fixture
def held_elsewhere(tmp_path: Path, bundled_dir: Path) -> Any:
    """A project folder that another running process (standing for another copy of the app) holds."""
    import shutil

    folder = tmp_path / "shared"
    shutil.copytree(bundled_dir, folder)
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(lock_file(folder))],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "locked"
    yield folder, proc.pid
    assert proc.stdin is not None
    proc.stdin.close()
    proc.wait(timeout=30)
    proc.stdout.close()


def test_a_project_another_app_holds_says_who_and_opens_read_only(qtbot: Any, held_elsewhere: Any, dlg: Any) -> None:
    folder, pid = held_elsewhere
    before = {p: p.read_bytes() for p in folder.rglob("*.yaml")}
    win = open_window(qtbot, edits.starter_project(), None)
    dlg.yes = False
    assert not win.open_project(folder)
    title, text = dlg.questions[-1]
    assert title == "Project open elsewhere" and f"process {pid}" in text and "read-only" in text
    assert win.project_path is None

    dlg.yes = True
    assert win.open_project(folder)
    assert win.doc.read_only and "read-only" in win.windowTitle()
    win.select_item(0)
    qtbot.keyClicks(line(win, "title"), " mine")
    dlg.folder = None  # Ctrl+S goes to Save As (a new folder); the user cancels it
    qtbot.keyClick(line(win, "title"), Qt.Key.Key_S, CTRL)
    assert {p: p.read_bytes() for p in folder.rglob("*.yaml")} == before
    dlg.folder = folder  # Save As into the folder the other app holds: refused, saying why
    assert not win.save()
    [(title, text)] = dlg.take_errors()
    assert title == "Cannot save here" and f"process {pid}" in text
    assert {p: p.read_bytes() for p in folder.rglob("*.yaml")} == before
    assert win.doc.write_recovery() != recovery.recovery_dir(folder.resolve()), "its own recovery copy"


def test_outside_changes_make_one_prompt_and_a_save_never_overwrites_them_unasked(
    qtbot: Any, window: MainWindow, project_dir: Path, dlg: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.select_item(0)
    asked: list[str] = []

    def outside_edit(n: int) -> None:
        changed = load_project(project_dir)
        changed.sections[0] = changed.sections[0].model_copy(update={"title": f"Changed elsewhere {n}"})
        save_project(changed, project_dir)

    def answer(parent: Any, title: str, text: str) -> bool:
        asked.append(title)
        if title == "Project changed on disk" and len(asked) == 1:
            # While the question is open (a modal runs the event loop), more saves arrive.
            for n in (2, 3):
                outside_edit(n)
                qtbot.wait(700)
        return False  # keep my version

    monkeypatch.setattr(dialogs, "ask_yes_no", answer)
    qtbot.keyClicks(line(window, "title"), " and mine")
    outside_edit(1)
    qtbot.waitUntil(lambda: bool(asked), timeout=20_000)
    qtbot.wait(1500)
    assert asked == ["Project changed on disk"], "one prompt, not a stack"
    assert window.model.project.sections[0].title.endswith(" and mine")

    qtbot.keyClick(line(window, "title"), Qt.Key.Key_S, CTRL)
    assert asked[-1] == "Replace newer files?"
    assert load_project(project_dir).sections[0].title == "Changed elsewhere 3"


# ---------------------------------------------------------------------- identifiers and their links
def test_clearing_and_retyping_an_identifier_keeps_its_links_and_undo_restores_them(qtbot: Any, tmp_path: Path) -> None:
    project, folder = orgchart_project(
        tmp_path, [{"id": "board", "title": "Board"}, {"id": "group", "title": "Group", "parent": "board"}]
    )
    win = open_window(qtbot, project, folder)
    win.select_item(0, 0)
    retype(qtbot, line(win, "nodes", 0, "id"), "lep-board")
    block = win.model.project.sections[0].blocks[0]
    assert [(n.id, n.parent) for n in block.nodes] == [("lep-board", None), ("group", "lep-board")]  # type: ignore[union-attr]
    qtbot.keyClick(line(win, "nodes", 0, "id"), Qt.Key.Key_Z, CTRL)
    block = win.model.project.sections[0].blocks[0]
    assert [(n.id, n.parent) for n in block.nodes] == [("board", None), ("group", "board")]  # type: ignore[union-attr]
    assert line(win, "nodes", 0, "id").text() == "board"


def test_the_preview_says_when_it_shows_an_older_state(qtbot: Any, window: MainWindow) -> None:
    window.select_item(0)
    assert not window.preview_note.isVisible()
    retype(qtbot, line(window, "title"), "")
    assert window.preview_note.isVisible() and "before the field marked in red" in window.preview_note.text()
    qtbot.keyClicks(line(window, "title"), "Back")
    assert not window.preview_note.isVisible()


def test_the_add_box_button_and_access_keys(qtbot: Any, tmp_path: Path) -> None:
    project, folder = orgchart_project(tmp_path, [{"id": "board", "title": "Board"}])
    win = open_window(qtbot, project, folder)
    win.select_item(0, 0)
    assert win.editor is not None
    add = next(b for b in win.editor.findChildren(QPushButton) if b.accessibleName() == "Add box")
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    block = win.model.project.sections[0].blocks[0]
    assert len(block.nodes) == 2  # type: ignore[union-attr]
    keys = [a.text() for a in win.acts.add_block_menu.actions()]
    assert all("&" in k for k in keys)
    letters = [k[k.index("&") + 1].lower() for k in keys]
    assert len(set(letters)) == len(letters), f"each kind has its own access key: {keys}"


# ---------------------------------------------------------------------- a project with a broken file
@pytest.fixture
def one_file_broken(project_dir: Path) -> tuple[Path, Path, bytes]:
    """The project with one section file damaged: (folder, that file, its bytes)."""
    project = load_project(project_dir)
    victim = project_dir / "sections" / f"{project.sections[2].id}.yaml"
    damaged = b"title: [an unclosed list\nblocks: 3\n"
    victim.write_bytes(damaged)
    return project_dir, victim, damaged


def test_a_project_with_one_broken_file_opens_the_rest_and_leaves_the_file(
    qtbot: Any, one_file_broken: tuple[Path, Path, bytes], dlg: Any, bundled_dir: Path
) -> None:
    folder, victim, damaged = one_file_broken
    win = open_window(qtbot, edits.starter_project(), None)
    dlg.broken_choice = dialogs.BrokenChoice.OPEN_REST
    assert win.open_project(folder)
    assert dlg.asked[-1] == "broken project" and victim.name in dlg.broken[-1]
    whole = load_project(bundled_dir)
    assert [s.id for s in win.model.project.sections] == [s.id for s in whole.sections if s.id != victim.stem]
    assert win.project_path is None, "opened as not saved yet: no save can drop the broken file unasked"
    assert victim.name in win.statusBar().currentMessage()
    dlg.folder, dlg.yes = folder, False
    assert not win.save()
    assert "would be removed" in dlg.questions[-1][1]
    assert victim.read_bytes() == damaged


def test_a_broken_file_can_be_opened_as_text_or_restored_from_the_recovery_copy(
    qtbot: Any, one_file_broken: tuple[Path, Path, bytes], dlg: Any, monkeypatch: pytest.MonkeyPatch, bundled_dir: Path
) -> None:
    from neslis_desktop.gui import file_flows

    folder, victim, damaged = one_file_broken
    opened: list[Path] = []
    monkeypatch.setattr(file_flows, "open_path", lambda path: opened.append(path) or True)
    win = open_window(qtbot, edits.starter_project(), None)
    dlg.broken_choice = dialogs.BrokenChoice.OPEN_TEXT
    assert not win.open_project(folder)
    assert opened == [victim] and win.project_path is None

    copy = recovery.write_recovery(load_project(bundled_dir), folder.resolve())  # left by a crash
    recovery._HELD.pop(copy).unlock()
    dlg.broken_choice = dialogs.BrokenChoice.RESTORE
    assert win.open_project(folder)
    assert dlg.asked[-1] == "broken project (restorable)"
    assert len(win.model.project.sections) == len(load_project(bundled_dir).sections)
    assert win.project_path == folder.resolve() and win.is_modified()
    assert victim.read_bytes() == damaged, "repaired only when the user saves"
    assert win.save()
    assert load_project(folder).sections[2].id == victim.stem
