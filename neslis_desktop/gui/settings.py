"""Remembered settings (QSettings): recent projects, window layout, per-project pack choices.

Per-project choices (templates, output folder) are keyed by the project folder's path, so
each project remembers its own. Tests point QSettings at a temporary INI file.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings

ORG, APP = "NESLIS", "NESLIS Desktop"
MAX_RECENT = 8


def settings() -> QSettings:
    """The app's settings, in an INI file under the user's profile (no registry, no admin rights)."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORG, APP)


def _key(project: Path | None) -> str:
    if project is None:
        return "projects/untitled"
    digest = hashlib.sha1(str(Path(project).resolve()).encode("utf-8")).hexdigest()[:16]
    return f"projects/{digest}"


def recent_projects() -> list[Path]:
    value = settings().value("recent", [])
    items = [value] if isinstance(value, str) else list(value or [])  # type: ignore[call-overload]
    return [Path(str(v)) for v in items if v]


def add_recent(folder: Path) -> None:
    items = [str(folder)] + [str(p) for p in recent_projects() if str(p) != str(folder)]
    settings().setValue("recent", items[:MAX_RECENT])


def project_value(project: Path | None, name: str, default: Any = None) -> Any:
    return settings().value(f"{_key(project)}/{name}", default)


def set_project_value(project: Path | None, name: str, value: Any) -> None:
    s = settings()
    if value is None:
        s.remove(f"{_key(project)}/{name}")
    else:
        s.setValue(f"{_key(project)}/{name}", value)
