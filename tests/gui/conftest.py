"""Fixtures of the GUI tests: isolated settings and recovery folder, dialogs that never block.

Every dialog function is replaced by a recorder, so no test can wait on a modal box. A question
the test set no answer for, and an error box the test did not claim (``dlg.take_errors()``),
fail the test at teardown: an unexpected dialog is a bug, not a pass. The one default answer is
"Don't save" to "save your changes?", which every window closed at the end of a test is asked.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, QStandardPaths

from neslis_desktop.gui import dialogs, mapping_dialog, recovery
from neslis_desktop.store import load_project


class Dialogs:
    """Records what the app asked; answers set by the test (None: not expected)."""

    def __init__(self) -> None:
        self.errors: list[tuple[str, str]] = []
        self.asked: list[str] = []
        self.questions: list[tuple[str, str]] = []
        """(title, text) of each yes/no question."""
        self.unexpected: list[str] = []
        self.yes: bool | None = None
        self.save_choice = dialogs.SaveChoice.DISCARD
        self.invalid_choice: dialogs.InvalidChoice | None = None
        self.broken_choice: dialogs.BrokenChoice | None = None
        self.broken: list[str] = []
        """The listing of each 'some of the project cannot be read' question."""
        self.invalid: list[tuple[str, str, str]] = []
        """(action, where, message) of each 'a field has a problem' question."""
        self.folder: Path | None = None
        self.template: Path | None = None
        self.file: Path | None = None
        """The answer to "pick a file to read" (a survey export, a returned draft)."""
        self.reports: list[tuple[str, str, list[str]]] = []
        """(title, text, lines) of each report box (what an import did)."""
        self.sections: list[int] = []
        """The answer to "which sections to copy from another project" (row numbers)."""
        self.text: str | None = None
        """The answer to a one-line question (a snapshot's name); None: cancelled."""
        self.mapping: Any = None
        """The answer to the survey-columns dialog (a ColumnMapping); None: not expected."""

    def take_errors(self) -> list[tuple[str, str]]:
        """The error boxes shown so far, claimed by the test (so they do not fail it)."""
        taken, self.errors = self.errors, []
        return taken


@pytest.fixture(autouse=True)
def ui_thread_gc(qapp: Any) -> Iterator[None]:
    """Cycles collected on the UI thread only, as in the app (gui/collector.py); set up first, torn down last."""
    from neslis_desktop.gui.collector import MainThreadCollector

    collector = MainThreadCollector(qapp)
    yield
    collector.stop()
    collector.deleteLater()
    gc.collect()  # this test's windows and dialogs go now, on this thread, not in a later test's worker


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
        rec.questions.append((title, text))
        if rec.yes is None:
            rec.unexpected.append(f"question {title!r}: {text}")
            return False
        return rec.yes

    def save_changes(parent: Any, title: str) -> dialogs.SaveChoice:
        rec.asked.append("save changes")
        return rec.save_choice

    def invalid_field(parent: Any, action: str, item: str, where: str, message: str) -> dialogs.InvalidChoice:
        rec.asked.append("invalid field")
        rec.invalid.append((action, f"{item} › {where}", message))
        if rec.invalid_choice is None:
            rec.unexpected.append(f"invalid field on {action}: {item} › {where}: {message}")
            return dialogs.InvalidChoice.CANCEL
        return rec.invalid_choice

    def broken_project(parent: Any, folder: Path, listing: str, can_restore: bool) -> dialogs.BrokenChoice:
        rec.asked.append("broken project" + (" (restorable)" if can_restore else ""))
        rec.broken.append(listing)
        if rec.broken_choice is None:
            rec.unexpected.append(f"broken project {folder}: {listing}")
            return dialogs.BrokenChoice.CANCEL
        return rec.broken_choice

    monkeypatch.setattr(dialogs, "show_error", error)
    monkeypatch.setattr(dialogs, "ask_broken_project", broken_project)
    monkeypatch.setattr(dialogs, "ask_yes_no", yes_no)
    monkeypatch.setattr(dialogs, "ask_save_changes", save_changes)
    monkeypatch.setattr(dialogs, "ask_invalid_field", invalid_field)
    monkeypatch.setattr(dialogs, "ask_open_folder", lambda *a: rec.folder)
    monkeypatch.setattr(dialogs, "ask_save_folder", lambda *a: rec.folder)
    monkeypatch.setattr(dialogs, "ask_output_folder", lambda *a: rec.folder)
    monkeypatch.setattr(dialogs, "ask_template_file", lambda *a: rec.template)
    monkeypatch.setattr(dialogs, "show_about", lambda *a: rec.asked.append("about"))
    monkeypatch.setattr(dialogs, "ask_open_file", lambda *a: rec.file)
    monkeypatch.setattr(dialogs, "ask_sections", lambda *a: rec.sections)

    def text(parent: Any, title: str, label: str, start: str = "") -> str | None:
        rec.asked.append(title)
        return rec.text

    monkeypatch.setattr(dialogs, "ask_text", text)
    monkeypatch.setattr(
        dialogs, "show_report", lambda parent, title, text, lines: rec.reports.append((title, text, lines))
    )

    def mapping(parent: Any, table: Any, asked: Any, start: Any, personal: Any) -> Any:
        rec.asked.append("mapping")
        if rec.mapping is None:
            rec.unexpected.append(f"survey columns dialog for {table.source}")
        return rec.mapping

    monkeypatch.setattr(mapping_dialog, "ask_mapping", mapping)
    yield rec
    problems = [f"error box {t!r}: {m}" for t, m in rec.errors] + rec.unexpected
    if problems:
        pytest.fail("dialogs the test did not expect:\n" + "\n".join(problems), pytrace=False)


@pytest.fixture
def dlg(gui_env: Dialogs) -> Dialogs:
    return gui_env


@pytest.fixture
def window(qtbot: Any, project_dir: Path) -> Iterator[Any]:
    """The main window on a writable copy of the bundled project."""
    from neslis_desktop.gui.main_window import MainWindow

    win = MainWindow(load_project(project_dir), project_dir)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    # A Generate still running when a test ends (it failed while waiting) must finish before
    # the window, its parent, is destroyed; a thread destroyed while running crashes the process.
    job = win.pack_panel.job
    if job is not None:
        job.worker_thread.wait(120_000)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # The offscreen platform says so on every show(); it is not a problem of the app.
    for item in items:
        if "tests/gui" in str(item.fspath).replace("\\", "/"):
            item.add_marker(
                pytest.mark.qt_log_ignore(
                    "This plugin does not support propagateSizeHints", "This plugin does not support raise"
                )
            )
