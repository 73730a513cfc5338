"""The main window: outline on the left, the selected item's form in the centre, the live slide
preview and the pack panel on the right.

The window is wiring. The project, its folder, undo, saving, the recovery copy and the watch on
disk live in :class:`~neslis_desktop.gui.document.ProjectDocument`; outline operations are
made into undo commands by :mod:`outline_ops`; actions and menus are in :mod:`actions`. The
window decides which operation a user's gesture means, and asks the user the questions
(through :mod:`dialogs`) before anything would be lost or overwritten.
"""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QByteArray, QItemSelectionModel, QModelIndex, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
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
from neslis_desktop.gui import commands as cmd
from neslis_desktop.gui import dialogs, kinds, settings
from neslis_desktop.gui import outline_ops as ops
from neslis_desktop.gui.actions import Actions
from neslis_desktop.gui.clipboard import from_mime, to_mime
from neslis_desktop.gui.document import ProjectDocument, lock_holder, open_document
from neslis_desktop.gui.editors import FormEditor, block_editor, meta_editor, section_editor
from neslis_desktop.gui.find import FindBar
from neslis_desktop.gui.outline_model import Loc, OutlineDelegate, OutlineModel
from neslis_desktop.gui.pack_panel import PackPanel
from neslis_desktop.gui.preview import PreviewWidget, compute_preview
from neslis_desktop.model import Block, Project, ProjectMeta
from neslis_desktop.model.edits import block_data
from neslis_desktop.resources import bundled_project, data_root
from neslis_desktop.store import load_project
from neslis_desktop.store.layout import is_project

PREVIEW_DEBOUNCE_MS = 50
Target = tuple[str, int, int]
"""What the editor shows: ("meta", -1, -1), ("section", si, -1) or ("block", si, bi)."""


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
        self.editor: FormEditor | None = None
        self._editing: Target | None = None
        self._disk_prompt_open = False
        self._consultation: QWidget | None = None
        self.preview_time = 0.0

        self._build_widgets()
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
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
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

        self.editor_area = QScrollArea()
        self.editor_area.setWidgetResizable(True)
        self.editor_area.setAccessibleName("Editor")

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
        self.right.addWidget(self.pack_panel)
        self.right.setStretchFactor(0, 1)
        self.right.setChildrenCollapsible(False)
        preview_box.setMinimumHeight(160)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.editor_area)
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
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.tree.customContextMenuRequested.connect(
            lambda pos: self.acts.context_menu(self.tree.viewport(), pos)
        )
        self.tree.delete_pressed.connect(self.delete_selected)
        self.model.move_requested.connect(self._drag_move)
        doc = self.doc
        # Bound methods, not lambdas: Qt drops them when the window goes, even while the
        # document (a child) is still emitting during destruction.
        doc.replaced.connect(self._after_load)
        for structural in (doc.section_inserted, doc.section_removed, doc.section_moved,
                           doc.block_inserted, doc.block_removed, doc.block_moved):
            structural.connect(self._structure_changed)
        doc.block_changed.connect(self._block_changed)
        doc.section_changed.connect(self._section_changed)
        doc.meta_changed.connect(self._meta_changed)
        doc.changed.connect(self.schedule_preview)
        doc.modified_changed.connect(self._update_title)
        doc.path_changed.connect(self._update_title)
        doc.disk_changed.connect(self._disk_changed)
        doc.recovery_failed.connect(self._recovery_failed)
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
        pack = self.pack_panel.sizeHint().height()
        self.right.setSizes([max(160, height - pack - 120), 0, pack])

    def focus_pane(self, step: int) -> None:
        """Move the focus to the next (``step`` 1) or previous (-1) pane: outline, editor, preview, pack."""
        panes: list[QWidget] = [self.tree, self.editor_area, self.preview_area, self.pack_panel]
        focus = QApplication.focusWidget()
        current = next((i for i, p in enumerate(panes) if focus is not None and (focus is p or p.isAncestorOf(focus))),
                       -1)
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

    def show_consultation(self) -> None:
        """Open (or bring forward) the window of summit feedback and review comments."""
        from neslis_desktop.gui.consultation import ConsultationWindow

        if self._consultation is None:
            self._consultation = ConsultationWindow(self)
        self._consultation.show()
        self._consultation.raise_()
        self._consultation.activateWindow()

    def show_details(self) -> None:
        self.tree.selectionModel().clearSelection()
        self.tree.setCurrentIndex(QModelIndex())
        self._show_editor()

    def _target(self) -> Target:
        loc = self.current_location()
        if loc is None:
            return ("meta", -1, -1)
        si, bi = loc
        return ("section", si, -1) if bi is None else ("block", si, bi)

    def _value(self, target: Target) -> object:
        p = self.doc.project
        if target[0] == "meta":
            return p.meta
        if target[0] == "section":
            s = p.sections[target[1]]
            return (s.title, s.notes)
        return p.sections[target[1]].blocks[target[2]]

    def _show_editor(self) -> None:
        target = self._target()
        project = self.doc.project
        if target[0] == "meta":
            editor = meta_editor(project.meta)
            editor.edited.connect(self._meta_edited)
        elif target[0] == "section":
            section = project.sections[target[1]]
            editor = section_editor(section)
            editor.edited.connect(self._section_edited)
            labels = ", ".join(kinds.label(b.kind).lower() for b in section.blocks) or "none yet"
            editor.set_hint(
                f"This section's slides are shown on the right. Its blocks: {labels}. "
                "Select a block in the outline to edit it, or add one with Insert ▸ Add block."
            )
        else:
            editor = block_editor(project.sections[target[1]].blocks[target[2]], self.doc.path)
            editor.edited.connect(self._block_edited)
        editor.validity_changed.connect(self._validity_changed)
        self.editor, self._editing = editor, target
        self.editor_area.setWidget(editor)
        self._validity_changed(editor.has_errors())
        self.schedule_preview()

    def _follow(self, target: Target) -> None:
        """The document changed ``target``: the form shows the new value if it is the one edited."""
        if self.editor is None or target != self._editing:
            return
        value = self._value(target)
        if self.editor.last_valid != value:  # changed by undo/redo: show it, keep the focus
            self.editor.set_data(_editor_data(value))

    def _structure_changed(self, *_: object) -> None:
        # Rows moved under the selection: the form follows the item it now points at.
        if self._target() != self._editing:
            self._show_editor()
        else:
            self._follow(self._target())

    def _block_changed(self, si: int, bi: int) -> None:
        self._follow(("block", si, bi))

    def _section_changed(self, si: int) -> None:
        self._follow(("section", si, -1))

    def _meta_changed(self) -> None:
        self._follow(("meta", -1, -1))
        self._update_title()

    def _current_changed(self, *_: object) -> None:
        self._show_editor()

    def _block_edited(self, block: Block, key: str) -> None:
        target = self._target()
        if target[0] == "block":
            self.undo.push(cmd.ReplaceBlock(self.doc, target[1], target[2], block, key))

    def _section_edited(self, value: tuple[str, str | None], key: str) -> None:
        target = self._target()
        if target[0] == "section":
            self.undo.push(cmd.EditSectionHead(self.doc, target[1], value[0], value[1], key))

    def _meta_edited(self, meta: ProjectMeta, key: str) -> None:
        self.undo.push(cmd.EditMeta(self.doc, meta, key))

    def _validity_changed(self, has_errors: bool) -> None:
        self.preview_note.setText(
            "The preview shows this item as it was before the field marked in red: fix that field to see it here."
        )
        self.preview_note.setVisible(has_errors)

    # ================================================================== fields in red
    def invalid_field_allows(self, action: str) -> bool:
        """True when ``action`` ('save', 'generate', 'close') may go ahead with the form as it is.

        A field in red holds what the user typed but cannot be kept; the user is told which
        field, and may go to it (the action stops) or go ahead without that value.
        """
        editor = self.editor
        problem = editor.problem() if editor is not None else None
        if editor is None or problem is None:
            return True
        where, message = problem
        choice = dialogs.ask_invalid_field(self, action, editor.title, where, message)
        if choice is dialogs.InvalidChoice.GO_TO:
            widget = editor.go_to_problem()
            if widget is not None:
                self.editor_area.ensureWidgetVisible(widget)
            return False
        return choice is dialogs.InvalidChoice.PROCEED

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
            data = self._choose_picture()
            if data is None:
                return
        self._run(ops.add_block(self.doc, self.current_location(), kind, data))

    def _choose_picture(self) -> dict[str, str] | None:
        from neslis_desktop.store.assets import copy_into_assets

        if self.doc.path is None or self.doc.read_only:
            why = "Pictures are kept in the project's folder; save it first."
            dialogs.show_error(self, "Save the project first", why)
            return None
        chosen = dialogs.ask_open_file(self, "Choose a picture", "Pictures (*.png *.jpg *.jpeg *.gif)")
        if chosen is None:
            return None
        try:
            rel = copy_into_assets(chosen, self.doc.path)
        except NeslisError as exc:
            dialogs.show_error(self, "Picture not added", str(exc))
            return None
        return {"file": rel, "alt_text": f"Describe what {Path(rel).name} shows, for someone who cannot see it"}

    def delete_selected(self) -> None:
        self._run(ops.delete(self.doc, self._selected_locations()))

    def duplicate(self) -> None:
        self._run(ops.duplicate(self.doc, self.current_location()))

    def move_current(self, step: int) -> None:
        self._run(ops.move(self.doc, self.current_location(), step))

    def _drag_move(self, src: Loc, dst: Loc) -> None:
        self._run(ops.drag_move(self.doc, src, dst))

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

    # ================================================================== files
    def is_modified(self) -> bool:
        return self.doc.is_modified()

    def _update_title(self, *_: object) -> None:
        where = str(self.doc.path) if self.doc.path else "not saved yet"
        if self.doc.read_only:
            where += " (read-only: open in another window)"
        self.setWindowTitle(f"{self.doc.project.meta.title} – {where}[*] – NESLIS Desktop")
        self.setWindowModified(self.is_modified())

    def maybe_save(self) -> bool:
        """True when it is fine to drop the current project (saved, discarded or unchanged)."""
        if not self.invalid_field_allows("close"):
            return False
        if not self.is_modified():
            return True
        choice = dialogs.ask_save_changes(self, self.doc.project.meta.title)
        if choice is dialogs.SaveChoice.SAVE:
            return self.save(checked_fields=True)
        return choice is dialogs.SaveChoice.DISCARD

    def set_project(self, project: Project, path: Path | None, restored: bool = False,
                    read_only: bool = False) -> None:
        self.doc.replace(project, path, restored=restored, read_only=read_only)

    def _after_load(self) -> None:
        self.pack_panel.load_choices()
        self._update_title()
        self.tree.expandAll()
        if self.doc.project.sections:
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
            from neslis_desktop.model.edits import starter_project

            project = starter_project()
        self.set_project(project, None)
        self.statusBar().showMessage("New project: use File > Save As to choose where it is kept.", 8000)

    def open_project(self, folder: Path | None = None) -> bool:
        if folder is None:
            folder = dialogs.ask_open_folder(self, str(self.doc.path.parent) if self.doc.path else "")
            if folder is None:
                return False
        resolved = Path(folder).resolve()
        other = open_document(resolved)
        if other is self.doc:
            self.statusBar().showMessage(f"{resolved} is the project open here.", 5000)
            return True
        if other is not None:  # open in another window of this app: bring that one forward
            window = other.parent()
            if isinstance(window, QWidget):
                window.show()
                window.raise_()
                window.activateWindow()
            self.statusBar().showMessage(f"{resolved} is open in another window; it was brought forward.", 8000)
            return False
        if not self.maybe_save():
            return False
        try:
            project = load_project(Path(folder))
        except NeslisError as exc:
            dialogs.show_error(self, "Could not open the project", str(exc))
            return False
        path: Path | None = resolved
        read_only = False
        if is_bundled(Path(folder)):  # never edit the bundled example in place
            path = None
            self.statusBar().showMessage("This is the bundled example: use Save As to keep your changes.", 8000)
        elif (holder := lock_holder(resolved)) is not None:
            question = (
                f"{resolved} is open in {holder.describe()}. Two copies editing one folder would overwrite "
                "each other's work.\n\nOpen it read-only here? (You can still save your changes in another "
                "folder with Save As.)"
            )
            if not dialogs.ask_yes_no(self, "Project open elsewhere", question):
                return False
            read_only = True
        self.set_project(project, path, read_only=read_only)
        if path is not None:
            settings.add_recent(path)
        return True

    def reopen_last(self) -> bool:
        """Open the project used last (File > Reopen last project)."""
        recent = [p for p in settings.recent_projects() if p != self.doc.path]
        if not recent:
            self.statusBar().showMessage("No project was opened before.", 5000)
            return False
        return self.open_project(recent[0])

    def save(self, checked_fields: bool = False) -> bool:
        if not checked_fields and not self.invalid_field_allows("save"):
            return False
        if self.doc.path is None or self.doc.read_only:
            return self.save_as(checked_fields=True)
        if self.doc.disk_is_newer() and not dialogs.ask_yes_no(
            self,
            "Replace newer files?",
            f"The project's files in {self.doc.path} were changed by another program since you opened or saved "
            "them. Replace them with your version? (Answer No to keep them; you can Save As elsewhere.)",
        ):
            return False
        return self._save_to(self.doc.path)

    def save_as(self, checked_fields: bool = False) -> bool:
        if not checked_fields and not self.invalid_field_allows("save"):
            return False
        folder = dialogs.ask_save_folder(self, str(self.doc.path or ""))
        if folder is None:
            return False
        folder = Path(folder).resolve()
        if is_bundled(folder):
            dialogs.show_error(
                self, "Cannot save here", "The bundled example cannot be changed; choose another folder."
            )
            return False
        if folder.is_dir() and any(folder.iterdir()) and not is_project(folder):
            # A folder holding other things: the project goes into a subfolder of its own.
            folder = folder / self.doc.project.meta.file_slug()
        other = open_document(folder)
        if other is not None and other is not self.doc:
            dialogs.show_error(self, "Cannot save here", f"{folder} is open in another window; close it there first.")
            return False
        holder = lock_holder(folder) if folder != self.doc.path and is_project(folder) else None
        if holder is not None:
            dialogs.show_error(self, "Cannot save here", f"{folder} is open in {holder.describe()}.")
            return False
        # Asked about the folder the project will really go to, the subfolder included.
        if is_project(folder) and folder != self.doc.path and not dialogs.ask_yes_no(
            self, "Replace project?", f"{folder} already holds a project. Replace it with this one?"
        ):
            return False
        if not self._save_to(folder):
            return False
        self.pack_panel.remember_for(folder)
        settings.add_recent(folder)
        self.pack_panel.load_choices()
        return True

    def _save_to(self, folder: Path) -> bool:
        try:
            self.doc.save_to(folder)
        except NeslisError as exc:
            dialogs.show_error(self, "Could not save the project", str(exc))
            return False
        except OSError as exc:
            dialogs.show_error(self, "Could not save the project", f"{folder}: {exc.strerror or exc}")
            return False
        self._update_title()
        self.statusBar().showMessage(f"Saved to {folder}", 5000)
        return True

    def autosave(self) -> Path | None:
        """Write the recovery copy now (it is written two seconds after each change anyway)."""
        return self.doc.write_recovery()

    def generate(self) -> None:
        """Generate the deck and document (F5), once any field in red has been dealt with."""
        if self.invalid_field_allows("generate"):
            self.pack_panel.generate()

    def _recovery_failed(self, message: str) -> None:
        self.statusBar().showMessage(f"Could not write the recovery copy: {message}", 8000)

    # ================================================================== changes on disk
    def _disk_changed(self) -> None:
        # While the question is open, further changes are merged into it: the reload reads the
        # files as they are when the user answers.
        if self._disk_prompt_open or self.doc.path is None:
            return
        self._disk_prompt_open = True
        try:
            text = f"The project's files in {self.doc.path} were changed by another program. Reload them?"
            if self.is_modified():
                text += " Your unsaved changes here would be lost."
            if not dialogs.ask_yes_no(self, "Project changed on disk", text):
                self.statusBar().showMessage(
                    "Kept your version. Saving will ask before replacing the newer files on disk.", 10000
                )
                return
            try:
                self.doc.reload()
            except NeslisError as exc:
                dialogs.show_error(self, "Could not reload the project", str(exc))
        finally:
            self._disk_prompt_open = False

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


def _editor_data(value: object) -> dict[str, object]:
    """The plain data a form shows for a value of the project (meta, section head or block)."""
    if isinstance(value, ProjectMeta):
        return value.model_dump(mode="json", exclude_none=True)
    if isinstance(value, tuple):
        return {k: v for k, v in (("title", value[0]), ("notes", value[1])) if v is not None}
    return dict(block_data(value))  # type: ignore[arg-type]


def is_bundled(folder: Path) -> bool:
    """True for a folder inside the bundled content (which must never be edited in place)."""
    try:
        Path(folder).resolve().relative_to((data_root() / "content").resolve())
    except ValueError:
        return False
    return True

