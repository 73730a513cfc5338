"""Building a pack: the deck and the draft of one project, and what a build can end with.

:func:`build_pack` is the default deck and draft of every section; the CLI and the app build
a project's packs through :func:`~neslis_desktop.render.packs.build_packs`, which does the
writing for both. Each output is written to a temporary file beside its target and moved into
place only when complete, so a failed or cancelled build leaves the previous files as they
were and no half-written file behind.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from neslis_desktop.errors import NeslisError
from neslis_desktop.model import Project

if TYPE_CHECKING:  # the inspector imports python-pptx, which the CLI loads only when building
    from neslis_desktop.render.deck.inspect.findings import Finding
    from neslis_desktop.render.packs import PacksResult

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
) -> PacksResult:
    """Write the deck and/or the draft of every section of ``project`` into ``out_dir``.

    The project's declared packs are set aside: this is the default deck and draft (see
    :func:`~neslis_desktop.render.packs.build_packs`, which does the work, for the rest).
    ``deck_template``/``doc_template`` default to the bundled templates. Raises a
    :class:`~neslis_desktop.errors.NeslisError` subclass on bad input (nothing written), or
    :class:`Cancelled` when ``cancelled()`` turns true between steps. The written deck is
    inspected before it is moved into place; with ``strict``, any finding raises
    :class:`DeckProblems` and nothing is written. With ``check_accessibility`` the written
    files are checked afterwards.
    """
    from neslis_desktop.model.packs import PackKind, default_packs
    from neslis_desktop.render.packs import build_packs

    if not project.sections:
        raise NeslisError("The project has no sections, so there is nothing to build. Add a section first.")
    wanted = {"deck": PackKind.DECK, "doc": PackKind.DOCUMENT}
    packs = [p for p in default_packs() if only is None or p.kind is wanted[only]]
    return build_packs(
        project.model_copy(update={"packs": []}),
        packs,
        out_dir,
        deck_template=deck_template,
        doc_template=doc_template,
        progress=progress,
        cancelled=cancelled,
        check_accessibility=check_accessibility,
        strict=strict,
    )
