"""The project document under the GUI: the open project, its folder, its undo stack and its files.

Orange-canvas-core's way: undo commands (:mod:`commands`) call this document's edit methods,
never a widget, and the document announces every change with a fine-grained signal (section
inserted, block changed, meta changed...). The outline, the editor and the preview subscribe to
those; the main window only wires them together and asks the user questions.

Besides the content the document owns what concerns the project as files: its folder, the
modified flag, saving, the recovery copy written two seconds after the last change, the lock
that keeps one app editing a folder at a time, and the watch on the folder for changes made
by other programs (announced once per new state of the files, never as a stack).
"""

from __future__ import annotations

import os
import socket
import threading
import weakref
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QLockFile, QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from neslis_desktop.errors import NeslisError
from neslis_desktop.gui import recovery
from neslis_desktop.gui.comparison import Comparison
from neslis_desktop.model import Block, Project, ProjectMeta, Section
from neslis_desktop.model import edits as ed
from neslis_desktop.model.packs import Pack
from neslis_desktop.store import load_project, save_project
from neslis_desktop.store.layout import content_files, copy_side_folders, lock_file, project_file, sections_dir

RECOVERY_DEBOUNCE_MS = 2000
"""A recovery copy is written this long after the last change (so a crash loses at most this)."""
DISK_DEBOUNCE_MS = 400
"""Changes on disk are looked at this long after the last one (a save by another program is several)."""
_OPEN: weakref.WeakValueDictionary[Path, ProjectDocument] = weakref.WeakValueDictionary()


@dataclass(frozen=True)
class Holder:
    """Who holds a project's lock: another running copy of the app, here or on another computer."""

    pid: int
    host: str

    def describe(self) -> str:
        """'NESLIS Desktop on LAPTOP-7 (process 4242)', in words for a dialog."""
        where = "this computer" if self.host == socket.gethostname() else self.host or "another computer"
        return f"NESLIS Desktop on {where} (process {self.pid})"


def open_document(folder: Path) -> ProjectDocument | None:
    """The document of this app that has ``folder`` open, if any."""
    return _OPEN.get(Path(folder).resolve())


class ProjectDocument(QObject):
    """One project being edited: its content, folder, undo history and file safety."""

    section_inserted = Signal(int)
    section_removed = Signal(int)
    section_moved = Signal(int, int)
    """(from, to): the section at ``from`` now sits at ``to``."""
    section_changed = Signal(int)
    """A section's title or notes changed."""
    block_inserted = Signal(int, int)
    block_removed = Signal(int, int)
    block_moved = Signal(object, object)
    """((section, index), (section, index)): where a block was and where it is now."""
    block_changed = Signal(int, int)
    meta_changed = Signal()
    packs_changed = Signal()
    """The packs, or a section's tags (which packs pick by), changed."""
    replaced = Signal()
    """A different project (or the same one reloaded) replaced the content as a whole."""
    changed = Signal()
    """After any of the above: the content differs from a moment ago."""
    path_changed = Signal()
    modified_changed = Signal(bool)
    disk_changed = Signal()
    """The project's files on disk changed under us, to a state not announced before."""
    recovery_failed = Signal(str)
    recovery_written = Signal()
    """The recovery copy now holds the project as it was when the debounce ran out."""
    _recovery_done = Signal(str)
    """From the thread writing the recovery copy: '' or what went wrong (delivered on the UI thread)."""

    def __init__(self, project: Project | None = None, path: Path | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self._project = project or ed.starter_project()
        self._path: Path | None = None
        self.undo = QUndoStack(self)
        self.read_only = False
        """Opened while another app holds it: saving goes to a new folder (Save As)."""
        self._restored = False
        self._lock: QLockFile | None = None
        self._snapshot: dict[str, bytes] = {}
        """The files as this document last read or wrote them."""
        self._announced: dict[str, bytes] = {}
        """The files' state last announced by :attr:`disk_changed` (announced once each)."""
        self._was_modified = False
        self.undo.cleanChanged.connect(self._modified_maybe_changed)
        self.undo.indexChanged.connect(self._modified_maybe_changed)

        self._recovery_timer = QTimer(self)
        self._recovery_timer.setSingleShot(True)
        self._recovery_timer.setInterval(RECOVERY_DEBOUNCE_MS)
        self._recovery_timer.timeout.connect(self._write_recovery_aside)
        self.changed.connect(self._recovery_timer.start)
        self._recovery_thread: threading.Thread | None = None
        self._recovery_again = False
        self._recovery_done.connect(self._recovery_written)
        self.watcher: QFileSystemWatcher | None = None
        """Made when the document first has a folder (a project not saved yet watches nothing)."""
        self._disk_timer = QTimer(self)
        self._disk_timer.setSingleShot(True)
        self._disk_timer.setInterval(DISK_DEBOUNCE_MS)
        self._disk_timer.timeout.connect(self.check_disk)
        self.comparison = Comparison(lambda: self._project, self)
        """The snapshot the outline marks changes against, while the user compares with one."""
        self.changed.connect(self.comparison.schedule)
        self.replaced.connect(self.comparison.stop)  # another project: its snapshots are not these
        if path is not None:
            self._set_path(Path(path))

    # ------------------------------------------------------------------ state
    @property
    def project(self) -> Project:
        return self._project

    @property
    def path(self) -> Path | None:
        """The folder the project is saved in; None for a project not saved yet."""
        return self._path

    def is_modified(self) -> bool:
        """Unsaved changes: edits since the last save, or a restored recovery copy."""
        return not self.undo.isClean() or self._restored

    def _modified_maybe_changed(self, *_: object) -> None:
        now = self.is_modified()
        if now != self._was_modified:
            self._was_modified = now
            self.modified_changed.emit(now)

    # ------------------------------------------------------------------ edits (called by undo commands)
    def insert_section(self, index: int, section: Section) -> None:
        ed.insert_section(self._project, index, section)
        self.section_inserted.emit(index)
        self.changed.emit()

    def remove_section(self, index: int) -> Section:
        section = ed.remove_section(self._project, index)
        self.section_removed.emit(index)
        self.changed.emit()
        return section

    def move_section(self, src: int, dst: int) -> None:
        if src == dst:
            return
        ed.move_section(self._project, src, dst)
        self.section_moved.emit(src, dst)
        self.changed.emit()

    def set_section_head(self, index: int, title: str, notes: str | None) -> tuple[str, str | None]:
        old = ed.replace_section_head(self._project, index, title, notes)
        self.section_changed.emit(index)
        self.changed.emit()
        return old

    def insert_block(self, si: int, bi: int, block: Block) -> None:
        ed.insert_block(self._project, si, bi, block)
        self.block_inserted.emit(si, bi)
        self.changed.emit()

    def remove_block(self, si: int, bi: int) -> Block:
        block = ed.remove_block(self._project, si, bi)
        self.block_removed.emit(si, bi)
        self.changed.emit()
        return block

    def move_block(self, src: tuple[int, int], dst: tuple[int, int]) -> None:
        if src == dst:
            return
        ed.move_block(self._project, src, dst)
        self.block_moved.emit(src, dst)
        self.changed.emit()

    def replace_block(self, si: int, bi: int, block: Block) -> Block:
        old = ed.replace_block(self._project, si, bi, block)
        self.block_changed.emit(si, bi)
        self.changed.emit()
        return old

    def set_meta(self, meta: ProjectMeta) -> ProjectMeta:
        old = ed.replace_meta(self._project, meta)
        self.meta_changed.emit()
        self.changed.emit()
        return old

    def set_packs(self, packs: list[Pack]) -> list[Pack]:
        """Replace the declared packs (``[]``: the default deck and draft); returns the old list."""
        old = list(self._project.packs)
        self._project.packs = list(packs)
        self.packs_changed.emit()
        self.changed.emit()
        return old

    def set_section_tags(self, index: int, tags: list[str]) -> list[str]:
        """Replace a section's tags; returns the old ones."""
        section = self._project.sections[index]
        old = list(section.tags)
        self._project.sections[index] = section.model_copy(update={"tags": list(tags)})
        self.section_changed.emit(index)
        self.packs_changed.emit()
        self.changed.emit()
        return old

    # ------------------------------------------------------------------ whole projects
    def replace(self, project: Project, path: Path | None, restored: bool = False, read_only: bool = False) -> None:
        """Show another project (opened, new, reloaded or restored); the undo history starts again."""
        if not restored:
            self._clear_recovery(self._path, self.read_only)
        self._recovery_timer.stop()
        self._project = project
        self.read_only = read_only
        self._set_path(path)
        self.undo.clear()
        self._restored = restored
        self.replaced.emit()
        self._modified_maybe_changed()
        if restored:
            self._recovery_timer.start()

    def close(self) -> None:
        """The window closes cleanly: the recovery copy and the lock go."""
        self._recovery_timer.stop()
        self._clear_recovery(self._path, self.read_only)
        self._set_path(None)

    # ------------------------------------------------------------------ the folder: lock, watch
    def _set_path(self, path: Path | None) -> None:
        path = Path(path).resolve() if path is not None else None
        if path != self._path:
            if self._path is not None and _OPEN.get(self._path) is self:
                del _OPEN[self._path]
            if self._lock is not None:
                self._lock.unlock()
                self._lock = None
            self._path = path
            if path is not None:
                if not self.read_only:
                    _OPEN[path] = self
                    self._lock = take_lock(path)
                self.path_changed.emit()
        self._snapshot = self._announced = self.disk_files()
        self._watch()

    def disk_files(self) -> dict[str, bytes]:
        """The bytes of every content file in the folder now, by path inside it."""
        folder = self._path
        if folder is None:
            return {}
        found: dict[str, bytes] = {}
        for path in content_files(folder):
            try:
                found[path.relative_to(folder).as_posix()] = path.read_bytes()
            except OSError:
                continue
        return found

    def disk_is_newer(self) -> bool:
        """Whether the files on disk changed since this document last read or wrote them."""
        return self._path is not None and self.disk_files() != self._snapshot

    def _watch(self) -> None:
        if self.watcher is None:
            if self._path is None:
                return
            self.watcher = QFileSystemWatcher(self)
            self.watcher.fileChanged.connect(self._disk_event)
            self.watcher.directoryChanged.connect(self._disk_event)
        paths = self.watcher.files() + self.watcher.directories()
        if paths:
            self.watcher.removePaths(paths)
        if self._path is None:
            return
        wanted = [self._path, sections_dir(self._path), project_file(self._path)]
        sections = content_files(self._path)[1:]
        if len(sections) <= 200:  # beyond that the folder watches (atomic saves rename) suffice
            wanted += sections
        existing = [str(p) for p in wanted if p.exists()]
        if existing:
            self.watcher.addPaths(existing)

    def _disk_event(self, _path: str) -> None:
        self._disk_timer.start()

    def check_disk(self) -> None:
        """Announce a new outside change (once per state of the files); watch replaced files again."""
        self._watch()  # files replaced by an atomic save (ours too) must be watched again
        if self._path is None:
            return
        now = self.disk_files()
        if now in (self._snapshot, self._announced):
            return
        self._announced = now
        self.disk_changed.emit()

    def reload(self) -> None:
        """Read the project again from its folder (raises NeslisError)."""
        assert self._path is not None
        self.replace(load_project(self._path), self._path, read_only=self.read_only)

    # ------------------------------------------------------------------ saving
    def save_to(self, folder: Path, copy_from: Path | None = None) -> None:
        """Save into ``folder`` (raises NeslisError or OSError); the document then lives there.

        Saved somewhere new, the project takes its pictures, feedback, review comments and
        snapshots along, from its old folder (or ``copy_from``, the folder it was read from).
        """
        folder = Path(folder).resolve()
        save_project(self._project, folder)
        source = self._path or copy_from
        if source is not None and Path(source).resolve() != folder:
            copy_side_folders(Path(source), folder)
        old, was_read_only = self._path, self.read_only
        if folder != old:
            self._clear_recovery(old, was_read_only)
            self.read_only = False
        self._set_path(folder)
        self._snapshot = self._announced = self.disk_files()  # our own save is not an outside change
        self._restored = False
        self._recovery_timer.stop()
        self._clear_recovery(folder, False)
        self.undo.setClean()
        self._modified_maybe_changed()

    def write_recovery(self) -> Path | None:
        """Write the recovery copy now, when there are unsaved changes; returns its folder."""
        self._wait_for_recovery()
        if not self.is_modified():
            return None
        try:
            return recovery.write_recovery(self._project, self._path, self.read_only)
        except (NeslisError, OSError) as exc:
            self.recovery_failed.emit(str(exc))
            return None

    # ------------------------------------------------------------------ the recovery copy, aside
    # Two seconds after the last change the copy is written in a thread of its own: for a large
    # project it takes seconds, which typing must not wait for. The thread gets a snapshot (new
    # lists of sections and blocks; the blocks themselves are never changed in place, only
    # replaced), so the edits that follow cannot reach what it writes.
    def _write_recovery_aside(self) -> None:
        if self._recovery_thread is not None and self._recovery_thread.is_alive():
            self._recovery_again = True  # written again once this one is done
            return
        if not self.is_modified():
            return
        snapshot = _snapshot(self._project)
        path, private = self._path, self.read_only

        def work() -> None:
            try:
                recovery.write_recovery(snapshot, path, private)
            except (NeslisError, OSError) as exc:
                self._recovery_done.emit(str(exc) or type(exc).__name__)
            else:
                self._recovery_done.emit("")

        self._recovery_thread = threading.Thread(target=work, name="neslis-recovery", daemon=True)
        self._recovery_thread.start()

    def _recovery_written(self, error: str) -> None:
        if error:
            self.recovery_failed.emit(error)
        else:
            self.recovery_written.emit()
        if self._recovery_again:
            self._recovery_again = False
            self._write_recovery_aside()

    def _wait_for_recovery(self) -> None:
        thread, self._recovery_again = self._recovery_thread, False
        if thread is not None:
            thread.join()
            self._recovery_thread = None

    def _clear_recovery(self, path: Path | None, private: bool) -> None:
        # A copy being written would otherwise reappear after it was removed.
        self._wait_for_recovery()
        recovery.clear_recovery(path, private)


def _snapshot(project: Project) -> Project:
    """A copy of ``project`` that later edits do not reach (its lists copied, its items shared)."""
    sections = [s.model_copy(update={"blocks": list(s.blocks)}) for s in project.sections]
    return project.model_copy(update={"sections": sections})


def take_lock(folder: Path) -> QLockFile | None:
    """The lock on ``folder`` for this app; None when it cannot be written (a read-only folder)."""
    lock = QLockFile(str(lock_file(folder)))
    lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
    return lock if lock.tryLock(0) else None


def lock_holder(folder: Path) -> Holder | None:
    """Who else holds the lock on ``folder``; None when no other running app does."""
    probe = QLockFile(str(lock_file(folder)))
    probe.setStaleLockTime(0)
    if probe.tryLock(0):  # free, or left by a process that is gone (the stale lock is removed)
        probe.unlock()
        return None
    if probe.error() != QLockFile.LockError.LockFailedError:
        return None  # cannot be created (a folder we may not write): nobody is editing through us
    info = probe.getLockInfo()  # (pid, host, app name); zeros when unreadable
    pid, host = (int(info[0]), str(info[1])) if len(info) >= 2 else (0, "")
    if pid == os.getpid() and host == socket.gethostname() and open_document(folder) is None:
        # Our own process, yet no window here has it open: a lock file copied along with the
        # folder (or left by a window closed uncleanly), not another editor.
        probe.removeStaleLockFile()
        return None
    return Holder(pid, host)
