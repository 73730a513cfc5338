"""Names that point at other items (an org chart box's ``parent``, a timeline span's ``lane``),
checked in the file's own data so that each wrong one is reported at its own line.

The models check these too, but a model check runs only once every field of the block is
valid, stops at the first wrong name, and can point only at the block. A person writing the
file by hand wants every problem in one pass, each at the field that is wrong. So the store
checks the raw data itself, and drops the model's block-level message for the same fault.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from neslis_desktop.errors import Problem
from neslis_desktop.store.messages import field_words

Loc = tuple[str | int, ...]
"""A path into a file's data, such as ``("blocks", 0, "nodes", 1, "parent")``."""

# The models' own messages for the faults found here (model/blocks.py), dropped as duplicates.
MODEL_MESSAGES = re.compile(
    r"^node '.*' names parent '.*', which is not a node id|^span '.*' names lane '.*', which is not a lane"
)


def reference_problems(data: dict[str, Any], file: Path, line_of: Callable[[Loc], int | None]) -> list[Problem]:
    """Every ``parent`` naming no box and every span ``lane`` naming no lane, in ``data`` (a section)."""
    blocks = data.get("blocks")
    if not isinstance(blocks, list):
        return []
    problems: list[Problem] = []
    for b, block in enumerate(blocks):
        if not isinstance(block, dict):
            continue
        found: list[tuple[Loc, str]] = []
        if block.get("kind") == "orgchart":
            found = _parents(block)
        elif block.get("kind") == "timeline":
            found = _lanes(block)
        for loc, message in found:
            full = ("blocks", b, *loc)
            problems.append(Problem(file, field_words(full), message, line_of(full)))
    return problems


def _parents(block: dict[str, Any]) -> list[tuple[Loc, str]]:
    nodes = block.get("nodes")
    if not isinstance(nodes, list):
        return []
    ids = [n["id"] for n in nodes if isinstance(n, dict) and isinstance(n.get("id"), str)]
    found: list[tuple[Loc, str]] = []
    for i, node in enumerate(nodes):
        parent = node.get("parent") if isinstance(node, dict) else None
        if isinstance(parent, str) and parent not in ids:
            found.append(
                (
                    ("nodes", i, "parent"),
                    f"'{parent}' is not the id of a box in this org chart; use one of: "
                    f"{', '.join(ids) or '(no ids yet)'}",
                )
            )
    return found


def _lanes(block: dict[str, Any]) -> list[tuple[Loc, str]]:
    spans, lanes = block.get("spans"), block.get("lanes")
    if not isinstance(spans, list):
        return []
    names = (
        [lane["name"] for lane in lanes if isinstance(lane, dict) and isinstance(lane.get("name"), str)]
        if (isinstance(lanes, list))
        else []
    )
    found: list[tuple[Loc, str]] = []
    for i, span in enumerate(spans):
        lane = span.get("lane") if isinstance(span, dict) else None
        if isinstance(lane, str) and lane not in names:
            known = ", ".join(names) or "(no lanes yet)"
            found.append(
                (("spans", i, "lane"), f"'{lane}' is not the name of a lane in this timeline; use one of: {known}")
            )
    return found


def is_model_duplicate(problem_message: str) -> bool:
    """Whether a model's block-level message is one of the faults :func:`reference_problems` reports."""
    return MODEL_MESSAGES.match(problem_message) is not None
