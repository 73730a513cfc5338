"""The Consultation window: summit feedback and reviewers' comments, beside the main window.

A window of its own rather than another pane, so the main window keeps its room on a
1366x768 laptop; it follows the main window's project, and "go to" selects in its outline.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from neslis_desktop.gui.feedback_panel import FeedbackPanel
from neslis_desktop.gui.linked_strip import Linked
from neslis_desktop.gui.review_panel import ReviewPanel

if TYPE_CHECKING:
    from neslis_desktop.gui.main_window import MainWindow


class ConsultationWindow(QWidget):
    """Tabs for the Feedback view and the Review panel of one main window's project."""

    def __init__(self, win: MainWindow) -> None:
        super().__init__(win, Qt.WindowType.Window)
        self.win = win
        self.setWindowTitle("Consultation: feedback and review")
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        self.feedback = FeedbackPanel(win.doc)
        self.review = ReviewPanel(win.doc, self.locate, self.current)
        self.tabs.addTab(self.feedback, "&Feedback")
        self.tabs.addTab(self.review, "Re&view comments")
        layout.addWidget(self.tabs)
        screen = win.screen().availableGeometry()
        self.resize(min(900, int(screen.width() * 0.7)), min(640, int(screen.height() * 0.8)))

    def show_linked(self, link: Linked) -> None:
        """Bring a response or theme (Feedback tab) or a comment (Review tab) into view, selected."""
        if link.what == "comment":
            self.tabs.setCurrentWidget(self.review)
            self.review.select_comment(link.id)
        else:
            self.tabs.setCurrentWidget(self.feedback)
            self.feedback.select(link.what, link.id)

    def locate(self, section_id: str, block: int | None) -> None:
        """Select a section (and a 1-based block) of the project in the main window's outline."""
        ids = [s.id for s in self.win.doc.project.sections]
        if section_id not in ids:
            return
        si = ids.index(section_id)
        blocks = len(self.win.doc.project.sections[si].blocks)
        self.win.select_item(si, block - 1 if block and block <= blocks else None)
        self.win.activateWindow()

    def current(self) -> tuple[str, int | None] | None:
        """The section id and 1-based block selected in the main window's outline."""
        loc = self.win.current_location()
        if loc is None:
            return None
        si, bi = loc
        return self.win.doc.project.sections[si].id, None if bi is None else bi + 1
