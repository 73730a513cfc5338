"""The HTML edition of the draft: one self-contained, accessible page (GOV.UK asks for HTML
first). :func:`write_html` writes it atomically; :mod:`.blocks` holds one renderer per block
kind, registered by kind, so new kinds are added with one function."""

from __future__ import annotations

from pathlib import Path

from neslis_desktop.model import Project
from neslis_desktop.render.html.blocks import RENDERERS, Context, renders
from neslis_desktop.render.html.document import to_html
from neslis_desktop.store.atomic import atomic_write_bytes

__all__ = ["RENDERERS", "Context", "renders", "to_html", "write_html"]


def write_html(project: Project, target: Path) -> None:
    """Write the HTML edition of ``project`` to ``target`` (UTF-8), all or nothing."""
    atomic_write_bytes(Path(target), to_html(project).encode("utf-8"))
