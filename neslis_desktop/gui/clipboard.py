"""Cut, copy and paste of blocks and sections, between sections and between projects.

The clipboard holds JSON under a custom MIME type, plus the same content as YAML text so a
paste into an e-mail or text editor is readable. Pasting validates every item again, so
nothing invalid enters a project from outside.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import QMimeData

from neslis_desktop.model import Block, Section
from neslis_desktop.model.edits import block_data, validate_block
from neslis_desktop.store import yamlio

MIME = "application/x-neslis-items+json"


def to_mime(blocks: Sequence[Block] = (), sections: Sequence[Section] = ()) -> QMimeData:
    payload = {
        "blocks": [block_data(b) for b in blocks],
        "sections": [s.model_dump(mode="json", exclude_none=True) for s in sections],
    }
    mime = QMimeData()
    mime.setData(MIME, json.dumps(payload).encode("utf-8"))
    shown = payload["sections"] or payload["blocks"]
    import yaml  # at the first copy, not at the app's start (~8 ms)

    mime.setText(yaml.safe_dump(shown, allow_unicode=True, sort_keys=False))
    return mime


def from_mime(mime: QMimeData) -> tuple[list[Block], list[Section]]:
    """(blocks, sections) held by ``mime``; empty when it holds none (or only invalid data)."""
    data: Any = None
    if mime.hasFormat(MIME):
        try:
            data = json.loads(bytes(mime.data(MIME).data()).decode("utf-8"))
        except ValueError:
            data = None
    elif mime.hasText():
        try:
            # The store's parser: safe loader, and alias bombs, deep nesting and impossible
            # dates refused (PyYAML raises a plain ValueError on some of those).
            data = yamlio.parse(mime.text())[0]
        except ValueError:  # yamlio.YamlSyntaxError, and PyYAML's plain ValueErrors
            return [], []
        if isinstance(data, dict):
            data = [data]
        if isinstance(data, list):
            data = {
                "blocks": [d for d in data if isinstance(d, dict) and "kind" in d],
                "sections": [d for d in data if isinstance(d, dict) and "blocks" in d and "id" in d],
            }
    if not isinstance(data, dict):
        return [], []
    blocks: list[Block] = []
    sections: list[Section] = []
    try:
        blocks = [validate_block(b) for b in data.get("blocks", [])]
        sections = [Section.model_validate(s) for s in data.get("sections", [])]
    except (ValidationError, TypeError):
        return [], []
    return blocks, sections
