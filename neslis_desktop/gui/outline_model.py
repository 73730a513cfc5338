"""The outline tree's model: sections at the top level, their blocks as children.

The model is a view of the :class:`~neslis_desktop.gui.document.ProjectDocument`: it listens
to the document's fine-grained signals (section inserted, block moved...) and turns each into
the matching Qt row signal, so selections and expansion survive edits and undo. It keeps its
own small copy of what it shows (titles, summaries), updated inside each begin/end pair, so
that what views read always matches the rows Qt has been told about.

Items are addressed without Python objects: a section item has internal id 0, a block item
has internal id ``section row + 1``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from neslis_desktop.gui import kinds
from neslis_desktop.gui.document import ProjectDocument
from neslis_desktop.model import Block, Project, Section, plain_text

DRAG_MIME = "application/x-neslis-outline-item"

CHANGED_COLOUR = QColor("#fff1b8")
"""The background of a section or block changed since the snapshot compared with (pale amber:
dark text on it keeps a contrast above 7:1)."""
CHANGED_ROLE = Qt.ItemDataRole.UserRole + 1
"""What changed in an item since the snapshot compared with (the tooltip's text); None when unchanged."""
CHANGED_MARK = "● "
"""Drawn before a changed item's text, so the mark does not rest on colour alone."""

_DESCRIPTION = Qt.ItemDataRole.AccessibleDescriptionRole

AnyIndex = QModelIndex | QPersistentModelIndex
Loc = tuple[int, int | None]


def block_summary(block: Block) -> str:
    """A short line describing a block for the tree (see :func:`kinds.summary`)."""
    return kinds.summary(block)


@dataclass
class _Row:
    """What the outline shows of one section."""

    id: str
    title: str
    blocks: list[tuple[str, str]] = field(default_factory=list)
    """(summary, kind label) of each block."""


def _row(section: Section) -> _Row:
    return _Row(section.id, plain_text(section.title), [_block_row(b) for b in section.blocks])


def _block_row(block: Block) -> tuple[str, str]:
    return kinds.summary(block), kinds.label(block.kind)


class OutlineModel(QAbstractItemModel):
    """Sections and their blocks, with editing methods that keep views in step."""

    move_requested = Signal(object, object)
    """A drag asked to move an item: (source, destination) as tuples, see :meth:`dropMimeData`."""
    copy_requested = Signal(object, int, str)
    """A section dragged from another window: (sections, index to insert at, its project's
    folder or ''); the receiver copies them in (new ids where they clash, pictures along)."""

    def __init__(self, doc: ProjectDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self._rows = [_row(s) for s in doc.project.sections]
        self._token = f"{os.getpid()}:{id(self)}"
        doc.replaced.connect(self._reset)
        doc.section_inserted.connect(self._section_inserted)
        doc.section_removed.connect(self._section_removed)
        doc.section_moved.connect(self._section_moved)
        doc.section_changed.connect(self._section_changed)
        doc.block_inserted.connect(self._block_inserted)
        doc.block_removed.connect(self._block_removed)
        doc.block_moved.connect(self._block_moved)
        doc.block_changed.connect(self._block_changed)
        doc.comparison.marks_changed.connect(self._marks_changed)

    # ------------------------------------------------------------------ access
    @property
    def project(self) -> Project:
        return self.doc.project

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
            if row < len(self._rows):
                return self.createIndex(row, 0, 0)
            return QModelIndex()
        if parent.internalId() != 0:
            return QModelIndex()
        si = parent.row()
        if si < len(self._rows) and row < len(self._rows[si].blocks):
            return self.createIndex(row, 0, si + 1)
        return QModelIndex()

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._rows)
        if parent.column() != 0 or parent.internalId() != 0:
            return 0
        return len(self._rows[parent.row()].blocks)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 1

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        loc = self.location(index)
        if loc is None:
            return None
        si, bi = loc
        row = self._rows[si]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return row.title if bi is None else row.blocks[bi][0]
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.BackgroundRole, CHANGED_ROLE, _DESCRIPTION):
            comparison = self.doc.comparison
            mark = comparison.section_mark(row.id) if bi is None else comparison.block_mark(row.id, bi)
            if role in (CHANGED_ROLE, _DESCRIPTION):  # a screen reader says what changed, too
                return mark
            if role == Qt.ItemDataRole.BackgroundRole:
                return None if mark is None else QBrush(CHANGED_COLOUR)
            tip = f"Section '{row.id}': {len(row.blocks)} block(s)" if bi is None else row.blocks[bi][1]
            return tip if mark is None else f"{tip}\n{mark}"
        if role == Qt.ItemDataRole.FontRole and bi is None:
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
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def mimeTypes(self) -> list[str]:
        return [DRAG_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        mime = QMimeData()
        locs = [self.location(i) for i in indexes if i.isValid()]
        if locs and locs[0] is not None:
            # The model's own token: a drag from another window or another running copy of the
            # app carries positions in *its* project, which must not move items here.
            payload: dict[str, Any] = {"owner": self._token, "at": list(locs[0])}
            si, bi = locs[0]
            if bi is None:
                # The section itself too, for a drop into another window: copied, not moved.
                payload["section"] = self.project.sections[si].model_dump(mode="json", exclude_none=True)
                payload["folder"] = str(self.doc.path or "")
            mime.setData(DRAG_MIME, QByteArray(json.dumps(payload).encode()))
        return mime

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex) -> bool:
        return self._drop_target(data, row, parent) is not None or self._foreign(data, parent) is not None

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex) -> bool:
        target = self._drop_target(data, row, parent)
        if target is not None:
            self.move_requested.emit(*target)
        foreign = self._foreign(data, parent)
        if foreign is not None:
            self.copy_requested.emit([foreign[0]], len(self._rows) if row < 0 else row, foreign[1])
        # Moves and copies are done by undo commands; returning False stops the view removing rows.
        return False

    def _payload(self, data: QMimeData) -> dict[str, Any] | None:
        if not data.hasFormat(DRAG_MIME):
            return None
        try:
            payload = json.loads(bytes(data.data(DRAG_MIME).data()).decode())
        except (ValueError, UnicodeDecodeError):
            return None
        return payload if isinstance(payload, dict) else None

    def _foreign(self, data: QMimeData, parent: AnyIndex) -> tuple[Section, str] | None:
        """The section (and its project's folder) a drag from another window carries; dropped
        between sections only. Validated again: nothing invalid enters from outside."""
        payload = self._payload(data)
        if payload is None or payload.get("owner") == self._token or self.location(parent) is not None:
            return None
        try:
            section = Section.model_validate(payload["section"])
        except (ValidationError, KeyError, TypeError):
            return None
        folder = payload.get("folder")
        return section, folder if isinstance(folder, str) else ""

    def _drop_target(self, data: QMimeData, row: int, parent: AnyIndex) -> tuple[Loc, Loc] | None:
        payload = self._payload(data)
        if payload is None:
            return None
        try:
            if payload["owner"] != self._token:
                return None
            si, bi = payload["at"]
        except (ValueError, TypeError, KeyError):
            return None
        if not 0 <= si < len(self._rows) or (bi is not None and not 0 <= bi < len(self._rows[si].blocks)):
            return None
        ploc = self.location(parent)
        if bi is None:  # a section: only between sections
            if ploc is not None:
                return None
            dst = len(self._rows) if row < 0 else row
            final = dst - 1 if dst > si else dst
            return ((si, None), (final, None)) if final != si else None
        if ploc is None or ploc[1] is not None:
            return None
        tsi = ploc[0]
        dst = len(self._rows[tsi].blocks) if row < 0 else row
        if tsi == si and dst > bi:
            dst -= 1
        if (tsi, dst) == (si, bi):
            return None
        return ((si, bi), (tsi, dst))

    # ------------------------------------------------------------------ following the document
    def _reset(self) -> None:
        self.beginResetModel()
        self._rows = [_row(s) for s in self.doc.project.sections]
        self.endResetModel()

    def _section_inserted(self, index: int) -> None:
        self.beginInsertRows(QModelIndex(), index, index)
        self._rows.insert(index, _row(self.doc.project.sections[index]))
        self.endInsertRows()

    def _section_removed(self, index: int) -> None:
        self.beginRemoveRows(QModelIndex(), index, index)
        del self._rows[index]
        self.endRemoveRows()

    def _section_moved(self, src: int, dst: int) -> None:
        qt_dst = dst + 1 if dst > src else dst
        self.beginMoveRows(QModelIndex(), src, src, QModelIndex(), qt_dst)
        self._rows.insert(dst, self._rows.pop(src))
        self.endMoveRows()

    def _section_changed(self, index: int) -> None:
        self._rows[index].title = plain_text(self.doc.project.sections[index].title)
        ix = self.section_index(index)
        self.dataChanged.emit(ix, ix)

    def _block_inserted(self, si: int, bi: int) -> None:
        self.beginInsertRows(self.section_index(si), bi, bi)
        self._rows[si].blocks.insert(bi, _block_row(self.doc.project.sections[si].blocks[bi]))
        self.endInsertRows()
        self._tooltip_changed(si)

    def _block_removed(self, si: int, bi: int) -> None:
        self.beginRemoveRows(self.section_index(si), bi, bi)
        del self._rows[si].blocks[bi]
        self.endRemoveRows()
        self._tooltip_changed(si)

    def _block_moved(self, src: tuple[int, int], dst: tuple[int, int]) -> None:
        qt_dst = dst[1] + 1 if src[0] == dst[0] and dst[1] > src[1] else dst[1]
        self.beginMoveRows(self.section_index(src[0]), src[1], src[1], self.section_index(dst[0]), qt_dst)
        self._rows[dst[0]].blocks.insert(dst[1], self._rows[src[0]].blocks.pop(src[1]))
        self.endMoveRows()
        self._tooltip_changed(src[0])
        if dst[0] != src[0]:
            self._tooltip_changed(dst[0])

    def _block_changed(self, si: int, bi: int) -> None:
        self._rows[si].blocks[bi] = _block_row(self.doc.project.sections[si].blocks[bi])
        ix = self.block_index(si, bi)
        self.dataChanged.emit(ix, ix)

    def _marks_changed(self) -> None:
        roles = [Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ToolTipRole, CHANGED_ROLE, _DESCRIPTION]
        if not self._rows:
            return
        self.dataChanged.emit(self.section_index(0), self.section_index(len(self._rows) - 1), roles)
        for si, row in enumerate(self._rows):
            if row.blocks:
                self.dataChanged.emit(self.block_index(si, 0), self.block_index(si, len(row.blocks) - 1), roles)

    def _tooltip_changed(self, si: int) -> None:
        ix = self.section_index(si)
        self.dataChanged.emit(ix, ix, [Qt.ItemDataRole.ToolTipRole])


class OutlineDelegate(QStyledItemDelegate):
    """Draws section rows with their number ('3. Title'); numbers are not model data, so
    inserting or moving a section needs no change signal for every row after it. While
    comparing with a snapshot, changed rows start with a dot as well as their background."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        super().initStyleOption(option, index)
        if not index.isValid():
            return
        if not index.parent().isValid():
            option.text = f"{index.row() + 1}. {option.text}"
        if index.data(CHANGED_ROLE) is not None:
            option.text = CHANGED_MARK + option.text
