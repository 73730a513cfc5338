"""A project folder on disk: ``project.yaml`` plus one ``sections/<id>.yaml`` per section.

``project.yaml`` holds the format version, the metadata and the order of sections; each
section file holds a title, notes and blocks. All files are UTF-8 YAML, read with the safe
loader only.

Saving is atomic for the whole project, not just file by file: every changed file is first
written beside its target under a temporary name, then a small journal listing the renames is
written atomically, then the renames run and the journal is removed. A save interrupted
before the journal exists leaves the old project (the temporary files are swept up on the
next load); one interrupted after is completed on the next load. Either way the project is
wholly the state before or wholly the state after that save.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import tempfile
from pathlib import Path, PurePosixPath
from typing import Any

import yaml
from pydantic import ValidationError

from neslis_desktop.errors import ContentError, OutputError, Problem
from neslis_desktop.model import Project, ProjectMeta, Section
from neslis_desktop.model.text import SLUG_PATTERN
from neslis_desktop.store import yamlio
from neslis_desktop.store.assets import attach_logos, attach_section_pictures
from neslis_desktop.store.atomic import atomic_write_bytes, describe_os_error, fsync_dir, match_mode
from neslis_desktop.store.messages import problems_from
from neslis_desktop.store.migrate import check_version, migrate_project, migrate_section
from neslis_desktop.store.packs import dump_packs, read_packs
from neslis_desktop.store.paths import resolve_inside

PROJECT_FILE = "project.yaml"
SECTIONS_DIR = "sections"
JOURNAL = ".neslis-save.journal"
_TMP = re.compile(r"^\..+\.[A-Za-z0-9_]{6,}\.tmp$")
_FILE_KEYS = ("schema_version", "sections", "packs")
MAX_SLUG = 80
"""Longest section name (as the model's ``Slug``); a longer one would make too long a file name."""
MAX_FILE_BYTES = 8 * 1024 * 1024
"""Largest content file read: far above any real section (text fields hold 20,000 characters)."""
_TARGET = re.compile(rf"^(?:{re.escape(PROJECT_FILE)}|{SECTIONS_DIR}/[a-z0-9]+(?:-[a-z0-9]+)*\.yaml)$")


# ----------------------------------------------------------------------------- loading


def load_project(folder: Path) -> Project:
    """The project in ``folder``; :class:`ContentError` listing every problem found."""
    folder = Path(folder)
    project_path = folder / PROJECT_FILE
    if not _is_file(project_path):
        what = "is not a folder" if not folder.is_dir() else f"has no {PROJECT_FILE}"
        raise ContentError([Problem(folder, "", f"{what}; a project is a folder holding {PROJECT_FILE}")])
    resolve_inside(folder, PROJECT_FILE, field="", file=project_path)
    recover_interrupted_save(folder)

    data, node = _read_mapping(project_path)
    try:
        version: int = check_version(data.get("schema_version"))
    except ValueError as exc:
        line = yamlio.line_of(node, ("schema_version",))
        raise ContentError([Problem(project_path, "schema_version", str(exc), line)]) from None
    data = migrate_project(data, version)

    problems: list[Problem] = []
    section_ids = _section_ids(data.get("sections"), project_path, node, problems)
    packs = read_packs(data.get("packs"), project_path, node, problems)
    meta: ProjectMeta | None = None
    try:
        meta = ProjectMeta.model_validate({k: v for k, v in data.items() if k not in _FILE_KEYS})
        problems += attach_logos(meta, folder)
    except ValidationError as exc:
        problems += problems_from(exc, project_path, lambda p: yamlio.line_of(node, p))

    sections: list[Section] = []
    for index, section_id in enumerate(section_ids):
        section_path = folder / SECTIONS_DIR / f"{section_id}.yaml"
        if not _is_file(section_path):
            line = yamlio.line_of(node, ("sections", index))
            problems.append(
                Problem(
                    project_path, f"sections, item {index + 1}",
                    f"names section '{section_id}', but {SECTIONS_DIR}/{section_id}.yaml does not exist; "
                    "restore the file or remove the line",
                    line,
                )
            )
            continue
        try:
            resolve_inside(folder, f"{SECTIONS_DIR}/{section_id}.yaml", field=f"sections, item {index + 1}",
                           file=project_path)
            sections.append(_load_section(section_path, section_id, version))
            problems += attach_section_pictures(sections[-1], folder)
        except ContentError as exc:
            problems += exc.problems
    if problems:
        raise ContentError(problems)
    assert meta is not None
    # Every part was validated above; constructing skips validating it all a second time.
    return Project.model_construct(meta=meta, sections=sections, packs=packs)


def _is_file(path: Path) -> bool:
    """Whether ``path`` is a file; ``True`` when the system will not say, so reading it reports why."""
    try:
        return path.is_file()
    except OSError:
        return True


def _section_ids(raw: Any, path: Path, node: yaml.Node | None, problems: list[Problem]) -> list[str]:
    if raw is None:
        return []
    if not isinstance(raw, list):
        problems.append(
            Problem(path, "sections", "should be a list of section names, one '- name' per line",
                    yamlio.line_of(node, ("sections",)))
        )
        return []
    ids: list[str] = []
    for i, item in enumerate(raw):
        line = yamlio.line_of(node, ("sections", i))
        if not isinstance(item, str) or not re.fullmatch(SLUG_PATTERN, item) or len(item) > MAX_SLUG:
            problems.append(
                Problem(path, f"sections, item {i + 1}",
                        f"{str(item)[:60]!r} is not a section file name; use lower-case letters, digits and "
                        f"hyphens, up to {MAX_SLUG} characters", line)
            )
        elif item in ids:
            problems.append(Problem(path, f"sections, item {i + 1}", f"lists section '{item}' twice", line))
        else:
            ids.append(item)
    return ids


def _load_section(path: Path, section_id: str, version: int) -> Section:
    data, node = _read_mapping(path)
    data = migrate_section(data, version)
    if "id" in data:
        data = {k: v for k, v in data.items() if k != "id"}
    try:
        return Section.model_validate({"id": section_id, **data})
    except ValidationError as exc:
        raise ContentError(problems_from(exc, path, lambda p: yamlio.line_of(node, p))) from None


def _read_mapping(path: Path) -> tuple[dict[str, Any], yaml.Node | None]:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ContentError(
                [Problem(path, "", f"is {size:,} bytes, over the {MAX_FILE_BYTES:,}-byte limit for a content "
                         "file; it is not a file NESLIS Desktop wrote")]
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise ContentError([Problem(path, "", f"could not be read: {exc.strerror or exc}")]) from None
    try:
        text = yamlio.decode(raw)
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ContentError(
            [Problem(path, "", f"is not UTF-8 text (byte 0x{raw[exc.start]:02X} cannot be read); "
                     "save the file as UTF-8", line)]
        ) from None
    try:
        data, node = yamlio.parse(text)
    except yamlio.YamlSyntaxError as exc:
        raise ContentError([Problem(path, exc.field, f"is not valid YAML: {exc}", exc.line)]) from None
    if data is None:
        raise ContentError([Problem(path, "", "is empty; it should hold 'name: value' fields")])
    if not isinstance(data, dict):
        raise ContentError([Problem(path, "", "should hold 'name: value' fields at the top level", 1)])
    bad_keys = [k for k in data if not isinstance(k, str)]
    if bad_keys:
        raise ContentError([Problem(path, str(bad_keys[0]), "field names must be text", yamlio.line_of(node, ()))])
    return data, node


# ----------------------------------------------------------------------------- saving


def dump_project_file(project: Project) -> str:
    """The text of ``project.yaml`` for ``project``."""
    data: dict[str, Any] = {"schema_version": project.schema_version}
    data.update(project.meta.model_dump(mode="json", exclude_none=True))
    data["sections"] = [s.id for s in project.sections]
    if project.packs:
        data["packs"] = dump_packs(project.packs)
    return yamlio.dump(data)


def dump_section(section: Section) -> str:
    """The text of ``sections/<id>.yaml`` for ``section``."""
    data = section.model_dump(mode="json", exclude_defaults=True, exclude={"id"})
    # Defaults are left out to keep files short, but a block's kind must always be written.
    dumped = data.get("blocks", [])
    data["blocks"] = [{"kind": block.kind, **rest} for block, rest in zip(section.blocks, dumped, strict=True)]
    if not data["blocks"]:
        del data["blocks"]
    return yamlio.dump(data)


def project_files(project: Project) -> dict[str, str]:
    """Every file of the project, by path relative to the folder (``/`` separated)."""
    files = {PROJECT_FILE: dump_project_file(project)}
    for section in project.sections:
        files[f"{SECTIONS_DIR}/{section.id}.yaml"] = dump_section(section)
    return files


def save_project(project: Project, folder: Path) -> list[Path]:
    """Save ``project`` into ``folder`` atomically; returns the files that changed.

    Only files whose bytes differ are rewritten. Section files of sections that were removed
    since the last save are deleted; other files in the folder are never touched.
    """
    folder = Path(folder)
    try:
        (folder / SECTIONS_DIR).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(describe_os_error(folder, exc)) from exc
    recover_interrupted_save(folder)

    wanted = {rel: text.encode("utf-8") for rel, text in project_files(project).items()}
    changed = [rel for rel, data in wanted.items() if _read_or_none(folder / rel) != data]
    stale = [
        f"{SECTIONS_DIR}/{sid}.yaml"
        for sid in _previously_listed(folder)
        if f"{SECTIONS_DIR}/{sid}.yaml" not in wanted and (folder / SECTIONS_DIR / f"{sid}.yaml").exists()
    ]
    if not changed and not stale:
        return []

    temps: list[tuple[str, str]] = []
    try:
        for rel in changed:
            temps.append((_write_temp(folder, rel, wanted[rel]), rel))
        journal = json.dumps({"replace": temps, "delete": stale}, indent=1).encode("utf-8")
        atomic_write_bytes(folder / JOURNAL, journal)
    except BaseException:
        for tmp, _ in temps:
            with contextlib.suppress(OSError):
                (folder / tmp).unlink()
        raise
    fsync_dir(folder)
    try:
        _apply_journal(folder)
    except OSError as exc:
        raise OutputError(describe_os_error(folder, exc)) from exc
    return [folder / rel for rel in changed]


def _read_or_none(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def _previously_listed(folder: Path) -> list[str]:
    try:
        data, _ = yamlio.parse(yamlio.read_text(folder / PROJECT_FILE))
    except (OSError, ValueError, UnicodeDecodeError):
        return []
    listed = data.get("sections") if isinstance(data, dict) else None
    if not isinstance(listed, list):
        return []
    return [s for s in listed if isinstance(s, str) and re.fullmatch(SLUG_PATTERN, s)]


def _write_temp(folder: Path, rel: str, data: bytes) -> str:
    """Write ``data`` durably beside ``folder/rel``; the temporary file's path relative to ``folder``."""
    target = folder / rel
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
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


def _journal_plan(raw: str) -> tuple[list[tuple[str, str]], list[str]]:
    """The renames and deletions a journal asks for; ``ValueError`` unless each stays in the project.

    A project folder may come from elsewhere, so its journal is not trusted: it may only move
    one of our temporary files onto ``project.yaml`` or a section file beside it, and only
    delete section files.
    """
    plan = json.loads(raw)
    if not isinstance(plan, dict):
        raise ValueError("the journal is not a save journal")
    replace, delete = plan.get("replace", []), plan.get("delete", [])
    if not isinstance(replace, list) or not isinstance(delete, list):
        raise ValueError("the journal is not a save journal")
    moves: list[tuple[str, str]] = []
    for entry in replace:
        if not (isinstance(entry, list) and len(entry) == 2 and all(isinstance(e, str) for e in entry)):
            raise ValueError("the journal is not a save journal")
        tmp, rel = entry
        tmp_path, rel_path = PurePosixPath(tmp), PurePosixPath(rel)
        if (
            not _TARGET.fullmatch(rel)
            or tmp_path.parent != rel_path.parent
            or not _TMP.match(tmp_path.name)
            or not tmp_path.name.startswith(f".{rel_path.name}.")
        ):
            raise ValueError(f"the journal names a file outside the project ({tmp!r} -> {rel!r})")
        moves.append((tmp, rel))
    for rel in delete:
        if not isinstance(rel, str) or not _TARGET.fullmatch(rel) or rel == PROJECT_FILE:
            raise ValueError(f"the journal names a file outside the project ({rel!r})")
    return moves, delete


def _apply_journal(folder: Path) -> None:
    journal_path = folder / JOURNAL
    moves, deletions = _journal_plan(journal_path.read_text("utf-8"))
    for tmp, rel in moves:
        source = folder / tmp
        if source.exists():
            os.replace(source, folder / rel)
    for rel in deletions:
        with contextlib.suppress(FileNotFoundError):
            (folder / rel).unlink()
    fsync_dir(folder / SECTIONS_DIR)
    fsync_dir(folder)
    journal_path.unlink()
    fsync_dir(folder)


def recover_interrupted_save(folder: Path) -> None:
    """Finish a save that was interrupted after its journal was written; sweep stray temps."""
    folder = Path(folder)
    journal_path = folder / JOURNAL
    if journal_path.exists():
        try:
            _apply_journal(folder)
        except OSError as exc:
            raise ContentError(
                [Problem(journal_path, "", f"an interrupted save could not be completed ({exc}); "
                         "make the folder writable and open the project again")]
            ) from None
        except ValueError as exc:
            raise ContentError(
                [Problem(journal_path, "", f"is not a save journal this program wrote ({exc}), so it was not "
                         "applied; if the folder came from someone else, delete this file and open it again")]
            ) from None
        return
    for place in (folder, folder / SECTIONS_DIR):
        if not place.is_dir():
            continue
        for entry in place.iterdir():
            if _TMP.match(entry.name) and entry.is_file():
                with contextlib.suppress(OSError):
                    entry.unlink()
