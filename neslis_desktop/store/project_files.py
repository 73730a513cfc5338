"""A project folder on disk: ``project.yaml`` plus one ``sections/<id>.yaml`` per section.

``project.yaml`` holds the format version, the metadata and the order of sections; each
section file holds a title, notes and blocks. All files are UTF-8 YAML, read with the safe
loader only. Loading is in :mod:`neslis_desktop.store.loading`; this module writes.

Saving is atomic for the whole project, not just file by file: every changed file is first
written beside its target under a temporary name, then a small journal listing the renames
(with each new file's SHA-256, see :mod:`neslis_desktop.store.journal`) is written
atomically, then the renames run and the journal is removed. A save interrupted before the
journal exists leaves the old project (the temporary files are swept up on the next load);
one interrupted after is completed on the next load. Either way the project is wholly the
state before or wholly the state after that save.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from neslis_desktop.errors import ContentError, OutputError
from neslis_desktop.model import Project, Section
from neslis_desktop.model.text import SLUG_PATTERN
from neslis_desktop.store import journal, yamlio
from neslis_desktop.store.atomic import atomic_write_bytes, describe_os_error, fsync_dir, match_mode
from neslis_desktop.store.files import read_bytes
from neslis_desktop.store.journal import JOURNAL, Plan, Removal, Staged
from neslis_desktop.store.loading import LoadResult, load_project, load_project_partial
from neslis_desktop.store.packs import dump_packs
from neslis_desktop.store.paths import PROJECT_FILE, SECTIONS_DIR

__all__ = [
    "JOURNAL",
    "PROJECT_FILE",
    "SECTIONS_DIR",
    "LoadResult",
    "dump_project_file",
    "dump_section",
    "load_project",
    "load_project_partial",
    "project_files",
    "save_project",
]


# ----------------------------------------------------------------------------- saving


def dump_project_file(project: Project, keep: Mapping[str, int] | None = None) -> str:
    """The text of ``project.yaml`` for ``project``; ``keep`` adds unloaded sections at their places."""
    data: dict[str, Any] = {"schema_version": project.schema_version}
    data.update(project.meta.model_dump(mode="json", exclude_none=True))
    data["sections"] = listed_ids(project, keep)
    if project.packs:
        data["packs"] = dump_packs(project.packs)
    return yamlio.dump(data)


def listed_ids(project: Project, keep: Mapping[str, int] | None = None) -> list[str]:
    """The section ids ``project.yaml`` lists: the project's, with each kept id put back at its index."""
    ids = [s.id for s in project.sections]
    for section_id, index in sorted((keep or {}).items(), key=lambda item: item[1]):
        ids.insert(min(max(index, 0), len(ids)), section_id)
    return ids


def dump_section(section: Section) -> str:
    """The text of ``sections/<id>.yaml`` for ``section``."""
    data = section.model_dump(mode="json", exclude_defaults=True, exclude={"id"})
    # Defaults are left out to keep files short, but a block's kind must always be written.
    dumped = data.get("blocks", [])
    data["blocks"] = [{"kind": block.kind, **rest} for block, rest in zip(section.blocks, dumped, strict=True)]
    if not data["blocks"]:
        del data["blocks"]
    return yamlio.dump(data)


def project_files(project: Project, keep: Mapping[str, int] | None = None) -> dict[str, str]:
    """Every file of the project, by path relative to the folder (``/`` separated)."""
    files = {PROJECT_FILE: dump_project_file(project, keep)}
    for section in project.sections:
        files[f"{SECTIONS_DIR}/{section.id}.yaml"] = dump_section(section)
    return files


def save_project(project: Project, folder: Path, *, keep: Mapping[str, int] | None = None) -> list[Path]:
    """Save ``project`` into ``folder`` atomically; returns the files that changed.

    Only files whose bytes differ are rewritten. Section files of sections that were removed
    since the last save are deleted; other files in the folder are never touched. ``keep``
    is :attr:`LoadResult.unloaded` of a project opened with broken sections: those stay
    listed at their places and their files are neither rewritten nor removed.

    A save journal left in the folder is first completed if it passes
    :func:`journal.verify`; one that does not is replaced by this save's own journal, and
    the files it names are left as they are.
    """
    folder = Path(folder)
    keep = dict(keep or {})
    clash = sorted({s.id for s in project.sections} & set(keep))
    if clash:
        raise OutputError(
            f"Could not save: section '{clash[0]}' has the id of a section whose file could not be read, "
            f"{SECTIONS_DIR}/{clash[0]}.yaml, and saving would overwrite it; give the section another id"
        )
    try:
        (folder / SECTIONS_DIR).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(describe_os_error(folder, exc)) from exc
    _complete_pending(folder)

    wanted = {rel: text.encode("utf-8") for rel, text in project_files(project, keep).items()}
    for section_id in keep:
        wanted.pop(f"{SECTIONS_DIR}/{section_id}.yaml", None)
    changed = [rel for rel, data in wanted.items() if _read_or_none(folder / rel) != data]
    stale: list[Removal] = []
    for sid in _previously_listed(folder):
        rel = f"{SECTIONS_DIR}/{sid}.yaml"
        old = _read_or_none(folder / rel) if rel not in wanted and sid not in keep else None
        if old is not None:
            stale.append(Removal(rel, journal.sha256(old)))
    if not changed and not stale:
        return []

    staged: list[Staged] = []
    try:
        for rel in changed:
            staged.append(Staged(_write_temp(folder, rel, wanted[rel]), rel, journal.sha256(wanted[rel])))
        plan = Plan(journal.folder_key(folder), staged, stale)
        atomic_write_bytes(folder / JOURNAL, plan.encode())
    except BaseException:
        for entry in staged:
            with contextlib.suppress(OSError):
                (folder / entry.temp).unlink()
        raise
    fsync_dir(folder)
    try:
        journal.apply(folder, plan)
    except OSError as exc:
        raise OutputError(describe_os_error(folder, exc)) from exc
    return [folder / rel for rel in changed]


def _complete_pending(folder: Path) -> None:
    """Finish a verified interrupted save before writing on top of it (see :func:`save_project`)."""
    if not (folder / JOURNAL).exists():
        return
    try:
        plan = journal.read_plan(folder)
        journal.verify(folder, plan)
    except journal.JournalRefused:
        return  # replaced by this save's journal below; the files it names are not touched
    try:
        journal.apply(folder, plan)
    except OSError as exc:
        raise OutputError(describe_os_error(folder, exc)) from exc


def _read_or_none(path: Path) -> bytes | None:
    """The bytes of a plain file at ``path``; ``None`` when absent or not a plain file."""
    try:
        return read_bytes(path)
    except ContentError:
        return None


def _previously_listed(folder: Path) -> list[str]:
    raw = _read_or_none(folder / PROJECT_FILE)
    try:
        data, _ = yamlio.parse(yamlio.decode(raw)) if raw is not None else (None, None)
    except (ValueError, UnicodeDecodeError):
        return []
    listed = data.get("sections") if isinstance(data, dict) else None
    if not isinstance(listed, list):
        return []
    return [s for s in listed if isinstance(s, str) and re.fullmatch(SLUG_PATTERN, s)]


def _write_temp(folder: Path, rel: str, data: bytes) -> str:
    """Write ``data`` durably beside ``folder/rel``; the temporary file's path relative to ``folder``."""
    target = folder / rel
    try:
        fd, name = tempfile.mkstemp(prefix=journal.TEMP_PREFIX, suffix=journal.TEMP_SUFFIX, dir=target.parent)
    except OSError as exc:
        raise OutputError(describe_os_error(target, exc)) from exc
    match_mode(Path(name), target)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(name)
        raise OutputError(describe_os_error(target, exc)) from exc
    return Path(name).relative_to(folder).as_posix()
