"""The timeline kind in the GUI: months, lanes of milestones and spans across them."""

from __future__ import annotations

from typing import Any

from neslis_desktop.gui.editors.fields import F
from neslis_desktop.gui.kinds._ui import BlockKindUI


def _lane_names(root: dict[str, Any], item: dict[str, Any]) -> list[str]:
    return [""] + [lane.get("name", "") for lane in root.get("lanes", []) if lane.get("name")]


def fields() -> list[F]:
    milestone = [F("month", "Month", "month"), F("text", "What happens", "text")]
    lane = [
        F("name", "Lane name", renames=("spans", "lane"), rebuild=True),
        F(
            "milestones",
            "Milestones",
            "list",
            item=milestone,
            new=lambda r: {"month": r.get("start"), "text": "New milestone"},
            noun="milestone",
        ),
    ]
    span = [
        F("text", "What runs"),
        F("start", "From", "month"),
        F("end", "To", "month"),
        F("lane", "Lane", "combo", optional=True, options=_lane_names),
    ]
    return [
        F("start", "First month", "month"),
        F("end", "Last month", "month"),
        F("lanes", "Lanes", "list", item=lane, new=lambda r: {"name": "New lane"}, noun="lane"),
        F(
            "spans",
            "Spans",
            "list",
            item=span,
            new=lambda r: {"text": "New span", "start": r.get("start"), "end": r.get("start")},
            noun="span",
        ),
    ]


KIND = BlockKindUI(
    "timeline",
    "Timeline",
    lambda b: f"{b.start} to {b.end}",
    {"start": "2019-01", "end": "2019-06", "lanes": [{"name": "Lane"}]},
    fields,
)
