"""The Review panel: reviewers' comments from returned drafts, listed by the section they concern.

An officer imports the Working Group's or the Board's returned draft, sees each comment under
its section with the words it quotes, goes to the block (double-click), replies, resolves, and
links the comment to the block that changed in answer. Resolved comments are kept, with the
snapshot they were resolved in: the newest one (picked in "Resolved in"), or one taken there
and then, so that "which version answered this?" always has an answer.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from neslis_desktop.errors import NeslisError
from neslis_desktop.gui import dialogs
from neslis_desktop.gui.document import ProjectDocument
from neslis_desktop.model import plain_text
from neslis_desktop.model.review import Review, ReviewComment
from neslis_desktop.render.review_import import read_review
from neslis_desktop.store.review import load_review, save_review
from neslis_desktop.store.snapshots import list_snapshots, take_snapshot

Locate = Callable[[str, int | None], None]
"""Select a section (by id) and optionally its block (1-based) in the window's outline."""
Current = Callable[[], tuple[str, int | None] | None]
"""The section id and block (1-based) selected in the outline, if any."""
ID_ROLE = Qt.ItemDataRole.UserRole
NEW_SNAPSHOT = "\x00new"
"""The "Resolved in" choice that takes a snapshot when a comment is resolved."""


class ReviewPanel(QWidget):
    """Open (and resolved) comments per section, with import, reply, resolve and link."""

    def __init__(self, doc: ProjectDocument, locate: Locate, current: Current, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.review = Review()
        self._locate = locate
        self._current = current
        layout = QVBoxLayout(self)
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        layout.addWidget(self.notice)
        top = QHBoxLayout()
        self.import_button = QPushButton("&Import comments from a returned draft…")
        self.show_resolved = QCheckBox("Show &resolved")
        top.addWidget(self.import_button)
        top.addStretch(1)
        top.addWidget(self.show_resolved)
        layout.addLayout(top)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Comment", "By", "On the words"])
        self.tree.setWordWrap(True)
        self.tree.setColumnWidth(0, 320)
        layout.addWidget(self.tree, 1)
        bottom = QHBoxLayout()
        self.reply = QLineEdit()
        self.reply.setPlaceholderText("Reply (kept with the comment)")
        self.resolved_in = QComboBox()
        self.resolved_in.setToolTip("The snapshot kept with the comment as the version that answered it")
        self.resolve_button = QPushButton("Re&solve")
        self.link_button = QPushButton("&Link to selected block")
        self.link_button.setToolTip("Record that the block selected in the outline changed in answer")
        bottom.addWidget(self.reply, 1)
        in_label = QLabel("&in")
        in_label.setBuddy(self.resolved_in)
        bottom.addWidget(self.resolve_button)
        bottom.addWidget(in_label)
        bottom.addWidget(self.resolved_in)
        bottom.addWidget(self.link_button)
        layout.addLayout(bottom)

        self.import_button.clicked.connect(lambda: self.import_draft())  # noqa: PLW0108 - not `checked` as a path
        self.show_resolved.toggled.connect(self._fill)
        self.tree.itemDoubleClicked.connect(self._go_to)
        self.resolve_button.clicked.connect(self.resolve_selected)
        self.link_button.clicked.connect(self.link_selected)
        doc.replaced.connect(self.reload)
        doc.path_changed.connect(self.reload)
        self.reload()

    @property
    def folder(self) -> Path | None:
        return None if self.doc.path is None or self.doc.read_only else self.doc.path

    def reload(self) -> None:
        """Read ``review/comments.yaml`` of the current project again."""
        try:
            self.review = load_review(self.doc.path) if self.doc.path else Review()
        except NeslisError as exc:
            self.review = Review()
            self.notice.setText(f"The review file could not be read:\n{exc}")
            self._fill()
            return
        open_count = sum(1 for c in self.review.comments if c.status == "open")
        if self.doc.path is None:
            self.notice.setText("Save the project first: comments are kept in its folder.")
        else:
            self.notice.setText(f"{open_count} open comments, {len(self.review.comments) - open_count} resolved.")
        for w in (self.import_button, self.resolve_button, self.link_button, self.resolved_in):
            w.setEnabled(self.folder is not None)
        self._fill_snapshots()
        self._fill()

    def _fill_snapshots(self, chosen: str | None = None) -> None:
        """Snapshots newest first (the newest chosen), then "a new snapshot"."""
        self.resolved_in.clear()
        for snapshot in reversed(list_snapshots(self.doc.path) if self.doc.path else []):
            self.resolved_in.addItem(f"{snapshot.name} ({snapshot.taken:%d %b %Y})", snapshot.name)
        self.resolved_in.addItem("a new snapshot\u2026", NEW_SNAPSHOT)
        self.resolved_in.setCurrentIndex(max(0, self.resolved_in.findData(chosen)) if chosen else 0)

    def _fill(self) -> None:
        self.tree.clear()
        shown = [c for c in self.review.comments if self.show_resolved.isChecked() or c.status == "open"]
        sections = [(s.id, plain_text(s.title)) for s in self.doc.project.sections]
        known = {sid for sid, _ in sections}
        groups = [*sections, (None, "Not placed")]
        for sid, title in groups:
            here = [c for c in shown if c.section == sid or (sid is None and c.section not in known)]
            if not here:
                continue
            top = QTreeWidgetItem([f"{title} ({len(here)})"])
            top.setData(0, ID_ROLE, None)
            self.tree.addTopLevelItem(top)
            for c in here:
                top.addChild(self._item(c))
            top.setExpanded(True)

    @staticmethod
    def _item(c: ReviewComment) -> QTreeWidgetItem:
        kind = {"comment": "", "insertion": "Suggests adding: ", "deletion": "Suggests deleting: "}[c.kind]
        mark = "\u2713 " if c.status == "resolved" else ""
        item = QTreeWidgetItem([f"{mark}{kind}{c.text}", c.author or "", c.quoted or ""])
        item.setData(0, ID_ROLE, c.id)
        replies = "\n".join(f"{r.author or 'You'}: {r.text}" for r in c.replies)
        item.setToolTip(0, f"{c.text}\n\n{replies}".strip())
        item.setToolTip(2, c.quoted or "")
        return item

    def _selected(self) -> ReviewComment | None:
        item = self.tree.currentItem()
        cid = item.data(0, ID_ROLE) if item is not None else None
        return next((c for c in self.review.comments if c.id == cid), None)

    def select_comment(self, comment_id: str) -> None:
        """Select the comment ``comment_id`` in the list (showing resolved ones if it is resolved)."""
        if any(c.id == comment_id and c.status == "resolved" for c in self.review.comments):
            self.show_resolved.setChecked(True)
        found = [
            item
            for item in self.tree.findItems("", Qt.MatchFlag.MatchContains | Qt.MatchFlag.MatchRecursive)
            if item.data(0, ID_ROLE) == comment_id
        ]
        if found:
            self.tree.setCurrentItem(found[0])
            self.tree.scrollToItem(found[0])

    def _keep(self, review: Review) -> bool:
        assert self.folder is not None
        try:
            save_review(review, self.folder)
        except NeslisError as exc:
            dialogs.show_error(self, "Review not saved", str(exc))
            return False
        self.review = review
        self.reload()
        return True

    def _go_to(self, item: QTreeWidgetItem) -> None:
        comment = self._selected()
        if comment is not None and comment.section is not None:
            self._locate(comment.section, comment.block)

    def import_draft(self, path: Path | None = None) -> None:
        """Read a returned draft's comments and suggestions and add the new ones."""
        if self.folder is None:
            return
        path = path or dialogs.ask_open_file(self, "Import comments from a returned draft", "Word documents (*.docx)")
        if path is None:
            return
        try:
            incoming = read_review(path, self.doc.project)
        except NeslisError as exc:
            dialogs.show_error(self, "Comments not imported", str(exc))
            return
        review, added = self.review.merged(incoming)
        if added and not self._keep(review):
            return
        unplaced = [c for c in added if c.section is None]
        text = f"{len(added)} new comments and suggestions from {path.name}."
        lines = [f"{c.id}: not placed ({c.author or 'unknown'}): {c.text[:80]}" for c in unplaced]
        dialogs.show_report(self, "Comments imported", text, lines)

    def resolve_selected(self) -> None:
        """Resolve the selected comment, keeping the reply typed in the box."""
        comment = self._selected()
        if comment is None or self.folder is None:
            return
        snapshot = self._resolved_in(comment)
        if snapshot is None:
            return
        reply = self.reply.text().strip() or None
        if self._keep(self.review.resolve(comment.id, snapshot, reply=reply)):
            self.reply.clear()

    def _resolved_in(self, comment: ReviewComment) -> str | None:
        """The snapshot chosen in "Resolved in", taken now if asked; ``None`` when there is none."""
        chosen = self.resolved_in.currentData()
        if chosen != NEW_SNAPSHOT:
            return str(chosen)
        assert self.folder is not None
        if self.doc.is_modified():
            dialogs.show_error(
                self,
                "Save first",
                "A snapshot keeps the project as saved, and it has changes not saved yet. Save the project, "
                "then resolve the comment.",
            )
            return None
        who = f" for {comment.author}" if comment.author else ""
        name = dialogs.ask_text(
            self, "Take a snapshot", "Name of the snapshot that answers the comment:", f"answered{who}"
        )
        if name is None:
            return None
        try:
            snapshot = take_snapshot(self.folder, name)
        except NeslisError as exc:
            dialogs.show_error(self, "Snapshot not taken", str(exc))
            return None
        self._fill_snapshots(snapshot.name)
        return snapshot.name

    def link_selected(self) -> None:
        """Link the selected comment to the block selected in the outline."""
        comment = self._selected()
        where = self._current()
        if comment is None or where is None or self.folder is None:
            return
        section, block = where
        link = section if block is None else f"{section}#{block}"
        updated = [
            c.model_copy(update={"changed": [*c.changed, link]}) if c.id == comment.id and link not in c.changed else c
            for c in self.review.comments
        ]
        self._keep(self.review.model_copy(update={"comments": updated}))
