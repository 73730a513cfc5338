"""Undo keys in text fields go to the project's undo stack, not the field's own history."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence


class _UndoToWindow(QObject):
    """Lets Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y in a field reach the window's undo stack, so that
    undo always means the same thing: the last edit of the project, wherever the focus is."""

    KEYS = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            ctrl_y = QKeySequence(event.keyCombination()) == QKeySequence("Ctrl+Y")
            if ctrl_y or any(event.matches(k) for k in self.KEYS):
                event.ignore()
                return True
        return False


_UNDO_FILTER: list[_UndoToWindow] = []


def undo_filter() -> _UndoToWindow:
    if not _UNDO_FILTER:
        _UNDO_FILTER.append(_UndoToWindow())
    return _UNDO_FILTER[0]
