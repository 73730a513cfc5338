"""The slide sorter: a whole pack as a strip of slide thumbnails, for a last look before a summit.

The pack is planned section by section in a thread of its own, and rows join the view as each
section is planned, so the window opens at once even for a thousand slides. The view is a
virtualised list: it asks only for the thumbnails it shows, each drawn with the preview's
painter the first time it is seen and kept in a bounded cache.
"""

from __future__ import annotations

from collections import OrderedDict
from pathlib import Path

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
    QThread,
    Signal,
)
from PySide6.QtGui import QCloseEvent, QColor, QPainter, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from neslis_desktop.errors import NeslisError
from neslis_desktop.gui.document import ProjectDocument
from neslis_desktop.gui.preview import Preview, draw_slide
from neslis_desktop.model import Project, plain_text
from neslis_desktop.render.deck.preview import section_preview, template_look
from neslis_desktop.render.packs import pack_view

Index = QModelIndex | QPersistentModelIndex
THUMB = QSize(192, 108)
CACHE = 300
"""Thumbnails kept drawn; scrolling back past them draws them again."""


class _Planner(QObject):
    """Plans the sections of a pack one by one, off the UI thread."""

    planned = Signal(object, str)
    """(a section's Preview, its title) as each section is planned."""
    finished = Signal()

    def __init__(self, project: Project, template: Path | None) -> None:
        super().__init__()
        self.project, self.template = project, template
        self.stop = False

    def run(self) -> None:
        frames = dict(template_look(self.template).frames)
        for i, section in enumerate(self.project.sections):
            if self.stop:
                break
            result = section_preview(self.project, i, template=self.template)
            look = Preview(
                list(result.plans), result.slide_w, result.slide_h, dict(result.palette), result.fonts, frames
            )
            self.planned.emit(look, plain_text(section.title))
        self.finished.emit()


class SlidesModel(QAbstractListModel):
    """The pack's slides, as (section preview, plan index) rows; thumbnails drawn on demand."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[tuple[Preview, int, str]] = []
        self.cache: OrderedDict[int, QPixmap] = OrderedDict()
        self.drawn = 0
        """How many thumbnails were drawn (the virtualisation test reads it)."""

    def reset(self) -> None:
        self.beginResetModel()
        self.rows, self.cache = [], OrderedDict()
        self.endResetModel()

    def add(self, preview: Preview, title: str) -> None:
        first = len(self.rows)
        self.beginInsertRows(QModelIndex(), first, first + len(preview.plans) - 1)
        self.rows += [(preview, i, title) for i in range(len(preview.plans))]
        self.endInsertRows()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        preview, plan, title = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{index.row() + 1}. {title}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return preview.plans[plan].title or title
        if role == Qt.ItemDataRole.DecorationRole:
            return self.thumbnail(index.row())
        return None

    def thumbnail(self, row: int) -> QPixmap:
        """The thumbnail of slide ``row``: drawn the first time it is asked for, then cached."""
        preview, plan, _ = self.rows[row]
        if row in self.cache:
            self.cache.move_to_end(row)
            return self.cache[row]
        pixmap = QPixmap(THUMB)
        pixmap.fill(QColor("white"))
        painter = QPainter(pixmap)
        height = THUMB.width() * preview.slide_h / preview.slide_w
        draw_slide(painter, preview, preview.plans[plan], QRectF(0, 0, THUMB.width(), height))
        painter.setPen(QColor("#999999"))
        painter.drawRect(0, 0, THUMB.width() - 1, THUMB.height() - 1)
        painter.end()
        self.drawn += 1
        self.cache[row] = pixmap
        while len(self.cache) > CACHE:
            self.cache.popitem(last=False)
        return pixmap


class SlideDelegate(QStyledItemDelegate):
    """Paints a thumbnail and its caption; sizes come from the grid, so sizing draws nothing."""

    def __init__(self, model: SlidesModel) -> None:
        super().__init__()
        self.slides = model

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return QSize(THUMB.width() + 16, THUMB.height() + 36)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        rect = option.rect
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(rect, option.palette.highlight())
        left = rect.x() + (rect.width() - THUMB.width()) // 2
        painter.drawPixmap(left, rect.y() + 4, self.slides.thumbnail(index.row()))
        caption = QRectF(rect.x() + 2, rect.y() + THUMB.height() + 8, rect.width() - 4, 24)
        text = painter.fontMetrics().elidedText(str(index.data()), Qt.TextElideMode.ElideRight, int(caption.width()))
        painter.drawText(caption, Qt.AlignmentFlag.AlignHCenter, text)


class SlideSorter(QWidget):
    """A window showing every slide of a chosen pack as thumbnails."""

    def __init__(self, doc: ProjectDocument, template: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.doc, self.template = doc, template
        self.setWindowTitle("Slide sorter")
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.pack = QComboBox()
        self.pack.setAccessibleName("Pack")
        self.status = QLabel()
        top.addWidget(QLabel("&Pack:"))
        top.itemAt(0).widget().setBuddy(self.pack)  # type: ignore[union-attr]
        top.addWidget(self.pack, 1)
        top.addWidget(self.status)
        layout.addLayout(top)
        self.model = SlidesModel()
        self.view = QListView()
        self.view.setViewMode(QListView.ViewMode.IconMode)
        self.view.setIconSize(THUMB)
        self.view.setGridSize(QSize(THUMB.width() + 24, THUMB.height() + 44))
        self.view.setUniformItemSizes(True)
        self.view.setLayoutMode(QListView.LayoutMode.Batched)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setMovement(QListView.Movement.Static)
        self.view.setWordWrap(True)
        self.view.setModel(self.model)
        self.delegate = SlideDelegate(self.model)
        self.view.setItemDelegate(self.delegate)
        layout.addWidget(self.view, 1)
        self._thread: QThread | None = None
        self._planner: _Planner | None = None
        self.pack.currentIndexChanged.connect(lambda _i: self.plan())
        screen = self.screen().availableGeometry()
        self.resize(min(1100, int(screen.width() * 0.8)), min(700, int(screen.height() * 0.85)))
        self.fill_packs()

    def fill_packs(self) -> None:
        """List the deck packs of the project; planning the chosen one starts."""
        self.pack.blockSignals(True)
        self.pack.clear()
        for pack in self.doc.project.all_packs():
            if pack.kind.value == "deck":
                self.pack.addItem(pack.name, pack.name)
        self.pack.blockSignals(False)
        self.plan()

    def plan(self) -> None:
        """Plan the chosen pack again (in a thread) and show its slides as they come."""
        self.stop()
        self.model.reset()
        name = self.pack.currentData()
        pack = next((p for p in self.doc.project.all_packs() if p.name == name), None)
        if pack is None:
            self.status.setText("This project has no deck pack.")
            return
        try:
            view = pack_view(self.doc.project.model_copy(deep=True), pack, self.doc.path)
        except NeslisError as exc:
            self.status.setText(str(exc))
            return
        self.status.setText("Planning…")
        self._thread = QThread()
        self._planner = _Planner(view, self.template)
        self._planner.moveToThread(self._thread)
        self._thread.started.connect(self._planner.run)
        self._planner.planned.connect(self.model.add)
        self._planner.finished.connect(self._done)
        self._planner.finished.connect(self._thread.quit)
        self._thread.start()

    def _done(self) -> None:
        self.status.setText(f"{self.model.rowCount()} slides")

    def stop(self) -> None:
        """Stop planning (another pack chosen, or the window closed) and wait for the thread."""
        if self._planner is not None:
            self._planner.stop = True
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
        self._thread = self._planner = None

    def closeEvent(self, event: QCloseEvent) -> None:
        self.stop()
        super().closeEvent(event)
