"""What the GUI knows about each block kind, in one table: its label, its one-line summary in
the outline, the small valid block the Add block menu inserts, and the fields of its form.

Adding a kind to the app (a chart, a table, a picture) is one :class:`BlockKindUI` entry here,
its fields in a module of :mod:`neslis_desktop.gui.editors`, and the model's class; nothing
else in the GUI names kinds.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from neslis_desktop.gui.editors import blocks as forms
from neslis_desktop.gui.editors import evidence
from neslis_desktop.gui.editors.fields import F
from neslis_desktop.model import Block, plain_text
from neslis_desktop.model.edits import validate_block


@dataclass(frozen=True)
class BlockKindUI:
    """The GUI's side of one block kind."""

    kind: str
    label: str
    """Shown in menus, the outline and undo texts ('Org chart')."""
    first_words: Callable[[Any], str]
    """The text the outline summary starts from, when the block has no sub-heading."""
    new_data: dict[str, Any]
    """The content of a new block (besides ``kind``): small, valid and easy to overwrite."""
    fields: Callable[[], list[F]]
    """The form's own fields (the common heading and notes are added after them)."""


KINDS: dict[str, BlockKindUI] = {
    k.kind: k
    for k in (
        BlockKindUI("paragraph", "Paragraph", lambda b: b.text, {"text": "New paragraph."}, forms.paragraph_fields),
        BlockKindUI(
            "bullets",
            "Bullet list",
            lambda b: b.lead or b.items[0].text,
            {"items": ["First point", "Second point"]},
            forms.bullets_fields,
        ),
        BlockKindUI(
            "cards",
            "Cards",
            lambda b: b.cards[0].title or b.cards[0].body or "",
            {"cards": [{"title": "Card title", "body": "Card text."}]},
            forms.cards_fields,
        ),
        BlockKindUI(
            "structure",
            "Structure",
            lambda b: b.columns[0].title,
            {"columns": [{"title": "Column", "items": ["Item"]}]},
            forms.structure_fields,
        ),
        BlockKindUI(
            "targets",
            "Targets",
            lambda b: b.goal or b.targets[0].text,
            {"targets": [{"text": "A target"}]},
            forms.targets_fields,
        ),
        BlockKindUI(
            "orgchart",
            "Org chart",
            lambda b: b.nodes[0].title,
            {"nodes": [{"id": "board", "title": "Board"}]},
            forms.orgchart_fields,
        ),
        BlockKindUI(
            "timeline",
            "Timeline",
            lambda b: f"{b.start} to {b.end}",
            {"start": "2019-01", "end": "2019-06", "lanes": [{"name": "Lane"}]},
            forms.timeline_fields,
        ),
        BlockKindUI(
            "flow",
            "Process flow",
            lambda b: b.steps[0].title,
            {"steps": [{"title": "First step"}, {"title": "Second step"}]},
            forms.flow_fields,
        ),
        BlockKindUI(
            "questions",
            "Questions",
            lambda b: b.questions[0],
            {"questions": ["What do you think?"]},
            forms.questions_fields,
        ),
        BlockKindUI("divider", "Divider", lambda b: b.text, {"text": "Questions?"}, forms.divider_fields),
        BlockKindUI(
            "chart",
            "Chart",
            lambda b: b.title,
            {
                "title": "Chart headline",
                "chart_type": "column",
                "categories": ["2017", "2018", "2019"],
                "series": [{"name": "Series 1", "values": [1, 2, 3]}],
            },
            evidence.chart_fields,
        ),
        BlockKindUI(
            "table",
            "Table",
            lambda b: b.caption,
            {"caption": "Table caption", "columns": ["Area", "Value"], "rows": [["North East", 1]]},
            evidence.table_fields,
        ),
        BlockKindUI(
            "picture",
            "Picture",
            lambda b: b.caption or b.alt_text or b.file,
            {"file": "assets/picture.png", "alt_text": "Describe the picture"},  # replaced by the chosen file
            evidence.picture_fields,
        ),
    )
}


def label(kind: str) -> str:
    """The kind's label ('Org chart'); the kind itself for one the GUI does not know."""
    entry = KINDS.get(kind)
    return entry.label if entry is not None else kind


def summary(block: Block) -> str:
    """A short line describing a block for the outline: its kind and its first words."""
    entry = KINDS.get(block.kind)
    text = block.heading or (entry.first_words(block) if entry is not None else "")
    words = " ".join(plain_text(text or "").split())
    if len(words) > 48:
        words = words[:47] + "…"
    return f"{label(block.kind)}: {words}" if words else label(block.kind)


def new_block(kind: str, data: dict[str, Any] | None = None) -> Block:
    """A small valid block of ``kind``, for the Add block menu (``data`` in place of the usual start)."""
    return validate_block({"kind": kind, **(KINDS[kind].new_data if data is None else data)})


def block_fields(kind: str) -> list[F]:
    """The whole form of a block kind: its own fields, then the common heading and notes."""
    return forms.with_common(KINDS[kind].fields())
