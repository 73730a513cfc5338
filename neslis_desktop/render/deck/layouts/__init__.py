"""Shared pieces of the per-block slide layouts: context, pages, text boxes and size search.

Each module here turns one kind of block into one or more pages of shapes inside a given
area (the template's body area). They share the measurer, the font-size floors and the small
helpers that make a text box whose text has been fitted.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from neslis_desktop.model.inline import Run, runs
from neslis_desktop.render.deck.plan import (
    EMU_PER_INCH,
    Para,
    Rect,
    Shape,
    ShapeKind,
    TextFrame,
    TextStyle,
    ThemeColour,
)
from neslis_desktop.render.deck.textfit import INSET, Measurer

BODY_FLOOR = 12.0
"""Body text is never set smaller than this (pt)."""
TIMELINE_FLOOR = 10.0
"""Timeline milestones may go down to this (pt), nowhere else."""
TITLE_FLOOR = 20.0
GAP = EMU_PER_INCH // 8
"""Space between neighbouring boxes."""
MAX_CONTINUATIONS = 20
"""A block never makes more than this many continuation slides; the rest is cut (and said)."""


@dataclass
class Ctx:
    """What a layout needs besides its block: the measurer and the section, for messages."""

    m: Measurer
    section: str

    def say(self, what: str) -> str:
        """An adjustment message naming the section."""
        return f"Section '{self.section}': {what}"


@dataclass
class Page:
    """The shapes of one slide made by a layout, with what was adjusted to fit."""

    shapes: list[Shape] = field(default_factory=list)
    adjustments: list[str] = field(default_factory=list)


def lines_of(text: str) -> list[str]:
    """``text`` split at line breaks, blank lines dropped."""
    return [line for line in text.replace("\r\n", "\n").split("\n") if line.strip()]


def para(text: str, *, bold: bool = False, level: int = 0, bullet: str = "none") -> list[Para]:
    """Paragraphs for ``text`` (one per line), with emphasis parsed; ``bold`` for all runs."""
    out: list[Para] = []
    for i, line in enumerate(lines_of(text) or [text]):
        rs = runs(line) or [Run(line)]
        if bold:
            rs = [Run(r.text, True, r.italic) for r in rs]
        out.append(Para(rs, level, bullet if i == 0 else "none"))  # type: ignore[arg-type]
    return out


def style(
    size: float,
    colour: ThemeColour = "tx1",
    *,
    bold: bool = False,
    align: str = "left",
    anchor: str = "top",
    font: str = "minor",
    space: float = 0.0,
) -> TextStyle:
    return TextStyle(size, colour, bold, align, anchor, font, space)  # type: ignore[arg-type]


def box_shape(
    name: str,
    box: Rect,
    paras: Sequence[Para] | None = None,
    st: TextStyle | None = None,
    *,
    kind: ShapeKind = "rect",
    fill: ThemeColour | None = None,
    line: ThemeColour | None = None,
    line_pt: float = 0.0,
    inset: int = INSET,
) -> Shape:
    """A shape with optional text (a text box when ``kind`` is "text")."""
    text = TextFrame(list(paras), st, inset) if paras and st is not None else None
    return Shape(kind, box, name, fill, line, line_pt, text)


def need(
    m: Measurer, paras: Sequence[Para], width: int, st: TextStyle, inset: int = INSET, *, floor: float = BODY_FLOOR
) -> int:
    """Height a box ``width`` wide needs for ``paras`` in style ``st``.

    A word too wide for the box makes it not fit (a huge height), at any size: layouts then
    try smaller sizes, other grids, or further slides, and never break an ordinary word.
    ``floor`` is kept for callers that name it; words longer than
    :data:`~neslis_desktop.render.deck.textfit.LONG_WORD_EM` break at every size.
    """
    del floor
    return m.box_height(TextFrame(list(paras), st, inset), width, strict=True)


def sizes(start: float, floor: float, step: float = 1.0) -> list[float]:
    """Candidate font sizes, largest first."""
    out, s = [], start
    while s >= floor - 1e-9:
        out.append(round(s, 1))
        s -= step
    return out


def inch(x: float) -> int:
    return round(x * EMU_PER_INCH)
