"""Entry point of the desktop app (``neslis-desktop [PROJECT] [--screenshot FILE.png]``).

Sets up the QApplication (names for QSettings, high-DPI defaults), installs an exception
hook that shows an error dialog and keeps the app running, offers to restore a recovery
copy left by a crash, and opens the project given (or the bundled example).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from neslis_desktop.gui.main_window import MainWindow

ORG, APP = "NESLIS", "NESLIS Desktop"


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="neslis-desktop", description="Edit a Local Industrial Strategy offline.")
    parser.add_argument("project", nargs="?", type=Path, help="project folder to open (default: the bundled example)")
    parser.add_argument(
        "--screenshot",
        type=Path,
        metavar="FILE.png",
        help="open the project, draw the first section, save the window as PNG and exit",
    )
    parser.add_argument("--quit-after-show", action="store_true", help="exit once the window is shown (benchmarks)")
    return parser.parse_args(argv)


_in_hook = [False]


def excepthook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    """Show an unexpected error in a dialog and keep going; the project stays in memory."""
    details = "".join(traceback.format_exception(kind, value, tb))
    if sys.stderr is not None:  # None in a windowed (no console) Windows build
        sys.stderr.write(details)
    if _in_hook[0]:
        return
    _in_hook[0] = True
    try:
        from neslis_desktop.gui import dialogs

        dialogs.show_error(
            None,
            "Something went wrong",
            f"An unexpected error happened: {value}\n\nYour work is still open; save it, then restart the app "
            "if anything looks wrong.",
            details,
        )
    except Exception:
        pass
    finally:
        _in_hook[0] = False


def make_app(argv: list[str]) -> QApplication:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    QCoreApplication.setOrganizationName(ORG)
    QCoreApplication.setApplicationName(APP)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv)
    QApplication.setApplicationDisplayName(APP)
    from neslis_desktop.gui import collector

    collector.install(app)  # cycles are collected on this thread only (see gui/collector.py)
    return app


def offer_recovery(window: MainWindow) -> bool:
    """Offer a recovery copy left by a session that did not close; True when one was restored."""
    from neslis_desktop.errors import NeslisError
    from neslis_desktop.gui import dialogs, recovery

    for folder, origin in recovery.pending():
        where = str(origin) if origin else "a project not saved yet"
        question = f"NESLIS Desktop did not close properly last time. Restore the unsaved changes to {where}?"
        if dialogs.ask_yes_no(window, "Restore unsaved work?", question):
            try:
                project = recovery.load_recovery(folder)
            except NeslisError as exc:
                dialogs.show_error(window, "Could not restore", str(exc))
                continue
            window.set_project(project, origin, restored=True)
            return True
        shutil.rmtree(folder, ignore_errors=True)
    return False


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    app = make_app(sys.argv[:1])
    sys.excepthook = excepthook

    from PySide6.QtCore import QTimer

    from neslis_desktop.errors import NeslisError
    from neslis_desktop.gui import dialogs
    from neslis_desktop.gui.file_flows import is_bundled
    from neslis_desktop.gui.main_window import MainWindow
    from neslis_desktop.resources import bundled_project
    from neslis_desktop.store import load_project

    dialogs.NONINTERACTIVE[0] = bool(args.screenshot or args.quit_after_show)
    folder = args.project or bundled_project()
    window = MainWindow()
    if not dialogs.NONINTERACTIVE[0]:
        # As File > Open does: a folder another app holds, or with a broken file, asks first;
        # the folder is listed in Open recent.
        window.open_project(Path(folder))
    else:
        try:
            project = load_project(folder)
        except NeslisError as exc:
            if args.screenshot:
                if sys.stderr is not None:
                    sys.stderr.write(f"{exc}\n")
                return 2
            dialogs.show_error(window, "Could not open the project", str(exc))
        else:
            window.set_project(project, None if is_bundled(folder) else Path(folder).resolve())
    if args.screenshot:
        window.fit_to_screen()  # as a first start on this screen, whatever was remembered
    window.show()

    if args.quit_after_show:
        QTimer.singleShot(0, app.quit)
        app.exec()
        return 0
    if args.screenshot:
        return _screenshot(app, window, args.screenshot)
    QTimer.singleShot(0, lambda: offer_recovery(window))
    return int(app.exec())


def _screenshot(app: QApplication, window: MainWindow, target: Path) -> int:
    from PySide6.QtCore import QTimer

    result = {"code": 1}

    def grab() -> None:
        target.parent.mkdir(parents=True, exist_ok=True)
        ok = window.grab().save(str(target))
        result["code"] = 0 if ok else 1
        window.undo.setClean()
        app.quit()

    def painted(_: float) -> None:
        window.preview.painted.disconnect(painted)
        QTimer.singleShot(100, grab)

    if window.model.project.sections:
        window.select_item(0)
    window.preview.painted.connect(painted)
    window.refresh_preview()
    QTimer.singleShot(10_000, grab)  # never hang: grab whatever is there
    app.exec()
    return result["code"]


if __name__ == "__main__":
    sys.exit(main())
