"""Opening what can be read of a project in which some section files are broken.

A project with one broken section file should still open: the other sections load, the broken
file is listed with its message, and the user can repair it. The store reads what it can
(:func:`~neslis_desktop.store.load_project_partial`); this module decides whether that is a
project worth opening, and groups the problems by file for the question the user is asked.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from neslis_desktop.errors import Problem
from neslis_desktop.model import Project
from neslis_desktop.store import load_project_partial
from neslis_desktop.store.layout import sections_dir


@dataclass(frozen=True)
class ReadablePart:
    """The sections that could be read, and the files that could not (with their problems)."""

    project: Project
    broken: dict[Path, list[Problem]]


def readable_part(folder: Path) -> ReadablePart | None:
    """The project without its broken section files; None when ``project.yaml`` itself is broken."""
    folder = Path(folder)
    result = load_project_partial(folder)
    if result.project is None:
        return None
    sections = sections_dir(folder).resolve()
    broken: dict[Path, list[Problem]] = {}
    for problem in result.problems:
        path = Path(problem.file)
        if path.resolve().parent != sections:
            return None  # project.yaml (or the folder) is the problem: nothing to open around it
        broken.setdefault(path, []).append(problem)
    return ReadablePart(result.project, broken)
