"""The one namespace map of the deck's XML, and :func:`qn` to spell a qualified name with it.

Every XPath (``find("p:cSld/p:spTree", NS)``) and every tag (``qn("a:rPr")``) in the deck
code takes its namespaces from here, so a prefix means one thing everywhere.
``tests/render/deck/test_oxml_boundary.py`` fails if another map turns up in ``render/``.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from lxml import etree

NS: dict[str, str] = {
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "p14": "http://schemas.microsoft.com/office/powerpoint/2010/main",
}
"""Prefix -> namespace URI: DrawingML, PresentationML, relationships, PowerPoint 2010."""


def qn(tag: str) -> str:
    """The Clark name (``{uri}local``) of a prefixed tag such as ``"a:rPr"``."""
    prefix, local = tag.split(":")
    return f"{{{NS[prefix]}}}{local}"


@lru_cache(maxsize=512)
def xpath(path: str) -> etree.XPath:
    """``path`` (prefixes from :data:`NS`) compiled once.

    lxml's ``find`` parses its path in Python on every call; the slide inspector asks the same
    few paths of every shape and paragraph of a deck, and a compiled XPath answers in about a
    third of the time.
    """
    return etree.XPath(path, namespaces=NS)


def first(el: Any, path: str) -> Any:
    """The first element ``path`` finds under ``el`` (as ``el.find(path, NS)``), or ``None``."""
    found = xpath(path)(el)
    return found[0] if found else None
