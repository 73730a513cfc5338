"""Series colours for charts: theme colours that can be told apart (WCAG 2.2 non-text contrast).

Charts refer to theme colours only, so a corporate template restyles them. But a theme's
accents are chosen for branding, not for telling series apart: next to each other, or on the
slide's background, several fall below the 3:1 contrast WCAG 2.2 asks of graphics. This
module picks, in theme order, accents (or their darker shades, or the text colours) that pass
against the background and against the colours already chosen. Past two series on a light
background no set of colours can all pass against each other (the luminance range runs out),
so the chooser then takes the most distinct ones left and says so; the charts carry data
labels, markers and a legend so that colour is never the only cue.
"""

from __future__ import annotations

import colorsys
from collections.abc import Mapping
from dataclasses import dataclass

MIN_CONTRAST = 3.0
_BASES = ("accent1", "accent2", "accent3", "accent4", "accent5", "accent6")
_SHADES = (0.0, -0.25, -0.5)


@dataclass(frozen=True)
class SeriesColour:
    """A theme colour with an optional darkening (python-pptx ``brightness``, -0.5 = half as light)."""

    theme: str
    brightness: float
    rgb: str
    """The resolved ``#RRGGBB`` for this theme, for contrast checks and previews."""


def luminance(rgb: str) -> float:
    """WCAG relative luminance of ``#RRGGBB``."""

    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (int(rgb[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio between two ``#RRGGBB`` colours (1 to 21)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def shade(rgb: str, brightness: float) -> str:
    """``rgb`` darkened as Office does for a negative brightness (its HSL lightness times 1 + b)."""
    if brightness >= 0:
        return rgb
    r, g, b = (int(rgb[i : i + 2], 16) / 255 for i in (1, 3, 5))
    h, light, s = colorsys.rgb_to_hls(r, g, b)
    r, g, b = colorsys.hls_to_rgb(h, light * (1 + brightness), s)
    return "#" + "".join(f"{round(c * 255):02X}" for c in (r, g, b))


def _candidates(palette: Mapping[str, str]) -> list[SeriesColour]:
    out = [SeriesColour(base, b, shade(palette[base], b)) for b in _SHADES for base in _BASES if base in palette]
    out += [SeriesColour(name, 0.0, palette[name]) for name in ("tx2", "tx1") if name in palette]
    return out


def series_colours(
    palette: Mapping[str, str], count: int, background: str = "bg1"
) -> tuple[list[SeriesColour], list[str]]:
    """``count`` series colours from ``palette``, and notes where 3:1 could not be met."""
    bg = palette.get(background, "#FFFFFF")
    pool = _candidates(palette)
    chosen: list[SeriesColour] = []
    notes: list[str] = []
    for n in range(count):
        used_bases = {c.theme for c in chosen}
        fresh = [c for c in pool if c not in chosen and c.theme not in used_bases] or [
            c for c in pool if c not in chosen
        ]
        fresh = fresh or pool
        on_bg = [c for c in fresh if contrast(c.rgb, bg) >= MIN_CONTRAST] or fresh
        passing = [c for c in on_bg if all(contrast(c.rgb, o.rgb) >= MIN_CONTRAST for o in chosen)]
        if passing:
            chosen.append(passing[0])
            continue
        best = max(on_bg, key=lambda c: min(contrast(c.rgb, o.rgb) for o in chosen))
        chosen.append(best)
        worst = min(contrast(best.rgb, o.rgb) for o in chosen[:-1])
        notes.append(
            f"series {n + 1} differs from another series by {worst:.1f}:1, under 3:1, as no theme colour "
            "left passes; markers, data labels and the legend tell them apart"
        )
    return chosen, notes
