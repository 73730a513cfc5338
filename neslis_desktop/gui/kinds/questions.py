"""The questions kind in the GUI: an intro line and numbered discussion questions."""

from __future__ import annotations

from neslis_desktop.gui.editors.fields import F
from neslis_desktop.gui.kinds._ui import BlockKindUI


def fields() -> list[F]:
    return [
        F("intro", "Intro line", optional=True),
        F("questions", "Questions (one per line)", "lines"),
    ]


KIND = BlockKindUI("questions", "Questions", lambda b: b.questions[0], {"questions": ["What do you think?"]}, fields)
