"""The divider kind in the GUI: a big line such as 'Questions?' on a slide of its own."""

from __future__ import annotations

from neslis_desktop.gui.editors.fields import F
from neslis_desktop.gui.kinds._ui import BlockKindUI


def fields() -> list[F]:
    return [F("text", "Big text"), F("subtitle", "Smaller line", optional=True)]


KIND = BlockKindUI("divider", "Divider", lambda b: b.text, {"text": "Questions?"}, fields)
