"""Crash recovery: unsaved work is copied, two seconds after the last change, to a folder under
the app's data folder.

A recovery copy is a normal project folder (written with store.save_project) plus a small
``origin.txt`` naming the project it came from. It is removed after a clean save or close;
one still there at start-up means the app did not close cleanly, and the user is offered it.

Each copy is locked (``QLockFile``) by the running app that writes it, and untitled projects
get a folder per process (as do projects opened read-only, which another copy of the app
holds for editing), so a second running copy of the app never offers, or deletes, the
live work of the first: only copies whose writer is gone are offered.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

from PySide6.QtCore import QLockFile, QStandardPaths

from neslis_desktop.model import Project
from neslis_desktop.store import load_project, save_project
from neslis_desktop.store.layout import is_project

ORIGIN = "origin.txt"
LOCK = "writer.lock"
_HELD: dict[Path, QLockFile] = {}


def recovery_root() -> Path:
    """The folder holding every recovery copy (one subfolder each)."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base) / "recovery"


def recovery_dir(project_path: Path | None, private: bool = False) -> Path:
    """The recovery folder of a project; ``private`` gives this process a folder of its own."""
    if project_path is None:
        name = f"untitled-{os.getpid()}"
    else:
        name = hashlib.sha1(str(project_path).encode()).hexdigest()[:16]
        if private:
            name += f"-{os.getpid()}"
    return recovery_root() / name


def write_recovery(project: Project, project_path: Path | None, private: bool = False) -> Path:
    """Save a recovery copy of ``project``; returns its folder."""
    folder = recovery_dir(project_path, private)
    folder.mkdir(parents=True, exist_ok=True)
    if folder not in _HELD:
        lock = QLockFile(str(folder / LOCK))
        lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
        if lock.tryLock(0):
            _HELD[folder] = lock
    save_project(project, folder)
    (folder / ORIGIN).write_text(str(project_path or ""), encoding="utf-8")
    return folder


def clear_recovery(project_path: Path | None, private: bool = False) -> None:
    """Remove this process's recovery copy of a project (after a save, or a clean close)."""
    folder = recovery_dir(project_path, private)
    lock = _HELD.pop(folder, None)
    if lock is not None:
        lock.unlock()
    shutil.rmtree(folder, ignore_errors=True)


def _in_use(folder: Path) -> bool:
    """Whether a running copy of the app (this one included) is writing ``folder``."""
    if folder in _HELD:
        return True
    probe = QLockFile(str(folder / LOCK))
    probe.setStaleLockTime(0)
    if probe.tryLock(0):  # free, or left by a process that is gone (the stale lock is removed)
        probe.unlock()
        return False
    return True


def pending() -> list[tuple[Path, Path | None]]:
    """Recovery copies left by a session that did not close cleanly: (copy folder, origin)."""
    root = recovery_root()
    if not root.is_dir():
        return []
    found = []
    for folder in sorted(root.iterdir()):
        if is_project(folder) and not _in_use(folder):
            origin_file = folder / ORIGIN
            origin = origin_file.read_text(encoding="utf-8").strip() if origin_file.is_file() else ""
            found.append((folder, Path(origin) if origin else None))
    return found


def load_recovery(folder: Path) -> Project:
    """The project kept in a recovery copy."""
    return load_project(folder)
