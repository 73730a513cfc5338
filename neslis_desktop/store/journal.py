"""The save journal: what makes a save of several files all-or-nothing, and when it is trusted.

A save writes every changed file beside its target under a temporary name, writes this
journal (which renames to make, which files to remove), runs the renames and removes the
journal. A save cut short after the journal exists is completed the next time the project
is opened. But a project folder may come from someone else (by email, on a shared drive),
and a journal in it is then a list of renames written by a stranger. So a journal is carried
out only when everything in it is what this program itself would have written:

- it is in the current format (``"format": 2``) and names the folder it was written in, and
  that is this folder (a folder copied, unzipped or emailed is somewhere else);
- every file it moves in is one of our temporary files (:data:`TEMP_NAME`), in the same
  folder as its target, and holds exactly the bytes whose SHA-256 the journal recorded (or
  is already in place: the target holds those bytes);
- it only writes ``project.yaml`` and ``sections/<id>.yaml``, and only removes section files
  that the new ``project.yaml`` no longer lists and that still hold the recorded bytes.

Otherwise no file is changed, and the reason is given. Reading a project never needs a
journal applied: a read-only load (``neslis check``) reports what is pending instead.

Temporary files are named ``.neslis-<8 letters, digits or _>.tmp``. Only files named exactly
so are ever removed (left over from a save cut short before its journal was written).
Journals of the first format (no hashes, no folder) and temporary files named the old way
(``.<file>.<random>.tmp``) are never applied or removed: an old journal is reported and left,
old temporary files are left alone, since a user's own ``.my-notes.backup1.tmp`` looks the
same.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from neslis_desktop.model.text import SLUG_PATTERN, windows_name_problem
from neslis_desktop.store import yamlio
from neslis_desktop.store.atomic import fsync_dir
from neslis_desktop.store.paths import PROJECT_FILE, SECTIONS_DIR

JOURNAL = ".neslis-save.journal"
FORMAT = 2
TEMP_PREFIX, TEMP_SUFFIX = ".neslis-", ".tmp"
TEMP_NAME = re.compile(r"^\.neslis-[a-z0-9_]{8}\.tmp$")
"""Our temporary files: ``tempfile.mkstemp(prefix=".neslis-", suffix=".tmp")`` makes exactly these."""
_SECTION = re.compile(rf"^{SECTIONS_DIR}/({SLUG_PATTERN[1:-1]})\.yaml$")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
MAX_JOURNAL_BYTES = 1024 * 1024


class JournalRefused(ValueError):
    """A journal that is not carried out; the message says why, for the user."""


@dataclass(frozen=True)
class Staged:
    """One file of a save: ``temp`` (relative, ``/``-separated) becomes ``target``; ``sha256`` of its bytes."""

    temp: str
    target: str
    sha256: str


@dataclass(frozen=True)
class Removal:
    """A section file the save removes, with the SHA-256 of the bytes it held when the save began."""

    target: str
    sha256: str


@dataclass(frozen=True)
class Plan:
    """What one save does: the folder it was written in, the files it moves in and removes."""

    folder: str
    replace: list[Staged] = field(default_factory=list)
    delete: list[Removal] = field(default_factory=list)

    def encode(self) -> bytes:
        """The journal's bytes."""
        data = {
            "format": FORMAT,
            "folder": self.folder,
            "replace": [{"temp": s.temp, "target": s.target, "sha256": s.sha256} for s in self.replace],
            "delete": [{"target": r.target, "sha256": r.sha256} for r in self.delete],
        }
        return json.dumps(data, indent=1).encode("utf-8")

    def describe(self, *, done: bool = False) -> str:
        """The plan in words: ``replace project.yaml and sections/a.yaml; remove sections/b.yaml``.

        With ``done``, in the past tense (``replaced ...; removed ...``).
        """
        parts = []
        if self.replace:
            parts.append(("replaced " if done else "replace ") + _and(s.target for s in self.replace))
        if self.delete:
            parts.append(("removed " if done else "remove ") + _and(r.target for r in self.delete))
        return "; ".join(parts) or ("only its journal was left" if done else "nothing left to do")


def _and(items: Any) -> str:
    words = list(items)
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def sha256(data: bytes) -> str:
    """The hex SHA-256 of ``data``."""
    return hashlib.sha256(data).hexdigest()


def folder_key(folder: Path) -> str:
    """How a journal names its folder: absolute, links resolved, case folded where the system folds it."""
    return os.path.normcase(str(Path(folder).resolve()))


# ----------------------------------------------------------------------------- reading and checking


def read_plan(folder: Path) -> Plan:
    """The journal in ``folder`` as a plan; :class:`JournalRefused` when it is not one of ours."""
    path = Path(folder) / JOURNAL
    try:
        info = path.lstat()
        if not stat.S_ISREG(info.st_mode):
            raise JournalRefused("it is not a plain file")
        if info.st_size > MAX_JOURNAL_BYTES:
            raise JournalRefused(f"it is {info.st_size:,} bytes, far larger than any save journal")
        data = json.loads(path.read_bytes().decode("utf-8"))
    except OSError as exc:
        raise JournalRefused(f"it could not be read ({exc.strerror or exc})") from None
    except (UnicodeDecodeError, ValueError):
        raise JournalRefused("it is not a save journal (not JSON)") from None
    if not isinstance(data, dict):
        raise JournalRefused("it is not a save journal")
    if "format" not in data:
        raise JournalRefused(
            "it is a journal of the older kind, which records no file hashes, so there is no telling "
            "that the files it names are the ones a save wrote"
        )
    if data.get("format") != FORMAT or not isinstance(data.get("folder"), str):
        raise JournalRefused("it is not a save journal in a format this version writes")
    replace, delete = data.get("replace"), data.get("delete")
    if not isinstance(replace, list) or not isinstance(delete, list):
        raise JournalRefused("it is not a save journal")
    plan = Plan(folder=data["folder"])
    for entry in replace:
        temp, target, digest = _fields(entry, "temp", "target", "sha256")
        plan.replace.append(Staged(temp, target, digest))
    for entry in delete:
        target, digest = _fields(entry, "target", "sha256")
        plan.delete.append(Removal(target, digest))
    return plan


def _fields(entry: Any, *names: str) -> list[str]:
    if not isinstance(entry, dict) or set(entry) != set(names) or not all(isinstance(entry[n], str) for n in names):
        raise JournalRefused("it is not a save journal (an entry is malformed)")
    return [entry[n] for n in names]


def verify(folder: Path, plan: Plan) -> None:
    """:class:`JournalRefused` unless ``plan`` is a save this program made in ``folder`` (see the module)."""
    folder = Path(folder)
    if plan.folder != folder_key(folder):
        raise JournalRefused(
            f"it was written for a save in another folder ({plan.folder}); if you moved this folder "
            "after a crash, move it back and open it there"
        )
    targets: set[str] = set()
    new_project: bytes | None = None
    for staged in plan.replace:
        _check_target(staged.target)
        temp = PurePosixPath(staged.temp)
        if temp.parent != PurePosixPath(staged.target).parent or not TEMP_NAME.match(temp.name):
            raise JournalRefused(f"it would move {staged.temp!r}, which is not a temporary file of this program")
        if not _SHA256.match(staged.sha256) or staged.target in targets:
            raise JournalRefused("it is not a save journal (an entry is malformed)")
        targets.add(staged.target)
        _inside(folder, staged.temp)
        data = _regular_bytes(folder / staged.temp)
        if data is None:  # already moved in, if the target now holds the recorded bytes
            data = _regular_bytes(folder / staged.target)
            if data is None or sha256(data) != staged.sha256:
                raise JournalRefused(f"the new {staged.target} it lists is missing")
        elif sha256(data) != staged.sha256:
            raise JournalRefused(f"the new {staged.target} it would move in is not the file the save wrote")
        if staged.target == PROJECT_FILE:
            new_project = data
    if plan.delete:
        listed = _listed_sections(new_project) if new_project is not None else None
        if listed is None:
            raise JournalRefused("it removes section files without writing a new project.yaml")
        for removal in plan.delete:
            match = _SECTION.match(removal.target)
            if match is None or windows_name_problem(match.group(1)) or not _SHA256.match(removal.sha256):
                raise JournalRefused(f"it would remove {removal.target!r}, which is not a section file")
            if match.group(1) in listed:
                raise JournalRefused(f"it would remove {removal.target}, which the new project.yaml still lists")
            if removal.target in targets:
                raise JournalRefused("it is not a save journal (a file is both written and removed)")
            _inside(folder, removal.target)
            data = _regular_bytes(folder / removal.target)
            if data is not None and sha256(data) != removal.sha256:
                raise JournalRefused(f"{removal.target} has changed since the save began")


def _check_target(target: str) -> None:
    match = _SECTION.match(target)
    if target != PROJECT_FILE and (match is None or windows_name_problem(match.group(1))):
        raise JournalRefused(f"it would write {target!r}, which is not a file of the project")


def _inside(folder: Path, rel: str) -> None:
    """Refuse a path whose folder is a link leading elsewhere (``sections`` made a link, say)."""
    root = folder.resolve()
    try:
        parent = (folder / rel).parent.resolve()
    except (OSError, RuntimeError):
        raise JournalRefused(f"the folder of {rel} cannot be followed (a link loop)") from None
    if parent != root and root not in parent.parents:
        raise JournalRefused(f"{rel} lies outside the project folder, through a link")


def _regular_bytes(path: Path) -> bytes | None:
    """The bytes of ``path`` if it is a plain file (not a link, pipe or folder); ``None`` if it is absent."""
    try:
        info = path.lstat()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise JournalRefused(f"{path.name} cannot be read ({exc.strerror or exc})") from None
    if not stat.S_ISREG(info.st_mode):
        raise JournalRefused(f"{path.name} is not a plain file")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise JournalRefused(f"{path.name} cannot be read ({exc.strerror or exc})") from None


def _listed_sections(project_bytes: bytes) -> set[str] | None:
    try:
        data, _ = yamlio.parse(yamlio.decode(project_bytes))
    except (ValueError, UnicodeDecodeError):
        return None
    listed = data.get("sections") if isinstance(data, dict) else None
    if listed is None:
        return set()
    return {s for s in listed if isinstance(s, str)} if isinstance(listed, list) else None


# ----------------------------------------------------------------------------- carrying out


def pending_view(folder: Path, plan: Plan) -> dict[str, Path]:
    """Where each file the plan writes can be read now: the staged temporary file while it is there."""
    return {s.target: Path(folder) / s.temp for s in plan.replace if (Path(folder) / s.temp).exists()}


def apply(folder: Path, plan: Plan) -> Plan:
    """Carry out a verified ``plan`` and remove the journal; the part of it that was still to do.

    ``OSError`` when the folder refuses a step (the journal then stays, to be completed later).
    """
    folder = Path(folder)
    done = Plan(plan.folder)
    for staged in plan.replace:
        source = folder / staged.temp
        if source.exists():
            os.replace(source, folder / staged.target)
            done.replace.append(staged)
    for removal in plan.delete:
        with contextlib.suppress(FileNotFoundError):
            (folder / removal.target).unlink()
            done.delete.append(removal)
    fsync_dir(folder / SECTIONS_DIR)
    fsync_dir(folder)
    (folder / JOURNAL).unlink()
    fsync_dir(folder)
    return done


def leftover_temps(folder: Path) -> list[Path]:
    """Our temporary files in ``folder`` and its ``sections`` folder (plain files named :data:`TEMP_NAME`)."""
    found = []
    for place, inside in ((Path(folder), True), (Path(folder) / SECTIONS_DIR, False)):
        try:
            # A ``sections`` that is a link (perhaps out of the folder) is not swept.
            entries = list(place.iterdir()) if place.is_dir() and (inside or not place.is_symlink()) else []
        except OSError:
            continue
        for entry in entries:
            with contextlib.suppress(OSError):
                if TEMP_NAME.match(entry.name) and stat.S_ISREG(entry.lstat().st_mode):
                    found.append(entry)
    return sorted(found)


def remove_temps(paths: list[Path]) -> None:
    """Remove the given temporary files; one that cannot be removed is left."""
    for path in paths:
        with contextlib.suppress(OSError):
            path.unlink()
