"""Colours as a slide shows them: DrawingML colour elements resolved to RGB, and WCAG contrast.

A deck refers to theme colours (``schemeClr``) changed by ``lumMod``/``lumOff``/``tint``/
``shade``; which RGB they become depends on the theme's colour scheme and the master's colour
map (``tx1`` usually ``dk1``). The inspector needs the real RGB to judge contrast, so this
module applies the transforms the way PowerPoint does (luminance in HSL space; tint and shade
in linear RGB, as the DrawingML specification describes them).
"""

from __future__ import annotations

import colorsys
from collections.abc import Mapping

from lxml import etree

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_COLOUR_TAGS = {f"{{{A}}}{t}" for t in ("srgbClr", "schemeClr", "sysClr", "prstClr", "scrgbClr", "hslClr")}
_PRESET = {
    "black": (0, 0, 0),
    "white": (255, 255, 255),
    "red": (255, 0, 0),
    "green": (0, 128, 0),
    "blue": (0, 0, 255),
    "yellow": (255, 255, 0),
    "gray": (128, 128, 128),
    "grey": (128, 128, 128),
}

RGB = tuple[int, int, int]


def hex_rgb(value: str) -> RGB:
    value = value.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def _lin(c: float) -> float:
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _gamma(c: float) -> float:
    c = min(max(c, 0.0), 1.0)
    return c * 12.92 if c <= 0.0031308 else 1.055 * c ** (1 / 2.4) - 0.055


def colour_element(parent: etree._Element | None) -> etree._Element | None:
    """The first colour element directly inside ``parent`` (a ``solidFill``, say), or ``None``."""
    if parent is None:
        return None
    for child in parent:
        if child.tag in _COLOUR_TAGS:
            return child
    return None


def resolve(el: etree._Element, scheme: Mapping[str, str], phclr: RGB | None = None) -> RGB | None:
    """The RGB of a colour element, with its transforms; ``scheme`` maps names to ``#RRGGBB``.

    ``scheme`` holds the twelve slots and the mapped names (``tx1``, ``bg1`` ...).
    ``phClr`` (a style's placeholder colour) becomes ``phclr``. ``None``: not resolvable.
    """
    tag = etree.QName(el).localname
    rgb: RGB | None
    if tag == "srgbClr":
        rgb = hex_rgb(el.get("val", "000000"))
    elif tag == "sysClr":
        rgb = hex_rgb(el.get("lastClr") or ("FFFFFF" if el.get("val") == "window" else "000000"))
    elif tag == "schemeClr":
        name = el.get("val", "tx1")
        if name == "phClr":
            rgb = phclr
        else:
            value = scheme.get(name)
            rgb = hex_rgb(value) if value else None
    elif tag == "prstClr":
        rgb = _PRESET.get(el.get("val", "black"), (0, 0, 0))
    elif tag == "scrgbClr":
        rgb = tuple(round(_gamma(int(el.get(k, "0")) / 100_000) * 255) for k in ("r", "g", "b"))  # type: ignore[assignment]
    else:
        return None
    if rgb is None:
        return None
    return _transform(rgb, el)


def _transform(rgb: RGB, el: etree._Element) -> RGB:
    r, g, b = (c / 255 for c in rgb)
    for mod in el:
        name = etree.QName(mod).localname
        val = int(mod.get("val", "0")) / 100_000
        if name in ("lumMod", "lumOff"):
            h, lum, s = colorsys.rgb_to_hls(r, g, b)
            lum = lum * val if name == "lumMod" else lum + val
            r, g, b = colorsys.hls_to_rgb(h, min(max(lum, 0.0), 1.0), s)
        elif name == "tint":  # towards white, in linear light
            r, g, b = (_gamma(_lin(c) * val + (1 - val)) for c in (r, g, b))
        elif name == "shade":  # towards black, in linear light
            r, g, b = (_gamma(_lin(c) * val) for c in (r, g, b))
        elif name == "inv":
            r, g, b = 1 - r, 1 - g, 1 - b
        elif name == "gray":
            y = 0.2126 * r + 0.7152 * g + 0.0722 * b
            r = g = b = y
    return round(r * 255), round(g * 255), round(b * 255)


def luminance(rgb: RGB) -> float:
    """WCAG relative luminance."""
    r, g, b = (_lin(c / 255) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: RGB, b: RGB) -> float:
    """WCAG 2.2 contrast ratio of two colours, 1 to 21."""
    la, lb = luminance(a), luminance(b)
    hi, lo = max(la, lb), min(la, lb)
    return (hi + 0.05) / (lo + 0.05)


def hex_of(rgb: RGB) -> str:
    return "#{:02X}{:02X}{:02X}".format(*rgb)
