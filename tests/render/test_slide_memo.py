"""Slides read and checked before are remembered by what they and their layouts say, never more.

The slide reader (the inspector's facts) and the deck's accessibility check remember each
slide by digests of its XML and of what it inherits from (:mod:`neslis_desktop.render.slide_memo`).
These tests change one of those in memory between two readings, the slide, its layout, its
master's theme, and check that the second reading sees the change, as a reading with nothing
remembered does; and that what is remembered holds no slide's XML and is never changed by a repair.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from lxml import etree
from memos import nothing_remembered, plain
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_AUTO_SIZE
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.util import Inches, Pt

from neslis_desktop.render.a11y import check_file
from neslis_desktop.render.deck import build_deck
from neslis_desktop.render.deck.inspect import inspect_deck, read, repair
from neslis_desktop.render.deck.inspect.read import slide_facts
from neslis_desktop.render.slide_memo import Memo, SlideDigests

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
TITLE_ONLY = 5


def _afresh(prs: Any, monkeypatch: pytest.MonkeyPatch) -> tuple[object, list[str]]:
    """The facts and the accessibility findings of ``prs`` with nothing remembered."""
    with monkeypatch.context() as patch:
        nothing_remembered(patch)
        return plain(slide_facts(prs)), _checked(prs)


def _checked(prs: Any) -> list[str]:
    """The accessibility check's findings, then the slide inspector's."""
    checked = [repr(f) for f in check_file(Path("deck.pptx"), opened=prs).findings]
    return checked + [repr(f) for f in inspect_deck(prs).findings]


def _deck() -> Any:
    """python-pptx's default deck: two title-only slides with a text box and a table, all
    inheriting their look."""
    prs = Presentation()
    prs.core_properties.title = "A deck"
    for title in ("First", "Second"):
        slide = prs.slides.add_slide(prs.slide_layouts[TITLE_ONLY])
        slide.shapes.title.text = title
        box = slide.shapes.add_textbox(Inches(1), Inches(3), Inches(6), Inches(1))
        box.text_frame.text = f"Text of {title.lower()}"
        table = slide.shapes.add_table(2, 2, Inches(1), Inches(4.5), Inches(4), Inches(1)).table
        for n, cell in enumerate(table.iter_cells()):
            cell.text = f"Cell {n}"
    return prs


def test_the_memo_keeps_the_most_recently_used() -> None:
    memo: Memo[str] = Memo(2)
    memo.put("a", "A")
    memo.put("b", "B")
    assert memo.get("a") == "A"  # now the most recent
    memo.put("c", "C")
    assert (memo.get("a"), memo.get("b"), memo.get("c")) == ("A", None, "C")
    assert len(memo) == 2


def test_a_slide_read_again_points_at_its_own_elements_and_the_memo_at_none() -> None:
    prs = _deck()
    slide_facts(prs)  # remembered
    again = _deck()  # the same bytes, another presentation
    for slide, facts in zip(again.slides, slide_facts(again), strict=True):
        own = [s for s in facts.shapes if s.layer == "slide"]
        assert own
        assert all(s.element is not None and s.element.getroottree().getroot() is slide.element for s in own)
    for slide in again.slides:
        known = read.SLIDES_READ.get(SlideDigests(again).of(slide))
        assert known is not None, "the slide read twice was not remembered"
        assert not _elements(known), "the memo would keep a deck's XML alive"


def _elements(value: object) -> list[object]:
    """Every lxml element held anywhere inside ``value`` (dataclasses, tuples, lists)."""
    if isinstance(value, etree._Element):
        return [value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [e for f in dataclasses.fields(value) for e in _elements(getattr(value, f.name))]
    if isinstance(value, (list, tuple)):
        return [e for v in value for e in _elements(v)]
    if isinstance(value, dict):
        return [e for v in value.values() for e in _elements(v)]
    return []


def test_a_slide_changed_since_is_read_and_checked_again(monkeypatch: pytest.MonkeyPatch) -> None:
    prs = _deck()
    before = plain(slide_facts(prs)), _checked(prs)
    run = prs.slides[1].shapes[1].text_frame.paragraphs[0].runs[0]
    run.text = "Changed text"
    run.font.size = Pt(8)  # below the check's 12 pt
    after = plain(slide_facts(prs)), _checked(prs)
    assert after != before
    assert after == _afresh(prs, monkeypatch)
    assert any("8 pt" in f for f in after[1])
    assert "Changed text" in str(after[0])


def test_a_layout_changed_under_unchanged_slides_is_read_and_checked_again(monkeypatch: pytest.MonkeyPatch) -> None:
    prs = _deck()
    before = plain(slide_facts(prs)), _checked(prs)
    slide_xml = [etree.tostring(s.element) for s in prs.slides]
    title = next(sp for sp in prs.slide_layouts[TITLE_ONLY].placeholders if sp.placeholder_format.type == 1)
    # The layout's title sets its text at 8 pt, and moves; the slides' titles inherit both.
    body = title.element.find(f".//{A}lstStyle")
    lvl = etree.SubElement(body, f"{A}lvl1pPr")
    etree.SubElement(lvl, f"{A}defRPr").set("sz", "800")
    title.left, title.top, title.width, title.height = Inches(2), Inches(0.5), Inches(6), Inches(1)
    assert [etree.tostring(s.element) for s in prs.slides] == slide_xml  # the slides' own XML is the same
    facts, checked = after = plain(slide_facts(prs)), _checked(prs)
    assert after != before
    assert after == _afresh(prs, monkeypatch)
    assert sum("text-size" in f for f in checked) == 2, "each title now reads at 8 pt"
    titles = [next(s for s in slide["shapes"] if s["ph_type"] == "title") for slide in facts]  # type: ignore[union-attr,index]
    assert {t["rect"]["x"] for t in titles} == {Inches(2)}
    assert {r["size"] for t in titles for p in t["paras"] for r in p["runs"]} == {8.0}


def test_a_theme_changed_under_unchanged_slides_and_layouts_is_read_again(monkeypatch: pytest.MonkeyPatch) -> None:
    prs = _deck()
    before = plain(slide_facts(prs)), _checked(prs)
    theme = prs.slide_masters[0].part.part_related_by(RT.THEME)
    root = etree.fromstring(theme.blob)
    dark = root.find(f"{A}themeElements/{A}clrScheme/{A}dk1")
    dark.clear()
    etree.SubElement(dark, f"{A}srgbClr").set("val", "FFFFFE")  # text as white as the background
    theme._blob = etree.tostring(root)  # python-pptx keeps a theme as its bytes
    after = plain(slide_facts(prs)), _checked(prs)
    assert after != before
    assert after == _afresh(prs, monkeypatch)
    assert any("contrast" in f for f in after[1])
    assert "[255, 255, 254]" in str(after[0])


def test_a_repair_leaves_the_remembered_reading_as_it_was(project: Any) -> None:
    prs = build_deck(project).prs
    slide = prs.slides[3]
    footer = next(sp for sp in slide.shapes if sp.is_placeholder and sp.placeholder_format.type == 15)  # FOOTER
    footer.text_frame.paragraphs[0].runs[0].text = "An event whose name runs on far longer than its footer box " * 3
    facts = slide_facts(prs)
    key = SlideDigests(prs).of(slide)
    sizes = [r.size for s in read.SLIDES_READ.get(key).shapes for p in s.paras for r in p.runs]  # type: ignore[union-attr]
    assert repair.fix_footers(prs, facts) == 1, "the long footer should have been set smaller"
    assert [r.size for s in read.SLIDES_READ.get(key).shapes for p in s.paras for r in p.runs] == sizes  # type: ignore[union-attr]
    assert [r.size for s in facts[3].shapes if s.layer == "slide" for p in s.paras for r in p.runs] == sizes


def _titled(titles: list[str], add: Callable[[Any], None]) -> Any:
    """A deck of title-only slides, one per title, each given what ``add`` puts on it."""
    prs = Presentation()
    for title in titles:
        slide = prs.slides.add_slide(prs.slide_layouts[TITLE_ONLY])
        slide.shapes.title.text = title
        add(slide)
    return prs


def test_a_slide_met_again_elsewhere_in_a_deck_is_named_by_its_new_place() -> None:
    def deck(titles: list[str]) -> Any:
        def small(slide: Any) -> None:
            slide.shapes.title.text_frame.paragraphs[0].runs[0].font.size = Pt(8)

        return _titled(titles, small)

    assert [f.slide for f in check_file(Path("a.pptx"), opened=deck(["Small"])).findings if f.rule == "text-size"] == [
        1
    ]
    moved = check_file(Path("b.pptx"), opened=deck(["Before", "Small"])).findings
    small = [f for f in moved if f.rule == "text-size"]
    assert [(f.slide, f.location) for f in small] == [(1, "slide 1 ('Before')"), (2, "slide 2 ('Small')")]


def test_the_inspector_names_a_slide_met_again_by_its_new_place() -> None:
    def deck(titles: list[str]) -> Any:
        def full(slide: Any) -> None:
            box = slide.shapes.add_textbox(Inches(1), Inches(3), Inches(2), Inches(0.4))
            box.text_frame.word_wrap = True
            box.text_frame.auto_size = MSO_AUTO_SIZE.NONE  # the box keeps its size: the text overflows
            box.text_frame.text = "Far more text than a box this small can hold, " * 4

        return _titled(titles, full)

    def overflows(prs: Any) -> list[int]:
        return [f.slide for f in inspect_deck(prs).findings if f.kind == "overflow"]

    assert overflows(deck(["Full"])) == [1]
    assert overflows(deck(["Before", "Full"])) == [1, 2]


def test_only_slides_whose_text_reads_well_are_remembered_as_readable() -> None:
    prs = _deck()
    for slide in prs.slides:  # text all but as light as the background
        for shape in slide.shapes:
            if shape.has_text_frame:
                for p in shape.text_frame.paragraphs:
                    for r in p.runs:
                        r.font.color.rgb = RGBColor(0xF4, 0xF4, 0xF4)
    facts = slide_facts(prs)
    assert repair.fix_contrast(prs, facts) > 0
    # The same reading again (stale now) still asks for the same repair: it was not remembered as readable.
    assert repair.fix_contrast(prs, facts) > 0
    clean = _deck()
    clean_facts = slide_facts(clean)
    assert repair.fix_contrast(clean, clean_facts) == 0
    assert all(repair.READABLE.get(f.key) for f in clean_facts)


def test_the_inspector_judges_a_slide_met_again_on_a_wider_deck_by_that_deck() -> None:
    def off_slide(width: float) -> list[str]:
        prs = Presentation()
        prs.slide_width = Inches(width)  # the presentation's, not the slide's: no slide XML changes
        slide = prs.slides.add_slide(prs.slide_layouts[TITLE_ONLY])
        slide.shapes.title.text = "Wide"
        frame = slide.shapes.add_textbox(Inches(9), Inches(3), Inches(2), Inches(0.5)).text_frame
        frame.word_wrap, frame.text = True, "Edge"
        return [f.kind for f in inspect_deck(prs).findings if f.kind == "off-slide"]

    assert off_slide(10) == ["off-slide"]
    assert off_slide(13.333) == []
