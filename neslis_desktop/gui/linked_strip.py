"""The "Linked feedback" strip above the editor: what consultation changed the item being edited.

"You said, we did" links go from a response, a theme or a reviewer's comment to the section or
block it changed. The Consultation window shows them from that side; this strip shows them
from the content's side, so an officer editing a block sees who asked for it, and one click
opens the response, theme or comment in the Consultation window.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from neslis_desktop.errors import NeslisError
from neslis_desktop.model import Project, plain_text
from neslis_desktop.model.feedback import Feedback
from neslis_desktop.model.review import Review
from neslis_desktop.store.feedback import QUESTIONS_FILE, RESPONSES_FILE, THEMES_FILE, load_feedback
from neslis_desktop.store.review import COMMENTS_FILE, load_review

MAX_SHOWN = 6
"""Links shown as buttons; more are counted in the label."""


@dataclass(frozen=True)
class Linked:
    """One piece of consultation linked to the item: what it is, its id, and a short label."""

    what: str
    """'response', 'theme' or 'comment'."""
    id: str
    label: str


def linked_to(project: Project, feedback: Feedback, review: Review, si: int, bi: int | None) -> list[Linked]:
    """Responses, themes and comments whose links name section ``si`` (or its block ``bi``, 0-based).

    A link to the whole section counts for each of its blocks too.
    """
    sid = project.sections[si].id
    wanted = {sid} if bi is None else {sid, f"{sid}#{bi + 1}"}
    if bi is None:
        wanted |= {f"{sid}#{n}" for n in range(1, len(project.sections[si].blocks) + 1)}

    def short(text: str) -> str:
        text = " ".join(plain_text(text).split())
        return text if len(text) <= 40 else text[:39].rstrip() + "\u2026"

    out = [Linked("theme", t.id, f"Theme: {short(t.label)}") for t in feedback.themes if wanted & set(t.changed)]
    out += [
        Linked("response", r.id, f"{r.organisation or 'Response'}: \u201c{short(r.text)}\u201d")
        for r in feedback.responses
        if wanted & set(r.changed)
    ]
    out += [
        Linked("comment", c.id, f"{c.author or 'Reviewer'}: {short(c.text)}")
        for c in review.comments
        if wanted & set(c.changed)
    ]
    return out


class LinkedStrip(QWidget):
    """A line of buttons, one per linked response, theme or comment; hidden when there is none."""

    def __init__(self, open_linked: Callable[[Linked], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Linked feedback")
        self._open = open_linked
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(6, 2, 6, 2)
        self.label = QLabel()
        self._layout.addWidget(self.label)
        self.buttons: list[QPushButton] = []
        self.links: list[Linked] = []
        self._layout.addStretch(1)
        self._read: tuple[object, Feedback, Review] | None = None
        """The files last read, with what they held: selecting another block reads them again
        only when one of them changed (the Consultation window or an import wrote it)."""
        self.hide()

    def _consultation(self, folder: Path) -> tuple[Feedback, Review]:
        stamp = (
            folder,
            *(_stamp(folder / name) for name in (THEMES_FILE, RESPONSES_FILE, QUESTIONS_FILE, COMMENTS_FILE)),
        )
        if self._read is None or self._read[0] != stamp:
            self._read = (stamp, load_feedback(folder), load_review(folder))
        return self._read[1], self._read[2]

    def show_links(self, folder: Path | None, project: Project, si: int | None, bi: int | None) -> None:
        """Read the project's feedback and comments and show those linked to the item (section ``si``)."""
        links: list[Linked] = []
        if folder is not None and si is not None:
            try:
                links = linked_to(project, *self._consultation(folder), si, bi)
            except NeslisError:
                links = []  # the Consultation window says what is wrong with the files
        self.links = links
        for button in self.buttons:
            self._layout.removeWidget(button)
            button.deleteLater()
        self.buttons = []
        more = len(links) - MAX_SHOWN
        self.label.setText("Linked feedback:" + (f" ({len(links)}; the first {MAX_SHOWN} shown)" if more > 0 else ""))
        for n, link in enumerate(links[:MAX_SHOWN]):
            button = QPushButton(link.label)
            button.setFlat(True)
            button.setToolTip(f"Open this {link.what} in the Consultation window")
            button.clicked.connect(lambda _=False, link=link: self._open(link))
            self._layout.insertWidget(1 + n, button)
            self.buttons.append(button)
        self.setVisible(bool(links))


def _stamp(path: Path) -> tuple[int, int] | None:
    """When ``path`` was last written, and its size; ``None`` when it is not there."""
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size
