"""The main window: outline on the left, the selected item's form in the centre, the live slide
preview and the pack panel on the right.

The window is wiring. The project, its folder, undo, saving, the recovery copy and the watch on
disk live in :class:`~neslis_desktop.gui.document.ProjectDocument`; outline operations are
made into undo commands by :mod:`outline_ops`; actions and menus are in :mod:`actions`. The
window decides which operation a user's gesture means, and asks the user the questions
(through :mod:`dialogs`) before anything would be lost or overwritten.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QByteArray, QItemSelectionModel, QModelIndex, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QLabel,
    QListWidget,
    QMainWindow,
    QScrollArea,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from neslis_desktop.errors import NeslisError
from neslis_desktop.gui import outline_ops as ops
from neslis_desktop.gui import settings
from neslis_desktop.gui.actions import Actions
from neslis_desktop.gui.clipboard import from_mime, to_mime
from neslis_desktop.gui.document import ProjectDocument
from neslis_desktop.gui.editor_pane import EditorPane, Target
from neslis_desktop.gui.editors import FormEditor
from neslis_desktop.gui.editors.picture import choose_picture
from neslis_desktop.gui.file_flows import ProjectFiles
from neslis_desktop.gui.find import FindBar
from neslis_desktop.gui.linked_strip import Linked, LinkedStrip
from neslis_desktop.gui.outline_model import Loc, OutlineDelegate, OutlineModel
from neslis_desktop.gui.pack_panel import PackPanel
from neslis_desktop.gui.preview import PreviewWidget, compute_preview
from neslis_desktop.model import Project, Section, plain_text
from neslis_desktop.render.deck.preview import locate_problem

if TYPE_CHECKING:
    from neslis_desktop.gui.slide_sorter import SlideSorter as SlideSorterT
    from neslis_desktop.gui.snapshots_view import SnapshotsDock
    from neslis_desktop.render.deck.inspect.findings import Finding

_PREVIEW_MIN_HEIGHT = 185
"""The preview's least height: its heading and at least 150 px of slide."""
_PACK_MIN_HEIGHT = 90
"""The pack panel's scroll area's least height, on the smallest screens."""

PREVIEW_DEBOUNCE_MS = 20
"""The preview re-plans one section in a few milliseconds, so it follows each keystroke; the
short wait only gathers a burst (a paste, a held key) into one repaint."""


class OutlineView(QTreeView):
    """The outline tree: drag to reorder, Delete key removes, context menu for the rest."""

    delete_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Delete and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            self.delete_pressed.emit()
            return
        super().keyPressEvent(event)


class MainWindow(QMainWindow):
    """The editor window for one project at a time."""

    preview_updated = Signal()

    def __init__(self, project: Project | None = None, project_path: Path | None = None) -> None:
        super().__init__()
        self.setObjectName("MainWindow")
        self.doc = ProjectDocument(project, project_path, self)
        self.undo = self.doc.undo
        self.model = OutlineModel(self.doc, self)
        self._consultation: QWidget | None = None
        self._packs: QWidget | None = None
        self._sorter: SlideSorterT | None = None
        self.snapshots: SnapshotsDock | None = None
        self.preview_time = 0.0

        self._build_widgets()
        self.files = ProjectFiles(self)
        self.acts = Actions(self)
        self.acts.build_menus()
        self.acts.build_toolbar()
        self._wire()
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_DEBOUNCE_MS)
        self._preview_timer.timeout.connect(self.refresh_preview)
        self._after_load()
        self.fit_to_screen()
        self._restore_layout()

    @property
    def project_path(self) -> Path | None:
        return self.doc.path

    # ================================================================== building
    def _build_widgets(self) -> None:
        self.tree = OutlineView()
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.setItemDelegate(OutlineDelegate(self.tree))
        self.tree.setAccessibleName("Outline of sections and blocks")
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)  # drops from other windows copy
        self.tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.tree.setDragEnabled(True)
        self.tree.setAcceptDrops(True)
        self.tree.setDropIndicatorShown(True)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.setUniformRowHeights(True)
        self.find_bar = FindBar(lambda: self.doc.project)
        self.find_bar.hide()
        left = QWidget()
        left_col = QVBoxLayout(left)
        left_col.setContentsMargins(0, 0, 0, 0)
        left_col.addWidget(self.find_bar)
        left_col.addWidget(self.tree, 1)

        self.editor_area = EditorPane(self.doc, self._target)

        self.preview = PreviewWidget()
        self.preview_area = QScrollArea()
        self.preview_area.setWidgetResizable(True)
        self.preview_area.setWidget(self.preview)
        self.preview_area.setAccessibleName("Slide preview")
        self.preview_note = QLabel()
        self.preview_note.setWordWrap(True)
        self.preview_note.setStyleSheet("color: #8a4b00;")
        self.preview_note.hide()
        self.warnings = QListWidget()
        self.warnings.setAccessibleName("Preview warnings")
        self.warnings.setWordWrap(True)
        self.warnings.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.warnings.hide()
        self.pack_panel = PackPanel(lambda: self.doc.project, lambda: self.doc.path)
        preview_box = QWidget()
        preview_col = QVBoxLayout(preview_box)
        preview_col.setContentsMargins(0, 0, 0, 0)
        preview_col.addWidget(QLabel("<b>Preview</b> – the slides this section becomes"))
        preview_col.addWidget(self.preview_note)
        preview_col.addWidget(self.preview_area, 1)
        # The preview, its warnings and the pack panel share the column's height; the user can
        # move the dividers, and the preview keeps at least a slide's height.
        self.right = QSplitter(Qt.Orientation.Vertical)
        self.right.setObjectName("rightSplitter")
        self.right.addWidget(preview_box)
        self.right.addWidget(self.warnings)
        # In a scroll area of its own: on a small screen (1366x768 at 150% leaves 910x512) the
        # panel scrolls rather than pushing the window past the screen's bottom.
        self.pack_area = QScrollArea()
        self.pack_area.setWidgetResizable(True)
        self.pack_area.setFrameShape(QFrame.Shape.NoFrame)
        self.pack_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.pack_area.setWidget(self.pack_panel)
        self.pack_area.setMinimumHeight(_PACK_MIN_HEIGHT)
        self.right.addWidget(self.pack_area)
        self.right.setStretchFactor(0, 1)
        self.right.setChildrenCollapsible(False)
        preview_box.setMinimumHeight(_PREVIEW_MIN_HEIGHT)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(left)
        self.linked = LinkedStrip(self.open_linked)
        centre = QWidget()
        centre_col = QVBoxLayout(centre)
        centre_col.setContentsMargins(0, 0, 0, 0)
        centre_col.addWidget(self.linked)
        centre_col.addWidget(self.editor_area, 1)
        self.splitter.addWidget(centre)
        self.splitter.addWidget(self.right)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 1)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)
        self.statusBar().showMessage("Ready")
        self.setTabOrder(self.tree, self.editor_area)
        self.setTabOrder(self.editor_area, self.preview_area)
        self.setTabOrder(self.preview_area, self.pack_panel)

    def _wire(self) -> None:
        self.tree.selectionModel().currentChanged.connect(self.editor_area.show_current)
        self.tree.selectionModel().currentChanged.connect(lambda *_: self.preview.set_mark(0, None))
        self.tree.customContextMenuRequested.connect(lambda pos: self.acts.context_menu(self.tree.viewport(), pos))
        self.tree.delete_pressed.connect(self.delete_selected)
        self.model.move_requested.connect(self._drag_move)
        self.model.copy_requested.connect(self._drag_copy)
        doc = self.doc
        # Bound methods, not lambdas: Qt drops them when the window goes, even while the
        # document (a child) is still emitting during destruction.
        doc.replaced.connect(self._after_load)
        doc.changed.connect(self.schedule_preview)
        doc.meta_changed.connect(self.update_title)
        doc.modified_changed.connect(self.update_title)
        doc.path_changed.connect(self.update_title)
        doc.recovery_failed.connect(self._recovery_failed)
        doc.packs_changed.connect(self.pack_panel.refresh_packs)
        self.pack_panel.problem_chosen.connect(self.show_problem)
        doc.replaced.connect(self.pack_panel.refresh_packs)
        self.editor_area.shown.connect(self.schedule_preview)
        self.editor_area.shown.connect(self._show_links)
        self.editor_area.shown.connect(self._tab_order)
        self.editor_area.validity_changed.connect(self._validity_changed)
        self.find_bar.activated.connect(self.select_item)
        self.pack_panel.template_changed.connect(self.schedule_preview)

    # ================================================================== screen and panes
    def fit_to_screen(self) -> None:
        """Size the window to the screen it is on: 1440x900 where that fits, else nearly all of it."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        avail = screen.availableGeometry() if screen is not None else QRect(0, 0, 1440, 900)
        # The frame (title bar, borders) is outside the size set here; leave room for it.
        width = min(1440, avail.width() - 16)
        height = min(900, avail.height() - 40)
        self.resize(width, height)
        self.move(avail.x() + (avail.width() - width) // 2, avail.y() + max(0, (avail.height() - height - 30) // 2))
        self.splitter.setSizes([int(width * 0.22), int(width * 0.38), int(width * 0.40)])
        pack = min(self.pack_panel.sizeHint().height(), max(_PACK_MIN_HEIGHT, height - _PREVIEW_MIN_HEIGHT - 120))
        self.right.setSizes([max(_PREVIEW_MIN_HEIGHT, height - pack - 120), 0, pack])

    def _tab_order(self) -> None:
        """Tab goes outline → the form's fields, top to bottom → preview → pack panel."""
        fields = self.editor.focus_order() if self.editor is not None else []
        chain: list[QWidget] = [self.tree, *fields, self.preview_area]
        for first, then in itertools.pairwise(chain):
            QWidget.setTabOrder(first, then)

    def focus_pane(self, step: int) -> None:
        """Move the focus to the next (``step`` 1) or previous (-1) pane: outline, editor, preview, pack."""
        panes: list[QWidget] = [self.tree, self.editor_area, self.preview_area, self.pack_panel]
        focus = QApplication.focusWidget()
        current = next(
            (i for i, p in enumerate(panes) if focus is not None and (focus is p or p.isAncestorOf(focus))), -1
        )
        target = panes[(current + step) % len(panes)]
        if target is self.editor_area and self.editor is not None and self.editor.widgets:
            next(iter(self.editor.widgets.values())).setFocus(Qt.FocusReason.TabFocusReason)
        elif target is self.pack_panel:
            self.pack_panel.generate_button.setFocus(Qt.FocusReason.TabFocusReason)
        else:
            target.setFocus(Qt.FocusReason.TabFocusReason)

    # ================================================================== selection & editors
    def current_location(self) -> Loc | None:
        return self.model.location(self.tree.currentIndex())

    def select_item(self, si: int, bi: int | None = None) -> None:
        """Select a section (or block); ``si`` -1 shows the project details."""
        if si < 0:
            self.show_details()
            return
        index = self.model.section_index(si) if bi is None else self.model.block_index(si, bi)
        if bi is not None:
            self.tree.expand(self.model.section_index(si))
        self.tree.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.tree.scrollTo(index)

    def select_section_titled(self, title: str) -> None:
        """Select the section whose slides carry ``title`` (a slide problem clicked in the pack panel)."""
        for si, section in enumerate(self.doc.project.sections):
            if plain_text(section.title) == title:
                self.select_item(si)
                return
        self.statusBar().showMessage(f"No section is titled '{title}' any more.", 5000)

    def show_problem(self, finding: Finding) -> None:
        """Select a slide problem's block (a click in the pack panel) and mark its box in the preview."""
        place = locate_problem(self.doc.project, finding, self.pack_panel.deck_template)
        if place is None:
            self.select_section_titled(finding.section)
            return
        self.select_item(place.section, place.block)
        self.refresh_preview()
        self.preview.set_mark(place.slide, place.box)
        mark = self.preview.marked_rect() or self.preview.slide_rect(place.slide)
        # After the preview's new height is laid out in the scroll area, bring the box into view.
        QTimer.singleShot(0, lambda: self.preview_area.ensureVisible(0, int(mark.center().y()), 0, int(mark.height())))

    def show_sorter(self) -> None:
        """Open (or bring forward) the slide sorter, planning the first deck pack."""
        from neslis_desktop.gui.slide_sorter import SlideSorter

        if self._sorter is not None:
            self._sorter.fill_packs()
        self._sorter = _bring_forward(self._sorter, lambda: SlideSorter(self.doc, self.pack_panel.deck_template, self))

    def show_packs(self) -> None:
        """Open (or bring forward) the window of the project's packs."""
        from neslis_desktop.gui.packs_view import PacksWindow

        self._packs = _bring_forward(self._packs, lambda: PacksWindow(self.doc, self))

    def show_snapshots(self) -> None:
        """Show the Snapshots dock (made the first time), beside the preview."""
        from neslis_desktop.gui.snapshots_view import SnapshotsDock

        if self.snapshots is None:
            self.snapshots = SnapshotsDock(self.doc, self.save, self)
            self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.snapshots)
            # A third of the window at most, so the outline and editor stay usable at 150% scaling.
            self.resizeDocks([self.snapshots], [max(260, self.width() // 3)], Qt.Orientation.Horizontal)
        self.snapshots.show()
        self.snapshots.raise_()

    def show_consultation(self) -> None:
        """Open (or bring forward) the window of summit feedback and review comments."""
        from neslis_desktop.gui.consultation import ConsultationWindow

        self._consultation = _bring_forward(self._consultation, lambda: ConsultationWindow(self))

    def _show_links(self) -> None:
        loc = self.current_location()
        self.linked.show_links(self.doc.path, self.doc.project, *(loc if loc else (None, None)))

    def open_linked(self, link: Linked) -> None:
        """Open the Consultation window on a response, theme or comment linked to the content."""
        from neslis_desktop.gui.consultation import ConsultationWindow

        self.show_consultation()
        if isinstance(self._consultation, ConsultationWindow):
            self._consultation.show_linked(link)

    def show_details(self) -> None:
        self.tree.selectionModel().clearSelection()
        self.tree.setCurrentIndex(QModelIndex())
        self.editor_area.show_current()

    def _target(self) -> Target:
        loc = self.current_location()
        if loc is None:
            return ("meta", -1, -1)
        si, bi = loc
        return ("section", si, -1) if bi is None else ("block", si, bi)

    @property
    def editor(self) -> FormEditor | None:
        """The form shown in the centre pane."""
        return self.editor_area.editor

    def _validity_changed(self, has_errors: bool) -> None:
        self.preview_note.setText(
            "The preview shows this item as it was before the field marked in red: fix that field to see it here."
        )
        self.preview_note.setVisible(has_errors)

    # ================================================================== preview
    def schedule_preview(self) -> None:
        self._preview_timer.start()

    def refresh_preview(self) -> None:
        loc = self.current_location()
        project = self.doc.project
        if not project.sections:
            self.preview.set_preview(None)
            return
        si = 0 if loc is None else loc[0]
        try:
            preview = compute_preview(project, si, self.pack_panel.deck_template)
        except NeslisError as exc:
            self.statusBar().showMessage(f"Preview unavailable: {exc}", 8000)
            return
        except Exception as exc:  # a planner bug must not interrupt typing with dialogs
            import traceback

            traceback.print_exc()
            self.statusBar().showMessage(f"Preview failed ({type(exc).__name__}: {exc}); the deck may differ.", 8000)
            return
        self.preview.set_preview(preview)
        notes = list(dict.fromkeys(preview.adjustments))  # each shown once
        self.warnings.clear()
        self.warnings.addItems([f"⚠ {n}" for n in notes])
        self.warnings.setVisible(bool(notes))
        self.preview_time = time.perf_counter()
        self.preview_updated.emit()

    # ================================================================== outline edits
    def _selected_locations(self) -> list[Loc]:
        locs = [self.model.location(i) for i in self.tree.selectionModel().selectedIndexes()]
        found = [loc for loc in locs if loc is not None]
        current = self.current_location()
        if not found and current is not None:
            found = [current]
        return found

    def _run(self, op: ops.Op | None) -> None:
        if op is None:
            return
        self.undo.push(op.command)
        if op.select is None:
            self.show_details()
            return
        si, bi = op.select
        sections = self.doc.project.sections
        if op.near:
            if not sections:
                self.show_details()
                return
            si = min(si, len(sections) - 1)
            bi = min(bi, len(sections[si].blocks) - 1) if bi is not None and sections[si].blocks else None
        self.select_item(si, bi)

    def add_section(self) -> None:
        self._run(ops.add_section(self.doc, self.current_location()))

    def add_block(self, kind: str) -> None:
        data = None
        if kind == "picture":  # a picture block starts from a chosen file, copied into the project
            folder = None if self.doc.read_only else self.doc.path
            rel = choose_picture(self, folder)
            if rel is None:
                return
            data = {"file": rel, "alt_text": f"Describe what {Path(rel).name} shows, for someone who cannot see it"}
        self._run(ops.add_block(self.doc, self.current_location(), kind, data))

    def delete_selected(self) -> None:
        self._run(ops.delete(self.doc, self._selected_locations()))

    def duplicate(self) -> None:
        self._run(ops.duplicate(self.doc, self.current_location()))

    def move_current(self, step: int) -> None:
        self._run(ops.move(self.doc, self.current_location(), step))

    def _drag_move(self, src: Loc, dst: Loc) -> None:
        self._run(ops.drag_move(self.doc, src, dst))

    def _drag_copy(self, sections: list[Section], index: int, folder: str) -> None:
        self._run(self.files.copy_dropped(sections, index, folder))

    # ================================================================== clipboard
    def copy(self) -> bool:
        locs = self._selected_locations()
        if not locs:
            return False
        p = self.doc.project
        sections = [p.sections[si] for si, bi in locs if bi is None]
        blocks = [p.sections[si].blocks[bi] for si, bi in locs if bi is not None] if not sections else []
        QGuiApplication.clipboard().setMimeData(to_mime(blocks, sections))
        n = len(sections) or len(blocks)
        self.statusBar().showMessage(f"Copied {n} {'section' if sections else 'block'}{'s' if n > 1 else ''}", 4000)
        return True

    def cut(self) -> None:
        if self.copy():
            self.delete_selected()

    def paste(self) -> None:
        blocks, sections = from_mime(QGuiApplication.clipboard().mimeData())
        if not blocks and not sections:
            self.statusBar().showMessage("The clipboard holds no sections or blocks to paste.", 5000)
            return
        try:
            self._run(ops.paste(self.doc, self.current_location(), blocks, sections))
        except ops.NoSectionForBlocks:
            self.statusBar().showMessage("Add a section first, then paste blocks into it.", 5000)

    def copy_sections_from(self, folder: Path | None = None) -> None:
        """Insert ▸ Sections from another project (see :meth:`ProjectFiles.copy_sections_from`)."""
        op = self.files.copy_sections_from(self.current_location(), folder)
        if op is not None:
            self._run(op)

    # ================================================================== files
    def is_modified(self) -> bool:
        return self.doc.is_modified()

    def update_title(self, *_: object) -> None:
        where = str(self.doc.path) if self.doc.path else "not saved yet"
        if self.doc.read_only:
            where += " (read-only: open in another window)"
        self.setWindowTitle(f"{self.doc.project.meta.title} – {where}[*] – NESLIS Desktop")
        self.setWindowModified(self.is_modified())

    def maybe_save(self) -> bool:
        """True when it is fine to drop the current project (saved, discarded or unchanged)."""
        return self.files.maybe_save()

    def set_project(self, project: Project, path: Path | None, restored: bool = False, read_only: bool = False) -> None:
        self.doc.replace(project, path, restored=restored, read_only=read_only)

    def _after_load(self) -> None:
        self.pack_panel.load_choices()
        self.update_title()
        self.tree.expandAll()
        if self.doc.project.sections:
            self.select_item(0)
        else:
            self.show_details()
        self.schedule_preview()

    def new_project(self, from_example: bool = False) -> None:
        self.files.new_project(from_example)

    def open_project(self, folder: Path | None = None) -> bool:
        return self.files.open_project(folder)

    def reopen_last(self) -> bool:
        return self.files.reopen_last()

    def save(self) -> bool:
        return self.files.save()

    def save_as(self) -> bool:
        return self.files.save_as()

    def autosave(self) -> Path | None:
        """Write the recovery copy now (it is written two seconds after each change anyway)."""
        return self.doc.write_recovery()

    def generate(self) -> None:
        """Generate the deck and document (F5), once any field in red has been dealt with."""
        if self.files.invalid_field_allows("generate"):
            self.pack_panel.generate()

    def _recovery_failed(self, message: str) -> None:
        self.statusBar().showMessage(f"Could not write the recovery copy: {message}", 8000)

    # ================================================================== window state
    def _restore_layout(self) -> None:
        s = settings.settings()
        geometry = s.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
            screen = self.screen()
            if screen is not None and not screen.availableGeometry().contains(self.frameGeometry().topLeft()):
                self.fit_to_screen()  # remembered from a larger or another screen
        state = s.value("window/state")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)
        for key, splitter in (("window/splitter", self.splitter), ("window/right", self.right)):
            split = s.value(key)
            if isinstance(split, QByteArray) and not split.isEmpty():
                splitter.restoreState(split)

    def _save_layout(self) -> None:
        s = settings.settings()
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState())
        s.setValue("window/splitter", self.splitter.saveState())
        s.setValue("window/right", self.right.saveState())

    def closeEvent(self, event: QCloseEvent) -> None:
        # Ask first: answering Cancel keeps the window and lets a running build finish.
        if not self.maybe_save():
            event.ignore()
            return
        if self.pack_panel.job is not None:
            # A build stops between steps (each well under a second for a usual project) and
            # leaves the previous outputs as they were.
            self.statusBar().showMessage("Stopping the build…")
            self.pack_panel.cancel()
            self.pack_panel.job.wait()
        self.doc.close()
        self._save_layout()
        event.accept()


_W = TypeVar("_W", bound=QWidget)


def _bring_forward(window: _W | None, make: Callable[[], _W]) -> _W:
    """``window`` (made by ``make`` the first time) shown, raised and active."""
    window = window if window is not None else make()
    window.show()
    window.raise_()
    window.activateWindow()
    return window
