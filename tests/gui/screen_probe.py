"""Run by ``test_screen_fit.py`` in a process of its own, on a screen of a given size and scale:
opens the main window as on a first start, shows every block kind's form in turn, and prints,
as JSON, every control that does not fit (cut off by the window, or needing a sideways scroll).
"""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QToolButton, QWidget

from neslis_desktop.gui.main_window import MainWindow
from neslis_desktop.model import Project
from neslis_desktop.resources import bundled_project
from neslis_desktop.store import load_project


def clipped(win: MainWindow) -> list[str]:
    """Controls outside any scroll area that are not wholly visible, in the window and on the screen,
    and wrapped labels there not given the height their lines need."""
    found = []
    screen = win.screen().availableGeometry()
    scrolled = [win.editor_area.widget(), win.preview_area.widget(), win.pack_area.widget(), win.tree]
    for w in win.findChildren(QWidget):
        if isinstance(w, QLabel) and w.isVisible() and w.wordWrap() and w.text():
            if not any(s is not None and (s is w or s.isAncestorOf(w)) for s in scrolled):
                need = w.heightForWidth(w.width())
                if need > w.height():  # a wrapped line the layout gave no room: cut through
                    found.append(f"QLabel {w.text()[:40]!r}: {w.height()} px high, its lines need {need}")
            continue
        if not isinstance(w, QAbstractButton | QLineEdit) or not w.isVisible():
            continue
        if any(s is not None and (s is w or s.isAncestorOf(w)) for s in scrolled):
            continue
        if w.objectName() == "qt_toolbar_ext_button":
            continue
        shown = w.visibleRegion().boundingRect()
        on_screen = screen.contains(QRect(w.mapToGlobal(QPoint(0, 0)), w.size()))
        if shown.size() != w.size() or not on_screen:
            found.append(
                f"{type(w).__name__} {w.text() or w.accessibleName()!r}: {shown.width()}x{shown.height()} "
                f"of {w.width()}x{w.height()} shown{'' if on_screen else ', partly off the screen'}"
            )
    return found


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    project: Project = load_project(bundled_project())
    win = MainWindow(project, None)
    win.fit_to_screen()
    win.show()
    app.processEvents()
    screen = win.screen().availableGeometry()
    problems: list[str] = []
    frame = win.frameGeometry()
    if not screen.contains(frame):
        problems.append(f"window {frame.getRect()} is larger than the screen {screen.getRect()}")
    ext = next((b for b in win.findChildren(QToolButton) if b.objectName() == "qt_toolbar_ext_button"), None)
    if ext is not None and ext.isVisible():
        problems.append("the toolbar overflows (its » button is shown)")
    seen: set[str] = set()
    places: list[tuple[str, int, int | None]] = [("project details", -1, None), ("section", 0, None)]
    for si, section in enumerate(project.sections):
        for bi, block in enumerate(section.blocks):
            if block.kind not in seen:
                seen.add(block.kind)
                places.append((block.kind, si, bi))
    for name, si, bi in places:
        win.select_item(si, bi)
        win.refresh_preview()
        for _ in range(3):
            app.processEvents()
        if win.editor_area.horizontalScrollBar().maximum() > 0:
            problems.append(f"{name}: the form is wider than its pane")
        problems += [f"{name}: {p}" for p in clipped(win)]
        if win.preview_area.viewport().height() < 150:
            problems.append(f"{name}: the preview is only {win.preview_area.viewport().height()} px high")
    print(json.dumps({"window": [win.width(), win.height()], "kinds": sorted(seen), "problems": problems}))
    win.undo.setClean()
    win.close()


if __name__ == "__main__":
    main()
