"""The layout of a project folder, named once: ``project.yaml``, ``sections/<id>.yaml`` and the
app's own lock file, so that no other layer spells out a file name of the format.
"""

from __future__ import annotations

import os
from pathlib import Path

from neslis_desktop.store.project_files import PROJECT_FILE, SECTIONS_DIR

LOCK_FILE = ".neslis-open.lock"
"""Held by the app that has the project open for editing (a Qt lock file: process, host)."""


def project_file(folder: Path) -> Path:
    """The project's ``project.yaml``."""
    return Path(folder) / PROJECT_FILE


def sections_dir(folder: Path) -> Path:
    """The folder of the section files."""
    return Path(folder) / SECTIONS_DIR


def section_files(folder: Path) -> list[Path]:
    """The section files present in ``folder`` (listed or not), sorted by name.

    As ``sorted(glob("*.yaml"))`` (case-blind on Windows), from one folder listing sorted by
    name: sorting a thousand ``Path`` objects took longer than reading the files' names.
    """
    place = sections_dir(folder)
    try:
        with os.scandir(place) as entries:
            names = [e.name for e in entries if os.path.normcase(e.name).endswith(".yaml")]
    except OSError:
        return []
    return [place / name for name in sorted(names, key=os.path.normcase)]


def content_files(folder: Path) -> list[Path]:
    """Every content file of the project: ``project.yaml`` first, then the section files."""
    return [project_file(folder), *section_files(folder)]


def lock_file(folder: Path) -> Path:
    """Where the app records who has the project open."""
    return Path(folder) / LOCK_FILE


def is_project(folder: Path) -> bool:
    """Whether ``folder`` holds a project (a ``project.yaml`` file), whatever its state."""
    return project_file(folder).is_file()


SIDE_FOLDERS = ("assets", "feedback", "review", "snapshots")
"""Folders beside the content that belong to the project: pictures, feedback, review comments
and snapshots. A project saved somewhere new takes them along."""


def copy_side_folders(source: Path, target: Path) -> list[str]:
    """Copy the side folders of the project in ``source`` that ``target`` lacks; the ones copied.

    Folders already in ``target`` are left as they are (never merged or replaced). A copy
    that fails half-way is removed, and :class:`~neslis_desktop.errors.OutputError` names it.
    """
    import shutil

    from neslis_desktop.errors import OutputError
    from neslis_desktop.store.atomic import describe_os_error

    copied = []
    for name in SIDE_FOLDERS:
        src, dst = Path(source) / name, Path(target) / name
        if not src.is_dir() or src.is_symlink() or dst.exists() or src.resolve() == dst.resolve():
            continue
        try:
            shutil.copytree(src, dst, symlinks=True)
        except OSError as exc:
            shutil.rmtree(dst, ignore_errors=True)
            raise OutputError(describe_os_error(dst, exc)) from exc
        copied.append(name)
    return copied
