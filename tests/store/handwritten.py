"""Project files as a person types them: exact text, never produced by our own dumper."""

from __future__ import annotations

from pathlib import Path

HAND_PROJECT = """\
schema_version: 2
title: Hand-written strategy
organisation: Test LEP
sections:
- intro
- governance
"""

HAND_INTRO = """\
title: Introduction
blocks:
- kind: paragraph
  text: Written by hand, the way an officer writes it.
"""

HAND_GOVERNANCE = """\
title: Governance
blocks:
- kind: orgchart
  nodes:
  - id: board
    title: LEP Board
  - id: group
    title: Working Group
    parent: board
"""


def write_by_hand(folder: Path, files: dict[str, str]) -> Path:
    """Write ``files`` (relative path -> exact text) into ``folder``, as a person types them."""
    for rel, text in files.items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
    return folder
