"""Colours as a slide shows them: DrawingML colour elements resolved to 0-255 RGB.

A deck refers to theme colours (``schemeClr``) changed by ``lumMod``/``lumOff``/``tint``/
``shade``; which RGB they become depends on the theme's colour scheme and the master's colour
map (``tx1`` usually ``dk1``). The inspector needs the real RGB to judge contrast, so this
module applies the transforms the way PowerPoint does. The arithmetic (HSL luminance, tint and
shade in linear light, WCAG contrast) is :mod:`neslis_desktop.render.colour`'s, shared with the
accessibility check; this module reads the XML and keeps the inspector's whole-number RGB.
"""

from __future__ import annotations

from collections.abc import Mapping

from lxml import etree

from neslis_desktop.render import colour as shared
from neslis_desktop.render.deck.oxml.ns import qn

_COLOUR_TAGS = {qn(f"a:{t}") for t in ("srgbClr", "schemeClr", "sysClr", "prstClr", "scrgbClr", "hslClr")}
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
        rgb = tuple(round(shared.gamma(int(el.get(k, "0")) / 100_000) * 255) for k in ("r", "g", "b"))  # type: ignore[assignment]
    else:
        return None
    if rgb is None:
        return None
    return _transform(rgb, el)


def _transform(rgb: RGB, el: etree._Element) -> RGB:
    c: shared.RGB = (rgb[0] / 255, rgb[1] / 255, rgb[2] / 255)
    for mod in el:
        name = etree.QName(mod).localname
        val = int(mod.get("val", "0")) / 100_000
        if name == "lumMod":
            c = shared.lum_mod_off(c, mod=val)
        elif name == "lumOff":
            c = shared.lum_mod_off(c, off=val)
        elif name == "tint":
            c = shared.tint(c, val)
        elif name == "shade":
            c = shared.shade(c, val)
        elif name == "inv":
            c = (1 - c[0], 1 - c[1], 1 - c[2])
        elif name == "gray":
            y = 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]
            c = (y, y, y)
    return round(c[0] * 255), round(c[1] * 255), round(c[2] * 255)


def luminance(rgb: RGB) -> float:
    """WCAG relative luminance."""
    return shared.luminance((rgb[0] / 255, rgb[1] / 255, rgb[2] / 255))


def contrast(a: RGB, b: RGB) -> float:
    """WCAG 2.2 contrast ratio of two colours, 1 to 21."""
    return shared.contrast((a[0] / 255, a[1] / 255, a[2] / 255), (b[0] / 255, b[1] / 255, b[2] / 255))


def hex_of(rgb: RGB) -> str:
    return "#{:02X}{:02X}{:02X}".format(*rgb)
