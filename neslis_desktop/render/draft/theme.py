"""The document template's theme: its part, its colours by the names charts use, its body font.

Charts in the draft take the template's theme colours and the body text's font by name (not
every Word reader resolves ``+mn-lt`` inside a chart), and table columns are measured in the
font table text is set in. Each needs the same few facts of the template.
"""

from __future__ import annotations

from docx.document import Document
from docx.oxml.ns import qn
from lxml import etree

from neslis_desktop.render.colour import DEFAULT_MAP
from neslis_desktop.render.deck.oxml.theme import scheme_colours

CT_THEME = "application/vnd.openxmlformats-officedocument.theme+xml"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"


def doc_theme(doc: Document) -> etree._Element | None:
    """The document's theme part, parsed; ``None`` for a document without one."""
    for part in doc.part.package.iter_parts():
        if part.content_type == CT_THEME:
            return etree.fromstring(part.blob)
    return None


def doc_palette(theme: etree._Element | None) -> dict[str, str]:
    """The document theme's colours by the names charts use (``accent1``, ``tx1``, ``bg1`` ...)."""
    slots = scheme_colours(theme)
    return {**slots, **{name: slots[slot] for name, slot in DEFAULT_MAP.items()}}


def theme_font(theme: etree._Element | None, kind: str = "minor") -> str | None:
    """The theme's ``"minor"`` (body) or ``"major"`` (headings) Latin typeface."""
    path = f"{{{_A}}}themeElements/{{{_A}}}fontScheme/{{{_A}}}{kind}Font/{{{_A}}}latin"
    latin = theme.find(path) if theme is not None else None
    return latin.get("typeface") if latin is not None else None


def body_font(doc: Document, theme: etree._Element | None) -> str | None:
    """The font body text is set in: the Normal style's, else the document default's, else the
    theme's minor font (what ``asciiTheme`` refers to)."""
    root = doc.styles.element
    normal = root.find(f"{qn('w:style')}[@{qn('w:styleId')}='Normal']")
    for where in (normal, root.find(qn("w:docDefaults"))):
        fonts = where.find(f".//{qn('w:rFonts')}") if where is not None else None
        if fonts is not None and fonts.get(qn("w:ascii")):
            return str(fonts.get(qn("w:ascii")))
    return theme_font(theme)
