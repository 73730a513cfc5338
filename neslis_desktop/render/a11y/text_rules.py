"""Checks on words that hold for decks and documents alike: link text and alternative text.

A screen-reader user often lists a page's links out of context, so "click here" says
nothing; a file name read out as a picture's description ("IMG_2041.jpg") is no description.
"""

from __future__ import annotations

import re

VAGUE_LINKS = {
    "click here",
    "here",
    "click",
    "link",
    "this link",
    "read more",
    "more",
    "more info",
    "more information",
    "click this link",
    "go",
    "this",
    "find out more",
    "learn more",
    "details",
    "see here",
    "this page",
    "website",
}
_URL = re.compile(r"^(https?://|www\.)\S+$", re.IGNORECASE)
_FILE_NAME = re.compile(r"^[\w\-. ()~]+\.(png|jpe?g|gif|bmp|tiff?|emf|wmf|svg|webp|heic|ico)$", re.IGNORECASE)
_GENERIC_ALT = re.compile(r"^(image|picture|photo|graphic|chart|diagram|img|pic|logo)\s*\d*$", re.IGNORECASE)


def normalise(text: str) -> str:
    """Text compared as a reader hears it: case and spacing ignored, end punctuation dropped."""
    return re.sub(r"\s+", " ", text).strip().strip(".:!?…").strip().casefold()


def link_problem(text: str) -> str | None:
    """Why ``text`` does not work as link text, or ``None`` when it does."""
    said = normalise(text)
    if not said:
        return "a link with no text"
    if said in VAGUE_LINKS:
        return f'link text "{text.strip()}" does not say where the link goes'
    if _URL.match(text.strip()):
        return f'link text is a bare web address ("{text.strip()[:60]}")'
    return None


LINK_FIX = 'make the link text name its destination, such as "Annual report 2024 (PDF)"'


def alt_problem(descr: str | None, title: str | None = None) -> str | None:
    """Why this alternative text is missing or useless, or ``None`` when it is there."""
    text = (descr or "").strip() or (title or "").strip()
    if not text:
        return "has no alternative text"
    if _FILE_NAME.match(text):
        return f'has a file name as its alternative text ("{text[:60]}")'
    if _GENERIC_ALT.match(text):
        return f'has only "{text}" as its alternative text'
    return None


def snippet(text: str, limit: int = 40) -> str:
    """The start of ``text``, for saying where something is."""
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def blank_lines(grid: list[list[str]]) -> tuple[list[int], list[int]]:
    """The 1-based rows and columns of a table's text ``grid`` in which every cell is empty
    (the header row's cells count; a table of one row or column is left to the layout rule)."""
    if len(grid) < 2 or max((len(r) for r in grid), default=0) < 2:
        return [], []
    width = max(len(r) for r in grid)
    rows = [n for n, row in enumerate(grid, start=1) if not any(c.strip() for c in row)]
    cols = [c + 1 for c in range(width) if not any(row[c].strip() for row in grid if c < len(row))]
    return rows, cols


def blank_message(rows: list[int], cols: list[int]) -> str:
    parts = []
    if rows:
        parts.append(f"row{'s' if len(rows) > 1 else ''} {', '.join(map(str, rows))}")
    if cols:
        parts.append(f"column{'s' if len(cols) > 1 else ''} {', '.join(map(str, cols))}")
    return f"a table has blank {' and '.join(parts)}, which screen readers announce as empty cells"


BLANK_FIX = "delete the empty rows and columns; use cell margins or spacing for room"


_SPACES = re.compile(r"[ \u00a0]{3,}|\t{2,}")


def repeated_blanks(text: str) -> bool:
    """Whether ``text`` lines things up with runs of spaces (three or more) or of tabs (two or
    more), which a screen reader reads out as pauses or 'tab tab'."""
    return bool(_SPACES.search(text.strip(" \u00a0")))


BLANKS_FIX = "replace the runs of spaces or tabs with one tab stop, indents or a table"
