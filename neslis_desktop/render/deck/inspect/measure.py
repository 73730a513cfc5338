"""How much room a shape's text takes, measured as PowerPoint will set it.

Widths come from the same font files the planner measures with (the real font, else its
metric twin: Carlito for Calibri, Liberation Sans for Arial ...). A family with neither is
measured with Liberation Sans or DejaVu Sans, which are wider than most text faces, and the
report says so once (:func:`font_notes`). Line height is 1.2 times the size at single
spacing (PowerPoint's and LibreOffice's figure for the common faces), scaled by the
paragraph's line spacing and by a shrink-on-overflow's stored scale and reduction.
"""

from __future__ import annotations

from dataclasses import dataclass

from neslis_desktop.model.inline import Run
from neslis_desktop.render.deck.fonts import _SUBSTITUTES, find_font
from neslis_desktop.render.deck.inspect.facts import ParaFacts, ShapeFacts
from neslis_desktop.render.deck.plan import EMU_PER_PT, Para, Rect, ThemeFonts
from neslis_desktop.render.deck.textfit import LINE_SPACING, measurer

_BROKEN = 10**6


@dataclass
class TextFit:
    """The text's height and lines against its box; ``ink`` is where the lines really fall."""

    need: int
    room: int
    ink: Rect
    lines: int
    broken_word: bool

    @property
    def overflow(self) -> int:
        return self.need - self.room


def _para(p: ParaFacts) -> Para:
    return Para([Run(r.text, r.bold, r.italic) for r in p.runs if r.text] or [Run("")])


def para_height(p: ParaFacts, width: int, scale: float = 1.0, reduction: float = 0.0) -> tuple[float, int, bool]:
    """(points, lines, a word broken) of one paragraph set ``width`` EMU wide."""
    size = p.size * scale
    family = next((r.family for r in p.runs if r.text.strip()), p.runs[0].family if p.runs else "Calibri")
    m = measurer(ThemeFonts(family, family))
    para = _para(p)
    inner = max(width - p.margin, EMU_PER_PT)
    if not p.text.strip():
        lines, broken = 1, False
    else:
        lines = m.lines(para, inner, size)
        broken = m.lines(para, inner, size, strict=True) >= _BROKEN
    line_pt = -p.line if p.line < 0 else size * LINE_SPACING * max(p.line - reduction, 0.1)
    return lines * line_pt, lines, broken


def fit(shape: ShapeFacts) -> TextFit:
    """The text of ``shape`` against its box (its insets taken off)."""
    l_ins, t_ins, r_ins, b_ins = shape.body.insets
    box = shape.rect
    width = box.w - l_ins - r_ins
    scale = shape.body.font_scale if shape.body.autofit == "norm" else 1.0
    reduction = shape.body.line_reduction if shape.body.autofit == "norm" else 0.0
    total = 0.0
    lines = 0
    broken = False
    for i, p in enumerate(shape.paras):
        if not shape.body.wrap:
            width = 10**9
        h, n, b = para_height(p, width, scale, reduction)
        total += (
            h + (p.space_before * scale if i else 0.0) + (p.space_after * scale if i < len(shape.paras) - 1 else 0.0)
        )
        lines += n
        broken = broken or b
    need = round(total * EMU_PER_PT)
    room = box.h - t_ins - b_ins
    top = box.y + t_ins
    if shape.body.anchor == "ctr":
        top = box.y + t_ins + (room - need) // 2
    elif shape.body.anchor == "b":
        top = box.y + box.h - b_ins - need
    if shape.body.autofit == "shape":
        top = box.y + t_ins
    ink = Rect(box.x + l_ins, top, max(width, 0), need)
    return TextFit(need, room, ink, lines, broken)


def font_notes(families: set[str]) -> list[str]:
    """A sentence for each family measured with a stand-in that is not its metric twin."""
    notes = []
    for family in sorted(families):
        path = find_font(family)
        key = family.strip().lower()
        twins = (key, *_SUBSTITUTES.get(key, ()))
        stem = path.stem.lower().replace("-", "").replace(" ", "") if path else ""
        if path is None:
            notes.append(f"No font file at all for '{family}': its text was measured at 0.6 em a letter.")
        elif not any(stem.startswith(t.replace(" ", "")[:6]) for t in twins):
            notes.append(
                f"The font '{family}' is not installed and has no metric twin here; its text was measured "
                f"with {path.stem}, which is wider than most text faces, so fit verdicts for it are cautious."
            )
    return notes
