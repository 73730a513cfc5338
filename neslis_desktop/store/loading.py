"""Opening a project folder: every problem in one pass, a partial project for the app, and a
read-only mode that changes nothing.

:func:`load_project_partial` is the one loader. It never raises for bad content: it returns a
:class:`LoadResult` with the project made of every section that could be read, the problems
found (each naming file, line and field) and notes (things done or noticed that are not
errors). :func:`load_project` is the strict form that raises
:class:`~neslis_desktop.errors.ContentError` when there is any problem.

With ``read_only=True`` (``neslis check``, a folder opened read-only) nothing in the folder is
written, moved or removed: an interrupted save is reported, with what opening would do, and
the project is read as it will be once that save is completed. Otherwise a load completes an
interrupted save only when its journal passes :func:`neslis_desktop.store.journal.verify`,
and says that it did; and removes only this program's own leftover temporary files.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from neslis_desktop.errors import ContentError, Problem
from neslis_desktop.model import Project, ProjectMeta, Section
from neslis_desktop.model.text import MAX_SLUG, SLUG_PATTERN, windows_name_problem
from neslis_desktop.store import journal, yamlio
from neslis_desktop.store.assets import attach_logos, attach_section_pictures
from neslis_desktop.store.files import exists, not_a_file, read_mapping
from neslis_desktop.store.messages import problems_from
from neslis_desktop.store.migrate import check_version, migrate_project, migrate_section
from neslis_desktop.store.packs import read_packs
from neslis_desktop.store.parse_cache import ParsedFiles
from neslis_desktop.store.paths import PROJECT_FILE, SECTIONS_DIR, resolve_inside
from neslis_desktop.store.references import is_model_duplicate, reference_problems

_FILE_KEYS = ("schema_version", "sections", "packs")
_PROJECT_WHAT = f"the project's YAML text file ({PROJECT_FILE}: schema_version, title and the list of sections)"
_SECTION_WHAT = "the section's YAML text file"


@dataclass
class LoadResult:
    """What opening a folder found.

    ``project`` holds every section that could be read, in order; it is ``None`` only when
    ``project.yaml`` itself could not be read or its fields are wrong. ``problems`` are the
    errors (empty when the project is whole), ``notes`` what was done or noticed besides
    (a completed save, a file not listed). ``unloaded`` maps the id of each listed section
    whose file exists but could not be read to its place in the list: pass it to
    :func:`~neslis_desktop.store.save_project` (``keep=``) so that saving keeps the section
    listed and never touches its file.
    """

    project: Project | None
    problems: list[Problem] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)
    unloaded: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """Whether the whole project was read without a problem."""
        return self.project is not None and not self.problems

    def broken_files(self) -> list[tuple[Path, str]]:
        """``(file, message)`` for each file with problems, its messages joined one per line."""
        by_file: dict[Path, list[str]] = {}
        for problem in self.problems:
            where = f"line {problem.line}" if problem.line is not None else ""
            if problem.field:
                where += (", " if where else "") + f"field '{problem.field}'"
            by_file.setdefault(problem.file, []).append(f"{where}: {problem.message}" if where else problem.message)
        return [(path, "\n".join(messages)) for path, messages in by_file.items()]

    def require(self) -> Project:
        """The whole project; :class:`ContentError` listing every problem when there is any."""
        if self.problems or self.project is None:
            raise ContentError(self.problems)
        return self.project


def load_project(folder: Path, *, read_only: bool = False) -> Project:
    """The project in ``folder``; :class:`ContentError` listing every problem found."""
    return load_project_partial(folder, read_only=read_only).require()


def load_project_partial(folder: Path, *, read_only: bool = False) -> LoadResult:
    """Read ``folder`` as far as it can be read; see :class:`LoadResult` and the module."""
    folder = Path(folder)
    result = LoadResult(project=None)
    if not folder.is_dir():
        result.problems.append(Problem(folder, "", f"is not a folder; a project is a folder holding {PROJECT_FILE}"))
        return result
    overlay, removing = _interrupted_save(folder, read_only, result)
    parsed = ParsedFiles(folder)
    project_path = folder / PROJECT_FILE
    source = overlay.get(PROJECT_FILE, project_path)
    if not exists(source):
        result.problems.append(
            Problem(folder, "", f"has no {PROJECT_FILE}; a project is a folder holding {PROJECT_FILE}")
        )
        return result
    try:
        problem = not_a_file(source, _PROJECT_WHAT)
        if problem:
            raise ContentError([Problem(project_path, "", problem)])
        resolve_inside(folder, PROJECT_FILE, field="", file=project_path)
        data, node = read_mapping(project_path, source, parsed, PROJECT_FILE)
    except ContentError as exc:
        result.problems += exc.problems
        return result
    try:
        version: int = check_version(data.get("schema_version"))
    except ValueError as exc:
        line = yamlio.line_of(node, ("schema_version",))
        result.problems.append(Problem(project_path, "schema_version", str(exc), line))
        return result
    data = migrate_project(data, version)

    section_ids = _section_ids(data.get("sections"), project_path, node, result.problems)
    try:
        root = folder.resolve()
    except (OSError, RuntimeError):  # resolve_inside says what is wrong, file by file
        root = folder.absolute()
    packs = read_packs(data.get("packs"), project_path, node, result.problems)
    meta: ProjectMeta | None = None
    try:
        meta = ProjectMeta.model_validate({k: v for k, v in data.items() if k not in _FILE_KEYS})
        result.problems += attach_logos(meta, folder)
    except ValidationError as exc:
        result.problems += problems_from(exc, project_path, lambda p: yamlio.line_of(node, p))

    sections: list[Section] = []
    sections_dir = folder / SECTIONS_DIR
    for place, (index, section_id) in enumerate(section_ids):
        rel = f"{SECTIONS_DIR}/{section_id}.yaml"
        section_path = sections_dir / f"{section_id}.yaml"
        source = overlay.get(rel, section_path)
        where = f"sections, item {index + 1}"
        if not exists(source):
            result.problems.append(
                Problem(
                    project_path,
                    where,
                    f"names section '{section_id}', but {rel} does not exist; restore the file or remove the line",
                    yamlio.line_of(node, ("sections", index)),
                )
            )
            continue
        try:
            problem = not_a_file(source, _SECTION_WHAT)
            if problem:
                raise ContentError([Problem(section_path, "", problem)])
            resolve_inside(root, rel, field=where, file=project_path, resolved=True)
            sections.append(_load_section(section_path, source, section_id, version, (parsed, rel)))
            result.problems += attach_section_pictures(sections[-1], folder)
        except ContentError as exc:
            result.problems += exc.problems
            result.unloaded[section_id] = place
    result.notes += _unlisted(folder, data.get("sections"), removing)
    parsed.save()
    if meta is not None:
        # Every part was validated above; constructing skips validating it all a second time.
        result.project = Project.model_construct(meta=meta, sections=sections, packs=packs)
    return result


def _interrupted_save(folder: Path, read_only: bool, result: LoadResult) -> tuple[dict[str, Path], set[str]]:
    """Deal with a save journal or leftover temporary files; where pending files can be read.

    Returns where each file a pending save writes can be read now (target -> staged file),
    and the files it is still to remove: how the project reads once that save is completed.
    Both are empty unless a save is still pending (in read-only mode, or when completing it
    failed).
    """
    journal_path = folder / journal.JOURNAL
    if not exists(journal_path):
        temps = journal.leftover_temps(folder)
        if temps:
            names = ", ".join(p.relative_to(folder).as_posix() for p in temps)
            if read_only:
                result.notes.append(
                    Problem(
                        folder,
                        "",
                        (
                            f"holds {_count(len(temps), 'temporary file')} left by a save that was cut short before it "
                            f"changed anything ({names}); nothing was changed now, and opening the project removes "
                            f"{'it' if len(temps) == 1 else 'them'}"
                        ),
                    )
                )
            else:
                journal.remove_temps(temps)
                result.notes.append(
                    Problem(
                        folder,
                        "",
                        (
                            f"removed {_count(len(temps), 'temporary file')} left by a save that was cut short "
                            "before it "
                            f"changed anything ({names}); the project is as it was before that save"
                        ),
                    )
                )
        return {}, set()
    try:
        plan = journal.read_plan(folder)
        journal.verify(folder, plan)
    except journal.JournalRefused as why:
        result.problems.append(
            Problem(
                journal_path,
                "",
                (
                    f"is a save journal that was not applied, and no file was changed: {why}. If the folder came from "
                    "someone else, delete this file; the project is then read as its files stand"
                ),
            )
        )
        return {}, set()
    if read_only:
        result.notes.append(
            Problem(
                journal_path,
                "",
                (
                    f"a save was interrupted before it finished; nothing was changed now. Opening the project will "
                    f"complete it ({plan.describe()}); the project is read here as it will be then"
                ),
            )
        )
        return journal.pending_view(folder, plan), {r.target for r in plan.delete}
    try:
        done = journal.apply(folder, plan)
    except OSError as exc:
        result.problems.append(
            Problem(
                journal_path,
                "",
                (
                    f"an interrupted save could not be completed ({exc.strerror or exc}); make the folder writable "
                    "and open the project again"
                ),
            )
        )
        return journal.pending_view(folder, plan), {r.target for r in plan.delete}
    journal.remove_temps(journal.leftover_temps(folder))
    result.notes.append(
        Problem(
            folder,
            "",
            (
                f"completed a save that had been interrupted ({done.describe(done=True)}); "
                "the project is as that save left it"
            ),
        )
    )
    return {}, set()


def _count(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _section_ids(raw: Any, path: Path, node: yamlio.Nodes, problems: list[Problem]) -> list[tuple[int, str]]:
    """The valid section ids listed, each with its index in the list as written."""
    if raw is None:
        return []
    if not isinstance(raw, list):
        problems.append(
            Problem(
                path,
                "sections",
                "should be a list of section names, one '- name' per line",
                yamlio.line_of(node, ("sections",)),
            )
        )
        return []
    ids: list[tuple[int, str]] = []
    listed: set[str] = set()
    for i, item in enumerate(raw):
        problem = _listing_problem(item, listed)
        if problem:  # only a problem needs the line: finding it walks the file's tree
            problems.append(Problem(path, f"sections, item {i + 1}", problem, yamlio.line_of(node, ("sections", i))))
        else:
            ids.append((i, item))
            listed.add(item)
    return ids


def _listing_problem(item: Any, listed: set[str]) -> str | None:
    """What is wrong with one item of ``sections`` (``listed``: the names before it), or ``None``."""
    windows = windows_name_problem(item) if isinstance(item, str) else None
    if windows:
        return f"{windows} (and rename its file in {SECTIONS_DIR}/ to match)"
    if not isinstance(item, str) or not re.fullmatch(SLUG_PATTERN, item) or len(item) > MAX_SLUG:
        return (
            f"{str(item)[:60]!r} is not a section file name; use lower-case letters, digits and "
            f"hyphens, up to {MAX_SLUG} characters"
        )
    if item in listed:
        return f"lists section '{item}' twice"
    return None


def _load_section(
    path: Path, source: Path, section_id: str, version: int, parsed: tuple[ParsedFiles, str] | None = None
) -> Section:
    data, node = read_mapping(path, source, *(parsed or (None, "")))
    data = migrate_section(data, version)
    if "id" in data:
        data = {k: v for k, v in data.items() if k != "id"}

    def line_of(p: tuple[str | int, ...]) -> int | None:
        return yamlio.line_of(node, p)

    located = reference_problems(data, path, line_of)
    try:
        section = Section.model_validate({"id": section_id, **data})
    except ValidationError as exc:
        problems = problems_from(exc, path, line_of)
        if located:
            problems = [p for p in problems if not is_model_duplicate(p.message)]
        raise ContentError(_in_line_order(problems + located)) from None
    # The model is the authority on what is valid: the names checked here only add to its errors.
    return section


def _in_line_order(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: p.line if p.line is not None else 0)


def _unlisted(folder: Path, listed: Any, removing: set[str]) -> list[Problem]:
    """A note for each ``sections/*.yaml`` that ``project.yaml`` does not list."""
    names = {s for s in listed if isinstance(s, str)} if isinstance(listed, list) else set()
    place = folder / SECTIONS_DIR
    try:
        if place.is_symlink() or not place.is_dir():
            return []
        with os.scandir(place) as found:  # names, not Paths: sorting a thousand Paths is slow
            entries = sorted(e.name for e in found)
    except OSError:
        return []
    notes = []
    for name in entries:
        stem, dot, suffix = name.rpartition(".")
        if not dot or suffix != "yaml" or name.startswith(".") or stem in names:
            continue
        if f"{SECTIONS_DIR}/{name}" in removing:  # a pending save removes it
            continue
        entry = place / name
        notes.append(
            Problem(
                entry,
                "",
                (
                    f"is not listed in {PROJECT_FILE}, so it is not part of the project and was not checked; "
                    "to include "
                    f"it, add '- {entry.stem}' under 'sections:' in {PROJECT_FILE}, or else delete the file"
                ),
            )
        )
    return notes
