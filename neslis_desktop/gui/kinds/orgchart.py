"""The org chart kind in the GUI: boxes, each reporting to another by its identifier."""

from __future__ import annotations

import itertools
from typing import Any

from neslis_desktop.gui.editors.fields import F
from neslis_desktop.gui.kinds._ui import BlockKindUI


def _node_ids(root: dict[str, Any], item: dict[str, Any]) -> list[str]:
    return [""] + [n.get("id", "") for n in root.get("nodes", []) if n is not item and n.get("id")]


_numbers = itertools.count(1)


def _new_node(root: dict[str, Any]) -> dict[str, Any]:
    return {"id": f"new-box-{next(_numbers)}", "title": "New box"}


def fields() -> list[F]:
    node = [
        F("id", "Identifier", help="lower-case-with-hyphens", renames=("nodes", "parent"), rebuild=True),
        F("title", "Name"),
        F("parent", "Reports to", "combo", optional=True, options=_node_ids),
        F("side_label", "Side label", optional=True, help="Such as 'Decision making'"),
        F("note", "Small print", optional=True),
        F("members_heading", "Members heading", optional=True, help="Such as 'Representatives from:'"),
        F("members", "Members (one per line)", "lines", optional=True),
    ]
    return [F("nodes", "Boxes", "list", item=node, new=_new_node, noun="box")]


KIND = BlockKindUI(
    "orgchart", "Org chart", lambda b: b.nodes[0].title, {"nodes": [{"id": "board", "title": "Board"}]}, fields
)
