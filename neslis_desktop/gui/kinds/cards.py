"""The cards kind in the GUI: a grid of titled cards with intro and footer lines."""

from __future__ import annotations

from neslis_desktop.gui.editors.fields import F
from neslis_desktop.gui.kinds._ui import BlockKindUI


def fields() -> list[F]:
    card = [
        F("title", "Title", optional=True),
        F("body", "Text", "markup", optional=True),
        F("bullets", "Sub-bullets", "bullets", optional=True),
        F("wide", "Span the whole width", "check"),
        F("highlight", "Highlight in the accent colour", "check"),
    ]
    return [
        F("intro", "Intro lines (one per line)", "lines", optional=True),
        F("cards", "Cards", "list", item=card, new=lambda r: {"title": "New card"}, noun="card"),
        F("footer", "Footer line", optional=True),
        F("columns", "Cards per row", "int", optional=True, minimum=0, maximum=4, special="Automatic"),
    ]


KIND = BlockKindUI(
    "cards",
    "Cards",
    lambda b: b.cards[0].title or b.cards[0].body or "",
    {"cards": [{"title": "Card title", "body": "Card text."}]},
    fields,
)
