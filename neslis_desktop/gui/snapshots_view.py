"""The Snapshots dock: the project's named snapshots, taking one, and what changed since one.

Officers send the draft to the Working Group, then the Steering Group, then the LEP Board, and
each wants to know what changed since they last saw it. This dock lists the snapshots kept in
the project folder (:mod:`neslis_desktop.store.snapshots`, the same as ``neslis snapshot``),
takes a new one, and compares the project as it is now (unsaved edits included) with the one
chosen: the report says what ``neslis diff`` says, with changed words highlighted, and the
document's :class:`~neslis_desktop.gui.comparison.Comparison` marks the changed sections and
blocks in the outline until comparing is turned off. Both follow the user's edits.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QCloseEvent, QColor
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from neslis_desktop.errors import NeslisError
from neslis_desktop.gui import dialogs
from neslis_desktop.gui.document import ProjectDocument
from neslis_desktop.render.diff_report import report_lines
from neslis_desktop.store.snapshots import Snapshot, damaged_snapshots, list_snapshots, load_snapshot, take_snapshot

_DEL_STYLE = "background-color:#ffd7d5; color:#82071e; text-decoration:line-through;"
_INS_STYLE = "background-color:#ccffd8; color:#055d20; font-weight:600;"
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_ITALIC = re.compile(r"(?<![*\w])\*(?!\s)(.+?)(?<!\s)\*(?![*\w])")


def report_html(lines: list[str]) -> str:
    """The Markdown report of :func:`report_lines` as the rich text a QTextBrowser shows:
    headings, indented lists, deleted words struck through in red, inserted words in green."""
    out: list[str] = []
    depth = 0
    for line in lines:
        item = re.match(r"^( *)- (.*)$", line)
        if item is None:
            out.append("</ul>" * depth)
            depth = 0
            if line.startswith("## "):
                out.append(f"<h4>{_inline(line[3:])}</h4>")
            elif line.startswith("# "):
                out.append(f"<h3>{_inline(line[2:])}</h3>")
            elif line.strip():
                out.append(f"<p>{_inline(line)}</p>")
            continue
        level = len(item.group(1)) // 2 + 1
        out.append("<ul>" * (level - depth) + "</ul>" * (depth - level))
        depth = level
        out.append(f"<li>{_inline(item.group(2))}</li>")
    out.append("</ul>" * depth)
    return "".join(out)


def _inline(text: str) -> str:
    text = html.escape(text, quote=False)
    text = text.replace("&lt;del&gt;", f'<span style="{_DEL_STYLE}">').replace("&lt;/del&gt;", "</span>")
    text = text.replace("&lt;ins&gt;", f'<span style="{_INS_STYLE}">').replace("&lt;/ins&gt;", "</span>")
    text = _BOLD.sub(r"<b>\1</b>", text)
    return _ITALIC.sub(r"<i>\1</i>", text)


class SnapshotsDock(QDockWidget):
    """Lists the snapshots, takes one, and compares the open project with the one chosen.

    ``save`` is the window's Save (with its questions), offered before a snapshot is taken of
    a project with unsaved changes: a snapshot keeps the project as saved.
    """

    def __init__(self, doc: ProjectDocument, save: Callable[[], bool], parent: QWidget | None = None) -> None:
        super().__init__("Snapshots", parent)
        self.setObjectName("snapshotsDock")
        self.doc = doc
        self._save = save
        self._snapshots: list[Snapshot] = []
        self._compared: Snapshot | None = None

        body = QWidget()
        col = QVBoxLayout(body)
        col.setContentsMargins(6, 6, 6, 6)
        self.list = QTreeWidget()
        self.list.setHeaderLabels(["Snapshot", "Taken"])
        self.list.setRootIsDecorated(False)
        self.list.setAccessibleName("Snapshots of this project")
        self.list.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.list.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.list.itemDoubleClicked.connect(lambda *_: self.compare_selected())
        self.list.currentItemChanged.connect(lambda *_: self._update_buttons())
        take_row = QHBoxLayout()
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText("Name, e.g. sent to Steering Group, 12 March")
        self.name_edit.setAccessibleName("Name of the new snapshot")
        self.name_edit.returnPressed.connect(self.take)
        self.take_button = QPushButton("&Take snapshot")
        self.take_button.clicked.connect(self.take)
        take_row.addWidget(self.name_edit, 1)
        take_row.addWidget(self.take_button)
        compare_row = QHBoxLayout()
        self.compare_button = QPushButton("&Compare with selected")
        self.compare_button.clicked.connect(self.compare_selected)
        self.stop_button = QPushButton("&Stop comparing")
        self.stop_button.clicked.connect(self.stop)
        compare_row.addWidget(self.compare_button)
        compare_row.addWidget(self.stop_button)
        compare_row.addStretch(1)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.report = QTextBrowser()
        self.report.setAccessibleName("What changed since the snapshot")
        self.report.setOpenLinks(False)
        top = QWidget()
        top_col = QVBoxLayout(top)
        top_col.setContentsMargins(0, 0, 0, 0)
        top_col.addWidget(self.list, 1)
        top_col.addLayout(take_row)
        top_col.addLayout(compare_row)
        top_col.addWidget(self.status)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(self.report)
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)
        col.addWidget(split)
        self.setWidget(body)

        doc.comparison.marks_changed.connect(self._show_report)
        doc.path_changed.connect(self.refresh)
        doc.replaced.connect(self.refresh)
        self.refresh()

    # ------------------------------------------------------------------ the list
    def refresh(self) -> None:
        """List the snapshots in the project folder again (damaged ones too, marked so)."""
        self.list.clear()
        folder = self.doc.path
        self._snapshots = list_snapshots(folder) if folder is not None else []
        for snapshot in self._snapshots:
            item = QTreeWidgetItem([snapshot.name, f"{snapshot.taken:%d %b %Y %H:%M}"])
            item.setData(0, Qt.ItemDataRole.UserRole, str(snapshot.folder))
            item.setToolTip(0, str(snapshot.folder))
            self.list.addTopLevelItem(item)
        for damaged in damaged_snapshots(folder) if folder is not None else []:
            item = QTreeWidgetItem([f"{damaged.parent.name} (damaged)", "?"])
            item.setData(0, Qt.ItemDataRole.UserRole, str(damaged))
            item.setToolTip(0, f"{damaged}: missing or cannot be read")
            item.setForeground(0, QBrush(QColor("#8a4b00")))
            self.list.addTopLevelItem(item)
        newest = self.list.topLevelItem(len(self._snapshots) - 1) if self._snapshots else None
        if newest is not None:
            self.list.setCurrentItem(newest)
        if folder is None:
            self.status.setText("Save the project to keep snapshots of it.")
        elif not self._snapshots:
            self.status.setText("No snapshots yet: name one above and take it.")
        self._update_buttons()

    def names(self) -> list[str]:
        """What the list shows, row by row (for tests and screen readers' checks)."""
        items = (self.list.topLevelItem(i) for i in range(self.list.topLevelItemCount()))
        return [item.text(0) for item in items if item is not None]

    def _selected(self) -> Snapshot | Path | None:
        item = self.list.currentItem()
        if item is None:
            return None
        where = Path(str(item.data(0, Qt.ItemDataRole.UserRole)))
        return next((s for s in self._snapshots if s.folder == where), where)

    def _update_buttons(self) -> None:
        self.take_button.setEnabled(self.doc.path is not None and not self.doc.read_only)
        self.compare_button.setEnabled(self.list.currentItem() is not None)
        self.stop_button.setEnabled(self.doc.comparison.active)

    # ------------------------------------------------------------------ taking one
    def take(self) -> Snapshot | None:
        """Take a snapshot named as typed; offers to save unsaved changes first."""
        name = self.name_edit.text().strip()
        folder = self.doc.path
        if folder is None or self.doc.read_only:
            dialogs.show_error(
                self, "Snapshot not taken", "Save the project in a folder of its own first: a snapshot is kept in it."
            )
            return None
        if not name:
            dialogs.show_error(
                self, "Snapshot not taken", "Type a name for it first, such as 'sent to Steering Group'."
            )
            return None
        if (
            self.doc.is_modified()
            and dialogs.ask_yes_no(
                self,
                "Save before the snapshot?",
                "A snapshot keeps the project as it is saved. Save your changes first, so that it keeps them too?",
            )
            and not self._save()
        ):
            return None
        try:
            snapshot = take_snapshot(folder, name)
        except NeslisError as exc:
            dialogs.show_error(self, "Snapshot not taken", str(exc))
            return None
        self.name_edit.clear()
        self.refresh()
        self.status.setText(f'Took snapshot "{snapshot.name}" in {snapshot.folder}.')
        return snapshot

    # ------------------------------------------------------------------ comparing
    def compare_selected(self) -> bool:
        """Compare the project with the selected snapshot; a damaged one is named in an error."""
        chosen = self._selected()
        if chosen is None:
            return False
        if isinstance(chosen, Path):
            dialogs.show_error(
                self,
                "Snapshot cannot be read",
                f"{chosen}: this snapshot's description is missing or damaged, so it cannot be compared with. "
                "The other snapshots are not affected.",
            )
            return False
        try:
            base = load_snapshot(chosen)
        except NeslisError as exc:
            dialogs.show_error(self, "Snapshot cannot be read", f'Snapshot "{chosen.name}" is damaged:\n{exc}')
            return False
        self._compared = chosen
        self.doc.comparison.start(base, chosen.name)
        return True

    def stop(self) -> None:
        """Turn comparing off: the report and the outline's marks go."""
        self._compared = None
        self.doc.comparison.stop()

    def closeEvent(self, event: QCloseEvent) -> None:
        # Closed, the dock no longer says what the marks mean: they go with it.
        self.stop()
        super().closeEvent(event)

    def _show_report(self) -> None:
        comparison = self.doc.comparison
        self._update_buttons()
        if comparison.diff is None or self._compared is None:
            self.report.clear()
            if not comparison.active:
                self._compared = None
                self.status.setText("Not comparing. Pick a snapshot and Compare to see what changed since.")
            return
        lines = report_lines(comparison.diff, self._compared.label(), "this project now", "markdown")
        self.report.setHtml(report_html(lines))
        count = sum(1 for s in comparison.diff.sections if s.changed)
        self.status.setText(
            f'Comparing with "{self._compared.name}": {count} section(s) changed, marked in the outline.'
        )
