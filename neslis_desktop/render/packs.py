"""Building packs: each pack's sections and title page resolved, then every output written at once.

:func:`pack_view` turns a project and one of its packs into the project that pack shows (its
sections in its order, its title-page facts over the project's, and a "Changes since"
section when it asks for one), which the deck and draft writers take as they take any
project. :func:`build_packs` writes one or many packs in a single pass, all or nothing as
:func:`~neslis_desktop.render.pack.build_pack` does: every output is built into a temporary
file, and all replace their targets only when all are complete.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from neslis_desktop.errors import ContentError, NeslisError, OutputError
from neslis_desktop.model import Project
from neslis_desktop.model.packs import Pack, PackKind, pack_sections
from neslis_desktop.render.a11y import Report, check_file
from neslis_desktop.render.pack import Cancelled, DeckProblems, Progress
from neslis_desktop.render.template_guard import check_template
from neslis_desktop.store.atomic import atomic_paths, describe_os_error
from neslis_desktop.store.packs import pack_file_problems

if TYPE_CHECKING:  # the inspector imports python-pptx, loaded only when a deck is built
    from neslis_desktop.render.deck.inspect.findings import Finding

LARGE_DECK = 200
"""Slides from which a deck's memory is reclaimed as soon as it is written (see build_packs)."""


@dataclass
class PacksResult:
    """What a build wrote, pack by pack, and what it had to adjust."""

    written: list[tuple[Pack, Path]] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    accessibility: list[Report] = field(default_factory=list)
    """The accessibility check of each file written, when the build was asked to check."""
    problems: list[Finding] = field(default_factory=list)
    """What the deck inspector found on the written slides, in every deck built."""
    inspection_notes: list[str] = field(default_factory=list)
    """How the inspector measured (a font it had no file or metric twin for)."""
    extras: list[Path] = field(default_factory=list)
    """Files written after the packs: tagged PDFs, the HTML edition (see :mod:`render.publish`)."""

    @property
    def paths(self) -> list[Path]:
        return [path for _, path in self.written]

    @property
    def deck(self) -> Path | None:
        """The first deck written, if any (what "Open deck" opens)."""
        return next((path for pack, path in self.written if pack.kind is PackKind.DECK), None)

    @property
    def draft(self) -> Path | None:
        """The first document written, if any."""
        return next((path for pack, path in self.written if pack.kind is PackKind.DOCUMENT), None)


def find_pack(project: Project, name: str) -> Pack:
    """The pack called ``name`` (any case) or with that slug; a message listing the packs when none."""
    packs = project.all_packs()
    folded = name.strip().casefold()
    for pack in packs:
        if pack.name.casefold() == folded or (pack.slug is not None and pack.slug == name.strip()):
            return pack
    names = ", ".join(f"'{p.name}'" for p in packs)
    raise NeslisError(f"The project has no pack called '{name}'. Its packs are: {names}.")


def main_packs(project: Project) -> list[Pack]:
    """What a plain ``neslis build`` makes: the first deck pack and the first document pack."""
    packs = project.all_packs()
    firsts = [next((p for p in packs if p.kind is kind), None) for kind in PackKind]
    return [p for p in firsts if p is not None]


def check_project_packs(project: Project, folder: Path | None, packs: Sequence[Pack] | None = None) -> None:
    """Raise :class:`ContentError` when one of ``packs`` (all when ``None``) names a missing section or
    tag, or clashes with another pack."""
    chosen = None if packs is None else [i for i, p in enumerate(project.packs) if any(p is q for q in packs)]
    problems = pack_file_problems(project, folder, chosen)
    if problems:
        raise ContentError(problems)


def pack_view(project: Project, pack: Pack, folder: Path | None = None, notes: list[str] | None = None) -> Project:
    """The project as ``pack`` shows it; ``folder`` (the project's) is needed for ``changes_since``
    and ``what_we_heard``. What was generated for it is said in ``notes``."""
    meta = pack.title_meta(project.meta)
    sections = pack_sections(pack, project.sections)
    if pack.changes_since is not None and sections:
        if folder is None:
            raise NeslisError(f"Pack '{pack.name}' compares with a snapshot, so it is built from a project folder.")
        from neslis_desktop.render.changes import changes_section  # with the differ: only for such packs
        from neslis_desktop.store.snapshots import find_snapshot, load_snapshot

        snapshot = find_snapshot(folder, pack.changes_since)
        old = load_snapshot(snapshot)
        old_view = Project.model_construct(meta=pack.title_meta(old.meta), sections=pack_sections(pack, old.sections))
        new_view = Project.model_construct(meta=meta, sections=sections)
        sections = [changes_section(old_view, new_view, snapshot.name, pack.kind), *sections]
    if pack.what_we_heard and folder is not None:
        from neslis_desktop.model.feedback import relink
        from neslis_desktop.model.heard import with_feedback_sections
        from neslis_desktop.store.feedback import load_feedback

        # Questions reworded since the feedback was saved are followed here, in memory only
        # ('neslis check' says so; saving the feedback records it).
        linked = relink(project, load_feedback(folder))
        view = Project.model_construct(meta=meta, sections=sections)
        heard, said = with_feedback_sections(
            view, linked.feedback, "deck" if pack.kind is PackKind.DECK else "document"
        )
        sections = heard.sections
        if notes is not None:
            notes += said + linked.lost
    # The parts were validated when loaded or edited; a view only rearranges them.
    return Project.model_construct(schema_version=project.schema_version, meta=meta, sections=sections, packs=[])


def template_for(pack: Pack, folder: Path | None, deck: Path | None, doc: Path | None) -> Path | None:
    """The template ``pack`` is built with: the command line's, else its own, else ``None`` (bundled)."""
    given = deck if pack.kind is PackKind.DECK else doc
    if given is not None:
        return Path(given)
    if pack.template is None:
        return None
    own = Path(pack.template)
    return own if own.is_absolute() or folder is None else folder / own


def build_packs(
    project: Project,
    packs: Sequence[Pack],
    out_dir: Path,
    *,
    folder: Path | None = None,
    deck_template: Path | None = None,
    doc_template: Path | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    check_accessibility: bool = False,
    strict: bool = False,
) -> PacksResult:
    """Write each of ``packs`` of ``project`` into ``out_dir``, all or nothing.

    ``folder`` is the project's folder: pack templates are relative to it and snapshots are in
    it. Templates given here override the packs' own. Raises a
    :class:`~neslis_desktop.errors.NeslisError` subclass on bad input (nothing written), or
    :class:`~neslis_desktop.render.pack.Cancelled` when ``cancelled()`` turns true between steps.
    """
    from pptx import Presentation

    from neslis_desktop.render.deck import build_deck
    from neslis_desktop.render.deck.inspect import inspect_deck
    from neslis_desktop.render.deck.replan import replan_deck
    from neslis_desktop.render.draft import build_draft

    check_project_packs(project, folder, packs)
    jobs: list[tuple[Pack, Project, Path | None]] = []
    generated: list[str] = []
    for pack in packs:
        said: list[str] = []
        view = pack_view(project, pack, folder, said)
        generated += [f"{pack.name}: {m}" for m in said] if project.packs else said
        if not view.sections:
            raise NeslisError(
                f"Pack '{pack.name}' has no sections, so there is nothing to build. Add a section first."
                if not project.sections
                else f"Pack '{pack.name}' takes no section; give it section ids or tags."
            )
        jobs.append((pack, view, template_for(pack, folder, deck_template, doc_template)))
    # Every template is checked before anything, even the output folder, is written; the guard
    # remembers those that passed, so a template shared by several packs is checked once.
    for pack, _, template in jobs:
        if template is not None:
            check_template(template, "pptx" if pack.kind is PackKind.DECK else "docx")
    out_dir = Path(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(describe_os_error(out_dir, exc)) from exc
    targets = [out_dir / pack.file_name(project.meta) for pack, *_ in jobs]
    result = PacksResult()
    result.messages += generated

    unchecked: list[str] = []  # messages of checks that could not finish, said after the build's

    def check(target: Path, opened: object, slide_keys: list[tuple[bytes, bytes] | None] | None = None) -> None:
        # Each file is checked from memory as soon as it is built, and then let go: kept open
        # for a check at the end, a deck was held while the draft was built (a pack of 500
        # charts and 500 tables peaked at 369 MB rather than 250).
        try:
            result.accessibility.append(check_file(target, opened=opened, slide_keys=slide_keys))
        except Exception as exc:  # the build goes on: a check that fails must not undo it
            unchecked.append(f"The accessibility check could not finish on {target.name} ({exc}).")

    def step(n: int, what: str) -> None:
        if cancelled is not None and cancelled():
            raise Cancelled("Generation was cancelled; no files were changed.")
        if progress is not None:
            progress(n, len(jobs), what)

    with atomic_paths(targets) as temps:
        for n, ((pack, view, template), tmp, target) in enumerate(zip(jobs, temps, targets, strict=True)):
            step(n, f"Building {pack.name}: {target.name}")
            try:
                if pack.kind is PackKind.DECK:
                    built = build_deck(view, template)
                    built.prs.save(str(tmp))
                    messages = built.messages
                    # Each deck is inspected before anything is moved into place (see render.deck.inspect),
                    # in memory: the tree just saved is the one a reader of the file gets, and a
                    # second copy of a 1,000-slide deck would double the build's peak memory.
                    report = inspect_deck(built.prs, built.facts)
                    replanned = replan_deck(view, tmp, template, report, built)  # sections with problems, again
                    if replanned is not None:
                        messages, report = replanned.messages, replanned.report
                    result.problems += report.findings
                    result.inspection_notes += [n for n in report.notes if n not in result.inspection_notes]
                    if strict and report.findings:
                        raise DeckProblems(report.findings)
                    if check_accessibility and replanned is None:  # the slides as read after the repairs
                        check(target, built.prs, [f.key for f in built.facts or []] or None)
                    elif check_accessibility:
                        check(target, Presentation(str(tmp)))
                    large = len(built.prs.slides) >= LARGE_DECK
                    del built, report, replanned
                    if large:
                        # python-pptx's parts, package and slides point at each other, so a dropped
                        # deck is freed only by the cyclic collector, which may not run before the
                        # next file is built, and then both are held at once. Collected now, a pack
                        # of 500 charts and 500 tables (1,101 slides) peaked at 249 MB, not 368, for
                        # 0.18 s of a 14 s build; for a small deck the collection (~25 ms) would
                        # cost more than the memory it frees.
                        gc.collect()
                else:
                    draft, messages = build_draft(view, template)
                    draft.save(str(tmp))
                    if check_accessibility:  # checked as saved, without parsing the file again
                        check(target, draft)
                    del draft
            except OSError as exc:  # writing the temporary file: the disk is full, say
                raise OutputError(describe_os_error(target, exc)) from exc
            # Declared packs are named in the notes; the default deck and draft read as they always have.
            result.messages += [f"{pack.name}: {m}" for m in messages] if project.packs else messages
            result.written.append((pack, target))
        step(len(jobs), "Saving")
    result.messages += unchecked
    return result
