"""A template's theme: its colour scheme resolved to ``#RRGGBB`` and its major/minor fonts.

The deck only ever refers to theme colours (``accent1``, ``tx2`` ...) and theme fonts, so a
corporate template restyles every generated slide. The app's preview cannot ask PowerPoint,
so this module reads the theme part itself and applies the master's colour map (``tx1`` is
usually ``dk1``, ``bg1`` usually ``lt1``) to give the preview the colours the deck will show.
"""

from __future__ import annotations

from functools import lru_cache

from lxml import etree
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.slide import SlideMaster

from neslis_desktop.render.colour import DEFAULT_MAP, OFFICE_SCHEME, PALETTE_NAMES, SCHEME_SLOTS
from neslis_desktop.render.deck.oxml.ns import NS, qn
from neslis_desktop.render.deck.oxml.shapes import element
from neslis_desktop.render.deck.plan import ThemeFonts


def theme_xml(master: SlideMaster) -> etree._Element | None:
    """The parsed theme part of ``master``, or ``None`` if the master has none."""
    blob = _theme_blob(master)
    return etree.fromstring(blob) if blob is not None else None


def _theme_blob(master: SlideMaster) -> bytes | None:
    for rel in master.part.rels.values():
        if rel.reltype == RT.THEME and not rel.is_external:
            return rel.target_part.blob
    return None


def scheme_colours(theme: etree._Element | None) -> dict[str, str]:
    """The colour scheme's twelve slots as ``#RRGGBB``."""
    colours = dict(OFFICE_SCHEME)
    if theme is None:
        return colours
    scheme = theme.find("a:themeElements/a:clrScheme", NS)
    if scheme is None:
        return colours
    for slot in SCHEME_SLOTS:
        el = scheme.find(f"a:{slot}", NS)
        if el is None or len(el) == 0:
            continue
        colour = el[0]
        value = colour.get("lastClr") if colour.tag == qn("a:sysClr") else colour.get("val")
        if value and len(value) == 6:
            colours[slot] = f"#{value.upper()}"
    return colours


def palette(master: SlideMaster) -> dict[str, str]:
    """Theme colour names used by plans (``tx1``, ``bg2``, ``accent3`` ...) -> ``#RRGGBB``.

    Also holds the raw slots (``dk1``, ``lt2`` ...). The master's ``p:clrMap`` decides which
    slot ``tx1``/``bg1``/``tx2``/``bg2`` stand for.
    """
    clr_map = element(master).find("p:clrMap", NS)
    # Asked for once per slide by the repairs: the theme is parsed once per theme and map.
    return dict(_palette(_theme_blob(master), tuple(sorted(clr_map.attrib.items())) if clr_map is not None else ()))


@lru_cache(maxsize=32)
def _palette(blob: bytes | None, clr_map: tuple[tuple[str, str], ...]) -> dict[str, str]:
    colours = scheme_colours(etree.fromstring(blob) if blob is not None else None)
    mapping = dict(DEFAULT_MAP)
    chosen = dict(clr_map)
    for name in mapping:
        slot = chosen.get(name)
        if slot in colours:
            mapping[name] = slot
    result = {name: colours[mapping.get(name, name)] for name in PALETTE_NAMES}
    result.update({slot: colours[slot] for slot in SCHEME_SLOTS})
    return result


def fonts(master: SlideMaster) -> ThemeFonts:
    """The theme's major (headings) and minor (body) Latin fonts, with Office's defaults if unset."""
    theme = theme_xml(master)
    default = ThemeFonts()
    if theme is None:
        return default

    def face(kind: str, fallback: str) -> str:
        el = theme.find(f"a:themeElements/a:fontScheme/a:{kind}Font/a:latin", NS)
        value = el.get("typeface") if el is not None else None
        return value if value else fallback

    return ThemeFonts(major=face("major", default.major), minor=face("minor", default.minor))
