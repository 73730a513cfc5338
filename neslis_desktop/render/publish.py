"""What a build writes after the deck and the draft: tagged PDFs and the HTML edition.

:func:`publish` runs once :func:`~neslis_desktop.render.packs.build_packs` has placed the
Office files. Each extra is its own all-or-nothing file, and none can fail the build: a
missing LibreOffice, say, becomes a message saying what to install, and the rest goes on.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from neslis_desktop.errors import NeslisError
from neslis_desktop.model import Project
from neslis_desktop.model.packs import Pack, PackKind


@dataclass
class Published:
    """The extra files written, and what was said about those that were not."""

    paths: list[Path] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)


def html_path(project: Project, out_dir: Path) -> Path:
    """Where the HTML edition of ``project`` goes in ``out_dir``."""
    return Path(out_dir) / f"{project.meta.file_slug()}-draft.html"


def html_view(project: Project, packs: Sequence[Pack], folder: Path | None) -> Project:
    """What the HTML edition shows: the first document pack built (else the project's main one)."""
    from neslis_desktop.render.packs import main_packs, pack_view

    documents = [p for p in [*packs, *main_packs(project)] if p.kind is PackKind.DOCUMENT]
    return pack_view(project, documents[0], folder) if documents else project


def publish(
    project: Project, sources: Sequence[Path], out_dir: Path, *, pdf: bool = False, html: bool = False
) -> Published:
    """Write the PDFs of the files built (``sources``) and/or the HTML edition of ``project``."""
    done = Published()
    if html:
        from neslis_desktop.render.html import write_html

        target = html_path(project, out_dir)
        write_html(project, target)
        done.paths.append(target)
    if pdf:
        from neslis_desktop.render.pdf import PdfError, export_pdf, find_soffice

        soffice = find_soffice()
        for source in sources:
            if soffice is None:
                from neslis_desktop.render.pdf import INSTALL_HINT

                done.messages.append(INSTALL_HINT)
                break
            target = source.with_suffix(".pdf")
            try:
                export_pdf(source, target, language=project.meta.language, soffice=soffice)
            except (PdfError, NeslisError) as exc:
                done.messages.append(str(exc))
                continue
            done.paths.append(target)
    return done
