"""Find across all text of the project (Ctrl+F): a bar listing matches; picking one selects it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from neslis_desktop.model import Project, plain_text


@dataclass(frozen=True)
class Match:
    """One place the searched text occurs: section (-1 for project details), block, snippet."""

    section: int
    block: int | None
    where: str
    snippet: str


def _strings(value: Any, path: str = "") -> list[tuple[str, str]]:
    if isinstance(value, str):
        return [(path, value)]
    if isinstance(value, list):
        return [s for i, v in enumerate(value) for s in _strings(v, f"{path}[{i + 1}]")]
    if isinstance(value, dict):
        return [s for k, v in value.items() if k != "kind" for s in _strings(v, f"{path}.{k}" if path else k)]
    return []


def _snippet(text: str, at: int, length: int) -> str:
    start = max(0, at - 30)
    end = min(len(text), at + length + 40)
    return ("…" if start else "") + text[start:end].replace("\n", " ") + ("…" if end < len(text) else "")


def find_matches(project: Project, needle: str, limit: int = 500) -> list[Match]:
    """Every occurrence of ``needle`` (case-insensitive, ignoring emphasis markup)."""
    needle = needle.strip().lower()
    if not needle:
        return []
    found: list[Match] = []

    def scan(si: int, bi: int | None, data: Any, prefix: str) -> None:
        for where, text in _strings(data):
            shown = plain_text(text)
            at = shown.lower().find(needle)
            if at >= 0 and len(found) < limit:
                found.append(Match(si, bi, f"{prefix}{where}", _snippet(shown, at, len(needle))))

    scan(-1, None, project.meta.model_dump(mode="json", exclude_none=True), "Project details: ")
    for si, section in enumerate(project.sections):
        scan(si, None, {"title": section.title, "notes": section.notes}, f"{si + 1}. ")
        for bi, block in enumerate(section.blocks):
            scan(si, bi, block.model_dump(mode="json", exclude_none=True), f"{si + 1}.{bi + 1} {block.kind}: ")
    return found


class FindBar(QWidget):
    """A search field and its list of matches; ``activated`` names the item to select."""

    activated = Signal(int, object)

    def __init__(self, project: Callable[[], Project], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._project = project  # the current Project, whichever is open when searching
        self.matches: list[Match] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        row = QHBoxLayout()
        row.addWidget(QLabel("Find:"))
        self.field = QLineEdit()
        self.field.setPlaceholderText("Text to find in every section")
        self.field.setAccessibleName("Find text")
        self.field.setClearButtonEnabled(True)
        row.addWidget(self.field, 1)
        self.count = QLabel("")
        row.addWidget(self.count)
        close = QToolButton()
        close.setText("✕")
        close.setToolTip("Close the find bar (Esc)")
        close.setAccessibleName("Close find bar")
        close.clicked.connect(self.hide)
        row.addWidget(close)
        layout.addLayout(row)
        self.results = QListWidget()
        self.results.setAccessibleName("Find results")
        self.results.setMaximumHeight(160)
        layout.addWidget(self.results)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.search)
        self.field.textChanged.connect(lambda _: self._timer.start())
        self.field.returnPressed.connect(self._next)
        self.results.currentRowChanged.connect(self._pick)

    def open(self) -> None:
        self.show()
        self.field.setFocus()
        self.field.selectAll()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.hide()
            return
        super().keyPressEvent(event)

    def search(self) -> None:
        self.matches = find_matches(self._project(), self.field.text())
        self.results.blockSignals(True)
        self.results.clear()
        for m in self.matches:
            item = QListWidgetItem(f"{m.where}\n    {m.snippet}")
            self.results.addItem(item)
        self.results.blockSignals(False)
        text = self.field.text().strip()
        self.count.setText(f"{len(self.matches)} found" if text else "")

    def _next(self) -> None:
        if self._timer.isActive():
            self._timer.stop()
            self.search()
        if self.matches:
            self.results.setCurrentRow((self.results.currentRow() + 1) % len(self.matches))

    def _pick(self, row: int) -> None:
        if 0 <= row < len(self.matches):
            m = self.matches[row]
            self.activated.emit(m.section, m.block)
