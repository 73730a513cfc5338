"""A form built from field descriptions, that validates every keystroke before it counts.

:class:`FormEditor` edits a copy of an item's plain data. After each change the whole item
is validated with pydantic; an error is shown beside the field it concerns (as the user
types) and nothing is sent on. Only a valid item is emitted, through :attr:`edited`, for the
main window to push as an undo command, so an invalid value never reaches the project. The
invalid text stays in its field, marked, until it is fixed: :meth:`problem` names it for the
window's "a field has a problem" question and :meth:`go_to_problem` puts the cursor there.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path as FilePath
from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from neslis_desktop.gui.editors.bullets import BulletsEditor
from neslis_desktop.gui.editors.fields import F
from neslis_desktop.gui.editors.grid import GridEditor
from neslis_desktop.gui.editors.picture import PictureField
from neslis_desktop.gui.editors.undo_keys import undo_filter
from neslis_desktop.store.messages import data_path, message_for

Path = tuple[str | int, ...]
_ERROR_STYLE = "color: #b00020;"


def clean_loc(loc: tuple[Any, ...]) -> Path:
    """A pydantic error location as a path into the data (see :func:`store.messages.data_path`)."""
    return data_path(loc)


class _PlainText(QPlainTextEdit):
    """A multi-line field that moves focus on Tab and sizes itself for a few lines."""

    def __init__(self, text: str, lines: int) -> None:
        super().__init__()
        self.setPlainText(text)
        self.setUndoRedoEnabled(False)
        self.installEventFilter(undo_filter())
        self.setTabChangesFocus(True)
        self.setFixedHeight(self.fontMetrics().lineSpacing() * lines + 14)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)


class FormEditor(QWidget):
    """Edits one item (block, section head or project details) through its field list."""

    edited = Signal(object, str)
    """A valid new value and the key of the field that changed ('' for structural edits)."""
    validity_changed = Signal(bool)
    """True when a field turned red (the form holds something invalid), False when all are fine."""
    rebuilt = Signal()
    """The fields were made again (an entry added, removed or moved): new widgets, new tab order."""

    def __init__(
        self, title: str, fields: list[F], validate: Callable[[dict[str, Any]], Any], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.title = title
        self.fields = fields
        self._validate = validate
        self._data: dict[str, Any] = {}
        self.widgets: dict[Path, QWidget] = {}
        self._errors: dict[Path, QLabel] = {}
        self.messages: dict[Path, str] = {}
        self.last_valid: Any = None
        self._last_changed: Path = ()
        """The field typed into last: a problem of the whole item is named after it."""
        self.project_folder: FilePath | None = None
        """The project's folder, for fields that copy files into it (a picture); set by the window."""
        self._derived: list[tuple[QLabel, F]] = []
        self._serial = 0
        self._renamed_from: dict[tuple[int, str], str] = {}
        """For a renaming field being cleared and retyped: the value its references still hold."""

        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 8, 12, 8)
        head = QLabel(title)
        head.setObjectName("editorTitle")
        font = head.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        head.setFont(font)
        outer.addWidget(head)
        self._hint = QLabel()
        self._hint.setWordWrap(True)
        self._hint.setStyleSheet("color: #555;")
        self._hint.hide()
        outer.addWidget(self._hint)
        self._form_error = self._error_label()
        self._form_error.setAccessibleName("Problem with this item")
        outer.addWidget(self._form_error)
        self._body = QWidget()
        outer.addWidget(self._body)
        outer.addStretch(1)
        self.setAccessibleName(f"{title} editor")

    # ------------------------------------------------------------------ public
    def set_data(self, data: dict[str, Any]) -> None:
        """Show ``data`` (a copy is edited); rebuilds the widgets."""
        self._data = copy.deepcopy(data)
        try:
            self.last_valid = self._validate(self._pruned())
        except ValidationError:
            self.last_valid = None
        self._rebuild()

    def set_hint(self, text: str) -> None:
        """A line of guidance under the title."""
        self._hint.setText(text)
        self._hint.setVisible(bool(text))

    def data(self) -> dict[str, Any]:
        return copy.deepcopy(self._pruned())

    def has_errors(self) -> bool:
        return bool(self.messages)

    def _problem_path(self) -> tuple[Path, Path] | None:
        # (where the message is shown, the field to name and go to): a problem of the whole
        # item (ids used twice, a month outside the timeline) is the last typed field's doing.
        if not self.messages:
            return None
        order = list(self._errors)
        path = min(self.messages, key=lambda p: order.index(p) if p in order else -1)
        if path == () and self._last_changed in self.widgets:
            return path, self._last_changed
        return path, path

    def focus_order(self) -> list[QWidget]:
        """The fields and buttons Tab stops at, top to bottom (those of the current fields only;
        not the pop-up lists of combo boxes, which are windows of their own)."""
        window = self.window()
        return [
            w
            for w in self._body.findChildren(QWidget)
            if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.window() is window
        ]

    def problem(self) -> tuple[str, str] | None:
        """The first field in red, as (where, message) in words ('Box 2 › Identifier'); None when none."""
        found = self._problem_path()
        if found is None:
            return None
        shown, field = found
        return self.describe(field), self.messages[shown]

    def go_to_problem(self) -> QWidget | None:
        """Put the focus in the first field in red (or the item's first field); returns that widget."""
        found = self._problem_path()
        if found is None:
            return None
        path = found[1]
        widget = self.widgets.get(path)
        if widget is None:  # a problem of a whole entry or item: its first field
            widget = next((w for p, w in self.widgets.items() if p[: len(path)] == path), None)
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return widget

    def describe(self, path: Path) -> str:
        """A field's place in words: ('nodes', 1, 'id') is 'Box 2 › Identifier'."""
        parts: list[str] = []
        fields, noun = self.fields, "item"
        for n, step in enumerate(path):
            if isinstance(step, int):
                parts.append(f"{noun.capitalize()} {step + 1}")
                continue
            f = next((f for f in fields if f.key == step), None)
            if f is None:
                break
            if f.kind != "list" or n == len(path) - 1:
                parts.append(f.label)
            fields, noun = f.item, f.noun
        return " › ".join(parts) or "the whole item"

    # ------------------------------------------------------------------ building
    def _rebuild(self) -> None:
        focus_path = next((p for p, w in self.widgets.items() if w.hasFocus()), None)
        old = self._body
        self._body = QWidget()
        self.widgets.clear()
        self._errors.clear()
        self._derived.clear()
        form = self._new_form(self._body)
        self._add_fields(form, self.fields, self._data, ())
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.replaceWidget(old, self._body)
        old.hide()
        old.deleteLater()
        self._show_errors(self._check())
        if focus_path in self.widgets:
            self.widgets[focus_path].setFocus()
        self.rebuilt.emit()

    @staticmethod
    def _new_form(parent: QWidget) -> QFormLayout:
        form = QFormLayout(parent)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setContentsMargins(0, 4, 0, 4)
        return form

    @staticmethod
    def _error_label() -> QLabel:
        label = QLabel()
        label.setStyleSheet(_ERROR_STYLE)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.hide()
        return label

    def _add_fields(self, form: QFormLayout, fields: list[F], container: dict[str, Any], path: Path) -> None:
        for f in fields:
            fpath = (*path, f.key)
            widget = self._field_widget(f, container, fpath)
            widget.setAccessibleName(f.label)
            if f.help:
                widget.setToolTip(f.help)
            self.widgets[fpath] = widget
            error = self._error_label()
            error.setAccessibleName(f"Problem with {f.label}")
            self._errors[fpath] = error
            box = QWidget()
            col = QVBoxLayout(box)
            col.setContentsMargins(0, 0, 0, 0)
            col.setSpacing(2)
            if f.kind == "markup":
                col.addWidget(self._markup_bar(widget))
            col.addWidget(widget)
            col.addWidget(error)
            if f.kind in ("check", "list", "grid"):
                form.addRow(box) if f.kind in ("list", "grid") else form.addRow("", box)
            else:
                form.addRow(f.label + ":", box)

    def _field_widget(self, f: F, container: dict[str, Any], fpath: Path) -> QWidget:
        value = container.get(f.key)

        def setter(new: Any) -> None:
            self._set(container, f, new)
            self._changed(fpath)

        if f.kind == "line":
            edit = QLineEdit("" if value is None else str(value))
            edit.installEventFilter(undo_filter())
            if f.help:
                edit.setPlaceholderText(f.help)
            if f.renames is not None:
                edit.textEdited.connect(lambda text: self._rename(f, container, text))
            edit.textEdited.connect(setter)
            if f.rebuild:
                edit.editingFinished.connect(self._rebuild_later)
            return edit
        if f.kind in ("text", "markup"):
            height = 6 if f.kind == "markup" and not f.optional else 3  # the main text gets the room
            text = _PlainText("" if value is None else str(value), height)
            text.textChanged.connect(lambda: setter(text.toPlainText()))
            return text
        if f.kind == "lines":
            lines = _PlainText("\n".join(value or []), 4)
            lines.textChanged.connect(
                lambda: setter([ln.strip() for ln in lines.toPlainText().splitlines() if ln.strip()])
            )
            return lines
        if f.kind == "check":
            check = QCheckBox(f.label)
            check.setChecked(bool(value))
            check.toggled.connect(setter)
            return check
        if f.kind == "month":
            month = QDateEdit()
            month.setDisplayFormat("MMMM yyyy")
            month.setCalendarPopup(True)
            try:
                year, mon = (int(x) for x in str(value).split("-"))
                month.setDate(QDate(year, mon, 1))
            except ValueError:
                month.setDate(QDate.currentDate())
            month.dateChanged.connect(lambda d: setter(f"{d.year():04d}-{d.month():02d}"))
            return month
        if f.kind == "int":
            spin = QSpinBox()
            spin.setRange(f.minimum, f.maximum)
            spin.setSpecialValueText(f.special)
            spin.setValue(int(value) if value is not None else f.minimum)
            spin.valueChanged.connect(lambda v: setter(None if f.special and v == f.minimum else v))
            return spin
        if f.kind in ("combo", "choice"):
            combo = QComboBox()
            options = self._options(f, container)
            current = "" if value is None else str(value)
            if current not in options:
                options.append(current)
            for opt in options:
                combo.addItem(opt or "(none)", opt)
            combo.setCurrentIndex(options.index(current))
            combo.currentIndexChanged.connect(lambda i: setter(combo.itemData(i)))
            return combo
        if f.kind == "bullets":
            bullets = BulletsEditor(value or [], f.label)
            bullets.changed.connect(setter)
            return bullets
        if f.kind == "list":
            return self._list_widget(f, container, fpath)
        if f.kind == "grid":
            assert f.to_grid is not None and f.from_grid is not None
            grid = GridEditor(f.to_grid(self._data), f.label)
            from_grid = f.from_grid

            def cells_changed(cells: list[list[str]]) -> None:
                from_grid(self._data, cells)
                self._changed(fpath, merge=False)  # each finished cell or row change is its own undo step

            grid.changed.connect(cells_changed)
            return grid
        if f.kind == "object":
            found = container.get(f.key)
            entry: dict[str, Any] = found if isinstance(found, dict) else {}
            container[f.key] = entry
            group = QGroupBox(f.label)
            self._add_fields(self._new_form(group), f.item, entry, fpath)
            return group
        if f.kind == "derived":
            shown = QLabel()
            shown.setWordWrap(True)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            shown.setStyleSheet("color: palette(dark);")
            self._derived.append((shown, f))
            return shown
        if f.kind == "picture":
            picture = PictureField("" if value is None else str(value), lambda: self.project_folder)
            picture.changed.connect(setter)
            return picture
        raise ValueError(f"unknown field kind {f.kind}")

    def _options(self, f: F, container: dict[str, Any]) -> list[str]:
        if f.kind == "choice":
            return list(f.choices)
        return f.options(self._data, container) if f.options else [""]

    def _markup_bar(self, target: QWidget) -> QWidget:
        bar = QWidget()
        row = QHBoxLayout(bar)
        row.setContentsMargins(0, 0, 0, 0)
        buttons = (("B", "**", "Bold (Ctrl+B)", "Ctrl+B"), ("I", "*", "Italic (Ctrl+I)", "Ctrl+I"))
        for label, marker, tip, keys in buttons:
            button = QToolButton()
            button.setText(label)
            font = button.font()
            font.setBold(label == "B")
            font.setItalic(label == "I")
            button.setFont(font)
            button.setToolTip(tip)
            button.setAccessibleName(tip.split(" (")[0])
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, m=marker: wrap_selection(target, m))
            QShortcut(
                QKeySequence(keys),
                target,
                lambda m=marker: wrap_selection(target, m),
                context=Qt.ShortcutContext.WidgetShortcut,
            )
            row.addWidget(button)
        hint = QLabel("Select words and press B or I for **bold** or *italic*.")
        hint.setStyleSheet("color: palette(mid);")
        hint.setWordWrap(True)  # a narrow pane (1366x768 at 150%) wraps it rather than widening the form
        row.addWidget(hint, 1)
        return bar

    def _list_widget(self, f: F, container: dict[str, Any], fpath: Path) -> QWidget:
        entries: list[Any] = container.setdefault(f.key, [])
        holder = QWidget()
        col = QVBoxLayout(holder)
        col.setContentsMargins(0, 0, 0, 0)
        title = QLabel(f"<b>{f.label}</b>")
        col.addWidget(title)
        for i, raw in enumerate(entries):
            entry = raw if isinstance(raw, dict) else {f.item[0].key: raw}  # text shorthand of an entry
            entries[i] = entry
            group = QGroupBox(f"{f.noun.capitalize()} {i + 1}")
            group.setAccessibleName(f"{f.noun} {i + 1}")
            inner = QVBoxLayout(group)
            buttons = QHBoxLayout()
            buttons.addStretch(1)
            for text, tip, act in (
                ("▲", f"Move this {f.noun} up", lambda _=False, i=i: self._list_move(container, f, i, -1)),
                ("▼", f"Move this {f.noun} down", lambda _=False, i=i: self._list_move(container, f, i, 1)),
                ("Duplicate", f"Duplicate this {f.noun}", lambda _=False, i=i: self._list_dup(container, f, i)),
                ("Remove", f"Remove this {f.noun}", lambda _=False, i=i: self._list_remove(container, f, i)),
            ):
                button = QToolButton()
                button.setText(text)
                button.setToolTip(tip)
                button.setAccessibleName(tip)
                button.clicked.connect(act)
                buttons.addWidget(button)
            inner.addLayout(buttons)
            item_error = self._error_label()
            self._errors[(*fpath, i)] = item_error
            inner.addWidget(item_error)
            sub = QWidget()
            self._add_fields(self._new_form(sub), f.item, entry, (*fpath, i))
            inner.addWidget(sub)
            col.addWidget(group)
        add = QPushButton(f"Add {f.noun}")
        add.setAccessibleName(f"Add {f.noun}")
        add.clicked.connect(lambda: self._list_add(container, f))
        add.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        col.addWidget(add)
        return holder

    # ------------------------------------------------------------------ changes
    def _set(self, container: dict[str, Any], f: F, value: Any) -> None:
        empty = value is None or (isinstance(value, str) and not value.strip()) or value == []
        if f.optional and empty:
            container.pop(f.key, None)
        else:
            container[f.key] = value

    def _rename(self, f: F, container: dict[str, Any], new: str) -> None:
        # References follow an identifier as it is retyped. While the field is empty the
        # references keep the old value (remembered), so clearing and retyping it keeps them.
        assert f.renames is not None
        key = (id(container), f.key)
        old = self._renamed_from.pop(key, None) or container.get(f.key)
        if not new.strip():
            if old:
                self._renamed_from[key] = str(old)
            return
        list_key, ref = f.renames
        for entry in self._data.get(list_key, []):
            if isinstance(entry, dict) and old and entry.get(ref) == old:
                entry[ref] = new

    def _rebuild_later(self) -> None:
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, self._rebuild)

    def _list_add(self, container: dict[str, Any], f: F) -> None:
        new = f.new(self._data) if f.new else {}
        container.setdefault(f.key, []).append(new)
        self._structural()

    def _list_remove(self, container: dict[str, Any], f: F, i: int) -> None:
        del container[f.key][i]
        self._structural()

    def _list_dup(self, container: dict[str, Any], f: F, i: int) -> None:
        entry = copy.deepcopy(container[f.key][i])
        if isinstance(entry, dict) and "id" in entry:
            taken = {e.get("id") for e in container[f.key] if isinstance(e, dict)}
            n = 2
            while f"{entry['id']}-{n}" in taken:
                n += 1
            entry["id"] = f"{entry['id']}-{n}"
        container[f.key].insert(i + 1, entry)
        self._structural()

    def _list_move(self, container: dict[str, Any], f: F, i: int, step: int) -> None:
        entries = container[f.key]
        j = i + step
        if 0 <= j < len(entries):
            entries[i], entries[j] = entries[j], entries[i]
            self._structural()

    def _structural(self) -> None:
        self._rebuild()
        self._changed(())

    def _pruned(self) -> dict[str, Any]:
        """The data as validated: an optional group left empty (a chart without a source) left out.

        The form keeps the empty group in its own copy, so its fields go on editing it.
        """
        out = dict(self._data)
        for f in self.fields:
            group = out.get(f.key)
            empty = isinstance(group, dict) and not any(v not in (None, "") for v in group.values())
            if f.kind == "object" and f.optional and empty:
                out.pop(f.key)
        return out

    def _refresh_derived(self) -> None:
        for label, f in self._derived:
            assert f.derive is not None
            ok = self.last_valid is not None and not self.messages
            label.setText(f.derive(self.last_valid) if ok else "(drafted when the fields above are valid)")

    def _check(self) -> dict[Path, list[str]]:
        try:
            self.last_valid = self._validate(self._pruned())
        except ValidationError as exc:
            found: dict[Path, list[str]] = {}
            for err in exc.errors():
                loc = clean_loc(tuple(err["loc"]))
                target = max((p for p in self._errors if loc[: len(p)] == p), key=len, default=())
                found.setdefault(target, []).append(message_for(dict(err)))
            return found
        return {}

    def _show_errors(self, found: dict[Path, list[str]]) -> None:
        had = bool(self.messages)
        self.messages = {p: " ".join(m) for p, m in found.items()}
        if had != bool(self.messages):
            self.validity_changed.emit(bool(self.messages))
        for path, label in [((), self._form_error), *self._errors.items()]:
            msg = self.messages.get(path)
            label.setText(msg or "")
            label.setVisible(bool(msg))
        self._refresh_derived()

    def _changed(self, fpath: Path, merge: bool = True) -> None:
        """After a change of the field at ``fpath``: validate, and send on a valid item.

        Edits of one field merge into one undo step (typing); with ``merge`` false the key is
        made unique, so the step stands alone (a paste into a grid).
        """
        if fpath:
            self._last_changed = fpath
        found = self._check()
        self._show_errors(found)
        if not found:
            key = ".".join(str(p) for p in fpath)
            if not merge:
                self._serial += 1
                key += f"#{self._serial}"
            self.edited.emit(self.last_valid, key)


def wrap_selection(target: QWidget, marker: str) -> None:
    """Wrap the selected text of a text field in ``marker`` (``**`` bold, ``*`` italic)."""
    if isinstance(target, QPlainTextEdit):
        cursor = target.textCursor()
        selected = cursor.selectedText().replace("\u2029", "\n")
        cursor.insertText(f"{marker}{selected}{marker}")
        if not selected:
            cursor.movePosition(cursor.MoveOperation.Left, n=len(marker))
            target.setTextCursor(cursor)
        target.setFocus()
    elif isinstance(target, QLineEdit):
        selected = target.selectedText()
        target.insert(f"{marker}{selected}{marker}")
        target.textEdited.emit(target.text())
