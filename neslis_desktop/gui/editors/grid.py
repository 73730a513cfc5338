"""A spreadsheet-like grid for the numbers of a chart and the cells of a table.

Officers copy figures out of Excel and LibreOffice: a range pasted here (tab-separated on the
clipboard) fills the grid from the current cell, growing it as needed; a CSV file can be read
in. Rows and columns are added, moved and removed with buttons. The first row is the header
(series names, column titles) and is shown bold. Every finished change is one :attr:`changed`
signal, which the form validates and turns into one undoable edit.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

Grid = list[list[str]]
MAX_ROWS = 201
MAX_COLUMNS = 11


def parse_cells(text: str) -> Grid:
    """Cells from clipboard text: tab-separated (a spreadsheet range) or CSV; trailing blanks dropped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").rstrip("\n")
    if not text:
        return []
    delimiter = "\t" if "\t" in text else ","
    return [[c.strip() for c in row] for row in csv.reader(io.StringIO(text), delimiter=delimiter)]


class _Table(QTableWidget):
    """The grid itself: Ctrl+V pastes a range at the current cell; Delete clears the selection."""

    pasted = Signal(object)
    cleared = Signal()

    def event(self, event: QEvent) -> bool:
        # Paste and Delete belong to the grid while it has the focus, not to the window's
        # outline actions that share their shortcuts.
        keys = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
        ours = isinstance(event, QKeyEvent) and (event.matches(QKeySequence.StandardKey.Paste) or event.key() in keys)
        if event.type() == QEvent.Type.ShortcutOverride and ours:
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Paste):
            self.pasted.emit(parse_cells(QGuiApplication.clipboard().text()))
            return
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.state() != self.State.EditingState:
            self.cleared.emit()
            return
        super().keyPressEvent(event)


class GridEditor(QWidget):
    """Edits a rectangle of text cells whose first row is the header."""

    changed = Signal(object)
    """The whole grid (header row first) after a finished change."""

    def __init__(self, cells: Grid, label: str, min_columns: int = 2) -> None:
        super().__init__()
        self._min_columns = min_columns
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.buttons: dict[str, QToolButton] = {}
        for name, text, tip in (
            ("add_row", "+ Row", "Add a row below the current one"),
            ("add_column", "+ Column", "Add a column after the current one"),
            ("remove_row", "\u2212 Row", "Remove the current row"),
            ("remove_column", "\u2212 Column", "Remove the current column"),
            ("row_up", "Row \u25b2", "Move the current row up"),
            ("row_down", "Row \u25bc", "Move the current row down"),
            ("column_left", "Column \u25c0", "Move the current column left"),
            ("column_right", "Column \u25b6", "Move the current column right"),
            ("paste", "Paste", "Paste cells copied from Excel or LibreOffice at the current cell (Ctrl+V)"),
            ("import_csv", "Import CSV…", "Replace the cells with those of a CSV file"),
        ):
            button = QToolButton()
            button.setText(text)
            button.setToolTip(tip)
            button.setAccessibleName(tip)
            bar.addWidget(button)
            self.buttons[name] = button
        bar.addStretch(1)
        layout.addLayout(bar)
        self.table = _Table()
        self.table.setAccessibleName(label)
        self.table.horizontalHeader().setVisible(False)
        self.table.setMinimumHeight(180)
        layout.addWidget(self.table)
        self._loading = False
        self.set_cells(cells)

        b = self.buttons
        b["add_row"].clicked.connect(lambda: self._insert(row=True))
        b["add_column"].clicked.connect(lambda: self._insert(row=False))
        b["remove_row"].clicked.connect(lambda: self._remove(row=True))
        b["remove_column"].clicked.connect(lambda: self._remove(row=False))
        b["row_up"].clicked.connect(lambda: self._move(row=True, step=-1))
        b["row_down"].clicked.connect(lambda: self._move(row=True, step=1))
        b["column_left"].clicked.connect(lambda: self._move(row=False, step=-1))
        b["column_right"].clicked.connect(lambda: self._move(row=False, step=1))
        b["paste"].clicked.connect(lambda: self.paste(parse_cells(QGuiApplication.clipboard().text())))
        b["import_csv"].clicked.connect(self._pick_csv)
        self.table.pasted.connect(self.paste)
        self.table.cleared.connect(self._clear_selection)
        self.table.itemChanged.connect(self._item_changed)

    # ----------------------------------------------------------------- cells
    def set_cells(self, cells: Grid) -> None:
        """Show ``cells`` (ragged rows are padded)."""
        self._loading = True
        width = max([self._min_columns, *(len(r) for r in cells)])
        self.table.setRowCount(max(2, len(cells)))
        self.table.setColumnCount(width)
        for r in range(self.table.rowCount()):
            row = cells[r] if r < len(cells) else []
            for c in range(width):
                item = QTableWidgetItem(row[c] if c < len(row) else "")
                if r == 0:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(r, c, item)
        self.table.setVerticalHeaderLabels(["Header", *(str(n) for n in range(1, self.table.rowCount()))])
        self._loading = False

    def cells(self) -> Grid:
        """The grid as shown, header row first; rows that are wholly empty are left out."""
        out = []
        for r in range(self.table.rowCount()):
            row = [self._text(r, c).strip() for c in range(self.table.columnCount())]
            if r == 0 or any(row):
                out.append(row)
        return out

    def _emit(self) -> None:
        self.changed.emit(self.cells())

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if not self._loading:
            self._emit()

    def paste(self, block: Grid) -> None:
        """Put ``block`` at the current cell (the top left when none), growing the grid as needed."""
        if not block:
            return
        r0 = max(0, self.table.currentRow())
        c0 = max(0, self.table.currentColumn())
        grid = self._all()
        rows = min(MAX_ROWS, max(len(grid), r0 + len(block)))
        cols = min(MAX_COLUMNS, max(len(grid[0]) if grid else 0, c0 + max(len(r) for r in block)))
        grid = [(row + [""] * cols)[:cols] for row in grid] + [[""] * cols for _ in range(rows - len(grid))]
        for i, row in enumerate(block):
            for j, value in enumerate(row):
                if r0 + i < rows and c0 + j < cols:
                    grid[r0 + i][c0 + j] = value
        self.set_cells(grid)
        self._emit()

    def _pick_csv(self) -> None:
        from neslis_desktop.gui import dialogs

        path = dialogs.ask_open_file(self, "Import cells from a CSV file", "CSV files (*.csv *.txt)")
        if path is None:
            return
        try:
            self.import_csv(path)
        except OSError as exc:
            dialogs.show_error(self, "Could not read the file", f"{path}: {exc.strerror or exc}")

    def import_csv(self, path: Path) -> None:
        """Replace the grid with the cells of a CSV file (UTF-8, or Excel's Windows-1252)."""
        raw = Path(path).read_bytes()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("cp1252", errors="replace")
        self.set_cells(parse_cells(text)[:MAX_ROWS])
        self._emit()

    # ----------------------------------------------------------------- structure
    def _all(self) -> Grid:
        return [[self._text(r, c) for c in range(self.table.columnCount())] for r in range(self.table.rowCount())]

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""

    def _insert(self, row: bool) -> None:
        grid = self._all()
        if row:
            at = max(self.table.currentRow(), 0) + 1
            grid.insert(at, [""] * self.table.columnCount())
        else:
            at = max(self.table.currentColumn(), 0) + 1
            for r in grid:
                r.insert(at, "")
        self._restructure(grid, at if row else self.table.currentRow(), self.table.currentColumn() if row else at)

    def _remove(self, row: bool) -> None:
        grid = self._all()
        r, c = self.table.currentRow(), self.table.currentColumn()
        if row and r >= 1 and len(grid) > 2:  # the header row stays
            del grid[r]
        elif not row and c >= 0 and len(grid[0]) > self._min_columns:
            for line in grid:
                del line[c]
        else:
            return
        self._restructure(grid, min(r, len(grid) - 1), min(c, len(grid[0]) - 1))

    def _move(self, row: bool, step: int) -> None:
        grid = self._all()
        r, c = self.table.currentRow(), self.table.currentColumn()
        if row:
            to = r + step
            if r < 1 or not 1 <= to < len(grid):  # the header row stays on top
                return
            grid[r], grid[to] = grid[to], grid[r]
            self._restructure(grid, to, c)
        else:
            to = c + step
            if c < 0 or not 0 <= to < len(grid[0]):
                return
            for line in grid:
                line[c], line[to] = line[to], line[c]
            self._restructure(grid, r, to)

    def _restructure(self, grid: Grid, row: int, column: int) -> None:
        self.set_cells(grid)
        self.table.setCurrentCell(max(row, 0), max(column, 0))
        self._emit()

    def _clear_selection(self) -> None:
        self._loading = True
        for item in self.table.selectedItems():
            item.setText("")
        self._loading = False
        self._emit()
