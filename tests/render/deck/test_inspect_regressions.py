"""Each defect class of issue 10, built through the real pipeline: flagged without its fix, gone with it.

"Without its fix" is made by switching that one fix off for the test (the rest of the build
is the real one), so each test shows both that the inspector sees the defect on a written
deck and that the build no longer makes it.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from corpus import mutate
from lxml import etree
from pptx import Presentation

from neslis_desktop.model import Project
from neslis_desktop.model.blocks import OrgChartBlock, OrgNode
from neslis_desktop.render.deck import template as template_module
from neslis_desktop.render.deck import write_deck
from neslis_desktop.render.deck.inspect import inspect_deck, repair
from neslis_desktop.resources import bundled_deck_template

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def _kinds(deck: Path | bytes) -> set[str]:
    return {f.kind for f in inspect_deck(deck).findings}


def test_layout_with_a_tiny_body_box_is_not_used_for_text(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A Keynote-style "Title and Content" whose body is 2% of the slide gave pages of two words each."""
    tiny = mutate(bundled_deck_template(), "tiny-body", tmp_path / "tiny.pptx")
    fixed = tmp_path / "fixed.pptx"
    messages = write_deck(project, fixed, template=tiny)
    assert any("does not serve text slides" in m for m in messages)
    assert not _kinds(fixed) & {"near-empty", "mid-sentence", "overflow"}
    monkeypatch.setattr(template_module, "_by_geometry", lambda *args: [])
    broken = tmp_path / "broken.pptx"
    write_deck(project, broken, template=tiny)
    assert len(Presentation(str(broken)).slides) > 2 * len(Presentation(str(fixed)).slides)
    assert {"near-empty", "mid-sentence"} & _kinds(broken)


def test_a_fixed_box_over_the_title_area(
    project: Project, tmp_path: Path, pandoc_reference: Callable[[str], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    source = mutate(pandoc_reference("pptx"), "confidential-box", tmp_path / "confidential.pptx")
    deck = tmp_path / "deck.pptx"
    messages = write_deck(project, deck, template=source)
    assert any("narrowed" in m for m in messages)
    assert "covers-title" not in _kinds(deck)
    monkeypatch.setattr(template_module, "_by_geometry", lambda *args: [])
    broken = tmp_path / "broken.pptx"
    write_deck(project, broken, template=source)
    assert "covers-title" in _kinds(broken)


@pytest.mark.parametrize("mutation", ["pale-accents", "dark-background-only"])
def test_text_takes_the_themes_contrasting_colour(
    mutation: str, project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = mutate(bundled_deck_template(), mutation, tmp_path / f"{mutation}.pptx")
    deck = tmp_path / "deck.pptx"
    write_deck(project, deck, template=source)
    assert "contrast" not in _kinds(deck)
    monkeypatch.setattr(repair, "fix_contrast", lambda *args: 0)  # write_deck imports it when it runs
    broken = tmp_path / "broken.pptx"
    write_deck(project, broken, template=source)
    assert "contrast" in _kinds(broken)


def _offset_chart(project: Project) -> Project:
    chart = OrgChartBlock(
        nodes=[
            OrgNode(id="board", title="Riverside LEP Board"),
            OrgNode(id="panel", title="Prosperity Review Panel", parent="board"),
            OrgNode(id="skills", title="Skills Advisory Panel", parent="panel"),
            OrgNode(id="energy", title="Energy Partnership", parent="panel"),
            OrgNode(id="place", title="Place Board", parent="panel"),
        ]
    )
    section = project.sections[0].model_copy(update={"blocks": [chart], "notes": None})
    return project.model_copy(update={"sections": [section]})


def test_elbow_connectors_drop_onto_their_child_boxes(project: Project, tmp_path: Path) -> None:
    deck = tmp_path / "deck.pptx"
    write_deck(_offset_chart(project), deck)
    assert "connector" not in _kinds(deck)
    # The connectors as the writer drew them before: unturned, so horizontal first.
    prs = Presentation(str(deck))
    elbows = 0
    for slide in prs.slides:
        for c in slide.shapes._spTree.iter("{http://schemas.openxmlformats.org/presentationml/2006/main}cxnSp"):
            xfrm = c.find(f".//{A}xfrm")
            if xfrm.get("rot") is None:
                continue
            elbows += 1
            start, end = _ends(xfrm)
            for k in ("rot", "flipH", "flipV"):
                xfrm.attrib.pop(k, None)
            off, ext = xfrm.find(f"{A}off"), xfrm.find(f"{A}ext")
            off.set("x", str(min(start[0], end[0])))
            off.set("y", str(min(start[1], end[1])))
            ext.set("cx", str(abs(end[0] - start[0])))
            ext.set("cy", str(abs(end[1] - start[1])))
            if start[0] > end[0]:
                xfrm.set("flipH", "1")
    assert elbows >= 2
    buf = io.BytesIO()
    prs.save(buf)
    assert "connector" in _kinds(buf.getvalue())


def _ends(xfrm: etree._Element) -> tuple[tuple[int, int], tuple[int, int]]:
    """Start and end of a quarter-turned connector (the inverse of the writer's turn)."""
    off, ext = xfrm.find(f"{A}off"), xfrm.find(f"{A}ext")
    x, y, w, h = (int(off.get("x")), int(off.get("y")), int(ext.get("cx")), int(ext.get("cy")))
    cx, cy = x + w / 2, y + h / 2
    lx = w / 2 if xfrm.get("flipH") == "1" else -w / 2
    ly = h / 2 if xfrm.get("flipV") == "1" else -h / 2
    start = (round(cx - ly), round(cy + lx))
    return start, (round(2 * cx - start[0]), round(2 * cy - start[1]))


def test_speaker_notes_have_no_raw_markup(project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    section = project.sections[0].model_copy(update={"notes": "Stress the **three** priorities"})
    marked = project.model_copy(update={"sections": [section, *project.sections[1:3]]})
    deck = tmp_path / "deck.pptx"
    write_deck(marked, deck)
    assert "markup" not in _kinds(deck)
    from neslis_desktop.render.deck import writer

    monkeypatch.setattr(writer, "plain_text", lambda text: text)
    broken = tmp_path / "broken.pptx"
    write_deck(marked, broken)
    assert "markup" in _kinds(broken)


def _one_section(project: Project, *blocks: object, title: str = "Evidence") -> Project:
    section = project.sections[0].model_copy(update={"blocks": list(blocks), "notes": None, "title": title})
    return project.model_copy(update={"sections": [section]})


def _written(project: Project, tmp_path: Path, name: str = "deck.pptx") -> Path:
    deck = tmp_path / name
    write_deck(project, deck)
    return deck


def test_a_ten_card_grid_splits_five_and_five_with_its_heading_on_both(project: Project, tmp_path: Path) -> None:
    """Seen: 3 + 2 then 4 + one wide, with different widths, and the lead line on one slide only."""
    from neslis_desktop.model.blocks import Card, CardsBlock

    long = "A finding from the evidence base, written out at the length an officer would use on a card."
    cards = CardsBlock(
        heading="Ten findings",
        intro=["The evidence base was reviewed by partners."],
        cards=[Card(title=f"Finding {i}", body=long * 2) for i in range(10)],
    )
    deck = _written(_one_section(project, cards), tmp_path)
    prs = Presentation(str(deck))
    slides = [s for s in prs.slides if any(sh.name.startswith("Card ") for sh in s.shapes)]
    counts = [sum(sh.name.startswith("Card ") for sh in s.shapes) for s in slides]
    widths = {sh.width for s in slides for sh in s.shapes if sh.name.startswith("Card ")}
    assert len(slides) > 1 and max(counts) - min(counts) <= 1 and len(widths) == 1, (counts, widths)
    assert all({"Lead", "Intro"} <= {sh.name for sh in s.shapes} for s in slides)
    assert not _kinds(deck) & {"uneven-split", "lost-heading", "overflow"}


def test_long_text_splits_between_sentences_at_one_size(project: Project, tmp_path: Path) -> None:
    """Seen: a paragraph continued mid-sentence, the size jumping from 18 to 23 pt, one-line slides."""
    from neslis_desktop.model.blocks import ParagraphBlock

    sentence = "Partners will agree the priorities, publish the evidence and report progress every year. "
    blocks = [ParagraphBlock(text=sentence * 40), ParagraphBlock(text="A short closing paragraph.")]
    deck = _written(_one_section(project, *blocks), tmp_path)
    assert len(Presentation(str(deck)).slides) > 2
    assert not _kinds(deck) & {"mid-sentence", "size-jump", "near-empty", "overflow"}


def test_split_targets_keep_the_goal_and_the_delivery_bands_on_both_slides(project: Project, tmp_path: Path) -> None:
    from neslis_desktop.model.blocks import Target, TargetsBlock

    wording = "reduction in the gap with England in the employment rate of people aged 16 to 64, by 2030"
    block = TargetsBlock(
        goal="Grow a cleaner, fairer economy",
        targets=[Target(text=wording * 4) for _ in range(12)],
        footer=["Delivered through the strategy"],
    )
    deck = _written(_one_section(project, block, title="Targets"), tmp_path)
    slides = [s for s in Presentation(str(deck)).slides if any(sh.name.startswith("Target ") for sh in s.shapes)]
    assert len(slides) == 2
    assert all({"Goal", "Footer 1"} <= {sh.name for sh in s.shapes} for s in slides)
    assert not _kinds(deck) & {"lost-heading", "overflow"}


def test_no_empty_placeholder_and_the_cover_shows_status_and_version(project: Project, tmp_path: Path) -> None:
    empty = project.sections[0].model_copy(update={"blocks": [], "notes": None, "title": "Questions?"})
    deck = _written(project.model_copy(update={"sections": [empty]}), tmp_path)
    assert "empty-placeholder" not in _kinds(deck)
    cover = Presentation(str(deck)).slides[0]
    text = "\n".join(sh.text_frame.text for sh in cover.shapes if sh.has_text_frame)
    assert f"{project.meta.status.value} \u2013 version {project.meta.version}" in text


def test_a_long_footer_shrinks_to_stay_in_a_narrow_footer_box(
    project: Project, tmp_path: Path, libreoffice_template: Callable[[str], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """LibreOffice's Vivid has a footer box for a few words at 24 pt; an event's name wrapped off the slide."""
    meta = project.meta.model_copy(update={"event": "Partners' Strategy Workshop"})
    named = project.model_copy(update={"meta": meta, "sections": project.sections[:2]})
    deck = tmp_path / "deck.pptx"
    write_deck(named, deck, template=libreoffice_template("Vivid"))
    assert not {(f.kind, f.shape.startswith("Footer")) for f in inspect_deck(deck).findings} & {
        ("overflow", True),
        ("off-slide", True),
    }
    monkeypatch.setattr(repair, "fix_footers", lambda *args: 0)
    broken = tmp_path / "broken.pptx"
    write_deck(named, broken, template=libreoffice_template("Vivid"))
    assert any(f.kind == "overflow" and f.shape.startswith("Footer") for f in inspect_deck(broken).findings)


def test_an_org_chart_box_with_many_members_fits_in_a_wide_font(project: Project, tmp_path: Path) -> None:
    """Seen: a long member list spilled out of its box when the template's body font was wider."""
    from corpus import _theme

    prs = Presentation(str(bundled_deck_template()))
    part = _theme(prs)
    root = etree.fromstring(part.blob)
    for latin in root.iter(f"{A}latin"):
        latin.set("typeface", "DejaVu Sans")  # about 15% wider than Calibri's twin
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    wide = tmp_path / "wide.pptx"
    prs.save(str(wide))
    members = [
        "Riverside City Council",
        "Northshire County Council",
        "Eastport Borough Council",
        "Riverside University",
        "Northshire College Group",
        "Chamber of Commerce",
        "Federation of Small Businesses",
        "Riverside NHS Trust",
        "Port of Eastport",
        "Energy Innovation Centre",
        "Trades Union Council",
        "Voluntary Sector Forum",
    ]
    chart = OrgChartBlock(
        nodes=[
            OrgNode(id="board", title="Riverside LEP Board"),
            OrgNode(id="panel", title="Prosperity Review Panel", parent="board", members=members),
            OrgNode(id="skills", title="Skills Advisory Panel", parent="panel"),
            OrgNode(id="place", title="Place Board", parent="panel"),
        ]
    )
    deck = tmp_path / "deck.pptx"
    write_deck(_one_section(project, chart, title="Governance"), deck, template=wide)
    findings = inspect_deck(deck).findings
    assert not [f for f in findings if f.kind in ("overflow", "overlap", "off-slide")], [str(f) for f in findings]


def test_span_labels_too_long_for_their_bars_are_placed_beside_them(project: Project, tmp_path: Path) -> None:
    """The written deck: the labels beside their bars fit, hit nothing, and the timeline keeps 12 pt."""
    from test_layouts_timeline import SHORT_SPANS

    section = project.sections[0].model_copy(update={"blocks": [SHORT_SPANS], "notes": None})
    deck = tmp_path / "deck.pptx"
    write_deck(project.model_copy(update={"sections": [section]}), deck)
    assert inspect_deck(deck).findings == []
    slides = Presentation(str(deck)).slides
    assert len(slides) == 2  # the title slide and one timeline slide
    names = {sh.name: sh for sh in slides[1].shapes}
    assert names["Lane 1 span 1.1 text"].text_frame.text == "Commercialisation consultation"
