"""Field descriptions for the editor forms: what each key of a block is and how to edit it.

Each block kind's own fields are in its module of :mod:`neslis_desktop.gui.kinds`; the fields
every block shares, and the section and project-details forms, are here.

A form is a list of :class:`F` describing keys of the item's data; :mod:`form` turns the list
into widgets. Lists of sub-items (cards, columns, nodes...) nest their own field lists.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

FieldKind = Literal[
    "line",
    "text",
    "markup",
    "check",
    "lines",
    "month",
    "int",
    "combo",
    "list",
    "bullets",
    "choice",
    "grid",
    "object",
    "derived",
    "picture",
]
Grid = list[list[str]]


@dataclass
class F:
    """One field: ``key`` in the data, its label, its widget kind and options."""

    key: str
    label: str
    kind: FieldKind = "line"
    optional: bool = False
    help: str = ""
    item: list[F] = field(default_factory=list)
    """Fields of one entry, for ``list``."""
    new: Callable[[dict[str, Any]], Any] | None = None
    """A fresh entry from the whole data, for ``list``."""
    noun: str = "item"
    """What one entry is called ('card'), for ``list`` buttons and titles."""
    options: Callable[[dict[str, Any], dict[str, Any]], list[str]] | None = None
    """For ``combo``: the choices, from (whole data, this entry's data); '' means none."""
    choices: tuple[str, ...] = ()
    """For ``choice``: fixed choices."""
    renames: tuple[str, str] | None = None
    """When this value changes, rewrite (list key, field) references to the old value."""
    rebuild: bool = False
    """Rebuild the form when editing of this field finishes (other fields' choices depend on it)."""
    minimum: int = 0
    maximum: int = 99
    special: str = ""
    """For ``int``: the text shown for the minimum (such as 'Automatic'), which means 'none'."""
    to_grid: Callable[[dict[str, Any]], Grid] | None = None
    """For ``grid``: the cells (header row first) shown for the item's data."""
    from_grid: Callable[[dict[str, Any], Grid], None] | None = None
    """For ``grid``: write edited cells back into the item's data."""
    derive: Callable[[Any], str] | None = None
    """For ``derived``: text made from the valid item (a drafted alt text), shown read-only."""


def common_fields() -> list[F]:
    """Fields every block has: an optional lead heading and speaker notes."""
    return [
        F("heading", "Sub-heading", optional=True, help="Optional lead line on the slide"),
        F("notes", "Speaker notes", "text", optional=True, help="Never printed"),
    ]


def with_common(fields: list[F]) -> list[F]:
    """A block kind's own fields with the common ones (heading, notes) last."""
    return [*fields, *common_fields()]


def section_fields() -> list[F]:
    """The section form: title and notes."""
    return [F("title", "Section title"), F("notes", "Speaker notes", "text", optional=True)]


def meta_fields() -> list[F]:
    """The project details form."""
    return [
        F("title", "Title"),
        F("subtitle", "Subtitle", optional=True),
        F("organisation", "Organisation"),
        F("event", "Event", optional=True, help="Such as 'LIS Summit'"),
        F("date", "Date", optional=True, help="YYYY-MM-DD, such as 2019-09-12"),
        F("version", "Version"),
        F("status", "Status", "choice", choices=("Draft", "Consultation", "Final")),
        F("audience", "Audience", optional=True),
        F("language", "Language", help="Such as en-GB"),
        F("slug", "File name stem", optional=True, help="Such as north-east-lis; made from the title when empty"),
    ]
