"""The Feedback view: responses typed in during a table discussion, or imported from a survey.

Fast to use while people talk: the event and the question stay chosen, the officer types the
organisation and what was said, and Ctrl+Enter keeps it and clears the box for the next one.
Every change is saved to the project's ``feedback/`` folder at once (atomically), apart from
the content's undo history, so nothing said at a summit waits on a Save.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError
from PySide6.QtCore import QAbstractTableModel, QItemSelectionModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from neslis_desktop.errors import NeslisError
from neslis_desktop.gui import dialogs, mapping_dialog
from neslis_desktop.gui.document import ProjectDocument
from neslis_desktop.model.feedback import Feedback, Question, Response, Theme, questions, relink
from neslis_desktop.model.text import slugify
from neslis_desktop.store.feedback import load_feedback, load_mappings, save_feedback, save_mapping
from neslis_desktop.store.feedback_import import (
    ColumnMapping,
    Table,
    import_table,
    personal_columns,
    read_table,
    read_table_text,
    suggest_mapping,
)

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("Response", "Organisation", "Event", "Themes", "Quote")
ALL = "(every question)"


class ResponsesModel(QAbstractTableModel):
    """The responses to one question (or all), as table rows; the Quote column is a check box."""

    quote_toggled = Signal(str, bool)

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[Response] = []
        self.labels: dict[str, str] = {}

    def show(self, rows: list[Response], themes: list[Theme]) -> None:
        """Show ``rows``, with theme ids written as their labels."""
        self.beginResetModel()
        self.rows = rows
        self.labels = {t.id: t.label for t in themes}
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == 4:
            return Qt.CheckState.Checked if r.quote else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            values = [
                r.text,
                r.organisation or "",
                r.event or "",
                ", ".join(self.labels.get(t, t) for t in r.themes),
                "",
            ]
            return values[column]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base | Qt.ItemFlag.ItemIsUserCheckable if index.column() == 4 else base

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != 4:
            return False
        checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2)
        self.quote_toggled.emit(self.rows[index.row()].id, checked)
        return True


class EntryBox(QPlainTextEdit):
    """The response box: Ctrl+Enter submits it (handled here, so it works wherever the focus came from)."""

    submitted = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.submitted.emit()
            return
        super().keyPressEvent(event)


class FeedbackPanel(QWidget):
    """Type, paste or import responses; tag them with themes; mark quotes."""

    def __init__(self, doc: ProjectDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.feedback = Feedback()
        self.asked: list[Question] = []
        layout = QVBoxLayout(self)
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        layout.addWidget(self.notice)

        form = QFormLayout()
        self.event_box = QComboBox()
        self.event_box.setEditable(True)
        self.event_box.setToolTip("Where it was said, such as 'Health summit, table 3'; kept for the next response")
        self.question = QComboBox()
        self.question.setMinimumContentsLength(30)
        self.question.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.organisation = QLineEdit()
        self.organisation.setPlaceholderText("Organisation (not a person's name)")
        self.text = EntryBox()
        self.text.setPlaceholderText("What was said. Ctrl+Enter keeps it and clears the box.")
        self.text.setTabChangesFocus(True)
        self.text.setMaximumHeight(110)
        form.addRow("&Event", self.event_box)
        form.addRow("&Question", self.question)
        form.addRow("&Organisation", self.organisation)
        form.addRow("&Response", self.text)
        layout.addLayout(form)

        buttons = QHBoxLayout()
        self.add_button = QPushButton("&Add response")
        self.import_button = QPushButton("&Import survey…")
        self.paste_button = QPushButton("&Paste table")
        self.paste_button.setToolTip("Paste rows copied from Excel or LibreOffice (the first row names the columns)")
        for button in (self.add_button, self.import_button, self.paste_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

        self.model = ResponsesModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setMinimumSectionSize(40)
        for column, width in enumerate((0, 150, 120, 140, 56)):
            if width:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
                header.resizeSection(column, width)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        layout.addWidget(self.table, 1)

        tagging = QHBoxLayout()
        self.theme = QComboBox()
        self.theme.setEditable(True)
        self.theme.setToolTip("A theme to tag the selected responses with; type a new one to add it")
        self.tag_button = QPushButton("&Tag selected")
        self.delete_button = QPushButton("&Delete selected")
        tagging.addWidget(QLabel("T&heme"))
        tagging.itemAt(0).widget().setBuddy(self.theme)  # type: ignore[union-attr]
        tagging.addWidget(self.theme, 1)
        tagging.addWidget(self.tag_button)
        tagging.addWidget(self.delete_button)
        layout.addLayout(tagging)

        self.add_button.clicked.connect(self.add_response)
        self.text.submitted.connect(self.add_response)
        self.import_button.clicked.connect(lambda: self.import_survey())  # noqa: PLW0108 - not `checked` as a path
        self.paste_button.clicked.connect(self.paste_table)
        self.tag_button.clicked.connect(self.tag_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.question.currentIndexChanged.connect(self._show_rows)
        self.model.quote_toggled.connect(self._set_quote)
        doc.replaced.connect(self.reload)
        doc.path_changed.connect(self.reload)
        doc.changed.connect(self._refresh_questions)  # an edited question; no file is read per keystroke
        self.reload()

    # ----------------------------------------------------------------- state
    @property
    def folder(self) -> Path | None:
        """Where the feedback is kept; ``None`` when the project is not saved or is read-only."""
        return None if self.doc.path is None or self.doc.read_only else self.doc.path

    def _refresh_questions(self) -> None:
        keep = self.question.currentData()
        # A question being reworded keeps its id, in memory until the feedback is next saved.
        self.feedback = relink(self.doc.project, self.feedback).feedback
        self.asked = questions(self.doc.project, self.feedback.questions)
        self.question.blockSignals(True)
        self.question.clear()
        self.question.addItem(ALL, None)
        for q in self.asked:
            self.question.addItem(f"{q.section_title}: {q.text}", q.key)
        self.question.setCurrentIndex(max(0, self.question.findData(keep)))
        self.question.blockSignals(False)

    def reload(self) -> None:
        """Read the feedback and the questions again (another project, or the same saved elsewhere)."""
        try:
            self.feedback = load_feedback(self.doc.path) if self.doc.path else Feedback()
        except NeslisError as exc:
            self.feedback = Feedback()
            self._refresh_questions()
            self.notice.setText(f"The feedback files could not be read, so nothing can be added:\n{exc}")
            self._enable(False)
            return
        self._refresh_questions()
        if self.doc.path is None:
            self.notice.setText("Save the project first: feedback is kept in its folder, beside the content.")
        elif self.doc.read_only:
            self.notice.setText("This project is open read-only: its feedback is shown but cannot be changed.")
        elif not self.asked:
            self.notice.setText(
                "The project has no discussion questions yet: add a Questions block to collect answers."
            )
        else:
            self.notice.setText(f"{len(self.feedback.responses):,} responses so far.")
        self._enable(self.folder is not None and bool(self.asked))
        events = sorted({r.event for r in self.feedback.responses if r.event})
        current = self.event_box.currentText()
        self.event_box.clear()
        self.event_box.addItems(events)
        self.event_box.setCurrentText(current)
        self.theme.clear()
        self.theme.addItems([t.label for t in self.feedback.themes])
        self.theme.setCurrentText("")
        self._show_rows()

    def _enable(self, on: bool) -> None:
        for w in (self.add_button, self.import_button, self.paste_button, self.tag_button, self.delete_button):
            w.setEnabled(on)
        self.text.setReadOnly(not on)

    def _show_rows(self) -> None:
        key = self.question.currentData()
        rows = [r for r in self.feedback.responses if key is None or r.question == key]
        self.model.show(rows, self.feedback.themes)
        self.table.resizeRowsToContents()

    def select(self, what: str, item_id: str) -> None:
        """Select the response ``item_id`` (all questions shown), or the responses tagged with a theme."""
        self.question.setCurrentIndex(0)  # every question
        self._show_rows()
        rows = self.model.rows
        hits = [n for n, r in enumerate(rows) if (r.id == item_id if what == "response" else item_id in r.themes)]
        self.table.clearSelection()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for n in hits:
            self.table.selectionModel().select(self.model.index(n, 0), flags)
        if hits:
            self.table.scrollTo(self.model.index(hits[0], 0))

    def _keep(self, feedback: Feedback) -> bool:
        """Save ``feedback``; on failure say why and keep what is shown (nothing typed is cleared)."""
        assert self.folder is not None
        try:
            save_feedback(feedback, self.folder, self.doc.project)
        except NeslisError as exc:
            dialogs.show_error(self, "Feedback not saved", str(exc))
            return False
        self.feedback = feedback
        self.notice.setText(f"{len(feedback.responses):,} responses so far.")
        self._show_rows()
        return True

    # ----------------------------------------------------------------- actions
    def add_response(self) -> None:
        """Keep the typed response under the chosen question and clear the box for the next."""
        if self.folder is None:
            return
        key = self.question.currentData()
        text = self.text.toPlainText().strip()
        if key is None:
            dialogs.show_error(self, "Which question?", "Choose the question this response answers, then add it.")
            return
        if not text:
            return
        asked = next(q for q in self.asked if q.key == key)
        try:
            response = Response(
                id=self.feedback.next_response_id(),
                question=key,
                asked=asked.text,
                text=text,
                organisation=self.organisation.text().strip() or None,
                event=self.event_box.currentText().strip() or None,
            )
        except ValidationError as exc:
            first = exc.errors(include_url=False)[0]
            dialogs.show_error(self, "Response not added", f"{first['loc'][0]}: {first['msg']}")
            return
        if self._keep(self.feedback.model_copy(update={"responses": [*self.feedback.responses, response]})):
            self.text.clear()
            self.organisation.clear()
            self.text.setFocus()

    def _selected_ids(self) -> list[str]:
        return [self.model.rows[i.row()].id for i in self.table.selectionModel().selectedRows()]

    def tag_selected(self) -> None:
        """Tag the selected responses with the theme in the box (added to the themes if new)."""
        label = self.theme.currentText().strip()
        ids = set(self._selected_ids())
        if not label or not ids or self.folder is None:
            return
        themes = list(self.feedback.themes)
        theme = next((t for t in themes if t.label.casefold() == label.casefold()), None)
        if theme is None:
            taken = {t.id for t in themes}
            base = slugify(label, fallback="theme")
            theme_id, n = base, 2
            while theme_id in taken:
                theme_id, n = f"{base}-{n}", n + 1
            theme = Theme(id=theme_id, label=label)
            themes.append(theme)
        responses = [
            r.model_copy(update={"themes": [*r.themes, theme.id]}) if r.id in ids and theme.id not in r.themes else r
            for r in self.feedback.responses
        ]
        self._keep(Feedback(themes=themes, responses=responses))
        self.theme.clear()
        self.theme.addItems([t.label for t in themes])

    def delete_selected(self) -> None:
        """Delete the selected responses, after asking."""
        ids = set(self._selected_ids())
        if not ids or self.folder is None:
            return
        if not dialogs.ask_yes_no(self, "Delete responses", f"Delete {len(ids)} response(s)? This cannot be undone."):
            return
        self._keep(
            self.feedback.model_copy(update={"responses": [r for r in self.feedback.responses if r.id not in ids]})
        )

    def _set_quote(self, response_id: str, on: bool) -> None:
        responses = [r.model_copy(update={"quote": on}) if r.id == response_id else r for r in self.feedback.responses]
        self._keep(self.feedback.model_copy(update={"responses": responses}))

    def import_survey(self, path: Path | None = None) -> None:
        """Import a CSV or XLSX export: pick it, say what its columns hold, see what was skipped."""
        if self.folder is None:
            return
        path = path or dialogs.ask_open_file(self, "Import a survey export", "Survey exports (*.csv *.xlsx *.txt)")
        if path is None:
            return
        try:
            table = read_table(path)
        except NeslisError as exc:
            dialogs.show_error(self, "Survey not imported", str(exc))
            return
        self._import(table)

    def paste_table(self) -> None:
        """Import rows copied from a spreadsheet (the first row names the columns)."""
        if self.folder is None:
            return
        try:
            table = read_table_text(QGuiApplication.clipboard().text(), "the pasted table")
        except NeslisError as exc:
            dialogs.show_error(self, "Nothing to paste", f"{exc}. Copy the rows, with their header row, first.")
            return
        self._import(table)

    def _import(self, table: Table) -> None:
        assert self.folder is not None
        remembered = load_mappings(self.folder).get(table.layout())
        guess = suggest_mapping(table, self.doc.project, self.feedback)
        start = ColumnMapping.from_dict(remembered) if remembered else guess
        mapping = mapping_dialog.ask_mapping(self, table, self.asked, start, personal_columns(table))
        if mapping is None:
            return
        try:
            result = import_table(self.doc.project, self.feedback, table, mapping, self.event_box.currentText() or None)
        except NeslisError as exc:
            dialogs.show_error(self, "Survey not imported", str(exc))
            return
        if result.added and self._keep(result.feedback):
            save_mapping(self.folder, table.layout(), mapping.as_dict())
        report = result.report()
        dialogs.show_report(self, "Survey imported", report[0], report[1:])
