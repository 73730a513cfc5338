"""The shape of one block kind's GUI module: :class:`BlockKindUI`, which each module's ``KIND`` is."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from neslis_desktop.gui.editors.fields import F


@dataclass(frozen=True)
class BlockKindUI:
    """The GUI's side of one block kind: what the menus, the outline and the editor need to know."""

    kind: str
    """The model's ``kind`` (a key of :data:`neslis_desktop.model.BLOCK_KINDS`), also the module's name."""
    label: str
    """Shown in menus, the outline and undo texts ('Org chart')."""
    first_words: Callable[[Any], str]
    """The text the outline summary starts from, when the block has no sub-heading."""
    new_data: dict[str, Any]
    """The content of a new block (besides ``kind``): small, valid and easy to overwrite."""
    fields: Callable[[], list[F]]
    """The editor: the form's own fields (the common heading and notes are added after them)."""
