"""The window's actions, menus, toolbar and outline context menu, with their shortcuts.

Each action calls one method of the main window; the menus are built from the same actions,
so a shortcut, a menu item and a toolbar button always do the same thing. F6 and Shift+F6
move the focus between the panes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar, QWidget

from neslis_desktop.gui import dialogs
from neslis_desktop.gui.kinds import KINDS

if TYPE_CHECKING:
    from neslis_desktop.gui.main_window import MainWindow

K = QKeySequence.StandardKey


class Actions:
    """Every action of the window, by name (``actions.save``), built once per window."""

    def __init__(self, win: MainWindow) -> None:
        self._win = win
        a = self._action
        self.new = a("&New project", lambda: win.new_project(False), K.New, "Start a blank project")
        self.new_example = a("New from the North East LIS &example", lambda: win.new_project(True))
        self.open = a("&Open project folder…", win.open_project, K.Open)
        self.reopen = a("Reopen &last project", win.reopen_last)
        self.save = a("&Save", win.save, K.Save)
        self.save_as = a("Save &As…", win.save_as, QKeySequence("Ctrl+Shift+S"))
        self.quit = a("E&xit", win.close, QKeySequence("Ctrl+Q"))
        self.undo = win.doc.undo.createUndoAction(win, "&Undo")
        self.undo.setShortcuts([QKeySequence("Ctrl+Z")])
        self.redo = win.doc.undo.createRedoAction(win, "&Redo")
        self.redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        win.addAction(self.undo)
        win.addAction(self.redo)
        self.cut = a("Cu&t", win.cut, K.Cut)
        self.copy = a("&Copy", win.copy, K.Copy)
        self.paste = a("&Paste", win.paste, K.Paste)
        self.delete = a("&Delete", win.delete_selected, K.Delete, "Delete the selected sections or blocks")
        self.duplicate = a("D&uplicate", win.duplicate, QKeySequence("Ctrl+D"))
        self.up = a("Move &up", lambda: win.move_current(-1), QKeySequence("Alt+Up"))
        self.down = a("Move do&wn", lambda: win.move_current(1), QKeySequence("Alt+Down"))
        self.find = a("&Find…", win.find_bar.open, K.Find)
        self.add_section = a("Add &section", win.add_section, QKeySequence("Ctrl+Shift+N"))
        self.copy_sections = a(
            "Sections from &another project…",
            win.copy_sections_from,
            None,
            "Copy sections (with their blocks, notes and pictures) from another project folder",
        )
        self.details = a("Project &details", win.show_details, QKeySequence("Ctrl+Shift+D"))
        self.generate = a("&Generate deck and document", win.generate, QKeySequence("F5"))
        self.next_pane = a("Next &pane", lambda: win.focus_pane(1), QKeySequence("F6"))
        self.prev_pane = a("Pre&vious pane", lambda: win.focus_pane(-1), QKeySequence("Shift+F6"))
        self.sorter = a(
            "Slide &sorter…", win.show_sorter, QKeySequence("Ctrl+Shift+L"), "Every slide of a pack, as thumbnails"
        )
        self.packs = a(
            "&Packs…",
            win.show_packs,
            QKeySequence("Ctrl+Shift+P"),
            "The decks and documents this project makes, and the sections each takes",
        )
        self.snapshots = a(
            "S&napshots and changes…",
            win.show_snapshots,
            None,
            "Keep the project under a name, and see what changed since a snapshot",
        )
        self.consultation = a(
            "&Feedback and review comments…",
            win.show_consultation,
            QKeySequence("Ctrl+Shift+K"),
            "Summit feedback and reviewers' comments on the draft",
        )
        self.about = a("&About NESLIS Desktop", lambda: dialogs.show_about(win))
        for action in (self.cut, self.copy, self.paste, self.delete):
            # In a text field these keys edit its text; only in the outline do they act on items.
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            win.removeAction(action)
            win.tree.addAction(action)
        self.add_block_menu = QMenu("Add &block", win)
        self.blocks: dict[str, QAction] = {}
        for kind, entry in KINDS.items():
            action = a(_with_access_key(entry.label, self.blocks), _adder(win, kind))
            self.add_block_menu.addAction(action)
            self.blocks[kind] = action
        self.recent_menu = QMenu("Open &recent", win)
        self.recent_menu.aboutToShow.connect(self._fill_recent)

    def _action(
        self, text: str, slot: Callable[[], object], shortcut: QKeySequence | K | None = None, tip: str = ""
    ) -> QAction:
        action = QAction(text, self._win)
        action.triggered.connect(lambda _=False: slot())
        if shortcut is not None:
            action.setShortcut(shortcut)
        if tip:
            action.setStatusTip(tip)
        self._win.addAction(action)
        return action

    def _fill_recent(self) -> None:
        from neslis_desktop.gui import settings

        self.recent_menu.clear()
        recent = settings.recent_projects()
        if not recent:
            self.recent_menu.addAction("(none yet)").setEnabled(False)
        for n, path in enumerate(recent, 1):
            action = self.recent_menu.addAction(f"&{n} {path}" if n < 10 else str(path))
            action.triggered.connect(lambda _=False, p=path: self._win.open_project(p))

    # ------------------------------------------------------------------ menus and bars
    def build_menus(self) -> None:
        menu = self._win.menuBar()
        file_menu = menu.addMenu("&File")
        file_menu.addActions([self.new, self.new_example, self.open])
        file_menu.addMenu(self.recent_menu)
        file_menu.addAction(self.reopen)
        file_menu.addSeparator()
        file_menu.addActions([self.save, self.save_as])
        file_menu.addSeparator()
        file_menu.addAction(self.generate)
        file_menu.addSeparator()
        file_menu.addAction(self.quit)
        edit_menu = menu.addMenu("&Edit")
        edit_menu.addActions([self.undo, self.redo])
        edit_menu.addSeparator()
        edit_menu.addActions([self.cut, self.copy, self.paste, self.delete, self.duplicate])
        edit_menu.addSeparator()
        edit_menu.addActions([self.up, self.down])
        edit_menu.addSeparator()
        edit_menu.addAction(self.find)
        insert_menu = menu.addMenu("&Insert")
        insert_menu.addAction(self.add_section)
        insert_menu.addAction(self.copy_sections)
        insert_menu.addMenu(self.add_block_menu)
        project_menu = menu.addMenu("&Project")
        project_menu.addAction(self.packs)
        project_menu.addAction(self.snapshots)
        project_menu.addAction(self.consultation)
        project_menu.addAction(self.details)
        project_menu.addAction(self.generate)
        view_menu = menu.addMenu("&View")
        view_menu.addActions([self.next_pane, self.prev_pane])
        view_menu.addAction(self.sorter)
        help_menu = menu.addMenu("&Help")
        help_menu.addAction(self.about)

    def build_toolbar(self) -> QToolBar:
        """The main toolbar: few, short buttons, so it fits a 1366-pixel screen at 150%."""
        bar = QToolBar("Main")
        bar.setObjectName("mainToolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        bar.setMovable(False)
        bar.addActions([self.open, self.save])
        bar.addSeparator()
        bar.addActions([self.undo, self.redo])
        bar.addSeparator()
        bar.addAction(self.add_section)
        add_block = bar.addAction("Add block")
        add_block.setMenu(self.add_block_menu)
        add_block.triggered.connect(lambda: self._win.add_block("paragraph"))
        bar.addAction(self.delete)
        bar.addSeparator()
        bar.addActions([self.details, self.find])
        bar.addSeparator()
        bar.addAction(self.generate)
        self._win.addToolBar(bar)
        return bar

    def context_menu(self, tree: QWidget, pos: QPoint) -> None:
        """The outline's right-click menu."""
        menu = QMenu(self._win)
        menu.addAction(self.add_section)
        menu.addMenu(self.add_block_menu)
        menu.addSeparator()
        menu.addActions([self.cut, self.copy, self.paste, self.duplicate, self.delete])
        menu.addSeparator()
        menu.addActions([self.up, self.down])
        menu.popup(tree.mapToGlobal(pos))


def _adder(win: MainWindow, kind: str) -> Callable[[], None]:
    return lambda: win.add_block(kind)


def _with_access_key(label: str, taken: dict[str, QAction]) -> str:
    """``label`` with an ``&`` before its first letter no other item of the menu uses yet."""
    used = {a.text()[a.text().index("&") + 1].lower() for a in taken.values() if "&" in a.text()}
    for i, ch in enumerate(label):
        if ch.isalpha() and ch.lower() not in used:
            return f"{label[:i]}&{label[i:]}"
    return label
