"""What the GUI knows about each block kind, one module per kind, collected here.

Each module of this package is named after a model kind (``chart.py`` for ``kind: chart``) and
holds a ``KIND``: a :class:`BlockKindUI` with the kind's label, its one-line summary in the
outline, the small valid block the Add block menu inserts, and the fields of its editor form.
This registry imports the module of every kind in :data:`neslis_desktop.model.BLOCK_KINDS`, in
that order, so adding a kind to the app is one new module here; nothing else in the GUI names
kinds. ``tests/gui/test_kinds.py`` checks that every model kind has exactly one module.
"""

from __future__ import annotations

import importlib
from typing import Any

from neslis_desktop.gui.editors.fields import F, with_common
from neslis_desktop.gui.kinds._ui import BlockKindUI
from neslis_desktop.model import BLOCK_KINDS, Block, plain_text
from neslis_desktop.model.edits import validate_block

__all__ = ["KINDS", "BlockKindUI", "block_fields", "label", "new_block", "summary"]


def _collect() -> dict[str, BlockKindUI]:
    """The ``KIND`` of each model kind's module, in the model's order; a clear error for a missing one."""
    found: dict[str, BlockKindUI] = {}
    for kind in BLOCK_KINDS:
        name = f"{__name__}.{kind}"
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            raise ImportError(
                f"block kind '{kind}' has no GUI module: add neslis_desktop/gui/kinds/{kind}.py "
                "(see CONTRIBUTING.md, 'Adding a block kind, end to end')"
            ) from None
        entry = getattr(module, "KIND", None)
        if not isinstance(entry, BlockKindUI) or entry.kind != kind:
            raise ImportError(f"{name} must define KIND = BlockKindUI('{kind}', ...)")
        found[kind] = entry
    return found


KINDS: dict[str, BlockKindUI] = _collect()
"""Every block kind's GUI entry by kind, in the order the Add block menu offers them."""


def label(kind: str) -> str:
    """The kind's label ('Org chart'); the kind itself for one the GUI does not know."""
    entry = KINDS.get(kind)
    return entry.label if entry is not None else kind


def summary(block: Block) -> str:
    """A short line describing a block for the outline: its kind and its first words."""
    entry = KINDS.get(block.kind)
    text = block.heading or (entry.first_words(block) if entry is not None else "")
    words = " ".join(plain_text(text or "").split())
    if len(words) > 48:
        words = words[:47] + "…"
    return f"{label(block.kind)}: {words}" if words else label(block.kind)


def new_block(kind: str, data: dict[str, Any] | None = None) -> Block:
    """A small valid block of ``kind``, for the Add block menu (``data`` in place of the usual start)."""
    return validate_block({"kind": kind, **(KINDS[kind].new_data if data is None else data)})


def block_fields(kind: str) -> list[F]:
    """The whole form of a block kind: its own fields, then the common heading and notes."""
    return with_common(KINDS[kind].fields())
