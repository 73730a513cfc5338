"""The re-planning loop: a section the inspector finds problems on is planned again, bounded.

The case: a template whose body placeholders set a wider font (DejaVu Sans) in their own list
style than the theme's (what the planner measures with). The first plan overflows; the loop
must leave no problem. The bundled project through the bundled template has none to begin
with, so the loop must not run at all.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree
from pptx import Presentation

from neslis_desktop.model import Project
from neslis_desktop.render.deck import build_deck, layout_alternatives, replan, write_deck
from neslis_desktop.render.deck.inspect import inspect_deck
from neslis_desktop.render.pack import build_pack
from neslis_desktop.resources import bundled_deck_template

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"


def _wide_body_font(target: Path) -> Path:
    """The bundled template with DejaVu Sans (about 15% wider than Carlito) in its body placeholders."""
    prs = Presentation(str(bundled_deck_template()))
    for layout in prs.slide_layouts:
        for ph in layout.placeholders:
            if ph.element.find(f".//{P}ph").get("type") not in (None, "body", "obj"):
                continue
            lst = ph.element.find(f"{P}txBody/{A}lstStyle")
            for child in list(lst):
                lst.remove(child)
            for level in range(1, 4):
                defaults = etree.SubElement(etree.SubElement(lst, f"{A}lvl{level}pPr"), f"{A}defRPr")
                etree.SubElement(defaults, f"{A}latin").set("typeface", "DejaVu Sans")
    prs.save(str(target))
    return target


def _words(deck: Path) -> set[str]:
    return {
        w
        for s in Presentation(str(deck)).slides
        for sh in s.shapes
        if sh.has_text_frame
        for w in sh.text_frame.text.split()
    }


def test_a_section_that_overflowed_is_planned_again_without_problems(project: Project, tmp_path: Path) -> None:
    template = _wide_body_font(tmp_path / "wide.pptx")
    first = tmp_path / "first.pptx"
    write_deck(project, first, template=template)
    before = inspect_deck(first).findings
    assert "overflow" in {f.kind for f in before}  # the planner alone is fooled by the layout's font

    result = build_pack(project, tmp_path / "out", deck_template=template, only="deck")
    assert result.problems == []
    assert inspect_deck(result.deck).findings == []  # type: ignore[arg-type]
    laid_again = [m for m in result.messages if "laid out again" in m]
    overflowed = {f.section for f in before}
    assert laid_again and all(any(s in m for s in overflowed) for m in laid_again)
    # Nothing was cut: every word of the first plan is still in the deck (titles may number differently).
    lost = _words(first) - _words(result.deck)  # type: ignore[arg-type]
    assert all("continued" in w or w.rstrip(")").isdigit() for w in lost), lost


def test_the_bundled_deck_is_not_replanned(project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[object] = []
    real = replan.build_deck
    monkeypatch.setattr(replan, "build_deck", lambda *a: calls.append(a) or real(*a))
    looked_up: list[object] = []
    real_alternatives = replan.alternatives
    monkeypatch.setattr(replan, "alternatives", lambda *a: looked_up.append(a) or real_alternatives(*a))
    result = build_pack(project, tmp_path / "out", only="deck")
    assert result.problems == []
    assert calls == []  # no problem, no trial build
    assert looked_up == []  # and the template's other layouts are not even looked at


def test_the_loop_is_bounded_when_nothing_helps(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A template no candidate rescues: the loop tries each candidate once and gives up, deck kept.

    (The bundled template's "Title and Content" is a candidate for diagram slides; the sections
    with problems have them on text slides only, so it is not even built.)"""
    calls: list[object] = []
    monkeypatch.setattr(replan, "build_deck", lambda *a: calls.append(a) or build_deck(*a))
    monkeypatch.setattr(replan, "CANDIDATES", (0.999, 0.998))  # candidates too close to change anything
    template = _wide_body_font(tmp_path / "wide.pptx")
    deck = tmp_path / "deck.pptx"
    write_deck(project, deck, template=template)
    report = inspect_deck(deck)
    before = deck.read_bytes()
    assert replan.replan_deck(project, deck, template, report) is None
    assert len(calls) <= 1 + len(replan.CANDIDATES) + layout_alternatives.MAX_PER_ROLE
    assert deck.read_bytes() == before
