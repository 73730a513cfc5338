"""The bullet-list editor: one line per bullet, indented with buttons, nested up to 3 levels.

The model nests bullets as items with sub-items; officers see a flat list of lines with an
indent level, which is how they think of a slide's bullets. Conversion both ways is exact.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QToolButton, QVBoxLayout, QWidget

from neslis_desktop.gui.editors.undo_keys import undo_filter

MAX_LEVEL = 2  # levels 0..2: three levels, as the model allows


def flatten(items: list[Any], level: int = 0) -> list[tuple[int, str]]:
    """Nested bullet data as (level, text) rows."""
    rows: list[tuple[int, str]] = []
    for item in items:
        if isinstance(item, str):
            rows.append((level, item))
        else:
            rows.append((level, item.get("text", "")))
            rows += flatten(item.get("items", []), level + 1)
    return rows


def nest(rows: list[tuple[int, str]]) -> list[Any]:
    """(level, text) rows as nested bullet data (plain text where a bullet has no children)."""
    root: list[dict[str, Any]] = []
    stack: list[tuple[int, list[dict[str, Any]]]] = [(-1, root)]
    for wanted, text in rows:
        while stack[-1][0] >= wanted and len(stack) > 1:
            stack.pop()
        level = min(wanted, stack[-1][0] + 1)
        node: dict[str, Any] = {"text": text, "items": []}
        stack[-1][1].append(node)
        stack.append((level, node["items"]))

    def simplify(nodes: list[dict[str, Any]]) -> list[Any]:
        return [n["text"] if not n["items"] else {"text": n["text"], "items": simplify(n["items"])} for n in nodes]

    return simplify(root)


class _BulletLine(QLineEdit):
    """A bullet's text field; Alt+Shift+Right/Left ask to indent or outdent it (as in Word's outline)."""

    shift = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        mods = event.modifiers()
        wanted = Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier
        if mods & wanted == wanted and event.key() in (Qt.Key.Key_Right, Qt.Key.Key_Left):
            self.shift.emit(1 if event.key() == Qt.Key.Key_Right else -1)
            return
        super().keyPressEvent(event)


class BulletsEditor(QWidget):
    """Rows of bullet text with indent, outdent, remove and add; emits nested data on change."""

    changed = Signal(list)

    def __init__(self, items: list[Any], label: str = "Bullets", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows = flatten(items)
        self.label = label
        self.edits: list[QLineEdit] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(2)
        self._build()

    def _build(self, focus: int | None = None) -> None:
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.edits = []
        for i, (level, text) in enumerate(self.rows):
            row = QWidget()
            line = QHBoxLayout(row)
            line.setContentsMargins(level * 28, 0, 0, 0)
            edit = _BulletLine(text)
            edit.installEventFilter(undo_filter())
            edit.setAccessibleName(f"Bullet {i + 1}, level {level + 1}")
            edit.textEdited.connect(lambda t, i=i: self._edit(i, t))
            edit.returnPressed.connect(lambda i=i: self._add_after(i))
            edit.setToolTip("Enter adds a bullet below; Alt+Shift+Right indents, Alt+Shift+Left outdents")
            edit.shift.connect(lambda step, i=i: self._shift(i, step))
            line.addWidget(edit)
            for glyph, tip, act in (
                ("⇤", "Outdent (move left)", lambda _=False, i=i: self._shift(i, -1)),
                ("⇥", "Indent (make a sub-point)", lambda _=False, i=i: self._shift(i, 1)),
                ("✕", "Remove this bullet", lambda _=False, i=i: self._remove(i)),
            ):
                button = QToolButton()
                button.setText(glyph)
                button.setToolTip(tip)
                button.setAccessibleName(tip)
                button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
                button.clicked.connect(act)
                line.addWidget(button)
            self.edits.append(edit)
            self._layout.addWidget(row)
        add = QPushButton("Add bullet")
        add.setAccessibleName(f"Add bullet to {self.label}")
        add.clicked.connect(lambda: self._add_after(len(self.rows) - 1))
        add.setMaximumWidth(120)
        self._layout.addWidget(add)
        if focus is not None and 0 <= focus < len(self.edits):
            self.edits[focus].setFocus()

    def value(self) -> list[Any]:
        return nest(self.rows)

    def _emit(self) -> None:
        self.changed.emit(self.value())

    def _edit(self, i: int, text: str) -> None:
        self.rows[i] = (self.rows[i][0], text)
        self._emit()

    def _shift(self, i: int, step: int) -> None:
        level = self.rows[i][0] + step
        limit = 0 if i == 0 else min(MAX_LEVEL, self.rows[i - 1][0] + 1)
        level = max(0, min(level, limit))
        if level != self.rows[i][0]:
            self.rows[i] = (level, self.rows[i][1])
            self._build(focus=i)
            self._emit()

    def indent(self, i: int) -> None:
        self._shift(i, 1)

    def outdent(self, i: int) -> None:
        self._shift(i, -1)

    def _remove(self, i: int) -> None:
        del self.rows[i]
        self._build(focus=min(i, len(self.rows) - 1))
        self._emit()

    def _add_after(self, i: int) -> None:
        level = self.rows[i][0] if self.rows and i >= 0 else 0
        self.rows.insert(i + 1, (level, "New point"))
        self._build(focus=i + 1)
        self.edits[i + 1].selectAll()
        self._emit()
