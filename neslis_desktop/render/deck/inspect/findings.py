"""A finding of the inspector: which slide and shape, what is wrong in plain words, and the fix."""

from __future__ import annotations

import re
from dataclasses import dataclass

from neslis_desktop.render.deck.plan import Rect

KINDS = (
    "overflow",
    "broken-word",
    "overlap",
    "covers-title",
    "connector",
    "off-slide",
    "contrast",
    "small-text",
    "empty-placeholder",
    "near-empty",
    "uneven-split",
    "size-jump",
    "mid-sentence",
    "lost-heading",
    "markup",
)
"""Every kind of problem the inspector reports (a test checks that each can be found)."""

_CONTINUED = re.compile(r"\s*\((?:continued(?: \d+)?|\d+)\)\s*$", re.IGNORECASE)


_CONTINUATION = re.compile(r"\s*\(continued(?: \d+)?\)(?:\s*\(\d+\))?\s*$", re.IGNORECASE)


def run_of(title: str) -> str:
    """The title a continued slide continues: " (continued 2)" dropped, but not " (2)".

    Two sections with one title are told apart by the " (2)" the planner gives the second
    (the bundled deck has two "Discussion questions" in a row): they are not one section
    continued, and the checks of continued slides must not join them.
    """
    return _CONTINUATION.sub("", title).strip()


def section_of(title: str) -> str:
    """A slide title without its " (continued 2)" or " (2)" endings: the section's own title."""
    base = title
    while True:
        shorter = _CONTINUED.sub("", base)
        if shorter == base:
            return base.strip()
        base = shorter


@dataclass(frozen=True)
class Finding:
    """One problem on one slide: ``kind`` (one of :data:`KINDS`), the shape and what to do."""

    slide: int
    section: str
    shape: str
    kind: str
    message: str
    box: Rect | None = None
    """The shape's bounds on the slide (EMU) where the problem is one shape's, for the app to mark."""
    slide_title: str = ""
    """The slide's own title ("Governance (continued)"), to find the slide among the section's."""

    def __str__(self) -> str:
        where = f"slide {self.slide} ({self.section})" if self.section else f"slide {self.slide}"
        return f"{where}: {self.message}"
