"""The structure kind in the GUI: titled columns of entries (foundations, challenges, deals)."""

from __future__ import annotations

from neslis_desktop.gui.editors.fields import F
from neslis_desktop.gui.kinds._ui import BlockKindUI


def fields() -> list[F]:
    entry = [F("label", "Label"), F("aim", "Aim", optional=True)]
    column = [
        F("title", "Column title"),
        F("note", "Small print", optional=True),
        F("items", "Entries", "list", item=entry, new=lambda r: {"label": "New entry"}, noun="entry"),
    ]
    return [
        F(
            "columns",
            "Columns",
            "list",
            item=column,
            new=lambda r: {"title": "New column", "items": [{"label": "Entry"}]},
            noun="column",
        ),
    ]


KIND = BlockKindUI(
    "structure",
    "Structure",
    lambda b: b.columns[0].title,
    {"columns": [{"title": "Column", "items": ["Item"]}]},
    fields,
)
