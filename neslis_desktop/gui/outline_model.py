"""The outline tree's model: sections at the top level, their blocks as children.

The model is the one place that changes the Project for the GUI: undo commands call its
``insert_*``/``remove_*``/``move_*``/``replace_*`` methods, which apply an edit through
:mod:`project_edits` and emit the fine-grained Qt signals views need (rows inserted,
removed, moved, data changed), so selections and expansion survive edits and undo.

Items are addressed without Python objects: a section item has internal id 0, a block item
has internal id ``section row + 1``.
"""

from __future__ import annotations

import json
import os
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QStyledItemDelegate

from neslis_desktop.gui import project_edits as edits
from neslis_desktop.model import Project, ProjectMeta, Section, plain_text

DRAG_MIME = "application/x-neslis-outline-item"

KIND_LABELS = {
    "paragraph": "Paragraph",
    "bullets": "Bullet list",
    "cards": "Cards",
    "structure": "Structure",
    "targets": "Targets",
    "orgchart": "Org chart",
    "timeline": "Timeline",
    "flow": "Process flow",
    "questions": "Questions",
    "divider": "Divider",
}

AnyIndex = QModelIndex | QPersistentModelIndex


def block_summary(block: Any) -> str:
    """A short line describing a block for the tree: its kind and its first words."""
    label = KIND_LABELS.get(block.kind, block.kind)
    text = getattr(block, "heading", None) or {
        "paragraph": lambda b: b.text,
        "bullets": lambda b: b.lead or b.items[0].text,
        "cards": lambda b: b.cards[0].title or b.cards[0].body or "",
        "structure": lambda b: b.columns[0].title,
        "targets": lambda b: b.goal or b.targets[0].text,
        "orgchart": lambda b: b.nodes[0].title,
        "timeline": lambda b: f"{b.start} to {b.end}",
        "flow": lambda b: b.steps[0].title,
        "questions": lambda b: b.questions[0],
        "divider": lambda b: b.text,
    }.get(block.kind, lambda b: "")(block)
    words = " ".join(plain_text(text or "").split())
    if len(words) > 48:
        words = words[:47] + "…"
    return f"{label}: {words}" if words else label


class OutlineModel(QAbstractItemModel):
    """Sections and their blocks, with editing methods that keep views in step."""

    section_changed = Signal(int)
    """A section's title, notes or blocks changed (its row)."""
    meta_changed = Signal()
    move_requested = Signal(object, object)
    """A drag asked to move an item: (source, destination) as tuples, see :meth:`dropMimeData`."""

    def __init__(self, project: Project, parent: Any = None) -> None:
        super().__init__(parent)
        self._project = project
        self._token = f"{os.getpid()}:{id(self)}"

    # ------------------------------------------------------------------ access
    @property
    def project(self) -> Project:
        return self._project

    def set_project(self, project: Project) -> None:
        self.beginResetModel()
        self._project = project
        self.endResetModel()
        self.meta_changed.emit()

    def location(self, index: AnyIndex) -> tuple[int, int | None] | None:
        """(section row, block row or None) of an index; None for the root."""
        if not index.isValid():
            return None
        iid = index.internalId()
        if iid == 0:
            return index.row(), None
        return iid - 1, index.row()

    def section_index(self, si: int) -> QModelIndex:
        return self.index(si, 0)

    def block_index(self, si: int, bi: int) -> QModelIndex:
        return self.index(bi, 0, self.index(si, 0))

    # ------------------------------------------------------------------ Qt model interface
    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            if row < len(self._project.sections):
                return self.createIndex(row, 0, 0)
            return QModelIndex()
        if parent.internalId() != 0:
            return QModelIndex()
        si = parent.row()
        if si < len(self._project.sections) and row < len(self._project.sections[si].blocks):
            return self.createIndex(row, 0, si + 1)
        return QModelIndex()

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._project.sections)
        if parent.column() != 0 or parent.internalId() != 0:
            return 0
        return len(self._project.sections[parent.row()].blocks)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 1

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        loc = self.location(index)
        if loc is None:
            return None
        si, bi = loc
        section = self._project.sections[si]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if bi is None:
                return plain_text(section.title)
            return block_summary(section.blocks[bi])
        if role == Qt.ItemDataRole.ToolTipRole:
            if bi is None:
                return f"Section '{section.id}': {len(section.blocks)} block(s)"
            return KIND_LABELS.get(section.blocks[bi].kind, "")
        if role == Qt.ItemDataRole.FontRole and bi is None:
            from PySide6.QtGui import QFont

            font = QFont()
            font.setBold(True)
            return font
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsDropEnabled
        if not index.isValid():
            return base
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsDragEnabled
            | (base if index.internalId() == 0 else Qt.ItemFlag.NoItemFlags)
        )

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and section == 0:
            return "Outline"
        return None

    # ------------------------------------------------------------------ drag and drop
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [DRAG_MIME]

    def mimeData(self, indexes: Any) -> QMimeData:
        mime = QMimeData()
        locs = [self.location(i) for i in indexes if i.isValid()]
        if locs and locs[0] is not None:
            # The model's own token: a drag from another window or another running copy of the
            # app carries positions in *its* project, which must not move items here.
            payload = {"owner": self._token, "at": list(locs[0])}
            mime.setData(DRAG_MIME, QByteArray(json.dumps(payload).encode()))
        return mime

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex) -> bool:
        return self._drop_target(data, row, parent) is not None

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex) -> bool:
        target = self._drop_target(data, row, parent)
        if target is not None:
            self.move_requested.emit(*target)
        # The move is done by an undo command; returning False stops the view removing rows.
        return False

    def _drop_target(self, data: QMimeData, row: int, parent: AnyIndex) -> tuple[Any, Any] | None:
        if not data.hasFormat(DRAG_MIME):
            return None
        try:
            payload = json.loads(bytes(data.data(DRAG_MIME).data()).decode())
            if payload["owner"] != self._token:
                return None
            si, bi = payload["at"]
        except (ValueError, TypeError, KeyError):
            return None
        if not 0 <= si < len(self._project.sections) or (
            bi is not None and not 0 <= bi < len(self._project.sections[si].blocks)
        ):
            return None
        ploc = self.location(parent)
        if bi is None:  # a section: only between sections
            if ploc is not None:
                return None
            dst = len(self._project.sections) if row < 0 else row
            final = dst - 1 if dst > si else dst
            return ((si, None), (final, None)) if final != si else None
        if ploc is None or ploc[1] is not None:
            return None
        tsi = ploc[0]
        dst = len(self._project.sections[tsi].blocks) if row < 0 else row
        if tsi == si and dst > bi:
            dst -= 1
        if (tsi, dst) == (si, bi):
            return None
        return ((si, bi), (tsi, dst))

    # ------------------------------------------------------------------ edits (called by commands)
    def insert_section(self, index: int, section: Section) -> None:
        self.beginInsertRows(QModelIndex(), index, index)
        edits.insert_section(self._project, index, section)
        self.endInsertRows()

    def remove_section(self, index: int) -> Section:
        self.beginRemoveRows(QModelIndex(), index, index)
        section = edits.remove_section(self._project, index)
        self.endRemoveRows()
        return section

    def move_section(self, src: int, dst: int) -> None:
        if src == dst:
            return
        qt_dst = dst + 1 if dst > src else dst
        self.beginMoveRows(QModelIndex(), src, src, QModelIndex(), qt_dst)
        edits.move_section(self._project, src, dst)
        self.endMoveRows()

    def set_section_head(self, index: int, title: str, notes: str | None) -> tuple[str, str | None]:
        old = edits.replace_section_head(self._project, index, title, notes)
        ix = self.section_index(index)
        self.dataChanged.emit(ix, ix)
        self.section_changed.emit(index)
        return old

    def insert_block(self, si: int, bi: int, block: Any) -> None:
        self.beginInsertRows(self.section_index(si), bi, bi)
        edits.insert_block(self._project, si, bi, block)
        self.endInsertRows()
        self.section_changed.emit(si)

    def remove_block(self, si: int, bi: int) -> Any:
        self.beginRemoveRows(self.section_index(si), bi, bi)
        block = edits.remove_block(self._project, si, bi)
        self.endRemoveRows()
        self.section_changed.emit(si)
        return block

    def move_block(self, src: tuple[int, int], dst: tuple[int, int]) -> None:
        if src == dst:
            return
        qt_dst = dst[1] + 1 if src[0] == dst[0] and dst[1] > src[1] else dst[1]
        self.beginMoveRows(self.section_index(src[0]), src[1], src[1], self.section_index(dst[0]), qt_dst)
        edits.move_block(self._project, src, dst)
        self.endMoveRows()
        self.section_changed.emit(src[0])
        if dst[0] != src[0]:
            self.section_changed.emit(dst[0])

    def replace_block(self, si: int, bi: int, block: Any) -> Any:
        old = edits.replace_block(self._project, si, bi, block)
        ix = self.block_index(si, bi)
        self.dataChanged.emit(ix, ix)
        self.section_changed.emit(si)
        return old

    def set_meta(self, meta: ProjectMeta) -> ProjectMeta:
        old = edits.replace_meta(self._project, meta)
        self.meta_changed.emit()
        return old


class OutlineDelegate(QStyledItemDelegate):
    """Draws section rows with their number ('3. Title'); numbers are not model data, so
    inserting or moving a section needs no change signal for every row after it."""

    def initStyleOption(self, option: Any, index: AnyIndex) -> None:
        super().initStyleOption(option, index)
        if index.isValid() and not index.parent().isValid():
            option.text = f"{index.row() + 1}. {option.text}"
