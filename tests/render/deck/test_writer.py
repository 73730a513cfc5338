"""The pptx writer draws hand-made slide plans faithfully: reopened, the deck says what the plan said."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from deckread import off_slide, open_deck, sample_plans, slide_text, title_of
from pptx.enum.dml import MSO_COLOR_TYPE, MSO_THEME_COLOR
from pptx.enum.shapes import MSO_SHAPE, MSO_SHAPE_TYPE, PP_PLACEHOLDER
from pptx.presentation import Presentation as PresentationObj

from neslis_desktop.model import Project
from neslis_desktop.render.deck.template import load_template
from neslis_desktop.render.deck.writer import draw_deck

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    from neslis_desktop.resources import bundled_project
    from neslis_desktop.store import load_project

    project = load_project(bundled_project())
    template = load_template(None)
    messages = draw_deck(template, sample_plans(), project)
    target = tmp_path_factory.mktemp("writer") / "deck.pptx"
    template.prs.save(str(target))
    return target, messages


@pytest.fixture(scope="module")
def deck(written: tuple[Path, list[str]]) -> PresentationObj:
    return open_deck(written[0])


def test_one_slide_per_plan_each_titled_in_its_title_placeholder(deck: PresentationObj) -> None:
    plans = sample_plans()
    assert len(deck.slides) == len(plans)
    for slide, plan in zip(deck.slides, plans, strict=True):
        assert title_of(slide) == plan.title
        assert slide.shapes.title.is_placeholder


def test_layouts_follow_the_plan_roles(deck: PresentationObj) -> None:
    names = [slide.slide_layout.name for slide in deck.slides]
    # The titled "blank" plan is drawn on Title Only, since a title needs a title placeholder.
    assert names == ["Title Slide", "Section Header", "Title and Content", "Title Only", "Title Only"]


def test_subtitles_and_body_go_into_placeholders_with_levels_bullets_and_emphasis(deck: PresentationObj) -> None:
    cover, divider, content = deck.slides[0], deck.slides[1], deck.slides[2]
    subtitle = next(s for s in cover.placeholders if s.placeholder_format.type == PP_PLACEHOLDER.SUBTITLE)
    assert [p.text for p in subtitle.text_frame.paragraphs] == ["Summit engagement pack", "2026"]
    assert "Section 1" in slide_text(divider)
    body = next(s for s in content.placeholders if s.placeholder_format.idx == 1)
    paras = body.text_frame.paragraphs
    assert [p.text for p in paras] == [
        "Productivity is below the UK",
        "Second level point",
        "Numbered one",
        "Plain paragraph",
    ]
    assert [p.level for p in paras] == [0, 1, 0, 0]
    runs = paras[0].runs
    assert [r.font.bold for r in runs] == [None, True, None, None]
    assert runs[3].font.italic is True
    assert all(r.font.size is not None and r.font.size.pt == 20 for p in paras for r in p.runs)
    assert [p.space_before.pt for p in paras] == [0, 6, 6, 6]
    assert paras[2]._p.find(f"{A}pPr/{A}buAutoNum") is not None
    assert paras[3]._p.find(f"{A}pPr/{A}buNone") is not None


def test_title_and_subtitle_sizes_come_from_the_plan(deck: PresentationObj) -> None:
    cover = deck.slides[0]
    assert {r.font.size.pt for p in cover.shapes.title.text_frame.paragraphs for r in p.runs} == {40}
    subtitle = next(s for s in cover.placeholders if s.placeholder_format.type == PP_PLACEHOLDER.SUBTITLE)
    assert {r.font.size.pt for p in subtitle.text_frame.paragraphs for r in p.runs} == {22}
    # Without a planned size, the layout's own applies.
    assert all(r.font.size is None for p in deck.slides[1].shapes.title.text_frame.paragraphs for r in p.runs)


def test_shapes_are_drawn_in_plan_order_with_theme_colours_only(deck: PresentationObj) -> None:
    slide = deck.slides[3]
    drawn = [s for s in slide.shapes if not s.is_placeholder]
    assert [s.name for s in drawn] == ["Box A", "Box B", "Step 1", "Step 2", "Arrow", "Dot", "Link", "Elbow", "Note"]
    kinds = {s.name: s.auto_shape_type for s in drawn if s.shape_type == MSO_SHAPE_TYPE.AUTO_SHAPE}
    assert kinds == {
        "Box A": MSO_SHAPE.RECTANGLE,
        "Box B": MSO_SHAPE.ROUNDED_RECTANGLE,
        "Step 1": MSO_SHAPE.CHEVRON,
        "Step 2": MSO_SHAPE.PENTAGON,
        "Arrow": MSO_SHAPE.RIGHT_ARROW,
        "Dot": MSO_SHAPE.OVAL,
    }
    assert [s.shape_type for s in drawn if s.name in ("Link", "Elbow")] == [MSO_SHAPE_TYPE.LINE] * 2
    box = drawn[0]
    assert box.fill.fore_color.type == MSO_COLOR_TYPE.SCHEME
    assert box.fill.fore_color.theme_color == MSO_THEME_COLOR.ACCENT_1
    run = box.text_frame.paragraphs[0].runs[0]
    assert run.font.color.theme_color == MSO_THEME_COLOR.BACKGROUND_1
    assert drawn[1].line.color.theme_color == MSO_THEME_COLOR.TEXT_2
    assert drawn[2].adjustments[0] == pytest.approx(0.25)
    # No colour anywhere in the slides is a literal RGB value: the theme decides.
    for s in deck.slides:
        assert b"srgbClr" not in s.part.blob and b"sysClr" not in s.part.blob


def test_fonts_are_theme_references_and_text_is_british_english(written: tuple[Path, list[str]]) -> None:
    deck = open_deck(written[0])
    for slide in deck.slides:
        xml = slide.part.blob.decode("utf-8")
        for face in ('typeface="Calibri', 'typeface="Arial"'):
            assert face not in xml.replace('<a:buFont typeface="Arial"/>', "")
        rprs = slide.part._element.iter(f"{A}rPr")
        assert all(r.get("lang") == "en-GB" for r in rprs)
    quote = next(s for s in deck.slides[4].shapes if s.name == "Quote")
    assert quote.text_frame.paragraphs[0].runs[0].font.name == "+mj-lt"


def test_alt_text_on_shapes_that_carry_it(deck: PresentationObj) -> None:
    dot = next(s for s in deck.slides[3].shapes if s.name == "Dot")
    assert dot._element.xpath("./*/p:cNvPr/@descr") == ["A marker"]


def test_notes_footer_date_and_slide_number(deck: PresentationObj, project: Project) -> None:
    assert deck.slides[1].notes_slide.notes_text_frame.text == "Welcome everyone."
    assert deck.slides[2].notes_slide.notes_text_frame.text == "Speaker notes for key facts.\nSecond line."
    assert not deck.slides[0].has_notes_slide
    for number, slide in enumerate(deck.slides, start=1):
        kinds = {s.placeholder_format.type: s for s in slide.placeholders}
        assert PP_PLACEHOLDER.FOOTER in kinds and PP_PLACEHOLDER.SLIDE_NUMBER in kinds
        assert kinds[PP_PLACEHOLDER.FOOTER].text_frame.text == (project.meta.event or project.meta.organisation)
        fields = kinds[PP_PLACEHOLDER.SLIDE_NUMBER]._element.findall(f".//{A}fld")
        assert [f.get("type") for f in fields] == ["slidenum"]
        assert kinds[PP_PLACEHOLDER.SLIDE_NUMBER].text_frame.text == str(number)
        if project.meta.date is not None:
            assert str(project.meta.date.year) in kinds[PP_PLACEHOLDER.DATE].text_frame.text


def test_no_empty_placeholder_is_left(deck: PresentationObj) -> None:
    for slide in deck.slides:
        for shape in slide.placeholders:
            assert shape.text_frame.text.strip(), f"empty {shape.name} on '{title_of(slide)}'"


def test_core_properties(deck: PresentationObj, project: Project) -> None:
    core = deck.core_properties
    assert core.title == project.meta.title
    assert core.author == project.meta.organisation
    assert core.language == "en-GB"
    assert core.subject
    assert "Local Industrial Strategy" in core.keywords


def test_everything_lies_inside_the_slide(deck: PresentationObj) -> None:
    assert off_slide(deck) == []


def test_the_writer_adds_no_messages_for_the_bundled_template(written: tuple[Path, list[str]]) -> None:
    assert written[1] == []


def test_the_deck_passes_the_ooxml_validator(written: tuple[Path, list[str]], validate: Callable[..., str]) -> None:
    report = validate(written[0])
    assert "0 violations" in report


def test_date_placeholder_shows_the_event_date(project: Project, tmp_path: Path) -> None:
    import datetime as dt

    project.meta.date = dt.date(2026, 5, 14)
    template = load_template(None)
    draw_deck(template, sample_plans()[:2], project)
    target = tmp_path / "dated.pptx"
    template.prs.save(str(target))
    for slide in open_deck(target).slides:
        dates = [s for s in slide.placeholders if s.placeholder_format.type == PP_PLACEHOLDER.DATE]
        assert [d.text_frame.text for d in dates] == ["14 May 2026"]
