"""Upgrading content written in older versions of the format, and refusing newer ones.

Each migration takes the raw data of format N and returns format N+1; they run in order on
load, so a project saved by any earlier release opens. Saving writes the current format.

Format history:

- 1: block kinds were named by ``type:``, and ``status`` was lower case (``draft``).
- 2: block kinds are named by ``kind:``; ``status`` is ``Draft``, ``Consultation`` or ``Final``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from neslis_desktop.model import SCHEMA_VERSION

Data = dict[str, Any]


class NewerFormatError(ValueError):
    """The project was written by a newer release than this one."""


def _project_1_to_2(project: Data) -> Data:
    status = project.get("status")
    if isinstance(status, str):
        project["status"] = status[:1].upper() + status[1:].lower()
    return project


def _section_1_to_2(section: Data) -> Data:
    for block in section.get("blocks") or []:
        if isinstance(block, dict) and "type" in block and "kind" not in block:
            block["kind"] = block.pop("type")
    return section


# (project migration, section migration) taking format N to N+1, keyed by N.
MIGRATIONS: dict[int, tuple[Callable[[Data], Data], Callable[[Data], Data]]] = {
    1: (_project_1_to_2, _section_1_to_2),
}


def check_version(version: Any) -> int:
    """The format number in a project file; errors say what is wrong with it."""
    if version is None:
        raise ValueError(f"is missing; this file needs 'schema_version: {SCHEMA_VERSION}'")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise ValueError(f"must be a whole number such as {SCHEMA_VERSION}, not {version!r}")
    if version > SCHEMA_VERSION:
        raise NewerFormatError(
            f"is {version}: the project was saved by a newer NESLIS Desktop, and this one reads "
            f"formats up to {SCHEMA_VERSION}. Install the newer version to open it."
        )
    return version


def migrate_project(data: Data, version: int) -> Data:
    """``project.yaml`` data brought from ``version`` to the current format."""
    for n in range(version, SCHEMA_VERSION):
        data = MIGRATIONS[n][0](data)
    data["schema_version"] = SCHEMA_VERSION
    return data


def migrate_section(data: Data, version: int) -> Data:
    """A section file's data brought from ``version`` to the current format."""
    for n in range(version, SCHEMA_VERSION):
        data = MIGRATIONS[n][1](data)
    return data
