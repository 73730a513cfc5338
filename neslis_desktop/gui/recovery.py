"""Crash recovery: unsaved work is copied every minute to a folder under the app's data folder.

A recovery copy is a normal project folder (written with store.save_project) plus a small
``origin.txt`` naming the project it came from. It is removed after a clean save or close;
one still there at start-up means the app did not close cleanly, and the user is offered it.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from PySide6.QtCore import QStandardPaths

from neslis_desktop.model import Project
from neslis_desktop.store import load_project, save_project

ORIGIN = "origin.txt"


def recovery_root() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base) / "recovery"


def recovery_dir(project_path: Path | None) -> Path:
    name = "untitled" if project_path is None else hashlib.sha1(str(project_path).encode()).hexdigest()[:16]
    return recovery_root() / name


def write_recovery(project: Project, project_path: Path | None) -> Path:
    """Save a recovery copy of ``project``; returns its folder."""
    folder = recovery_dir(project_path)
    folder.mkdir(parents=True, exist_ok=True)
    save_project(project, folder)
    (folder / ORIGIN).write_text(str(project_path or ""), encoding="utf-8")
    return folder


def clear_recovery(project_path: Path | None) -> None:
    shutil.rmtree(recovery_dir(project_path), ignore_errors=True)


def pending() -> list[tuple[Path, Path | None]]:
    """Recovery copies left by a session that did not close cleanly: (copy folder, origin)."""
    root = recovery_root()
    if not root.is_dir():
        return []
    found = []
    for folder in sorted(root.iterdir()):
        if (folder / "project.yaml").is_file():
            origin_file = folder / ORIGIN
            origin = origin_file.read_text(encoding="utf-8").strip() if origin_file.is_file() else ""
            found.append((folder, Path(origin) if origin else None))
    return found


def load_recovery(folder: Path) -> Project:
    return load_project(folder)
