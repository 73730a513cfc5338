"""The ``packs:`` list of ``project.yaml``: read with messages naming line and field, written back plainly.

Kept apart from :mod:`neslis_desktop.store.project_files` so that file only calls in here.
A pack is written as its fields, with ``sections`` entries either a section id or
``tag: name``; a project without packs writes no ``packs`` key at all, so its
``project.yaml`` is what it was before packs existed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from neslis_desktop.errors import Problem
from neslis_desktop.model.packs import Pack, pack_problems
from neslis_desktop.model.project import Project
from neslis_desktop.store import yamlio
from neslis_desktop.store.messages import field_words, problems_from

_PACKS: TypeAdapter[list[Pack]] = TypeAdapter(list[Pack])


def read_packs(raw: Any, path: Path, node: yamlio.Nodes, problems: list[Problem]) -> list[Pack]:
    """The packs in ``raw`` (the ``packs`` value of ``project.yaml``); problems are appended."""
    if raw is None:
        return []
    try:
        return _PACKS.validate_python(raw)
    except ValidationError as exc:
        problems += problems_from(exc, path, lambda p: yamlio.line_of(node, ("packs", *p)), prefix=("packs",))
        return []


def pack_file_problems(project: Project, folder: Path | None, packs: list[int] | None = None) -> list[Problem]:
    """Packs naming sections or tags the project lacks, and packs that clash, as problems in ``project.yaml``.

    These are not loading errors: deleting a section a pack names must not make the project
    unopenable, so ``neslis check`` reports them and a build refuses the packs they concern.
    ``packs`` limits them to those pack indexes; lines come from ``folder``'s file when it reads.
    """
    from neslis_desktop.store.project_files import PROJECT_FILE  # here: project_files imports this module

    found = [(w, m) for w, m in pack_problems(project) if packs is None or w[1] in packs]
    if not found:
        return []
    path = (Path(folder) if folder is not None else Path()) / PROJECT_FILE
    node: yamlio.Nodes = None
    if folder is not None:
        try:
            _, node = yamlio.parse(yamlio.read_text(path))
        except (OSError, ValueError, UnicodeDecodeError):
            node = None
    return [Problem(path, field_words(where), message, yamlio.line_of(node, where)) for where, message in found]


def dump_packs(packs: list[Pack]) -> list[dict[str, Any]]:
    """The ``packs`` value to write: each pack's fields, empty ones left out."""
    return [pack.model_dump(mode="json", exclude_none=True) for pack in packs]
