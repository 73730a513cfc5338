"""Re-planning onto the template's other layouts, when a smaller body area cannot help.

The case, made at test time from the bundled template: its "Title and Content" gets a title
box a fifth of the slide wide (as LibreOffice's Candy has), so long section titles overflow
it whatever the body does, and the template has a second content layout, "Text Wide", with the
original's full-width title. Only that layout removes the problems; the deck must say so and
draw those sections on it. A layout that passes the loader's rules but helps no one must leave
the deck byte for byte as it was.
"""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from lxml import etree
from office import ooxml_validate
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.packuri import PackURI
from pptx.oxml.ns import qn
from pptx.parts.slide import SlideLayoutPart
from pptx.presentation import Presentation as PresentationObj
from pptx.slide import SlideLayout

from neslis_desktop.model import Project
from neslis_desktop.render.deck import build_deck, layout_alternatives, replan, write_deck
from neslis_desktop.render.deck.inspect import inspect_deck
from neslis_desktop.render.deck.template import load_template
from neslis_desktop.render.pack import build_pack
from neslis_desktop.resources import bundled_deck_template

WIDE = "Text Wide"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
P = "http://schemas.openxmlformats.org/presentationml/2006/main"


def _clone_layout(prs: PresentationObj, source: SlideLayout, name: str) -> SlideLayout:
    """A copy of ``source`` as a new layout of its master, called ``name``."""
    master = source.slide_master
    taken = {str(p.partname) for p in prs.part.package.iter_parts()}
    n = 1 + len(taken)
    while f"/ppt/slideLayouts/slideLayout{n}.xml" in taken:
        n += 1
    element = copy.deepcopy(source._element)
    element.find(qn("p:cSld")).set("name", name)
    part = SlideLayoutPart.load(
        PackURI(f"/ppt/slideLayouts/slideLayout{n}.xml"), source.part.content_type, prs.part.package,
        etree.tostring(element),
    )  # fmt: skip
    part.relate_to(master.part, RT.SLIDE_MASTER)
    r_id = master.part.relate_to(part, RT.SLIDE_LAYOUT)
    ids = master._element.find(qn("p:sldLayoutIdLst"))
    used = [int(e.get("id")) for e in ids] + [int(e.get("id")) for e in prs.part._element.iter(qn("p:sldMasterId"))]
    etree.SubElement(ids, qn("p:sldLayoutId"), {"id": str(max(used) + 1), qn("r:id"): r_id})
    return part.slide_layout


def _narrow_title(layout: SlideLayout, fraction: float, kind: str = "title", *, height: float = 1.0) -> None:
    """``layout``'s ``kind`` box ``fraction`` as wide (and ``height`` as tall), at the same place."""
    for ph in layout.placeholders:
        if ph.element.find(f".//{qn('p:ph')}").get("type") == kind:
            x, y, w, h = ph.left, ph.top, ph.width, ph.height  # inherited from the master if unset
            ph.left, ph.top, ph.width, ph.height = x, y, int(w * fraction), int(h * height)


def _template(target: Path, *, wide_title: bool) -> Path:
    """The bundled template, its "Title and Content" title a fifth as wide, and a copy "Text Wide".

    ``wide_title``: the copy keeps the full-width title (it helps); otherwise its title is as
    narrow as the original's, bar a little (it passes the loader's rules but helps no one).
    """
    prs = Presentation(str(bundled_deck_template()))
    content = prs.slide_layouts.get_by_name("Title and Content")
    assert content is not None
    wide = _clone_layout(prs, content, WIDE)
    _narrow_title(content, 0.2)
    if not wide_title:
        _narrow_title(wide, 0.21)
    prs.save(str(target))
    return target


def _title_overflows(deck: Path) -> set[str]:
    """Sections whose text-slide titles the inspector finds too long for their boxes."""
    return {f.section for f in inspect_deck(deck).findings if f.kind == "overflow" and "title" in f.message}


def test_only_another_layout_rescues_titles_too_long_for_the_first(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    template = _template(tmp_path / "narrow-title.pptx", wide_title=True)
    loaded = load_template(template)
    assert loaded.layouts["content"].name == "Title and Content"  # the loader keeps it: it passes by geometry
    assert [a.layout.name for a in layout_alternatives.alternatives(loaded, "content")] == [WIDE]

    first = tmp_path / "first.pptx"
    write_deck(project, first, template=template)
    overflowing = _title_overflows(first)
    assert overflowing  # the long section titles do not fit a fifth of the slide

    # Smaller body areas alone leave the titles as they were.
    monkeypatch.setattr(replan, "alternatives", lambda *a: [])
    body_only = tmp_path / "body-only.pptx"
    write_deck(project, body_only, template=template)
    replanned = replan.replan_deck(project, body_only, template, inspect_deck(body_only))
    assert replanned is None or _title_overflows(body_only) == overflowing
    monkeypatch.undo()

    result = build_pack(project, tmp_path / "out", deck_template=template, only="deck")
    assert result.deck is not None
    assert result.problems == []
    assert inspect_deck(result.deck).findings == []
    said = [m for m in result.messages if f"on the template's layout '{WIDE}'" in m]
    assert said and all(any(f"'{s}'" in m for m in said) for s in overflowing), said
    # Those sections' text slides are drawn on "Text Wide", with their titles whole in its title box.
    prs = Presentation(str(result.deck))
    on_wide = [s for s in prs.slides if s.slide_layout.name == WIDE]
    assert on_wide
    for slide in on_wide:
        assert slide.shapes.title is not None and slide.shapes.title.text_frame.text.strip()
        assert slide.shapes.title.width > prs.slide_width * 0.8
        bodies = [sh for sh in slide.placeholders if sh.placeholder_format.type == PP_PLACEHOLDER.OBJECT]
        assert len(bodies) == 1 and bodies[0].text_frame.text.strip()  # the text in the layout's body
    # Sections that had no problem keep the template's own content layout.
    assert any(s.slide_layout.name == "Title and Content" for s in prs.slides)
    ooxml_validate(result.deck)


def test_a_layout_that_helps_no_one_leaves_the_deck_byte_for_byte(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    template = _template(tmp_path / "narrow-both.pptx", wide_title=False)
    assert [a.layout.name for a in layout_alternatives.alternatives(load_template(template), "content")] == [WIDE]
    calls: list[object] = []
    monkeypatch.setattr(replan, "build_deck", lambda *a: calls.append(a) or build_deck(*a))
    deck = tmp_path / "deck.pptx"
    write_deck(project, deck, template=template)
    report = inspect_deck(deck)
    assert report.findings
    before = deck.read_bytes()
    assert replan.replan_deck(project, deck, template, report) is None
    assert any(a[3] for a in calls if len(a) > 3)  # the layout was tried
    assert len(calls) <= 1 + len(replan.CANDIDATES) + layout_alternatives.MAX_PER_ROLE
    assert deck.read_bytes() == before


def test_layouts_that_break_the_loaders_rules_or_repeat_a_frame_are_not_offered(tmp_path: Path) -> None:
    """A copy under a fixed "Confidential" box is left out, and two copies with one frame count once."""
    prs = Presentation(str(bundled_deck_template()))
    content = prs.slide_layouts.get_by_name("Title and Content")
    assert content is not None
    _narrow_title(content, 0.5)
    _clone_layout(prs, content, "Twin A")
    twin = _clone_layout(prs, content, "Twin B")
    _narrow_title(twin, 1.5)  # wider again: a frame of its own
    _clone_layout(prs, twin, "Twin C")  # the same frame as Twin B
    covered = _clone_layout(prs, twin, "Covered")
    body = content.placeholders[1]
    covered.shapes._spTree.append(
        etree.fromstring(
            f'<p:sp xmlns:p="{P}" xmlns:a="{A}"><p:nvSpPr><p:cNvPr id="90" name="Stamp"/><p:cNvSpPr txBox="1"/>'
            f'<p:nvPr/></p:nvSpPr><p:spPr><a:xfrm><a:off x="{body.left}" y="{body.top}"/>'
            '<a:ext cx="3000000" cy="1500000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr>'
            "<p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:r><a:t>Confidential</a:t></a:r></a:p></p:txBody></p:sp>"
        )
    )
    target = tmp_path / "twins.pptx"
    prs.save(str(target))
    names = [a.layout.name for a in layout_alternatives.alternatives(load_template(target), "content")]
    assert "Twin A" not in names  # the same frame as the chosen layout's
    assert "Covered" not in names
    assert names == ["Twin B"]


def test_the_title_slide_moves_to_another_title_layout_when_its_subtitle_does_not_fit(
    project: Project, tmp_path: Path
) -> None:
    """The "Title Slide" subtitle box a fifth as tall, and a copy "Opening" with the original's boxes."""
    prs = Presentation(str(bundled_deck_template()))
    cover = prs.slide_layouts.get_by_name("Title Slide")
    assert cover is not None
    _clone_layout(prs, cover, "Opening")
    _narrow_title(cover, 1.0, "subTitle", height=0.2)
    template = tmp_path / "short-subtitle.pptx"
    prs.save(str(template))
    assert [a.layout.name for a in layout_alternatives.alternatives(load_template(template), "title")] == ["Opening"]

    first = tmp_path / "first.pptx"
    write_deck(project, first, template=template)
    assert {f.kind for f in inspect_deck(first).findings if f.slide == 1} == {"overflow"}

    result = build_pack(project, tmp_path / "out", deck_template=template, only="deck")
    assert result.deck is not None and result.problems == []
    assert any(
        m.startswith("The title slide was laid out again on the template's layout 'Opening'") for m in result.messages
    )
    slides = list(Presentation(str(result.deck)).slides)
    assert slides[0].slide_layout.name == "Opening"
    assert project.meta.title in slides[0].shapes.title.text_frame.text
    assert all(s.slide_layout.name != "Opening" for s in slides[1:])  # the sections keep their layouts
    ooxml_validate(result.deck)
