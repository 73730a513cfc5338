"""The main window: outline on the left, the selected item's form in the centre, the live
slide preview and the pack panel on the right; menus, shortcuts, files and safety nets.

Every change to the project goes through the undo stack (see :mod:`commands`); this window
only decides which command to push. Files are read and written with the store, whose errors
(ContentError, OutputError) are shown in a dialog. Unsaved work is autosaved to a recovery
copy every minute, and the user is asked before anything unsaved would be lost.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QFileSystemWatcher, QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListWidget,
    QMainWindow,
    QMenu,
    QScrollArea,
    QSplitter,
    QToolBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from neslis_desktop.errors import NeslisError
from neslis_desktop.gui import commands as cmd
from neslis_desktop.gui import dialogs, recovery, settings
from neslis_desktop.gui import project_edits as edits
from neslis_desktop.gui.clipboard import from_mime, to_mime
from neslis_desktop.gui.editors import FormEditor, block_editor, meta_editor, section_editor
from neslis_desktop.gui.find import FindBar
from neslis_desktop.gui.outline_model import KIND_LABELS, OutlineDelegate, OutlineModel
from neslis_desktop.gui.pack_panel import PackPanel
from neslis_desktop.gui.preview import PreviewWidget, compute_preview
from neslis_desktop.model import Project, Section
from neslis_desktop.resources import bundled_project, data_root
from neslis_desktop.store import load_project, save_project

AUTOSAVE_MS = 60_000
PREVIEW_DEBOUNCE_MS = 50


class OutlineView(QTreeView):
    """The outline tree: drag to reorder, Delete key removes, context menu for the rest."""

    delete_pressed = Signal()

    def keyPressEvent(self, event: Any) -> None:
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
        self.project_path: Path | None = project_path
        self.undo = QUndoStack(self)
        self.model = OutlineModel(project or edits.starter_project(), self)
        self.editor: FormEditor | None = None
        self._editing: tuple[Any, ...] | None = None
        self._restored = False
        self._snapshot: dict[str, bytes] = {}
        self.preview_time = 0.0

        self._build_widgets()
        self._build_actions()
        self._wire()
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_DEBOUNCE_MS)
        self._preview_timer.timeout.connect(self.refresh_preview)
        self._autosave = QTimer(self)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(self.autosave)
        self._autosave.start()
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self._disk_changed)
        self.watcher.directoryChanged.connect(self._disk_changed)
        self._disk_timer = QTimer(self)
        self._disk_timer.setSingleShot(True)
        self._disk_timer.setInterval(400)
        self._disk_timer.timeout.connect(self._check_disk)
        self._after_load()
        self.resize(1440, 900)
        self._restore_layout()

    # ================================================================== building
    def _build_widgets(self) -> None:
        self.tree = OutlineView()
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.setItemDelegate(OutlineDelegate(self.tree))
        self.tree.setAccessibleName("Outline of sections and blocks")
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.tree.setDragEnabled(True)
        self.tree.setAcceptDrops(True)
        self.tree.setDropIndicatorShown(True)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.setUniformRowHeights(True)
        self.find_bar = FindBar(lambda: self.model.project)
        self.find_bar.hide()
        left = QWidget()
        left_col = QVBoxLayout(left)
        left_col.setContentsMargins(0, 0, 0, 0)
        left_col.addWidget(self.find_bar)
        left_col.addWidget(self.tree, 1)

        self.editor_area = QScrollArea()
        self.editor_area.setWidgetResizable(True)
        self.editor_area.setAccessibleName("Editor")

        self.preview = PreviewWidget()
        self.preview_area = QScrollArea()
        self.preview_area.setWidgetResizable(True)
        self.preview_area.setWidget(self.preview)
        self.preview_area.setAccessibleName("Slide preview")
        self.warnings = QListWidget()
        self.warnings.setAccessibleName("Preview warnings")
        self.warnings.setMaximumHeight(80)
        self.warnings.hide()
        self.pack_panel = PackPanel(lambda: self.model.project, lambda: self.project_path)
        right = QWidget()
        right_col = QVBoxLayout(right)
        right_col.setContentsMargins(0, 0, 0, 0)
        caption = QLabel("<b>Preview</b> – the slides this section becomes")
        right_col.addWidget(caption)
        right_col.addWidget(self.preview_area, 1)
        right_col.addWidget(self.warnings)
        right_col.addWidget(self.pack_panel)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.editor_area)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 1)
        self.splitter.setSizes([330, 520, 590])
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)
        self.statusBar().showMessage("Ready")
        self.setTabOrder(self.tree, self.editor_area)
        self.setTabOrder(self.editor_area, self.preview_area)
        self.setTabOrder(self.preview_area, self.pack_panel)

    def _action(self, text: str, slot: Any, shortcut: Any = None, tip: str = "") -> QAction:
        action = QAction(text, self)
        action.triggered.connect(lambda _=False: slot())
        if shortcut is not None:
            if isinstance(shortcut, list):
                action.setShortcuts(shortcut)
            else:
                action.setShortcut(shortcut)
        if tip:
            action.setStatusTip(tip)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        K = QKeySequence.StandardKey  # noqa: N806
        self.act_new = self._action("&New project", lambda: self.new_project(False), K.New, "Start a blank project")
        self.act_new_example = self._action("New from the North East LIS &example", lambda: self.new_project(True))
        self.act_open = self._action("&Open project folder…", self.open_project, K.Open)
        self.act_save = self._action("&Save", self.save, K.Save)
        self.act_save_as = self._action("Save &As…", self.save_as, QKeySequence("Ctrl+Shift+S"))
        self.act_quit = self._action("E&xit", self.close, QKeySequence("Ctrl+Q"))
        self.act_undo = self.undo.createUndoAction(self, "&Undo")
        self.act_undo.setShortcuts([QKeySequence("Ctrl+Z")])
        self.act_redo = self.undo.createRedoAction(self, "&Redo")
        self.act_redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.addAction(self.act_undo)
        self.addAction(self.act_redo)
        self.act_cut = self._action("Cu&t", self.cut, K.Cut)
        self.act_copy = self._action("&Copy", self.copy, K.Copy)
        self.act_paste = self._action("&Paste", self.paste, K.Paste)
        self.act_delete = self._action(
            "&Delete", self.delete_selected, K.Delete, "Delete the selected sections or blocks"
        )
        self.act_duplicate = self._action("D&uplicate", self.duplicate, QKeySequence("Ctrl+D"))
        self.act_up = self._action("Move &up", lambda: self.move_current(-1), QKeySequence("Alt+Up"))
        self.act_down = self._action("Move do&wn", lambda: self.move_current(1), QKeySequence("Alt+Down"))
        self.act_find = self._action("&Find…", self.find_bar.open, K.Find)
        self.act_add_section = self._action("Add &section", self.add_section, QKeySequence("Ctrl+Shift+N"))
        self.act_details = self._action("Project &details", self.show_details, QKeySequence("Ctrl+Shift+D"))
        self.act_generate = self._action("&Generate deck and document", self.pack_panel.generate, QKeySequence("F5"))
        self.act_about = self._action("&About NESLIS Desktop", lambda: dialogs.show_about(self))
        for a in (self.act_cut, self.act_copy, self.act_paste, self.act_delete):
            a.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.removeAction(a)
            self.tree.addAction(a)

        menu = self.menuBar()
        file_menu = menu.addMenu("&File")
        file_menu.addActions([self.act_new, self.act_new_example, self.act_open])
        self.recent_menu = file_menu.addMenu("Open &recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addSeparator()
        file_menu.addActions([self.act_save, self.act_save_as])
        file_menu.addSeparator()
        file_menu.addAction(self.act_generate)
        file_menu.addSeparator()
        file_menu.addAction(self.act_quit)
        edit_menu = menu.addMenu("&Edit")
        edit_menu.addActions([self.act_undo, self.act_redo])
        edit_menu.addSeparator()
        edit_menu.addActions([self.act_cut, self.act_copy, self.act_paste, self.act_delete, self.act_duplicate])
        edit_menu.addSeparator()
        edit_menu.addActions([self.act_up, self.act_down])
        edit_menu.addSeparator()
        edit_menu.addAction(self.act_find)
        insert_menu = menu.addMenu("&Insert")
        insert_menu.addAction(self.act_add_section)
        self.add_block_menu = insert_menu.addMenu("Add &block")
        self.block_actions: dict[str, QAction] = {}
        for kind, label in KIND_LABELS.items():
            action = self._action(label, lambda k=kind: self.add_block(k))
            self.add_block_menu.addAction(action)
            self.block_actions[kind] = action
        project_menu = menu.addMenu("&Project")
        project_menu.addAction(self.act_details)
        project_menu.addAction(self.act_generate)
        help_menu = menu.addMenu("&Help")
        help_menu.addAction(self.act_about)

        bar = QToolBar("Main")
        bar.setObjectName("mainToolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        bar.addActions([self.act_new, self.act_open, self.act_save])
        bar.addSeparator()
        bar.addActions([self.act_undo, self.act_redo])
        bar.addSeparator()
        bar.addAction(self.act_add_section)
        add_block = bar.addAction("Add block")
        add_block.setMenu(self.add_block_menu)
        add_block.triggered.connect(lambda: self.add_block("paragraph"))
        bar.addActions([self.act_delete, self.act_up, self.act_down])
        bar.addSeparator()
        bar.addActions([self.act_details, self.act_find])
        bar.addSeparator()
        bar.addAction(self.act_generate)
        self.addToolBar(bar)

    def _wire(self) -> None:
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.tree.delete_pressed.connect(self.delete_selected)
        self.model.move_requested.connect(self._drag_move)
        self.model.modelReset.connect(self._show_editor)
        # Bound methods, not lambdas: Qt drops them when the window goes, even while the undo
        # stack (a child) is still emitting during destruction.
        self.undo.indexChanged.connect(self._after_edit)
        self.undo.cleanChanged.connect(self._update_title)
        self.find_bar.activated.connect(self.select_item)
        self.pack_panel.template_changed.connect(self.schedule_preview)

    # ================================================================== selection & editors
    def current_location(self) -> tuple[int, int | None] | None:
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

    def show_details(self) -> None:
        self.tree.selectionModel().clearSelection()
        self.tree.setCurrentIndex(QModelIndex())
        self._show_editor()

    def _target(self) -> tuple[Any, ...]:
        loc = self.current_location()
        if loc is None:
            return ("meta",)
        si, bi = loc
        return ("section", si) if bi is None else ("block", si, bi)

    def _current_value(self, target: tuple[Any, ...]) -> Any:
        p = self.model.project
        if target[0] == "meta":
            return p.meta
        if target[0] == "section":
            s = p.sections[target[1]]
            return (s.title, s.notes)
        return p.sections[target[1]].blocks[target[2]]

    def _show_editor(self, force: bool = True) -> None:
        target = self._target()
        value = self._current_value(target)
        if not force and self.editor is not None and target == self._editing:
            if self.editor.last_valid != value:  # changed by undo/redo: show it, keep the focus
                self.editor.set_data(self._editor_data(target, value))
            self.schedule_preview()
            return
        if target[0] == "meta":
            editor = meta_editor(value)
            editor.edited.connect(self._meta_edited)
        elif target[0] == "section":
            section = self.model.project.sections[target[1]]
            editor = section_editor(section)
            editor.edited.connect(self._section_edited)
            kinds = ", ".join(KIND_LABELS.get(b.kind, b.kind).lower() for b in section.blocks) or "none yet"
            editor.set_hint(
                f"This section's slides are shown on the right. Its blocks: {kinds}. "
                "Select a block in the outline to edit it, or add one with Insert ▸ Add block."
            )
        else:
            editor = block_editor(value)
            editor.edited.connect(self._block_edited)
        self.editor, self._editing = editor, target
        self.editor_area.setWidget(editor)
        self.schedule_preview()

    def _current_changed(self, *_: Any) -> None:
        self._show_editor()

    def _editor_data(self, target: tuple[Any, ...], value: Any) -> dict[str, Any]:
        if target[0] == "meta":
            return value.model_dump(mode="json", exclude_none=True)
        if target[0] == "section":
            return {k: v for k, v in (("title", value[0]), ("notes", value[1])) if v is not None}
        return edits.block_data(value)

    def _after_edit(self, *_: Any) -> None:
        self._show_editor(force=False)
        self.schedule_preview()
        self._update_title()

    def _block_edited(self, block: Any, key: str) -> None:
        target = self._target()
        if target[0] == "block":
            self.undo.push(cmd.ReplaceBlock(self.model, target[1], target[2], block, key))

    def _section_edited(self, value: tuple[str, str | None], key: str) -> None:
        target = self._target()
        if target[0] == "section":
            self.undo.push(cmd.EditSectionHead(self.model, target[1], value[0], value[1], key))

    def _meta_edited(self, meta: Any, key: str) -> None:
        self.undo.push(cmd.EditMeta(self.model, meta, key))

    # ================================================================== preview
    def schedule_preview(self) -> None:
        self._preview_timer.start()

    def refresh_preview(self) -> None:
        loc = self.current_location()
        project = self.model.project
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
        notes = preview.adjustments
        self.warnings.clear()
        self.warnings.addItems([f"⚠ {n}" for n in notes])
        self.warnings.setVisible(bool(notes))
        self.preview_time = time.perf_counter()
        self.preview_updated.emit()

    # ================================================================== outline edits
    def _selected_locations(self) -> list[tuple[int, int | None]]:
        locs = [self.model.location(i) for i in self.tree.selectionModel().selectedIndexes()]
        found = [loc for loc in locs if loc is not None]
        if not found and self.current_location() is not None:
            found = [self.current_location()]  # type: ignore[list-item]
        return found

    def add_section(self) -> None:
        loc = self.current_location()
        index = len(self.model.project.sections) if loc is None else loc[0] + 1
        section = Section(id=self.model.project.new_section_id("New section"), title="New section")
        self.undo.push(cmd.InsertSection(self.model, index, section))
        self.select_item(index)

    def add_block(self, kind: str) -> None:
        loc = self.current_location()
        if not self.model.project.sections:
            self.add_section()
            loc = self.current_location()
        if loc is None:
            si, bi = len(self.model.project.sections) - 1, None
        else:
            si, bi = loc
        index = len(self.model.project.sections[si].blocks) if bi is None else bi + 1
        self.undo.push(cmd.InsertBlock(self.model, si, index, edits.new_block(kind)))
        self.select_item(si, index)

    def delete_selected(self) -> None:
        locs = self._selected_locations()
        if not locs:
            return
        sections = {si for si, bi in locs if bi is None}
        blocks = [(si, bi) for si, bi in locs if bi is not None and si not in sections]
        parent = cmd.compound("Delete" if len(locs) > 1 else "")
        # Remove from the end backwards so the recorded indexes stay right for undo.
        for si, bi in sorted(blocks, reverse=True):
            cmd.RemoveBlock(self.model, si, bi, parent)
        for si in sorted(sections, reverse=True):
            cmd.RemoveSection(self.model, si, parent)
        if len(parent.kids) == 1:
            parent.setText(parent.kids[0].text())
        first = min(locs, key=lambda loc: (loc[0], loc[1] if loc[1] is not None else -1))
        self.undo.push(parent)
        self._select_near(first)

    def _select_near(self, loc: tuple[int, int | None]) -> None:
        si, bi = loc
        sections = self.model.project.sections
        if not sections:
            self.show_details()
            return
        si = min(si, len(sections) - 1)
        if bi is not None and sections[si].blocks:
            self.select_item(si, min(bi, len(sections[si].blocks) - 1))
        else:
            self.select_item(si)

    def duplicate(self) -> None:
        loc = self.current_location()
        if loc is None:
            return
        si, bi = loc
        project = self.model.project
        if bi is None:
            copy = edits.clone(project.sections[si])
            copy = copy.model_copy(update={"id": project.new_section_id(copy.id)})
            self.undo.push(cmd.InsertSection(self.model, si + 1, copy))
            self.select_item(si + 1)
        else:
            block = edits.clone(project.sections[si].blocks[bi])
            self.undo.push(cmd.InsertBlock(self.model, si, bi + 1, block))
            self.select_item(si, bi + 1)

    def move_current(self, step: int) -> None:
        loc = self.current_location()
        if loc is None:
            return
        si, bi = loc
        if bi is None:
            dst = si + step
            if 0 <= dst < len(self.model.project.sections):
                self.undo.push(cmd.MoveSection(self.model, si, dst))
                self.select_item(dst)
            return
        dst = bi + step
        if 0 <= dst < len(self.model.project.sections[si].blocks):
            self.undo.push(cmd.MoveBlock(self.model, (si, bi), (si, dst)))
            self.select_item(si, dst)

    def _drag_move(self, src: tuple[int, int | None], dst: tuple[int, int | None]) -> None:
        if src[1] is None:
            self.undo.push(cmd.MoveSection(self.model, src[0], dst[0]))
            self.select_item(dst[0])
        else:
            self.undo.push(cmd.MoveBlock(self.model, src, dst))  # type: ignore[arg-type]
            self.select_item(dst[0], dst[1])

    def _context_menu(self, pos: Any) -> None:
        menu = QMenu(self)
        menu.addAction(self.act_add_section)
        menu.addMenu(self.add_block_menu)
        menu.addSeparator()
        menu.addActions([self.act_cut, self.act_copy, self.act_paste, self.act_duplicate, self.act_delete])
        menu.addSeparator()
        menu.addActions([self.act_up, self.act_down])
        menu.popup(self.tree.viewport().mapToGlobal(pos))

    # ================================================================== clipboard
    def copy(self) -> bool:
        locs = self._selected_locations()
        if not locs:
            return False
        p = self.model.project
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
        loc = self.current_location()
        parent = cmd.compound("Paste")
        if sections:
            index = len(self.model.project.sections) if loc is None else loc[0] + 1
            taken = {s.id for s in self.model.project.sections}
            for offset, section in enumerate(sections):
                new_id = section.id
                n = 2
                while new_id in taken:  # "-2", "-3"... within the 80-character limit of an id
                    suffix = f"-{n}"
                    new_id, n = section.id[: 80 - len(suffix)].rstrip("-") + suffix, n + 1
                taken.add(new_id)
                cmd.InsertSection(self.model, index + offset, section.model_copy(update={"id": new_id}), parent)
            self.undo.push(parent)
            self.select_item(index)
            return
        if loc is None:
            if not self.model.project.sections:
                self.statusBar().showMessage("Add a section first, then paste blocks into it.", 5000)
                return
            loc = (len(self.model.project.sections) - 1, None)
        si, bi = loc
        index = len(self.model.project.sections[si].blocks) if bi is None else bi + 1
        for offset, block in enumerate(blocks):
            cmd.InsertBlock(self.model, si, index + offset, block, parent)
        self.undo.push(parent)
        self.select_item(si, index)

    # ================================================================== files
    def is_modified(self) -> bool:
        return not self.undo.isClean() or self._restored

    def _update_title(self, *_: Any) -> None:
        where = str(self.project_path) if self.project_path else "not saved yet"
        self.setWindowTitle(f"{self.model.project.meta.title} – {where}[*] – NESLIS Desktop")
        self.setWindowModified(self.is_modified())

    def maybe_save(self) -> bool:
        """True when it is fine to drop the current project (saved, discarded or unchanged)."""
        if not self.is_modified():
            return True
        choice = dialogs.ask_save_changes(self, self.model.project.meta.title)
        if choice is dialogs.SaveChoice.SAVE:
            return self.save()
        return choice is dialogs.SaveChoice.DISCARD

    def set_project(self, project: Project, path: Path | None, restored: bool = False) -> None:
        old_path = self.project_path
        self.project_path = path
        self.model.set_project(project)
        self.undo.clear()
        self._restored = restored
        if not restored:
            recovery.clear_recovery(old_path)
        self._after_load()

    def _after_load(self) -> None:
        self.pack_panel.load_choices()
        self._watch()
        self._update_title()
        self.tree.expandAll()
        if self.model.project.sections:
            self.select_item(0)
        else:
            self.show_details()
        self.schedule_preview()

    def new_project(self, from_example: bool = False) -> None:
        if not self.maybe_save():
            return
        if from_example:
            try:
                project = load_project(bundled_project())
            except NeslisError as exc:
                dialogs.show_error(self, "Could not open the example", str(exc))
                return
        else:
            project = edits.starter_project()
        self.set_project(project, None)
        self.statusBar().showMessage("New project: use File > Save As to choose where it is kept.", 8000)

    def open_project(self, folder: Path | None = None) -> bool:
        if not self.maybe_save():
            return False
        if folder is None:
            folder = dialogs.ask_open_folder(self, str(self.project_path.parent) if self.project_path else "")
            if folder is None:
                return False
        try:
            project = load_project(folder)
        except NeslisError as exc:
            dialogs.show_error(self, "Could not open the project", str(exc))
            return False
        path: Path | None = Path(folder).resolve()
        if is_bundled(Path(folder)):  # never edit the bundled example in place
            path = None
            self.statusBar().showMessage("This is the bundled example: use Save As to keep your changes.", 8000)
        self.set_project(project, path)
        if path is not None:
            settings.add_recent(path)
        return True

    def save(self) -> bool:
        if self.project_path is None:
            return self.save_as()
        return self._save_to(self.project_path)

    def save_as(self) -> bool:
        folder = dialogs.ask_save_folder(self, str(self.project_path or ""))
        if folder is None:
            return False
        folder = Path(folder).resolve()
        if is_bundled(folder):
            dialogs.show_error(
                self, "Cannot save here", "The bundled example cannot be changed; choose another folder."
            )
            return False
        if folder.is_dir() and any(folder.iterdir()) and not (folder / "project.yaml").is_file():
            # A folder holding other things: the project goes into a subfolder of its own.
            folder = folder / self.model.project.meta.file_slug()
        # Asked about the folder the project will really go to, the subfolder included.
        if (folder / "project.yaml").is_file() and folder != self.project_path and not dialogs.ask_yes_no(
            self, "Replace project?", f"{folder} already holds a project. Replace it with this one?"
        ):
            return False
        old = self.project_path
        if not self._save_to(folder):
            return False
        self.pack_panel.remember_for(folder)
        recovery.clear_recovery(old)
        self.project_path = folder
        settings.add_recent(folder)
        self.pack_panel.load_choices()
        self._watch()
        self._update_title()
        return True

    def _save_to(self, folder: Path) -> bool:
        try:
            save_project(self.model.project, folder)
        except NeslisError as exc:
            dialogs.show_error(self, "Could not save the project", str(exc))
            return False
        except OSError as exc:
            dialogs.show_error(self, "Could not save the project", f"{folder}: {exc.strerror or exc}")
            return False
        self.project_path = folder
        self._snapshot = self._disk_files()  # our own save is not an outside change
        self.undo.setClean()
        self._restored = False
        recovery.clear_recovery(folder)
        self._update_title()
        if self.editor is not None and self.editor.has_errors():
            self.statusBar().showMessage(
                f"Saved to {folder}. A field shown in red still has a problem; its last valid value was saved.", 10000
            )
        else:
            self.statusBar().showMessage(f"Saved to {folder}", 5000)
        return True

    def autosave(self) -> Path | None:
        """Write a recovery copy when there are unsaved changes; returns its folder."""
        if not self.is_modified():
            return None
        try:
            return recovery.write_recovery(self.model.project, self.project_path)
        except (NeslisError, OSError) as exc:
            self.statusBar().showMessage(f"Could not write the recovery copy: {exc}", 8000)
            return None

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = settings.recent_projects()
        if not recent:
            self.recent_menu.addAction("(none yet)").setEnabled(False)
        for path in recent:
            action = self.recent_menu.addAction(str(path))
            action.triggered.connect(lambda _=False, p=path: self.open_project(p))

    # ================================================================== watching files on disk
    def _disk_files(self) -> dict[str, bytes]:
        folder = self.project_path
        if folder is None:
            return {}
        found: dict[str, bytes] = {}
        for path in [folder / "project.yaml", *sorted((folder / "sections").glob("*.yaml"))]:
            try:
                found[path.relative_to(folder).as_posix()] = path.read_bytes()
            except OSError:
                continue
        return found

    def _watch(self) -> None:
        paths = self.watcher.files() + self.watcher.directories()
        if paths:
            self.watcher.removePaths(paths)
        if self.project_path is None:
            self._snapshot = {}
            return
        self._snapshot = self._disk_files()
        wanted = [self.project_path, self.project_path / "sections", self.project_path / "project.yaml"]
        sections = sorted((self.project_path / "sections").glob("*.yaml"))
        if len(sections) <= 200:  # beyond that the folder watches (atomic saves rename) suffice
            wanted += sections
        self.watcher.addPaths([str(p) for p in wanted if p.exists()])

    def _disk_changed(self, _path: str) -> None:
        self._disk_timer.start()

    def _check_disk(self) -> None:
        if self.project_path is None:
            return
        now = self._disk_files()
        if now == self._snapshot:
            self._watch()  # files replaced by our own atomic save must be watched again
            return
        self._snapshot = now
        self._watch()
        text = f"The project's files in {self.project_path} were changed by another program. Reload them?"
        if self.is_modified():
            text += " Your unsaved changes here would be lost."
        if dialogs.ask_yes_no(self, "Project changed on disk", text):
            try:
                project = load_project(self.project_path)
            except NeslisError as exc:
                dialogs.show_error(self, "Could not reload the project", str(exc))
                return
            self.set_project(project, self.project_path)

    # ================================================================== window state
    def _restore_layout(self) -> None:
        s = settings.settings()
        geometry = s.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        state = s.value("window/state")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)
        split = s.value("window/splitter")
        if isinstance(split, QByteArray) and not split.isEmpty():
            self.splitter.restoreState(split)

    def _save_layout(self) -> None:
        s = settings.settings()
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState())
        s.setValue("window/splitter", self.splitter.saveState())

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
        recovery.clear_recovery(self.project_path)
        self._save_layout()
        event.accept()


def is_bundled(folder: Path) -> bool:
    """True for a folder inside the bundled content (which must never be edited in place)."""
    try:
        Path(folder).resolve().relative_to((data_root() / "content").resolve())
    except ValueError:
        return False
    return True
