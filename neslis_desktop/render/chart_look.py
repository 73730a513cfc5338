"""How big a chart is drawn and how many colours it needs, without python-pptx.

The deck, the draft and the app's preview all size charts from these. They live apart from
:mod:`neslis_desktop.render.charts` (python-pptx's chart engine) so that the app's preview,
which draws charts with Qt, does not import python-pptx at start-up (~150 ms of a cold start).
"""

from __future__ import annotations

from dataclasses import dataclass

from neslis_desktop.model.evidence import ChartBlock


@dataclass(frozen=True)
class ChartLook:
    """Sizes a chart is drawn at: bigger on a projected slide than on a printed page."""

    font_pt: float
    line_pt: float = 2.75
    marker: int = 7
    font: str = "+mn-lt"
    """The typeface: the theme's body font by reference (``+mn-lt``), or a font named by the caller."""


DECK_LOOK = ChartLook(font_pt=16.0, line_pt=3.0, marker=9)
"""Chart text at 16 pt, lines 3 pt: readable from the back of a room on a projector."""


def needs_colours(block: ChartBlock) -> int:
    """How many colours the chart needs: one per series, one per slice for a pie."""
    return len(block.categories) if block.chart_type == "pie" else len(block.series)
