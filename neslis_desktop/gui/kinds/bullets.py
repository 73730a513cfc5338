"""The bullet list kind in the GUI: a lead-in line and nested bullets."""

from __future__ import annotations

from neslis_desktop.gui.editors.fields import F
from neslis_desktop.gui.kinds._ui import BlockKindUI


def fields() -> list[F]:
    return [
        F("lead", "Lead-in line", optional=True, help="Such as 'It will:'"),
        F("items", "Bullets", "bullets"),
        F("numbered", "Number the items (1, 2, 3)", "check"),
    ]


KIND = BlockKindUI(
    "bullets",
    "Bullet list",
    lambda b: b.lead or b.items[0].text,
    {"items": ["First point", "Second point"]},
    fields,
)
