"""Boxes on which none of the theme's text colours reads take another of its fill and text pairs.

The case, made at test time: the bundled template with a grey theme, every accent a mid grey
(#767676 to #808080), text dark grey (#3A3A3A) and background off-white (#F2F2F2). On a
mid grey neither reaches 4.5:1, so recolouring the text alone (what the repair did first)
leaves the timeline's span bars unreadable; a bar must take a fill of the theme on which a
theme text colour passes, and boxes whose text already read must keep theirs.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from corpus import NS, _set_theme_colours
from office import ooxml_validate
from pptx import Presentation

from neslis_desktop.model import Project
from neslis_desktop.render.deck import write_deck
from neslis_desktop.render.deck.inspect import inspect_deck, repair
from neslis_desktop.render.deck.inspect.colour import contrast, hex_rgb
from neslis_desktop.resources import bundled_deck_template

GREYS = {
    "dk1": "3A3A3A",
    "lt1": "F2F2F2",
    "dk2": "4A4A4A",
    "lt2": "E0E0E0",
    "accent1": "7A7A7A",
    "accent2": "808080",
    "accent3": "767676",
    "accent4": "7F7F7F",
    "accent5": "787878",
    "accent6": "7C7C7C",
}
SLOT = {"tx1": "dk1", "bg1": "lt1", "tx2": "dk2", "bg2": "lt2"}


def _grey_template(target: Path) -> Path:
    prs = Presentation(str(bundled_deck_template()))
    _set_theme_colours(prs, GREYS)
    prs.save(str(target))
    return target


def _fills(deck: Path) -> dict[tuple[int, str], tuple[str, str | None]]:
    """(slide, shape name) -> (its own fill's theme colour, its first run's theme colour)."""
    out = {}
    for n, slide in enumerate(Presentation(str(deck)).slides, start=1):
        for shape in slide.shapes:
            fill = shape._element.find("p:spPr/a:solidFill/a:schemeClr", NS)
            if fill is None or not shape.has_text_frame or not shape.text_frame.text.strip():
                continue
            run = shape._element.find(".//a:r/a:rPr/a:solidFill/a:schemeClr", NS)
            out[(n, shape.name)] = (fill.get("val"), run.get("val") if run is not None else None)
    return out


def test_unreadable_boxes_take_another_fill_and_text_pair(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    template = _grey_template(tmp_path / "greys.pptx")
    text_only = tmp_path / "text-only.pptx"
    with monkeypatch.context() as patch:
        patch.setattr(repair, "_passing_pair", lambda *args: None)  # the repair as it was: text colours only
        write_deck(project, text_only, template=template)
    unreadable = {(f.slide, f.shape) for f in inspect_deck(text_only).findings if f.kind == "contrast"}
    assert unreadable  # no text colour of the theme reads on a mid grey

    deck = tmp_path / "deck.pptx"
    messages = write_deck(project, deck, template=template)
    assert [f for f in inspect_deck(deck).findings if f.kind == "contrast"] == []
    assert any("with its box's fill" in m for m in messages)
    before, after = _fills(text_only), _fills(deck)
    for key in unreadable:
        fill, text = after[key]
        assert fill != before[key][0] and text is not None  # another fill, and a text colour for it
        value = GREYS.get(SLOT.get(fill, fill))
        assert value is not None and contrast(hex_rgb(value), hex_rgb(GREYS[SLOT[text]])) >= 4.5
    # Boxes whose text read keep their fill.
    assert all(after[key][0] == before[key][0] for key in before if key not in unreadable)
    ooxml_validate(deck)
