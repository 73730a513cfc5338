"""The small editing API of a project: each function changes a Project in place.

Pure Python (no Qt), so every edit is testable on its own. The GUI's project document calls
these and announces each change; its undo commands record indexes and old values and call one
of these to do and another to undo. Values passed in are already validated pydantic objects.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

from pydantic import BaseModel, TypeAdapter

from neslis_desktop.model.blocks import Block
from neslis_desktop.model.project import Project, ProjectMeta, Section, unique_section_id

_BLOCK: TypeAdapter[Block] = TypeAdapter(Block)
_M = TypeVar("_M", bound=BaseModel)


def validate_block(data: Any) -> Block:
    """A block from plain data (raises pydantic's ValidationError with the reason)."""
    return _BLOCK.validate_python(data)


def block_data(block: Block) -> dict[str, Any]:
    """Plain JSON-able data of a block, ``kind`` first (for editors and the clipboard)."""
    data = block.model_dump(mode="json", exclude_none=True)
    return {"kind": block.kind, **{k: v for k, v in data.items() if k != "kind"}}


def clone(item: _M) -> _M:
    """An independent copy of a pydantic content object, made through its data.

    (``model_copy(deep=True)`` cannot copy :class:`~neslis_desktop.model.Month` values.)
    """
    return type(item).model_validate(item.model_dump(mode="json"))


def unique_section(project: Project, section: Section, also_taken: Iterable[str] = ()) -> Section:
    """``section`` with an id no section of ``project`` has (a renamed copy when it must change).

    ``also_taken`` holds ids about to be added alongside (pasting several sections at once).
    """
    taken = {s.id for s in project.sections} | set(also_taken)
    if section.id not in taken:
        return section
    return clone(section).model_copy(update={"id": unique_section_id(section.id, taken)})


def insert_section(project: Project, index: int, section: Section) -> None:
    """Put ``section`` at ``index``; its id must not clash (see :func:`unique_section`)."""
    project.sections.insert(index, section)


def remove_section(project: Project, index: int) -> Section:
    """Take out the section at ``index`` and return it."""
    return project.sections.pop(index)


def move_section(project: Project, src: int, dst: int) -> None:
    """Move the section at ``src`` so that it ends up at index ``dst``."""
    project.sections.insert(dst, project.sections.pop(src))


def replace_section_head(project: Project, index: int, title: str, notes: str | None) -> tuple[str, str | None]:
    """Set a section's title and notes; returns the old pair."""
    old = project.sections[index]
    new = Section.model_validate({"id": old.id, "title": title, "notes": notes, "blocks": []})
    before = (old.title, old.notes)
    project.sections[index] = old.model_copy(update={"title": new.title, "notes": new.notes})
    return before


def insert_block(project: Project, si: int, bi: int, block: Block) -> None:
    """Put ``block`` at position ``bi`` of section ``si``."""
    project.sections[si].blocks.insert(bi, block)


def remove_block(project: Project, si: int, bi: int) -> Block:
    """Take out block ``bi`` of section ``si`` and return it."""
    return project.sections[si].blocks.pop(bi)


def move_block(project: Project, src: tuple[int, int], dst: tuple[int, int]) -> None:
    """Move a block from (section, index) ``src`` to end up at (section, index) ``dst``."""
    block = project.sections[src[0]].blocks.pop(src[1])
    project.sections[dst[0]].blocks.insert(dst[1], block)


def replace_block(project: Project, si: int, bi: int, block: Block) -> Block:
    """Replace block ``bi`` of section ``si``; returns the old block."""
    old = project.sections[si].blocks[bi]
    project.sections[si].blocks[bi] = block
    return old


def replace_meta(project: Project, meta: ProjectMeta) -> ProjectMeta:
    """Replace the project's metadata; returns the old one."""
    old = project.meta
    project.meta = meta
    return old


def starter_project() -> Project:
    """A blank project with one starter section, for File > New."""
    return Project.model_validate(
        {
            "meta": {"title": "Untitled strategy", "organisation": "North East LEP"},
            "sections": [
                {
                    "id": "introduction",
                    "title": "Introduction",
                    "blocks": [{"kind": "paragraph", "text": "Write the introduction here."}],
                }
            ],
        }
    )
