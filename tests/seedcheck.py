"""Comparing generated text with the seed deck's lines.

The seed is text extracted from the hand-made deck: paragraphs wrapped at the slide's line
breaks, bullets led by a dash glyph. A seed line is "carried" when, with bullet glyphs removed
and white space folded, it stands inside the generated text with white space folded.
"""

from __future__ import annotations

import re

_BULLET = re.compile(r"^[—–•\-]\s+")
_SPACE = re.compile(r"\s+")


def fold(text: str) -> str:
    """White space folded to single spaces; typographic quotes kept as they are."""
    return _SPACE.sub(" ", text).strip()


def seed_key(line: str) -> str:
    """A seed line as it should appear in output: bullet glyph removed, white space folded."""
    return fold(_BULLET.sub("", line.strip()))


def missing_lines(generated: str, seed_lines: list[str]) -> list[str]:
    """The seed lines not found in ``generated``."""
    haystack = fold(generated)
    return [line for line in seed_lines if seed_key(line) and seed_key(line) not in haystack]
