"""Screenshot of the window comparing with a snapshot, at 1366x768 (docs/app/screenshot-snapshots-1366x768.png).

Run: ``QT_QPA_PLATFORM=offscreen python tools/screenshot_snapshots.py OUT.png [WORK_FOLDER]``. The bundled
project is copied into WORK_FOLDER, a snapshot taken, three edits made (a word changed, a section moved, a
block removed) and the comparison shown.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sys
import time
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


def main(out: str, work: str = "build/screenshot-snapshots") -> None:
    app = QApplication.instance() or QApplication([])
    from neslis_desktop.gui import commands as cmd
    from neslis_desktop.gui.main_window import MainWindow
    from neslis_desktop.resources import bundled_project
    from neslis_desktop.store import load_project
    from neslis_desktop.store.snapshots import take_snapshot

    folder = Path(work) / "north-east-lis"
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(bundled_project(), folder)
    take_snapshot(folder, "sent to Steering Group, 12 March", now=dt.datetime(2026, 3, 12, 10, 4))
    win = MainWindow(load_project(folder), folder)
    win.resize(1366, 768)
    win.show()
    doc = win.doc
    block = doc.project.sections[1].blocks[0]
    text = getattr(block, "text", "")
    win.undo.push(cmd.ReplaceBlock(doc, 1, 0, block.model_copy(update={"text": text.replace("output", "value")})))
    win.undo.push(cmd.MoveSection(doc, 5, 2))
    win.undo.push(cmd.RemoveBlock(doc, 0, 2))
    win.show_snapshots()
    assert win.snapshots is not None
    win.resizeDocks([win.snapshots], [430], Qt.Orientation.Horizontal)
    win.snapshots.compare_selected()
    win.select_item(1, 1)
    end = time.time() + 1.5  # the preview is drawn a moment after the selection
    while time.time() < end:
        app.processEvents()
        time.sleep(0.02)
    win.grab().save(out)


if __name__ == "__main__":
    main(*sys.argv[1:3])
