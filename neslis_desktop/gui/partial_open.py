"""Opening what can be read of a project in which some section files are broken.

A project with one broken section file should still open: the other sections load, the broken
file is listed with its message, and the user can repair it. :func:`readable_part` loads the
sections that have no problem, through the store, from a scratch copy of the folder whose
``project.yaml`` lists only those; the folder itself is never written.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

from neslis_desktop.errors import ContentError, NeslisError, Problem
from neslis_desktop.model import Project
from neslis_desktop.store import load_project, yamlio
from neslis_desktop.store.layout import project_file, sections_dir


@dataclass(frozen=True)
class ReadablePart:
    """The sections that could be read, and the files that could not (with their problems)."""

    project: Project
    broken: dict[Path, list[Problem]]


def readable_part(folder: Path, error: ContentError) -> ReadablePart | None:
    """The project without its broken section files; None when ``project.yaml`` itself is broken."""
    folder = Path(folder)
    sections = sections_dir(folder).resolve()
    broken: dict[Path, list[Problem]] = {}
    for problem in error.problems:
        path = Path(problem.file)
        if path.resolve().parent != sections:
            return None  # project.yaml (or the folder) is the problem: nothing to open around it
        broken.setdefault(path, []).append(problem)
    try:
        data, _node = yamlio.parse(project_file(folder).read_text("utf-8"))
    except (OSError, ValueError, yaml.YAMLError):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("sections"), list):
        return None
    broken_ids = {p.stem for p in broken}
    data["sections"] = [s for s in data["sections"] if s not in broken_ids]
    with tempfile.TemporaryDirectory(prefix="neslis-partial-") as tmp:
        scratch = Path(tmp)
        sections_dir(scratch).mkdir()
        project_file(scratch).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
        for sid in data["sections"]:
            source = sections_dir(folder) / f"{sid}.yaml"
            if isinstance(sid, str) and source.is_file():
                shutil.copyfile(source, sections_dir(scratch) / source.name)
        try:
            project = load_project(scratch)
        except NeslisError:
            return None
    return ReadablePart(project, broken)
