"""Outline operations: add, delete, duplicate, move, paste, each turned from a place in the outline
into one undo command on the project document.

Every function here is given the document and a location (``(section, None)`` for a section,
``(section, block)`` for a block, None for the project itself) and returns an :class:`Op`: the
command to push and the item to select afterwards, or None when there is nothing to do. No
widget is involved, so each is tested by pushing the command on a bare ``QUndoStack``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtGui import QUndoCommand

from neslis_desktop.gui import commands as cmd
from neslis_desktop.gui import kinds
from neslis_desktop.gui.document import ProjectDocument
from neslis_desktop.model import Block, Section
from neslis_desktop.model.edits import clone, unique_section
from neslis_desktop.model.packs import rename_section_in_packs

Loc = tuple[int, int | None]


@dataclass
class Op:
    """An outline operation ready to push: its command, and what to select after it."""

    command: QUndoCommand
    select: Loc | None
    """The item to select once pushed; None for the project details."""
    near: bool = False
    """``select`` may no longer exist (after a delete): select the closest item there is."""


def add_section(doc: ProjectDocument, loc: Loc | None) -> Op:
    """A new section after the current one (at the end when none is current)."""
    sections = doc.project.sections
    index = len(sections) if loc is None else loc[0] + 1
    section = Section(id=doc.project.new_section_id("New section"), title="New section")
    return Op(cmd.InsertSection(doc, index, section), (index, None))


def add_block(doc: ProjectDocument, loc: Loc | None, kind: str, data: dict[str, Any] | None = None) -> Op:
    """A new block of ``kind`` after the current block (at the end of the current or last
    section); in a project with no section yet, a new section holding it. ``data`` replaces
    the kind's starting content (a picture block made from a chosen file)."""
    block = kinds.new_block(kind, data)
    sections = doc.project.sections
    if not sections:
        parent = cmd.compound(f"Add {kinds.label(kind).lower()}")
        section = Section(id=doc.project.new_section_id("New section"), title="New section")
        cmd.InsertSection(doc, 0, section, parent)
        cmd.InsertBlock(doc, 0, 0, block, parent)
        return Op(parent, (0, 0))
    si, bi = (len(sections) - 1, None) if loc is None else loc
    index = len(sections[si].blocks) if bi is None else bi + 1
    return Op(cmd.InsertBlock(doc, si, index, block), (si, index))


def delete(doc: ProjectDocument, locs: Sequence[Loc]) -> Op | None:
    """Delete the sections and blocks at ``locs`` as one step (blocks of a deleted section go with it)."""
    if not locs:
        return None
    sections = {si for si, bi in locs if bi is None}
    blocks = [(si, bi) for si, bi in locs if bi is not None and si not in sections]
    parent = cmd.compound("Delete" if len(locs) > 1 else "")
    # Remove from the end backwards so the recorded indexes stay right for undo.
    for si, bi in sorted(blocks, reverse=True):
        cmd.RemoveBlock(doc, si, bi, parent)
    for si in sorted(sections, reverse=True):
        cmd.RemoveSection(doc, si, parent)
    # Packs that name a deleted section stop naming it, in the same undo step.
    packs = [p.model_copy(deep=True) for p in doc.project.packs]
    for si in sections:
        rename_section_in_packs(packs, doc.project.sections[si].id, None)
    if packs != list(doc.project.packs):
        cmd.EditPacks(doc, packs, parent=parent)
    if len(parent.kids) == 1:
        parent.setText(parent.kids[0].text())
    first = min(locs, key=lambda loc: (loc[0], loc[1] if loc[1] is not None else -1))
    return Op(parent, first, near=True)


def duplicate(doc: ProjectDocument, loc: Loc | None) -> Op | None:
    """A copy of the current section (with a new id) or block, just after it."""
    if loc is None:
        return None
    si, bi = loc
    if bi is None:
        copy = unique_section(doc.project, clone(doc.project.sections[si]))
        return Op(cmd.InsertSection(doc, si + 1, copy), (si + 1, None))
    block = clone(doc.project.sections[si].blocks[bi])
    return Op(cmd.InsertBlock(doc, si, bi + 1, block), (si, bi + 1))


def move(doc: ProjectDocument, loc: Loc | None, step: int) -> Op | None:
    """Move the current section or block ``step`` places (-1 up, 1 down), within its list."""
    if loc is None:
        return None
    si, bi = loc
    if bi is None:
        dst = si + step
        if 0 <= dst < len(doc.project.sections):
            return Op(cmd.MoveSection(doc, si, dst), (dst, None))
        return None
    dst = bi + step
    if 0 <= dst < len(doc.project.sections[si].blocks):
        return Op(cmd.MoveBlock(doc, (si, bi), (si, dst)), (si, dst))
    return None


def drag_move(doc: ProjectDocument, src: Loc, dst: Loc) -> Op:
    """The move a drag in the outline asked for (see ``OutlineModel.dropMimeData``)."""
    if src[1] is None or dst[1] is None:
        return Op(cmd.MoveSection(doc, src[0], dst[0]), (dst[0], None))
    return Op(cmd.MoveBlock(doc, (src[0], src[1]), (dst[0], dst[1])), dst)


class NoSectionForBlocks(Exception):
    """Blocks cannot be pasted into a project with no section."""


def paste(doc: ProjectDocument, loc: Loc | None, blocks: Sequence[Block], sections: Sequence[Section]) -> Op | None:
    """Insert pasted sections after the current section (new ids where they clash), or pasted
    blocks after the current block; None when there is nothing to paste.

    Raises :class:`NoSectionForBlocks` for blocks pasted into a project without sections.
    """
    parent = cmd.compound("Paste")
    project = doc.project
    if sections:
        index = len(project.sections) if loc is None else loc[0] + 1
        added: list[str] = []
        for offset, section in enumerate(sections):
            fresh = unique_section(project, section, added)
            added.append(fresh.id)
            cmd.InsertSection(doc, index + offset, fresh, parent)
        return Op(parent, (index, None))
    if not blocks:
        return None
    if loc is None:
        if not project.sections:
            raise NoSectionForBlocks
        loc = (len(project.sections) - 1, None)
    si, bi = loc
    index = len(project.sections[si].blocks) if bi is None else bi + 1
    for offset, block in enumerate(blocks):
        cmd.InsertBlock(doc, si, index + offset, block, parent)
    return Op(parent, (si, index))


def insert_sections(doc: ProjectDocument, index: int, sections: Sequence[Section]) -> Op | None:
    """Insert ``sections`` (from another project: a drag from another window) at ``index``,
    renamed where their ids clash; None when there are none."""
    if not sections:
        return None
    parent = cmd.compound("Copy section" if len(sections) == 1 else "Copy sections")
    index = max(0, min(index, len(doc.project.sections)))
    added: list[str] = []
    for offset, section in enumerate(sections):
        fresh = unique_section(doc.project, section, added)
        added.append(fresh.id)
        cmd.InsertSection(doc, index + offset, fresh, parent)
    return Op(parent, (index, None))
