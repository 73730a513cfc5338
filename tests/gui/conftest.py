"""Fixtures of the GUI tests: isolated settings and recovery folder, dialogs that never block.

Every dialog function is replaced by one that fails the test unless the test sets its own
answer, so no test can wait on a modal box.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, QStandardPaths

from neslis_desktop.gui import dialogs, recovery
from neslis_desktop.store import load_project


class Dialogs:
    """Records what the app asked; answers set by the test."""

    def __init__(self) -> None:
        self.errors: list[tuple[str, str]] = []
        self.asked: list[str] = []
        self.yes = True
        self.save_choice = dialogs.SaveChoice.DISCARD
        self.folder: Path | None = None
        self.template: Path | None = None


@pytest.fixture(autouse=True)
def gui_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Dialogs]:
    QStandardPaths.setTestModeEnabled(True)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    monkeypatch.setattr(recovery, "recovery_root", lambda: tmp_path / "recovery")
    rec = Dialogs()

    def error(parent: Any, title: str, text: str, details: str = "") -> None:
        rec.errors.append((title, text))

    def yes_no(parent: Any, title: str, text: str) -> bool:
        rec.asked.append(title)
        return rec.yes

    def save_changes(parent: Any, title: str) -> dialogs.SaveChoice:
        rec.asked.append("save changes")
        return rec.save_choice

    monkeypatch.setattr(dialogs, "show_error", error)
    monkeypatch.setattr(dialogs, "ask_yes_no", yes_no)
    monkeypatch.setattr(dialogs, "ask_save_changes", save_changes)
    monkeypatch.setattr(dialogs, "ask_open_folder", lambda *a: rec.folder)
    monkeypatch.setattr(dialogs, "ask_save_folder", lambda *a: rec.folder)
    monkeypatch.setattr(dialogs, "ask_output_folder", lambda *a: rec.folder)
    monkeypatch.setattr(dialogs, "ask_template_file", lambda *a: rec.template)
    monkeypatch.setattr(dialogs, "show_info", lambda *a: None)
    monkeypatch.setattr(dialogs, "show_about", lambda *a: rec.asked.append("about"))
    yield rec


@pytest.fixture
def dlg(gui_env: Dialogs) -> Dialogs:
    return gui_env


@pytest.fixture
def window(qtbot: Any, project_dir: Path) -> Any:
    """The main window on a writable copy of the bundled project."""
    from neslis_desktop.gui.main_window import MainWindow

    win = MainWindow(load_project(project_dir), project_dir)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # The offscreen platform says so on every show(); it is not a problem of the app.
    for item in items:
        if "tests/gui" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"))
