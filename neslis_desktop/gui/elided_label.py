"""A one-line label that shortens its text to the room it has, the whole text kept for reading.

The pack panel shows template names and the output folder beside their buttons. Word-wrapped
there, a long name asked for a second line that the window's splitter did not give it at 150%
scaling on a 1366x768 screen, and both lines were cut through the middle. Shortened with an
ellipsis instead, the line stays whole at any width; the full text stays the label's
``text()`` (what screen readers say) and is shown in its tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QWidget


class ElidedLabel(QLabel):
    """A :class:`QLabel` drawn on one line, shortened with "…" (``mode``: where the cut goes)."""

    def __init__(
        self, text: str = "", mode: Qt.TextElideMode = Qt.TextElideMode.ElideRight, parent: QWidget | None = None
    ) -> None:
        super().__init__(text, parent)
        self._mode = mode

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setToolTip(text)

    def minimumSizeHint(self) -> QSize:
        # Room for about ten characters: enough to tell one name from another, so that a form
        # that wraps long rows puts this row's field under its label rather than squeeze it.
        return QSize(self.fontMetrics().averageCharWidth() * 10, super().minimumSizeHint().height())

    def shown_text(self) -> str:
        """The text as drawn at the label's present width."""
        return self.fontMetrics().elidedText(self.text(), self._mode, max(0, self.contentsRect().width()))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.drawText(self.contentsRect(), int(self.alignment() | Qt.AlignmentFlag.AlignVCenter), self.shown_text())
