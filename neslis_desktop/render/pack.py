"""Building a pack: the deck and the draft of one project, written safely, with progress.

The CLI and the app's Generate button both call :func:`build_pack`. Each output is written to
a temporary file beside its target and moved into place only when complete, so a failed or
cancelled build leaves the previous files as they were and no half-written file behind.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from neslis_desktop.errors import NeslisError, OutputError
from neslis_desktop.model import Project
from neslis_desktop.render.a11y import Report, check_file
from neslis_desktop.render.template_guard import check_template
from neslis_desktop.store.atomic import atomic_paths, describe_os_error

if TYPE_CHECKING:  # the inspector imports python-pptx, which the CLI loads only when building
    from neslis_desktop.render.deck.inspect.findings import Finding

Only = Literal["deck", "doc"]


class Cancelled(NeslisError):
    """The user cancelled the build; nothing was written."""


class DeckProblems(NeslisError):
    """A strict build found problems on the deck's slides, so nothing was written."""

    def __init__(self, problems: list[Finding]) -> None:
        self.problems = problems
        super().__init__(
            f"The deck has {len(problems)} slide problem{'s' if len(problems) != 1 else ''} "
            "(listed above); with --strict nothing was written."
        )


@dataclass
class PackResult:
    """What a build wrote and what it had to adjust (text shrunk, slides continued, styles added)."""

    deck: Path | None = None
    draft: Path | None = None
    messages: list[str] = field(default_factory=list)
    accessibility: list[Report] = field(default_factory=list)
    """The accessibility check of each file written, when the build was asked to check."""
    problems: list[Finding] = field(default_factory=list)
    """What the deck inspector found on the written slides (each needs a hand fix, or a content change)."""
    inspection_notes: list[str] = field(default_factory=list)
    """How the inspector measured (a font it had no file or metric twin for), for the report."""

    @property
    def paths(self) -> list[Path]:
        return [p for p in (self.deck, self.draft) if p is not None]


Progress = Callable[[int, int, str], None]
"""Called with (step, steps, what is happening) as the build goes."""


def output_paths(project: Project, out_dir: Path) -> tuple[Path, Path]:
    """Where the deck and the draft of ``project`` go in ``out_dir``."""
    slug = project.meta.file_slug()
    return out_dir / f"{slug}-deck.pptx", out_dir / f"{slug}-draft.docx"


def build_pack(
    project: Project,
    out_dir: Path,
    *,
    deck_template: Path | None = None,
    doc_template: Path | None = None,
    only: Only | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    check_accessibility: bool = False,
    strict: bool = False,
) -> PackResult:
    """Write the deck and/or the draft of ``project`` into ``out_dir``.

    ``deck_template``/``doc_template`` default to the bundled templates. Raises a
    :class:`~neslis_desktop.errors.NeslisError` subclass on bad input (nothing written), or
    :class:`Cancelled` when ``cancelled()`` turns true between steps. With
    ``check_accessibility`` the written files are checked afterwards (``result.accessibility``).

    The written deck is inspected before it is moved into place (:mod:`.deck.inspect`); its
    findings are in ``PackResult.problems``. With ``strict``, any finding raises
    :class:`DeckProblems` and nothing is written.
    """
    from neslis_desktop.render.deck import write_deck
    from neslis_desktop.render.deck.inspect import inspect_deck
    from neslis_desktop.render.draft import write_draft

    if not project.sections:
        raise NeslisError("The project has no sections, so there is nothing to build. Add a section first.")
    jobs = [j for j in ("deck", "doc") if only in (None, j)]
    # User-picked templates are checked before anything, even the output folder, is written.
    if deck_template is not None and "deck" in jobs:
        check_template(deck_template, "pptx")
    if doc_template is not None and "doc" in jobs:
        check_template(doc_template, "docx")
    out_dir = Path(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(describe_os_error(out_dir, exc)) from exc
    deck_path, draft_path = output_paths(project, out_dir)
    result = PackResult()

    def step(n: int, what: str) -> None:
        if cancelled is not None and cancelled():
            raise Cancelled("Generation was cancelled; no files were changed.")
        if progress is not None:
            progress(n, len(jobs), what)

    # Both outputs are built into temporary files first and moved into place together, all or
    # nothing (see atomic_paths): a failure, a cancel or a deck open in PowerPoint never leaves
    # a new deck beside an old draft, nor a half-written file.
    targets = [deck_path if job == "deck" else draft_path for job in jobs]
    with atomic_paths(targets) as temps:
        for n, (job, tmp) in enumerate(zip(jobs, temps, strict=True)):
            target = deck_path if job == "deck" else draft_path
            step(n, f"Building the {'deck' if job == 'deck' else 'document'} {target.name}")
            try:
                if job == "deck":
                    result.messages += write_deck(project, tmp, template=deck_template)
                    report = inspect_deck(tmp)
                    result.problems, result.inspection_notes = report.findings, report.notes
                    if strict and report.findings:
                        raise DeckProblems(report.findings)
                    result.deck = deck_path
                else:
                    result.messages += write_draft(project, tmp, template=doc_template)
                    result.draft = draft_path
            except OSError as exc:  # writing the temporary file: the disk is full, say
                raise OutputError(describe_os_error(target, exc)) from exc
        step(len(jobs), "Saving")
    if check_accessibility:
        for path in result.paths:
            try:
                result.accessibility.append(check_file(path))
            except Exception as exc:  # the files are built and in place: a check that fails must not undo that
                result.messages.append(f"The accessibility check could not finish on {path.name} ({exc}).")
    return result
