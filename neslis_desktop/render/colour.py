"""Colours as Office files hold them, and the WCAG contrast between two of them: the one colour module.

The deck's theme reader (:mod:`.deck.oxml.theme`), the slide inspector (:mod:`.deck.inspect.colour`,
which resolves DrawingML colour elements through this arithmetic) and the accessibility check
(:mod:`.a11y`) all compute colours here, so a contrast ratio is the same number wherever it is
shown.

Office files name colours many ways: ``srgbClr``/``w:color`` hex, theme slots (``accent1``,
``tx1``) mapped through a master's ``clrMap``, system and preset colours, each optionally
changed by ``lumMod``/``lumOff`` (in HSL, as PowerPoint's "Lighter 40%" is written),
``tint``/``shade`` or Word's ``themeTint``/``themeShade``. This module turns them into plain
RGB so the rules can compute WCAG 2 contrast ratios.
"""

from __future__ import annotations

import colorsys
from dataclasses import dataclass
from functools import lru_cache

RGB = tuple[float, float, float]
"""Red, green, blue in 0..1."""

SCHEME_SLOTS = ("dk1", "lt1", "dk2", "lt2", *(f"accent{i}" for i in range(1, 7)), "hlink", "folHlink")
"""The twelve colour slots of a theme's ``a:clrScheme``, in the order it holds them."""
MAPPED_NAMES = ("bg1", "tx1", "bg2", "tx2", *(f"accent{i}" for i in range(1, 7)), "hlink", "folHlink")
"""The names shapes use (``schemeClr val``), which a master's ``clrMap`` maps onto the slots."""
DEFAULT_MAP = {"bg1": "lt1", "tx1": "dk1", "bg2": "lt2", "tx2": "dk2"}
"""The usual ``clrMap``, for a master that has none."""
OFFICE_SCHEME = {
    "dk1": "#000000",
    "lt1": "#FFFFFF",
    "dk2": "#44546A",
    "lt2": "#E7E6E6",
    "accent1": "#4472C4",
    "accent2": "#ED7D31",
    "accent3": "#A5A5A5",
    "accent4": "#FFC000",
    "accent5": "#5B9BD5",
    "accent6": "#70AD47",
    "hlink": "#0563C1",
    "folHlink": "#954F72",
}
"""Office's own theme colours, for a theme that leaves a slot out (and the preview's before a template is read)."""
PALETTE_NAMES = ("tx1", "tx2", "bg1", "bg2", "accent1", "accent2", "accent3", "accent4", "accent5", "accent6")
"""The theme colour names slide plans use."""


def office_palette() -> dict[str, str]:
    """Office's theme colours by the names plans use, through the usual colour map."""
    return {name: OFFICE_SCHEME[DEFAULT_MAP.get(name, name)] for name in PALETTE_NAMES}


WHITE: RGB = (1.0, 1.0, 1.0)
BLACK: RGB = (0.0, 0.0, 0.0)

PRESET = {
    "black": "000000",
    "white": "FFFFFF",
    "red": "FF0000",
    "green": "008000",
    "blue": "0000FF",
    "yellow": "FFFF00",
    "gray": "808080",
    "grey": "808080",
    "darkGray": "A9A9A9",
    "lightGray": "D3D3D3",
    "navy": "000080",
    "orange": "FFA500",
    "purple": "800080",
    "silver": "C0C0C0",
    "maroon": "800000",
    "darkBlue": "00008B",
    "darkRed": "8B0000",
    "darkGreen": "006400",
    "cyan": "00FFFF",
    "magenta": "FF00FF",
}
"""The preset colour names seen in practice (``a:prstClr``, ``w:highlight``), as hex."""

HIGHLIGHT = {
    "darkYellow": "808000",
    "darkCyan": "008080",
    "darkMagenta": "800080",
    "lightGray": "C0C0C0",
    "darkGray": "808080",
}


def hex_rgb(value: str) -> RGB | None:
    """``'1F4E79'`` as RGB; ``None`` for anything that is not six hex digits (such as ``auto``)."""
    value = value.strip().lstrip("#")
    if len(value) != 6:
        return None
    try:
        return (int(value[0:2], 16) / 255, int(value[2:4], 16) / 255, int(value[4:6], 16) / 255)
    except ValueError:
        return None


def rgb_hex(rgb: RGB) -> str:
    """RGB as ``'#1F4E79'``, for messages."""
    return "#" + "".join(f"{round(max(0.0, min(1.0, c)) * 255):02X}" for c in rgb)


def _linear(c: float) -> float:
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def gamma(c: float) -> float:
    """Linear light (0..1) back to an sRGB channel value (0..1)."""
    c = max(0.0, min(1.0, c))
    return c * 12.92 if c <= 0.0031308 else 1.055 * c ** (1 / 2.4) - 0.055


@lru_cache(maxsize=1024)
def luminance(rgb: RGB) -> float:
    """WCAG 2 relative luminance (remembered: the checks ask it of the same few colours again and again)."""
    r, g, b = (_linear(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: RGB, b: RGB) -> float:
    """WCAG 2 contrast ratio of two colours, 1 to 21."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def is_large(size_pt: float, bold: bool) -> bool:
    """WCAG 'large text': at least 18 pt, or 14 pt bold; it needs 3:1 instead of 4.5:1."""
    return size_pt >= 18 or (bold and size_pt >= 14)


def lum_mod_off(rgb: RGB, mod: float = 1.0, off: float = 0.0) -> RGB:
    """DrawingML ``lumMod``/``lumOff`` (fractions): luminance scaled then shifted, in HSL."""
    h, lum, s = colorsys.rgb_to_hls(*rgb)
    lum = max(0.0, min(1.0, lum * mod + off))
    return colorsys.hls_to_rgb(h, lum, s)


def tint(rgb: RGB, amount: float) -> RGB:
    """DrawingML ``tint`` (fraction kept): the colour mixed towards white, in linear light."""
    return tuple(gamma(_linear(c) * amount + (1 - amount)) for c in rgb)  # type: ignore[return-value]


def shade(rgb: RGB, amount: float) -> RGB:
    """DrawingML ``shade`` (fraction kept): the colour mixed towards black, in linear light."""
    return tuple(gamma(_linear(c) * amount) for c in rgb)  # type: ignore[return-value]


def word_tint(rgb: RGB, value: str) -> RGB:
    """Word's ``themeTint`` (hex 00-FF): how much of the colour stays, the rest white, in HSL."""
    amount = int(value, 16) / 255
    h, lum, s = colorsys.rgb_to_hls(*rgb)
    return colorsys.hls_to_rgb(h, lum * amount + (1 - amount), s)


def word_shade(rgb: RGB, value: str) -> RGB:
    """Word's ``themeShade`` (hex 00-FF): the luminance scaled down, in HSL."""
    amount = int(value, 16) / 255
    h, lum, s = colorsys.rgb_to_hls(*rgb)
    return colorsys.hls_to_rgb(h, lum * amount, s)


def blend(top: RGB, alpha: float, under: RGB) -> RGB:
    """``top`` at opacity ``alpha`` over ``under``."""
    return tuple(t * alpha + u * (1 - alpha) for t, u in zip(top, under, strict=True))  # type: ignore[return-value]


@dataclass(frozen=True)
class Contrast:
    """A text colour against its background, with what WCAG 2 AA asks of it."""

    text: RGB
    background: RGB
    size_pt: float
    bold: bool

    @property
    def ratio(self) -> float:
        return contrast(self.text, self.background)

    @property
    def needed(self) -> float:
        return 3.0 if is_large(self.size_pt, self.bold) else 4.5

    @property
    def passes(self) -> bool:
        # Ratios are compared as WCAG tools show them, to two decimals (4.496 is not 4.5).
        return int(self.ratio * 100) / 100 >= self.needed

    def describe(self) -> str:
        return (
            f"text {rgb_hex(self.text)} on {rgb_hex(self.background)} has contrast "
            f"{int(self.ratio * 100) / 100:.2f}:1; {self.size_pt:g} pt{' bold' if self.bold else ''} "
            f"text needs at least {self.needed:g}:1"
        )
