"""Synthetic projects 1x, 10x, 50x the bundled one, for measuring how builds scale.

Each copy of the bundled sections gets new section ids and varied text (the words of every
free-text field rotated by the copy number), so nothing can be cached by identity while the
amount of text, the block kinds and the layout problems stay those of the real content.
References that must match (org-chart ids and parents, timeline lane names, months) are
left alone so every copy stays valid.

Usage: ``python bench/synth.py FACTOR OUT_DIR`` writes a project folder.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from neslis_desktop.model import Project
from neslis_desktop.resources import bundled_project
from neslis_desktop.store import load_project, save_project

# Keys whose strings (or lists of strings) are prose a reader sees, safe to vary.
_FREE = {
    "text",
    "title",
    "body",
    "lead",
    "intro",
    "footer",
    "note",
    "aim",
    "goal",
    "questions",
    "notes",
    "members",
    "members_heading",
    "label",
    "heading",
    "subtitle",
    "items",
}


def _vary(text: str, k: int) -> str:
    if k == 0:
        return text
    lines = []
    for line in text.split("\n"):
        words = line.split(" ")
        shift = k % len(words) if len(words) > 1 else 0
        lines.append(" ".join(words[shift:] + words[:shift]))
    return "\n".join(lines)


def _walk(node: Any, k: int, free: bool = False) -> Any:
    if isinstance(node, str):
        return _vary(node, k) if free else node
    if isinstance(node, list):
        return [_walk(item, k, free) for item in node]
    if isinstance(node, dict):
        return {key: _walk(value, k, key in _FREE) for key, value in node.items()}
    return node


def synth_project(base: Project, factor: int) -> Project:
    """``base`` with its sections repeated ``factor`` times, ids renamed, text varied."""
    data = base.model_dump(mode="json")
    sections = []
    for k in range(factor):
        for section in data["sections"]:
            copy = _walk(section, k)
            copy["id"] = section["id"] if k == 0 else f"{section['id']}-x{k}"
            copy["title"] = section["title"] if k == 0 else f"{_vary(section['title'], k)} ({k + 1})"
            sections.append(copy)
    data["sections"] = sections
    data["meta"]["slug"] = f"{base.meta.file_slug()}-{factor}x"
    return Project.model_validate(data)


def write_synth(factor: int, folder: Path, base: Path | None = None) -> Path:
    """Write the ``factor``-times project into ``folder`` (made if needed); returns ``folder``."""
    project = synth_project(load_project(base or bundled_project()), factor)
    folder.mkdir(parents=True, exist_ok=True)
    save_project(project, folder)
    return folder


if __name__ == "__main__":
    if len(sys.argv) != 3 or not sys.argv[1].isdigit():
        sys.exit("usage: python bench/synth.py FACTOR OUT_DIR")
    print(write_synth(int(sys.argv[1]), Path(sys.argv[2])))
