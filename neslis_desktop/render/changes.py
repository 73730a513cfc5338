"""The generated "Changes since <snapshot>" section a pack can open with.

In a deck it is an ordinary bullets block (each changed section, what changed under it), so
the planner and writer draw and continue it like any other. In the draft it is a table of
what changed per section: :class:`ChangeTable`, a render-only block the draft's block writer
draws as a table. It is never written to a content file.
"""

from __future__ import annotations

from dataclasses import dataclass

from neslis_desktop.model import BulletItem, BulletsBlock, ParagraphBlock, Project, Section
from neslis_desktop.model.diff import diff_projects
from neslis_desktop.model.inline import escape, plain_text
from neslis_desktop.model.packs import PackKind
from neslis_desktop.model.text import MAX_TITLE
from neslis_desktop.render.diff_report import section_summaries

CHANGES_ID = "changes-since"


@dataclass
class ChangeTable:
    """Rows of (section title, sentences of what changed) for the draft's "Changes since" table."""

    rows: list[tuple[str, list[str]]]
    caption: str
    kind: str = "changes"
    heading: str | None = None
    notes: str | None = None


def changes_section(old: Project, new: Project, snapshot_name: str, kind: PackKind) -> Section:
    """A section saying what changed from ``old`` to ``new`` (both already cut to the pack's sections)."""
    title = f'Changes since "{plain_text(snapshot_name)}"'
    if len(title) > MAX_TITLE:
        title = title[: MAX_TITLE - 1].rstrip() + "…"
    title = escape(title)
    rows = [
        (escape(plain_text(name)), [escape(line) for line in lines])
        for name, lines in section_summaries(diff_projects(old, new))
    ]
    if not rows:
        block = ParagraphBlock(text=f"Nothing in these sections has changed since {escape(plain_text(snapshot_name))}.")
        return Section(id=CHANGES_ID, title=title, blocks=[block])
    if kind is PackKind.DECK:
        items = [BulletItem(text=name, items=[BulletItem(text=line) for line in lines]) for name, lines in rows]
        return Section(id=CHANGES_ID, title=title, blocks=[BulletsBlock(items=items)])
    # The draft's table is not a content block: the section is put together without validating it.
    return Section.model_construct(
        id=CHANGES_ID,
        title=title,
        tags=[],
        notes=None,
        blocks=[ChangeTable(rows, caption=title)],  # type: ignore[list-item]
    )
