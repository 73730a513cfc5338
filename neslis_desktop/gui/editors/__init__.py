"""Editor forms: one per block kind (its fields in :mod:`neslis_desktop.gui.kinds`), plus the section
and project-details forms.

:func:`block_editor`, :func:`section_editor` and :func:`meta_editor` build a
:class:`~neslis_desktop.gui.editors.form.FormEditor` for an item; it emits only valid values.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from neslis_desktop.gui import kinds
from neslis_desktop.gui.editors.fields import meta_fields, section_fields
from neslis_desktop.gui.editors.form import FormEditor
from neslis_desktop.model import Block, ProjectMeta, Section
from neslis_desktop.model.edits import block_data, validate_block

__all__ = ["FormEditor", "block_editor", "meta_editor", "section_editor"]


def block_editor(block: Block, folder: Path | None = None) -> FormEditor:
    """The form for ``block``'s kind (see :mod:`neslis_desktop.gui.kinds`), showing ``block``.

    ``folder`` is the project's folder, for fields that show or copy in files (pictures).
    """
    editor = FormEditor(kinds.label(block.kind), kinds.block_fields(block.kind), validate_block)
    editor.project_folder = folder
    editor.set_data(block_data(block))
    return editor


def section_editor(section: Section) -> FormEditor:
    """The form for a section's title and notes; emits ``(title, notes)``."""

    def validate(data: dict[str, Any]) -> tuple[str, str | None]:
        checked = Section.model_validate({"id": section.id, **data})
        return checked.title, checked.notes

    editor = FormEditor(f"Section ({section.id})", section_fields(), validate)
    editor.set_data(section.model_dump(mode="json", include={"title", "notes"}, exclude_none=True))
    return editor


def meta_editor(meta: ProjectMeta) -> FormEditor:
    """The project details form; emits a validated ProjectMeta."""
    editor = FormEditor("Project details", meta_fields(), ProjectMeta.model_validate)
    editor.set_data(meta.model_dump(mode="json", exclude_none=True))
    return editor
