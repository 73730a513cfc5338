"""Named snapshots kept inside a project folder, to compare against later.

"Sent to Steering Group, 12 March" is kept as ``snapshots/sent-to-steering-group-12-march/``:
a ``snapshot.yaml`` with the name and when it was taken, beside a copy of the project in the
same files a project has (``project.yaml`` and ``sections/``), so a snapshot diffs and opens
like any project. The loader reads only the sections ``project.yaml`` lists, so the
``snapshots`` folder never confuses it, and a save never touches it.

A snapshot is written into a hidden temporary folder and renamed into place whole, so a
crash leaves either no snapshot or a complete one (a stray temporary folder is ignored).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from neslis_desktop.errors import ContentError, NeslisError, OutputError, Problem
from neslis_desktop.model import Project
from neslis_desktop.model.text import slugify
from neslis_desktop.store import yamlio
from neslis_desktop.store.atomic import describe_os_error, fsync_dir
from neslis_desktop.store.project_files import load_project, project_files

SNAPSHOTS_DIR = "snapshots"
SNAPSHOT_FILE = "snapshot.yaml"
MAX_NAME = 300


@dataclass(frozen=True)
class Snapshot:
    """A snapshot found in a project folder: its name, its folder's slug, when it was taken."""

    name: str
    slug: str
    taken: dt.datetime
    folder: Path

    def label(self) -> str:
        """How reports name it: 'snapshot "sent to Steering Group, 12 March" (taken 2026-03-12 10:04)'."""
        return f'snapshot "{self.name}" (taken {self.taken:%Y-%m-%d %H:%M})'


def snapshot_slug(name: str) -> str:
    """The folder name for a snapshot called ``name``; Windows-safe."""
    return slugify(name, fallback="snapshot")  # never a Windows device name: "CON" gives con-1


def take_snapshot(project_folder: Path, name: str, *, now: dt.datetime | None = None) -> Snapshot:
    """Keep the project as it is saved in ``project_folder`` under ``name``; the snapshot made.

    The project is loaded first, so a project with problems is refused with them and nothing
    is written. A name already taken is refused too: a snapshot is a record, never replaced.
    """
    name = " ".join(name.split())
    if not name or len(name) > MAX_NAME:
        raise NeslisError(f"A snapshot needs a name of 1 to {MAX_NAME} characters, such as 'sent to Steering Group'.")
    folder = Path(project_folder)
    project = load_project(folder)
    slug = snapshot_slug(name)
    home = folder / SNAPSHOTS_DIR
    target = home / slug
    if target.exists():
        raise OutputError(
            f"{target}: a snapshot with this name already exists; choose another name (snapshots are never replaced)"
        )
    taken = (now or dt.datetime.now()).replace(microsecond=0)
    files = project_files(project)
    files[SNAPSHOT_FILE] = yamlio.dump({"name": name, "taken": taken.isoformat(sep=" ")})
    try:
        home.mkdir(exist_ok=True)
        temp = Path(tempfile.mkdtemp(prefix=f".{slug}.", suffix=".tmp", dir=home))
    except OSError as exc:
        raise OutputError(describe_os_error(home, exc)) from exc
    try:
        for rel, text in files.items():
            path = temp / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(path, "wb") as handle:
                handle.write(text.encode("utf-8"))
                handle.flush()
                os.fsync(handle.fileno())
        os.replace(temp, target)
        fsync_dir(home)
    except OSError as exc:
        with contextlib.suppress(OSError):
            shutil.rmtree(temp)
        raise OutputError(describe_os_error(target, exc)) from exc
    return Snapshot(name, slug, taken, target)


def read_snapshot(folder: Path) -> Snapshot | None:
    try:
        data, _ = yamlio.parse(yamlio.read_text(folder / SNAPSHOT_FILE))
    except (OSError, ValueError, UnicodeDecodeError):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("name"), str):
        return None
    try:
        taken = dt.datetime.fromisoformat(str(data.get("taken")))
    except ValueError:
        return None
    return Snapshot(data["name"], folder.name, taken, folder)


def list_snapshots(project_folder: Path) -> list[Snapshot]:
    """The snapshots kept in ``project_folder``, oldest first; folders that are not one are passed over."""
    home = Path(project_folder) / SNAPSHOTS_DIR
    try:
        entries = sorted(p for p in home.iterdir() if p.is_dir() and not p.name.startswith("."))
    except OSError:
        return []
    found = [s for s in (read_snapshot(p) for p in entries) if s is not None]
    return sorted(found, key=lambda s: (s.taken, s.slug))


def damaged_snapshots(project_folder: Path) -> list[Path]:
    """The folders in ``snapshots/`` whose ``snapshot.yaml`` is missing or cannot be read (so an
    app can say which file is damaged rather than pass over them as :func:`list_snapshots` does)."""
    home = Path(project_folder) / SNAPSHOTS_DIR
    try:
        entries = sorted(p for p in home.iterdir() if p.is_dir() and not p.name.startswith("."))
    except OSError:
        return []
    return [p / SNAPSHOT_FILE for p in entries if read_snapshot(p) is None]


def find_snapshot(project_folder: Path, name: str) -> Snapshot:
    """The snapshot called ``name`` (or with that folder slug); a message listing the others when none."""
    snapshots = list_snapshots(project_folder)
    folded = " ".join(name.split()).casefold()
    for snapshot in snapshots:
        if snapshot.name.casefold() == folded or snapshot.slug == name or snapshot.slug == snapshot_slug(name):
            return snapshot
    known = "; ".join(f'"{s.name}"' for s in snapshots) or "none yet (take one with 'neslis snapshot NAME')"
    raise ContentError(
        [Problem(Path(project_folder) / SNAPSHOTS_DIR, "", f'has no snapshot called "{name}"; snapshots: {known}')]
    )


def load_snapshot(snapshot: Snapshot) -> Project:
    """The project as the snapshot kept it."""
    return load_project(snapshot.folder)
