"""Undo commands: every edit of the project is one of these, pushed on a QUndoStack.

Each command calls the :class:`~neslis_desktop.gui.document.ProjectDocument`'s edit methods,
never a widget; the document announces the change and the views follow. Each command records
indexes (and the old value) so that undo restores the item in place.
Compound edits (delete several blocks, paste several) are a parent command with children.
Typing in an editor pushes :class:`ReplaceBlock`/:class:`EditMeta`/:class:`EditSectionHead`
commands that merge while the same field of the same item is being typed into.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from neslis_desktop.gui.document import ProjectDocument
from neslis_desktop.gui.kinds import label
from neslis_desktop.model import Block, ProjectMeta, Section
from neslis_desktop.model.packs import Pack

_MERGE_BLOCK, _MERGE_META, _MERGE_HEAD, _MERGE_PACKS = 1001, 1002, 1003, 1004


class Compound(QUndoCommand):
    """Several commands as one undo step (delete several items, paste several blocks).

    The children are kept in a Python list rather than as Qt child commands, so that Python
    alone owns them and no C++ object is ever freed twice.
    """

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.kids: list[QUndoCommand] = []

    def redo(self) -> None:
        for kid in self.kids:
            kid.redo()

    def undo(self) -> None:
        for kid in reversed(self.kids):
            kid.undo()


class _Command(QUndoCommand):
    """Base of the commands; given a :class:`Compound` parent, a command joins it."""

    def __init__(self, text: str, parent: Compound | None = None) -> None:
        super().__init__(text)
        if parent is not None:
            parent.kids.append(self)


class InsertSection(_Command):
    """Add a section at an index (new, duplicated or pasted)."""

    def __init__(self, doc: ProjectDocument, index: int, section: Section, parent: Compound | None = None) -> None:
        super().__init__(f"Add section '{section.title}'", parent)
        self.doc, self.index, self.section = doc, index, section

    def redo(self) -> None:
        self.doc.insert_section(self.index, self.section)

    def undo(self) -> None:
        self.section = self.doc.remove_section(self.index)


class RemoveSection(_Command):
    """Delete a section; undo puts it back at the same index."""

    def __init__(self, doc: ProjectDocument, index: int, parent: Compound | None = None) -> None:
        super().__init__(f"Delete section '{doc.project.sections[index].title}'", parent)
        self.doc, self.index = doc, index
        self.section: Section | None = None

    def redo(self) -> None:
        self.section = self.doc.remove_section(self.index)

    def undo(self) -> None:
        assert self.section is not None
        self.doc.insert_section(self.index, self.section)


class MoveSection(_Command):
    """Reorder a section."""

    def __init__(self, doc: ProjectDocument, src: int, dst: int, parent: Compound | None = None) -> None:
        super().__init__("Move section", parent)
        self.doc, self.src, self.dst = doc, src, dst

    def redo(self) -> None:
        self.doc.move_section(self.src, self.dst)

    def undo(self) -> None:
        self.doc.move_section(self.dst, self.src)


class EditSectionHead(_Command):
    """Change a section's title and notes."""

    def __init__(self, doc: ProjectDocument, index: int, title: str, notes: str | None, field: str = "") -> None:
        super().__init__("Edit section")
        self.doc, self.index, self.new = doc, index, (title, notes)
        cur = doc.project.sections[index]
        self.old = (cur.title, cur.notes)
        self.field = field

    def id(self) -> int:
        return _MERGE_HEAD

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditSectionHead) or (other.index, other.field) != (self.index, self.field):
            return False
        self.new = other.new
        return True

    def redo(self) -> None:
        self.doc.set_section_head(self.index, *self.new)

    def undo(self) -> None:
        self.doc.set_section_head(self.index, *self.old)


class InsertBlock(_Command):
    """Add a block at (section, index)."""

    def __init__(self, doc: ProjectDocument, si: int, bi: int, block: Block, parent: Compound | None = None) -> None:
        super().__init__(f"Add {label(block.kind).lower()}", parent)
        self.doc, self.si, self.bi, self.block = doc, si, bi, block

    def redo(self) -> None:
        self.doc.insert_block(self.si, self.bi, self.block)

    def undo(self) -> None:
        self.block = self.doc.remove_block(self.si, self.bi)


class RemoveBlock(_Command):
    """Delete a block; undo puts it back in place."""

    def __init__(self, doc: ProjectDocument, si: int, bi: int, parent: Compound | None = None) -> None:
        kind = doc.project.sections[si].blocks[bi].kind
        super().__init__(f"Delete {label(kind).lower()}", parent)
        self.doc, self.si, self.bi = doc, si, bi
        self.block: Block | None = None

    def redo(self) -> None:
        self.block = self.doc.remove_block(self.si, self.bi)

    def undo(self) -> None:
        assert self.block is not None
        self.doc.insert_block(self.si, self.bi, self.block)


class MoveBlock(_Command):
    """Move a block within or between sections."""

    def __init__(
        self, doc: ProjectDocument, src: tuple[int, int], dst: tuple[int, int], parent: Compound | None = None
    ) -> None:
        super().__init__("Move block", parent)
        self.doc, self.src, self.dst = doc, src, dst

    def redo(self) -> None:
        self.doc.move_block(self.src, self.dst)

    def undo(self) -> None:
        self.doc.move_block(self.dst, self.src)


class ReplaceBlock(_Command):
    """Replace a block by an edited (already validated) copy; merges while typing one field."""

    def __init__(self, doc: ProjectDocument, si: int, bi: int, block: Block, field: str = "") -> None:
        super().__init__(f"Edit {label(block.kind).lower()}")
        self.doc, self.si, self.bi, self.new = doc, si, bi, block
        self.old = doc.project.sections[si].blocks[bi]
        self.field = field

    def id(self) -> int:
        return _MERGE_BLOCK

    def mergeWith(self, other: QUndoCommand) -> bool:
        if (
            not isinstance(other, ReplaceBlock)
            or not self.field
            or (other.si, other.bi, other.field) != (self.si, self.bi, self.field)
        ):
            return False
        self.new = other.new
        return True

    def redo(self) -> None:
        self.doc.replace_block(self.si, self.bi, self.new)

    def undo(self) -> None:
        self.doc.replace_block(self.si, self.bi, self.old)


class EditMeta(_Command):
    """Replace the project's metadata by an edited (validated) copy."""

    def __init__(self, doc: ProjectDocument, meta: ProjectMeta, field: str = "") -> None:
        super().__init__("Edit project details")
        self.doc, self.new, self.old, self.field = doc, meta, doc.project.meta, field

    def id(self) -> int:
        return _MERGE_META

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditMeta) or not self.field or other.field != self.field:
            return False
        self.new = other.new
        return True

    def redo(self) -> None:
        self.doc.set_meta(self.new)

    def undo(self) -> None:
        self.doc.set_meta(self.old)


class EditPacks(_Command):
    """Replace the project's packs by an edited (validated) list; merges while one field is typed."""

    def __init__(
        self,
        doc: ProjectDocument,
        packs: list[Pack],
        field: str = "",
        text: str = "Edit packs",
        parent: Compound | None = None,
    ) -> None:
        super().__init__(text, parent)
        self.doc, self.new, self.old, self.field = doc, list(packs), list(doc.project.packs), field

    def id(self) -> int:
        return _MERGE_PACKS

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditPacks) or not self.field or other.field != self.field:
            return False
        self.new = other.new
        return True

    def redo(self) -> None:
        self.doc.set_packs(self.new)

    def undo(self) -> None:
        self.doc.set_packs(self.old)


class SetSectionTags(_Command):
    """Replace the tags of one section (packs pick sections by tag)."""

    def __init__(self, doc: ProjectDocument, index: int, tags: list[str]) -> None:
        super().__init__(f"Tag section '{doc.project.sections[index].title}'")
        self.doc, self.index, self.new = doc, index, list(tags)
        self.old = list(doc.project.sections[index].tags)

    def redo(self) -> None:
        self.doc.set_section_tags(self.index, self.new)

    def undo(self) -> None:
        self.doc.set_section_tags(self.index, self.old)


def compound(text: str) -> Compound:
    """A parent command whose children do the work (one undo step for several edits)."""
    return Compound(text)
