"""The paragraph kind in the GUI: one text with inline emphasis."""

from __future__ import annotations

from neslis_desktop.gui.editors.fields import F
from neslis_desktop.gui.kinds._ui import BlockKindUI


def fields() -> list[F]:
    return [F("text", "Text", "markup")]


KIND = BlockKindUI("paragraph", "Paragraph", lambda b: b.text, {"text": "New paragraph."}, fields)
