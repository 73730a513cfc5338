"""Measuring text with real font metrics: word wrap, height, and the largest size that fits.

The deck must open ready to show: no text spilling out of its box. PowerPoint does not tell a
generator where lines break, so the planner predicts it the way PowerPoint wraps: greedy word
wrap inside the box less its insets, a line height of about 1.2 times the size, words longer
than a line broken by character. Widths come from the font files (Pillow), found by
:mod:`neslis_desktop.render.deck.fonts`; without any font file a conservative 0.6 em per
character is used (said once in :attr:`Measurer.fallback_note`).

Widths are measured once per word at a unit size and scaled, so trying many sizes, or
measuring very long text, stays linear in the text's length; :mod:`.font_widths` remembers
them across runs, so a later build loads a font only for words it has not met.
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

from neslis_desktop.model.inline import Run
from neslis_desktop.render.deck import font_widths
from neslis_desktop.render.deck.fonts import find_font
from neslis_desktop.render.deck.plan import (
    EMU_PER_INCH,
    EMU_PER_PT,
    LEVEL_INDENT,
    Para,
    Rect,
    TextFrame,
    ThemeFonts,
    marker_margin,
)

log = logging.getLogger(__name__)

LINE_SPACING = 1.2
"""Line height as a multiple of the font size (PowerPoint's single spacing, about 1.2)."""
INSET = EMU_PER_INCH // 10
"""Text inset on each side of a box: 0.1 inch."""

_FALLBACK_EM = 0.6
_FALLBACK_BOLD_EM = 0.65
_WORDS = re.compile(r"[^\s]+|\s+")

FontRole = Literal["major", "minor"]


def _is_wide(ch: str) -> bool:
    """Emoji and East Asian wide characters, drawn by fallback fonts about 1 em wide."""
    cp = ord(ch)
    return (
        cp >= 0x1F000
        or 0x2E80 <= cp <= 0xA4CF
        or 0xAC00 <= cp <= 0xD7A3
        or 0xF900 <= cp <= 0xFAFF
        or 0xFF00 <= cp <= 0xFF60
    )


@lru_cache(maxsize=200_000)
def _unit_width(path: Path | None, bold: bool, word: str) -> float:
    """Width of ``word`` at 1 pt, in pt."""
    wide = sum(1 for ch in word if _is_wide(ch))
    narrow = "".join(ch for ch in word if not _is_wide(ch)) if wide else word
    measured = font_widths.unit_width(path, narrow) if path is not None else None
    if measured is None:
        em = _FALLBACK_BOLD_EM if bold else _FALLBACK_EM
        return em * (len(word) - wide) + 1.1 * wide
    return measured + 1.1 * wide


@dataclass(frozen=True)
class _Token:
    width: float  # unit width of the word
    space: float  # unit width of the whitespace after it
    newline: bool = False  # a forced line break follows


@dataclass(eq=False)
class Measurer:
    """Measures text in one theme's fonts; get one with :func:`measurer` (cached)."""

    fonts: ThemeFonts

    def __post_init__(self) -> None:
        self.fallback_note: str | None = None
        self._paths: dict[tuple[FontRole, bool, bool], Path | None] = {}

    def _path(self, role: FontRole, bold: bool, italic: bool) -> Path | None:
        key = (role, bold, italic)
        if key not in self._paths:
            family = self.fonts.major if role == "major" else self.fonts.minor
            path = find_font(family, bold, italic)
            if path is None or not font_widths.loadable(path):
                path = None
                if self.fallback_note is None:
                    self.fallback_note = (
                        f"No font file found for '{family}'; text was measured with a cautious "
                        "estimate, so some boxes may have more room than needed."
                    )
                    log.warning(self.fallback_note)
            self._paths[key] = path
        return self._paths[key]

    def width_pt(
        self, text: str, size: float, role: FontRole = "minor", bold: bool = False, italic: bool = False
    ) -> float:
        """Width of ``text`` on one line at ``size`` pt."""
        return _unit_width(self._path(role, bold, italic), bold, text) * size

    def _tokens(self, runs: tuple[Run, ...], role: FontRole, bold_all: bool) -> list[_Token]:
        tokens: list[_Token] = []
        word = 0.0
        pending = False
        for run in runs:
            bold = run.bold or bold_all
            path = self._path(role, bold, run.italic)
            for piece in _WORDS.findall(run.text):
                if piece.isspace():
                    if pending or tokens:
                        if "\n" in piece or "\r" in piece:
                            breaks = piece.count("\n") + piece.count("\r") - piece.count("\r\n")
                            spaces = piece.replace("\n", "").replace("\r", "")
                        else:
                            breaks, spaces = 0, piece
                        space_w = _unit_width(path, bold, spaces) if spaces else 0.0
                        if pending:
                            tokens.append(_Token(word, space_w, breaks > 0))
                            word, pending = 0.0, False
                        else:
                            last = tokens[-1]
                            tokens[-1] = _Token(last.width, last.space + space_w, last.newline or breaks > 0)
                        for _ in range(max(0, breaks - 1)):
                            tokens.append(_Token(0.0, 0.0, True))
                    continue
                word += _unit_width(path, bold, piece)
                pending = True
        if pending:
            tokens.append(_Token(word, 0.0))
        return tokens

    def lines(
        self,
        para: Para,
        width_emu: int,
        size: float,
        role: FontRole = "minor",
        *,
        bold: bool = False,
        strict: bool = False,
    ) -> int:
        """How many lines ``para`` takes in a text width of ``width_emu`` at ``size`` pt.

        With ``strict``, a word wider than the line counts as not fitting at all (a huge
        number), so that a smaller size is tried before a word is broken.
        """
        tokens = _cached_tokens(self, tuple(para.runs), role, bold)
        return _count_lines(tokens, width_emu / EMU_PER_PT / size, strict)

    def text_height(
        self,
        paras: Sequence[Para],
        width_emu: int,
        size: float,
        role: FontRole = "minor",
        *,
        bold: bool = False,
        space_before_pt: float = 0.0,
        strict: bool = False,
    ) -> int:
        """Height in EMU of ``paras`` set in a text width of ``width_emu`` (no insets)."""
        total_pt = 0.0
        for i, para in enumerate(paras):
            w = width_emu - para_indent(para, size)
            lines = self.lines(para, max(w, EMU_PER_PT), size, role, bold=bold, strict=strict)
            total_pt += lines * size * LINE_SPACING + (space_before_pt if i else 0.0)
        return math.ceil(total_pt * EMU_PER_PT)

    def box_height(self, frame: TextFrame, width_emu: int, size: float | None = None, strict: bool = False) -> int:
        """Height in EMU a box ``width_emu`` wide needs to hold ``frame`` (insets included).

        Insets are ``frame.inset`` left and right and half of it top and bottom, as
        PowerPoint's defaults (0.1 and 0.05 inch) and the deck writer draw them.
        """
        st = frame.style
        inner = width_emu - 2 * frame.inset
        if inner <= 0:
            return 10**12
        return self.text_height(
            frame.paras,
            inner,
            size or st.size_pt,
            st.font,
            bold=st.bold,
            space_before_pt=st.space_before_pt or 0.0,
            strict=strict,
        ) + 2 * (frame.inset // 2)

    def fits(self, frame: TextFrame, box: Rect, size: float | None = None) -> bool:
        """Whether ``frame`` fits inside ``box`` at ``size`` (default: its style's size)."""
        return self.box_height(frame, box.w, size) <= box.h

    def fit_size(self, frame: TextFrame, box: Rect, start: float, floor: float, step: float = 1.0) -> float | None:
        """The largest size from ``start`` down to ``floor`` at which ``frame`` fits ``box``."""
        size = start
        while size >= floor - 1e-9:
            if self.fits(frame, box, size):
                return size
            size -= step
        return None

    def split_para(
        self, para: Para, width_emu: int, size: float, max_lines: int, role: FontRole = "minor"
    ) -> tuple[Para, Para | None]:
        """``para`` cut after at most ``max_lines`` lines, and the rest (``None`` if it all fits).

        The cut is at a word boundary when one fits, else inside an overlong word; emphasis
        is kept. Only a prefix a few lines long is measured, so very long text stays cheap.
        """
        inner = width_emu - para_indent(para, size)
        text = para.text
        # No line holds more characters than its width over the narrowest glyph (~0.15 em).
        bound = min(len(text), int(max(1, max_lines) * inner / EMU_PER_PT / size / 0.15) + 1)
        if bound == len(text) and self.lines(para, inner, size, role) <= max_lines:
            return para, None

        def fits(n: int) -> bool:
            return self.lines(Para(_slice(para.runs, 0, n), para.level, para.bullet), inner, size, role) <= max_lines

        lo, hi = 1, bound
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if fits(mid):
                lo = mid
            else:
                hi = mid - 1
        cut = lo
        if cut < len(text) and not text[cut].isspace():
            boundary = max(text.rfind(" ", 0, cut), text.rfind("\n", 0, cut))
            if boundary > 0:
                cut = boundary
        tail_start = cut
        while tail_start < len(text) and text[tail_start].isspace():
            tail_start += 1
        if tail_start >= len(text):
            return para, None
        head = Para(_slice(para.runs, 0, cut), para.level, para.bullet)
        tail = Para(
            _slice(para.runs, tail_start, len(text)), para.level, "none" if para.bullet == "number" else para.bullet
        )
        return head, tail


def _slice(runs: Sequence[Run], start: int, end: int) -> list[Run]:
    """The runs covering characters ``start`` to ``end`` of their joined text."""
    out: list[Run] = []
    pos = 0
    for run in runs:
        a, b = max(start, pos), min(end, pos + len(run.text))
        if a < b:
            out.append(Run(run.text[a - pos : b - pos], run.bold, run.italic))
        pos += len(run.text)
    return out or [Run("")]


def para_indent(para: Para, size: float = 0.0) -> int:
    """Left margin of a paragraph's text: list levels and a hanging bullet (at least 1.1 em)."""
    return para.level * LEVEL_INDENT + marker_margin(para.bullet, size)


@lru_cache(maxsize=4096)
def _cached_tokens(m: Measurer, runs: tuple[Run, ...], role: FontRole, bold: bool) -> list[_Token]:
    return m._tokens(runs, role, bold)


LONG_WORD_EM = 12.0
"""A word wider than this (in ems, about 25 letters) may be broken even where words must not."""


def _count_lines(tokens: list[_Token], max_w: float, strict: bool = False) -> int:
    """Greedy word wrap of unit-width tokens into lines ``max_w`` (unit) wide."""
    if max_w <= 0:
        return 10**6
    lines, line_w = 1, 0.0
    for tok in tokens:
        if tok.width > max_w + 1e-9:
            # Under ``strict`` an ordinary word must not break; a very long "word" (a URL, a
            # code) cannot fit anywhere whole, so it breaks like PowerPoint breaks it.
            if strict and tok.width <= LONG_WORD_EM:
                return 10**6
            # A word longer than a line is broken by character.
            if line_w > 0:
                lines += 1
            extra, rest = divmod(tok.width, max_w)
            lines += int(extra)
            line_w = rest + tok.space
        elif line_w + tok.width > max_w + 1e-9 and line_w > 0:
            lines += 1
            line_w = tok.width + tok.space
        else:
            line_w += tok.width + tok.space
        if tok.newline:
            lines += 1
            line_w = 0.0
    return lines


_MEASURERS: dict[ThemeFonts, Measurer] = {}


def measurer(fonts: ThemeFonts) -> Measurer:
    """The (cached) measurer for ``fonts``."""
    m = _MEASURERS.get(fonts)
    if m is None:
        m = _MEASURERS[fonts] = Measurer(fonts)
    return m
