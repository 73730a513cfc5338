"""The dialog that says what a survey export's columns mean before its rows are imported.

It opens with the store's guess (:func:`suggest_mapping`) or the mapping remembered for the
same layout of columns, lists the columns that look like personal data with a box to keep each
on purpose, and returns a :class:`ColumnMapping`.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from neslis_desktop.model.feedback import Question
from neslis_desktop.store.feedback_import import ColumnMapping, Table

NONE = "(not in this file)"
ROLES = (
    ("response", "&Answers (one row per answer)"),
    ("question", "&Question of each answer"),
    ("organisation", "&Organisation"),
    ("sector", "&Sector"),
    ("event", "&Event"),
    ("date", "&Date"),
)


class MappingDialog(QDialog):
    """Columns to roles, columns to questions, and personal-data columns kept on purpose."""

    def __init__(
        self, table: Table, asked: list[Question], start: ColumnMapping, personal: list[str], parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Import {table.source}")
        self._table = table
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"{len(table.rows):,} rows. Say what the columns hold; the choice is remembered."))
        roles = QFormLayout()
        self.roles: dict[str, QComboBox] = {}
        for key, label in ROLES:
            combo = QComboBox()
            combo.addItems([NONE, *table.header])
            current = getattr(start, key)
            combo.setCurrentText(current if current in table.header else NONE)
            roles.addRow(label, combo)
            self.roles[key] = combo
        layout.addLayout(roles)

        wide = QGroupBox("Columns that are &questions (one row per respondent)")
        wide_form = QFormLayout(wide)
        self.questions: dict[str, QComboBox] = {}
        for column in table.header:
            combo = QComboBox()
            combo.addItem(NONE, None)
            for q in asked:
                combo.addItem(f"{q.section_title}: {q.text}", q.key)
            combo.setCurrentIndex(max(0, combo.findData(start.questions.get(column))))
            wide_form.addRow(column[:60], combo)
            self.questions[column] = combo
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(wide)
        layout.addWidget(scroll, 1)

        self.keep: dict[str, QCheckBox] = {}
        if personal:
            box = QGroupBox("Personal data: left out unless you keep a column on purpose")
            box_layout = QVBoxLayout(box)
            for column in personal:
                check = QCheckBox(f"Keep '{column}'")
                check.setChecked(column in start.keep)
                box_layout.addWidget(check)
                self.keep[column] = check
            layout.addWidget(box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("&Import")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("&Cancel")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def mapping(self) -> ColumnMapping:
        """The mapping as the dialog shows it now."""

        def chosen(key: str) -> str | None:
            text = self.roles[key].currentText()
            return None if text == NONE else text

        return ColumnMapping(
            response=chosen("response"),
            question=chosen("question"),
            organisation=chosen("organisation"),
            sector=chosen("sector"),
            event=chosen("event"),
            date=chosen("date"),
            questions={c: combo.currentData() for c, combo in self.questions.items() if combo.currentData()},
            keep=[c for c, check in self.keep.items() if check.isChecked()],
        )


def ask_mapping(
    parent: QWidget | None, table: Table, asked: list[Question], start: ColumnMapping, personal: list[str]
) -> ColumnMapping | None:
    """The user's mapping for ``table``; ``None`` when they cancel."""
    dialog = MappingDialog(table, asked, start, personal, parent)
    return dialog.mapping() if dialog.exec() == QDialog.DialogCode.Accepted else None
