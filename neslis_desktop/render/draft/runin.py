"""How a card's title runs into its body when the card becomes a paragraph.

On a slide a card's title sits above its body; in a document it leads the paragraph in bold.
The join between them is read from the content, never fixed: a title that is a sentence
keeps its own full stop ("We will double exports. The plan…"); a label or a figure is
followed by a colon when the body is a sentence of its own ("Ambition: The North East…",
"£243m: The Growth Deal…") and by an en dash when the body carries on from it ("£243m –
allocated through the Growth Deal…"). A grid whose every card is a figure with a body reads
best as a two-column table of figures and what they mean.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import Enum

from neslis_desktop.model import Card, plain_text


class TitleShape(Enum):
    """What a card title is, for the way it joins its body."""

    SENTENCE = "sentence"
    """Ends as a sentence does (. ? !): it keeps its own punctuation."""
    LEAD_IN = "lead-in"
    """Already ends with a colon or dash: the body simply follows."""
    FIGURE = "figure"
    """A number, amount or share, with at most a few words: '£243m', '45%', '2,300 jobs'."""
    LABEL = "label"
    """A short name without sentence punctuation: 'Ambition', 'Digital connectivity'."""


# An optional approximation mark and currency, a digit, more digits and separators, a unit.
_FIGURE = re.compile(
    r"^(?:c\.\s?|~|≈|over\s|around\s|up to\s)?[£$€+\-−]?\d[\d,.]*"
    r"\s?(?:%|x|×|k|m|bn|tn|million|billion|trillion|st|nd|rd|th|\+|pp|pts?)?(?=$|\s|[/+])",
    re.IGNORECASE,
)
_FIGURE_WORDS = 4


def title_shape(title: str) -> TitleShape:
    """The shape of a card ``title`` (markup ignored)."""
    text = plain_text(title).strip()
    tail = text.rstrip("\"'\u2019\u201d)")
    if tail[-1:] in (".", "?", "!", "\u2026"):
        return TitleShape.SENTENCE
    if tail[-1:] in (":", "-", "\u2013", "\u2014"):
        return TitleShape.LEAD_IN
    if _FIGURE.match(text) and len(text.split()) <= _FIGURE_WORDS:
        return TitleShape.FIGURE
    return TitleShape.LABEL


def continues(body: str) -> bool:
    """Whether ``body`` carries on from its title (starts in lower case) rather than starting a sentence."""
    first = next((ch for ch in plain_text(body) if ch.isalpha() or ch.isdigit()), "")
    return first.islower()


def joiner(title: str, body: str) -> str:
    """What goes between a bold run-in ``title`` and its ``body``."""
    shape = title_shape(title)
    if shape in (TitleShape.SENTENCE, TitleShape.LEAD_IN):
        return " "
    return " \u2013 " if continues(body) else ": "


def figure_grid(cards: Sequence[Card]) -> bool:
    """Whether ``cards`` are two or more figures, each with a body and no bullets: a table reads best."""
    return len(cards) >= 2 and all(
        c.title and c.body and not c.bullets and title_shape(c.title) is TitleShape.FIGURE for c in cards
    )
