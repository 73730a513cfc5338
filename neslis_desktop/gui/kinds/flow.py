"""The process flow kind in the GUI: steps in order, each with notes."""

from __future__ import annotations

from neslis_desktop.gui.editors.fields import F
from neslis_desktop.gui.kinds._ui import BlockKindUI


def fields() -> list[F]:
    step = [F("title", "Step", "text"), F("notes", "Notes (one per line)", "lines", optional=True)]
    return [F("steps", "Steps", "list", item=step, new=lambda r: {"title": "New step"}, noun="step")]


KIND = BlockKindUI(
    "flow",
    "Process flow",
    lambda b: b.steps[0].title,
    {"steps": [{"title": "First step"}, {"title": "Second step"}]},
    fields,
)
