"""``first``, the compiled form of ``find`` the inspector uses, finds what ``find`` finds."""

from __future__ import annotations

import re
from pathlib import Path

from pptx import Presentation

from neslis_desktop.render.deck.oxml import ns
from neslis_desktop.render.deck.oxml.shapes import element
from neslis_desktop.resources import bundled_deck_template

SOURCES = [Path(ns.__file__).parent.parent / "inspect" / name for name in ("inherit.py", "read.py", "tables.py")]


def _paths() -> set[str]:
    """Every literal path the inspector passes to ``first`` (f-strings filled for list levels 1 to 3)."""
    found: set[str] = set()
    for source in SOURCES:
        for literal in re.findall(r'first\([^,]+, (f?"[^"]+")\)', source.read_text("utf-8")):
            text = literal.lstrip("f").strip('"')
            for level in range(3):
                filled = text.replace("{level + 1}", str(level + 1)).replace("{name}", "wholeTbl")
                filled = filled.replace("{which}", ("titleStyle", "bodyStyle", "otherStyle")[level])
                filled = filled.replace("a:{tag}", ("a:spcBef", "a:spcAft", "a:lnSpc")[level])
                found.add(filled.replace("{tag}", f"a:lvl{level + 1}pPr"))
    return found


def test_first_finds_what_find_finds_in_every_part_of_a_real_template() -> None:
    paths = _paths()
    assert len(paths) > 20, "the inspector's paths were not found in its source"
    prs = Presentation(str(bundled_deck_template()))
    roots = [element(m) for m in prs.slide_masters] + [element(layout) for layout in prs.slide_layouts]
    checked = 0
    for root in roots:
        for el in root.iter():
            if not isinstance(el.tag, str):
                continue
            for path in paths:
                expected = el.find(path, ns.NS)
                assert ns.first(el, path) is expected, (path, el.tag)
                checked += expected is not None
    assert checked > 100, "too few paths matched anything to show they agree"
