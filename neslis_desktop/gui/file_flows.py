"""Opening, saving and reloading a project, with the questions asked before anything is lost.

:class:`ProjectFiles` carries the File menu's flows for the window: it asks (through
:mod:`dialogs`) before unsaved work or a field in red would be dropped, before a project open
in another window or app would be edited twice, and before newer files on disk would be
replaced; the document (:mod:`document`) does the reading and writing.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from neslis_desktop.errors import ContentError, NeslisError
from neslis_desktop.gui import dialogs, recovery, settings
from neslis_desktop.gui import outline_ops as ops
from neslis_desktop.gui.document import lock_holder, open_document
from neslis_desktop.gui.outline_model import Loc
from neslis_desktop.gui.pack_panel import open_path
from neslis_desktop.gui.partial_open import readable_part
from neslis_desktop.model import Section, plain_text
from neslis_desktop.model.edits import clone
from neslis_desktop.resources import bundled_project, data_root
from neslis_desktop.store import load_project
from neslis_desktop.store.assets import copy_pictures
from neslis_desktop.store.layout import is_project

if TYPE_CHECKING:
    from neslis_desktop.gui.main_window import MainWindow


class ProjectFiles:
    """The window's file flows: new, open, save, save as, reload after an outside change."""

    def __init__(self, win: MainWindow) -> None:
        self.win, self.doc = win, win.doc
        self._disk_prompt_open = False
        self.partial_of: Path | None = None
        """The folder the open project was partly read from (some section files broken)."""
        self.read_from: Path | None = None
        """The folder an unsaved project was read from (the bundled example, a partly read
        project): Save As takes its pictures, feedback and comments from there."""
        self.doc.disk_changed.connect(self.disk_changed)

    def invalid_field_allows(self, action: str) -> bool:
        """True when ``action`` ('save', 'generate', 'close') may go ahead with the form as it is.

        A field in red holds what the user typed but cannot be kept; the user is told which
        field, and may go to it (the action stops) or go ahead without that value.
        """
        editor = self.win.editor
        problem = editor.problem() if editor is not None else None
        if editor is None or problem is None:
            return True
        where, message = problem
        choice = dialogs.ask_invalid_field(self.win, action, editor.title, where, message)
        if choice is dialogs.InvalidChoice.GO_TO:
            self.win.editor_area.go_to_problem()
            return False
        return choice is dialogs.InvalidChoice.PROCEED

    def maybe_save(self) -> bool:
        """True when it is fine to drop the current project (saved, discarded or unchanged)."""
        if not self.invalid_field_allows("close"):
            return False
        if not self.doc.is_modified():
            return True
        choice = dialogs.ask_save_changes(self.win, self.doc.project.meta.title)
        if choice is dialogs.SaveChoice.SAVE:
            return self.save(checked_fields=True)
        return choice is dialogs.SaveChoice.DISCARD

    def new_project(self, from_example: bool = False) -> None:
        if not self.maybe_save():
            return
        if from_example:
            try:
                project = load_project(bundled_project())
            except NeslisError as exc:
                dialogs.show_error(self.win, "Could not open the example", str(exc))
                return
        else:
            from neslis_desktop.model.edits import starter_project

            project = starter_project()
        self.doc.replace(project, None)
        self.partial_of = None
        self.read_from = bundled_project() if from_example else None
        self.win.statusBar().showMessage("New project: use File > Save As to choose where it is kept.", 8000)

    def open_project(self, folder: Path | None = None) -> bool:
        if folder is None:
            folder = dialogs.ask_open_folder(self.win, str(self.doc.path.parent) if self.doc.path else "")
            if folder is None:
                return False
        resolved = Path(folder).resolve()
        other = open_document(resolved)
        if other is self.doc:
            self.win.statusBar().showMessage(f"{resolved} is the project open here.", 5000)
            return True
        if other is not None:  # open in another window of this app: bring that one forward
            window = other.parent()
            if isinstance(window, QWidget):
                window.show()
                window.raise_()
                window.activateWindow()
            self.win.statusBar().showMessage(f"{resolved} is open in another window; it was brought forward.", 8000)
            return False
        if not self.maybe_save():
            return False
        try:
            project = load_project(Path(folder))
        except ContentError as exc:
            return self.open_broken(resolved, exc)
        except NeslisError as exc:
            dialogs.show_error(self.win, "Could not open the project", str(exc))
            return False
        path: Path | None = resolved
        read_only = False
        if is_bundled(Path(folder)):  # never edit the bundled example in place
            path = None
            self.win.statusBar().showMessage("This is the bundled example: use Save As to keep your changes.", 8000)
        elif (holder := lock_holder(resolved)) is not None:
            question = (
                f"{resolved} is open in {holder.describe()}. Two copies editing one folder would overwrite "
                "each other's work.\n\nOpen it read-only here? (You can still save your changes in another "
                "folder with Save As.)"
            )
            if not dialogs.ask_yes_no(self.win, "Project open elsewhere", question):
                return False
            read_only = True
        self.doc.replace(project, path, read_only=read_only)
        self.partial_of = None
        self.read_from = resolved if path is None else None
        if path is not None:
            settings.add_recent(path)
        return True

    def open_broken(self, folder: Path, error: ContentError) -> bool:
        """A project that does not load whole: offer what can be read, the broken files as text,
        or the recovery copy; the folder is never written by any of these."""
        part = readable_part(folder)
        if part is None:  # project.yaml itself is broken: only the message can help
            dialogs.show_error(self.win, "Could not open the project", str(error))
            return False
        copy = recovery.recovery_dir(folder)
        can_restore = is_project(copy)
        listing = "\n".join(
            f"{path.name}: {'; '.join(p.message for p in problems)}" for path, problems in part.broken.items()
        )
        choice = dialogs.ask_broken_project(self.win, folder, listing, can_restore)
        if choice is dialogs.BrokenChoice.OPEN_TEXT:
            for path in part.broken:
                if not open_path(path):
                    dialogs.show_error(self.win, "Could not open the file", f"No application here opens {path}.")
            self.win.statusBar().showMessage("Fix the file, then open the project again.", 10000)
            return False
        if choice is dialogs.BrokenChoice.RESTORE and can_restore:
            try:
                restored = recovery.load_recovery(copy)
            except NeslisError as exc:
                dialogs.show_error(self.win, "Could not restore", str(exc))
                return False
            self.doc.replace(restored, folder, restored=True)
            self.win.statusBar().showMessage("Restored from the recovery copy: save to repair the project.", 10000)
            return True
        if choice is not dialogs.BrokenChoice.OPEN_REST:
            return False
        # Opened as a project not saved yet, so that no save can drop the broken file unasked.
        self.doc.replace(part.project, None)
        self.partial_of = self.read_from = folder
        names = ", ".join(p.name for p in part.broken)
        self.win.statusBar().showMessage(
            f"Opened {folder.name} without {names}, which could not be read. Save As keeps your changes.", 15000
        )
        return True

    def reopen_last(self) -> bool:
        """Open the project used last (File > Reopen last project)."""
        recent = [p for p in settings.recent_projects() if p != self.doc.path]
        if not recent:
            self.win.statusBar().showMessage("No project was opened before.", 5000)
            return False
        return self.open_project(recent[0])

    def save(self, checked_fields: bool = False) -> bool:
        if not checked_fields and not self.invalid_field_allows("save"):
            return False
        if self.doc.path is None or self.doc.read_only:
            return self.save_as(checked_fields=True)
        if self.doc.disk_is_newer() and not dialogs.ask_yes_no(
            self.win,
            "Replace newer files?",
            f"The project's files in {self.doc.path} were changed by another program since you opened or saved "
            "them. Replace them with your version? (Answer No to keep them; you can Save As elsewhere.)",
        ):
            return False
        return self._save_to(self.doc.path)

    def save_as(self, checked_fields: bool = False) -> bool:
        if not checked_fields and not self.invalid_field_allows("save"):
            return False
        folder = dialogs.ask_save_folder(self.win, str(self.doc.path or ""))
        if folder is None:
            return False
        folder = Path(folder).resolve()
        if is_bundled(folder):
            dialogs.show_error(
                self.win, "Cannot save here", "The bundled example cannot be changed; choose another folder."
            )
            return False
        if folder.is_dir() and any(folder.iterdir()) and not is_project(folder):
            # A folder holding other things: the project goes into a subfolder of its own.
            folder = folder / self.doc.project.meta.file_slug()
        other = open_document(folder)
        if other is not None and other is not self.doc:
            message = f"{folder} is open in another window; close it there first."
            dialogs.show_error(self.win, "Cannot save here", message)
            return False
        mine = folder == self.doc.path and not self.doc.read_only
        holder = lock_holder(folder) if not mine and is_project(folder) else None
        if holder is not None:
            dialogs.show_error(self.win, "Cannot save here", f"{folder} is open in {holder.describe()}.")
            return False
        # Asked about the folder the project will really go to, the subfolder included.
        question = f"{folder} already holds a project. Replace it with this one?"
        if folder == self.partial_of:
            question += " The section files that could not be read there would be removed."
        if (
            is_project(folder)
            and folder != self.doc.path
            and not dialogs.ask_yes_no(self.win, "Replace project?", question)
        ):
            return False
        if not self._save_to(folder):
            return False
        self.win.pack_panel.remember_for(folder)
        settings.add_recent(folder)
        self.win.pack_panel.load_choices()
        return True

    def _save_to(self, folder: Path) -> bool:
        try:
            self.doc.save_to(folder, copy_from=self.read_from)
        except NeslisError as exc:
            dialogs.show_error(self.win, "Could not save the project", str(exc))
            return False
        except OSError as exc:
            dialogs.show_error(self.win, "Could not save the project", f"{folder}: {exc.strerror or exc}")
            return False
        self.win.update_title()
        self.win.statusBar().showMessage(f"Saved to {folder}", 5000)
        return True

    def disk_changed(self) -> None:
        """The files changed on disk: one question, however many changes come while it is open."""
        # While the question is open, further changes are merged into it: the reload reads the
        # files as they are when the user answers.
        if self._disk_prompt_open or self.doc.path is None:
            return
        self._disk_prompt_open = True
        try:
            text = f"The project's files in {self.doc.path} were changed by another program. Reload them?"
            if self.doc.is_modified():
                text += " Your unsaved changes here would be lost."
            if not dialogs.ask_yes_no(self.win, "Project changed on disk", text):
                self.win.statusBar().showMessage(
                    "Kept your version. Saving will ask before replacing the newer files on disk.", 10000
                )
                return
            try:
                self.doc.reload()
            except NeslisError as exc:
                dialogs.show_error(self.win, "Could not reload the project", str(exc))
        finally:
            self._disk_prompt_open = False

    def copy_sections_from(self, loc: Loc | None, folder: Path | None = None) -> ops.Op | None:
        """Copy sections of another project into this one (Insert ▸ Sections from another project).

        Their blocks and notes come along, ids are renamed where they collide, and their pictures
        are copied into this project's assets/ folder. The other project's folder is only read.
        Returns the paste to run after ``loc``, or ``None`` when cancelled or refused.
        """
        folder = folder or dialogs.ask_open_folder(self.win)
        if folder is None:
            return None
        try:
            other = load_project(folder, read_only=True)
        except NeslisError as exc:
            dialogs.show_error(self.win, "Could not read that project", str(exc))
            return None
        chosen = dialogs.ask_sections(self.win, str(folder), [plain_text(s.title) for s in other.sections])
        if not chosen:
            return None
        sections = [clone(other.sections[i]) for i in chosen]
        try:
            sections = copy_pictures(sections, Path(folder), self.doc.path)
        except NeslisError as exc:
            dialogs.show_error(self.win, "Pictures not copied", str(exc))
            return None
        return ops.paste(self.doc, loc, [], sections)

    def copy_dropped(self, sections: list[Section], index: int, folder: str) -> ops.Op | None:
        """Sections dragged here from another window's outline, to insert at ``index``.

        Like :meth:`copy_sections_from`: their blocks and notes come along, ids are renamed
        where they collide, and pictures are copied from ``folder`` (the other project's).
        """
        sections = [clone(s) for s in sections]
        if folder:
            try:
                sections = copy_pictures(sections, Path(folder), self.doc.path)
            except NeslisError as exc:
                dialogs.show_error(self.win, "Pictures not copied", str(exc))
                return None
        return ops.insert_sections(self.doc, index, sections)


def is_bundled(folder: Path) -> bool:
    """True for a folder inside the bundled content (which must never be edited in place)."""
    try:
        Path(folder).resolve().relative_to((data_root() / "content").resolve())
    except ValueError:
        return False
    return True
