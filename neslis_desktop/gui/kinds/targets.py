"""The targets kind in the GUI: a goal and its target tiles."""

from __future__ import annotations

from neslis_desktop.gui.editors.fields import F
from neslis_desktop.gui.kinds._ui import BlockKindUI


def fields() -> list[F]:
    target = [F("text", "Target", "text"), F("figure", "Headline figure", optional=True)]
    return [
        F("goal", "Goal", optional=True),
        F("label", "Label for the tiles", optional=True, help="Such as '6 Targets'"),
        F("targets", "Targets", "list", item=target, new=lambda r: {"text": "New target"}, noun="target"),
        F("footer", "Lines below the tiles (one per line)", "lines", optional=True),
    ]


KIND = BlockKindUI(
    "targets",
    "Targets",
    lambda b: b.goal or b.targets[0].text,
    {"targets": [{"text": "A target"}]},
    fields,
)
