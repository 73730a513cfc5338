"""The deck planner as a whole: the seed deck on every slide size, titles, notes, the live preview, bad text."""

from __future__ import annotations

import datetime as dt

import pytest
from test_planner_support import FONTS, SLIDE_SIZES, check_deck, frames, project_of

from neslis_desktop.model import Project
from neslis_desktop.model.blocks import BulletsBlock, CardsBlock, DividerBlock, ParagraphBlock, QuestionsBlock
from neslis_desktop.model.project import ProjectMeta, Section
from neslis_desktop.render.deck import textfit
from neslis_desktop.render.deck.plan import ThemeFonts
from neslis_desktop.render.deck.planner import plan_deck, plan_section


@pytest.fixture(scope="module")
def seed_project() -> Project:
    from neslis_desktop.resources import bundled_project
    from neslis_desktop.store import load_project

    return load_project(bundled_project())


@pytest.mark.parametrize("size", list(SLIDE_SIZES))
def test_the_seed_deck_fits_every_slide_size(seed_project: Project, size: str) -> None:
    fr = frames(size)
    slides = plan_deck(seed_project, fr, FONTS)
    check_deck(slides, fr)
    # Every section shows, in order, after the title slide.
    ids = [s.section_id for s in slides[1:]]
    assert [i for n, i in enumerate(ids) if n == 0 or ids[n - 1] != i] == [s.id for s in seed_project.sections]
    # Nothing was cut and nothing said to be too much.
    assert not [a for s in slides for a in s.adjustments if "too much" in a or "cut" in a]


def test_repeated_section_titles_get_numbered(seed_project: Project) -> None:
    titles = [s.title for s in plan_deck(seed_project, frames("16:9"), FONTS)]
    assert "Questions?" in titles and "Questions? (2)" in titles and "Questions? (3)" in titles
    assert "Discussion questions" in titles and "Discussion questions (2)" in titles


def test_title_slide_says_what_when_and_who() -> None:
    project = Project(
        meta=ProjectMeta(
            title="North East Local Industrial Strategy",
            subtitle="Health and Life Sciences",
            organisation="North East LEP",
            event="LIS Summit",
            date=dt.date(2020, 1, 23),
            audience="regional partners",
        )
    )
    (cover,) = plan_deck(project, frames("16:9"), FONTS)
    assert cover.layout == "title"
    assert cover.title == "North East Local Industrial Strategy"
    assert cover.subtitle is not None
    lines = cover.subtitle.split("\n")
    assert lines[0] == "Health and Life Sciences"
    assert "LIS Summit" in lines[1] and "23 January 2020" in lines[1]
    assert "North East LEP" in cover.subtitle and "regional partners" in cover.subtitle
    assert cover.title_style is not None and cover.title_style.size_pt >= 20


def test_text_blocks_share_a_slide_with_bold_headings_and_numbered_questions() -> None:
    project = project_of(
        ParagraphBlock(text="Published by government in 2017.", heading="Background"),
        BulletsBlock(
            lead="It will:", items=["Set out how", "Identify areas", {"text": "Provide", "items": ["sub point"]}]
        ),
        QuestionsBlock(questions=["Is the evidence right?", "What is missing?"]),
    )
    slides = plan_deck(project, frames("16:9"), FONTS)
    check_deck(slides, frames("16:9"))
    (slide,) = slides[1:]
    assert slide.layout == "content" and slide.body is not None
    texts = [(p.text, p.level, p.bullet) for p in slide.body]
    assert texts[0] == ("Background", 0, "none") and all(r.bold for r in slide.body[0].runs)
    assert ("It will:", 0, "none") in texts
    assert ("sub point", 1, "bullet") in texts
    assert ("Is the evidence right?", 0, "number") in texts and ("What is missing?", 0, "number") in texts
    assert slide.body_style is not None and slide.body_style.size_pt >= 18


def test_notes_go_on_the_section_first_slide_and_where_each_block_starts() -> None:
    cards = [{"title": f"Card {i}", "body": "Some words about it " * 3} for i in range(12)]
    project = Project(
        meta=ProjectMeta(title="T", organisation="O"),
        sections=[
            Section(
                id="a",
                title="Section A",
                notes="Section notes",
                blocks=[
                    ParagraphBlock(text="Intro", notes="Para notes"),
                    CardsBlock(cards=cards, notes="Cards notes"),  # type: ignore[arg-type]
                    DividerBlock(notes="Divider notes"),
                ],
            )
        ],
    )
    slides = plan_deck(project, frames("16:9"), FONTS)[1:]
    assert slides[0].notes is not None
    assert "Section notes" in slides[0].notes and "Para notes" in slides[0].notes
    assert slides[1].notes == "Cards notes"
    assert slides[2].notes is None  # the cards' continuation
    assert slides[-1].notes == "Divider notes" and slides[-1].layout == "section"


def test_continued_slides_get_unique_titles() -> None:
    cards = [{"title": f"Card {i}", "body": "Words " * 20} for i in range(20)]
    project = project_of(CardsBlock(cards=cards), ParagraphBlock(text="After"), title="Evidence")  # type: ignore[arg-type]
    slides = plan_deck(project, frames("4:3"), FONTS)[1:]
    titles = [s.title for s in slides]
    assert titles[:3] == ["Evidence", "Evidence (continued)", "Evidence (continued 2)"]
    assert len(set(titles)) == len(titles)
    assert any("spread over" in a for s in slides for a in s.adjustments)


def test_plan_section_matches_the_whole_deck(seed_project: Project) -> None:
    fr = frames("16:9")
    deck = plan_deck(seed_project, fr, FONTS)[1:]
    for i, section in enumerate(seed_project.sections):
        mine = plan_section(seed_project, i, fr, FONTS)
        theirs = [s for s in deck if s.section_id == section.id]
        assert [s.title for s in mine] == [s.title for s in theirs]
        assert [len(s.shapes) for s in mine] == [len(s.shapes) for s in theirs]


def test_an_empty_section_still_gets_a_slide() -> None:
    slides = plan_deck(project_of(title="To come"), frames("16:9"), FONTS)
    assert [s.title for s in slides[1:]] == ["To come"]


@pytest.mark.parametrize("size", list(SLIDE_SIZES))
def test_odd_unicode_and_very_long_text_do_not_break_the_plan(size: str) -> None:
    odd = "Emoji 😀🚀 and RTL שלום עליכם مرحبا with combining e\u0301\u0301 and 中文字符 " * 5
    long_text = ("A very long paragraph that keeps going with ordinary words. " * 330)[:19_999]
    project = project_of(
        ParagraphBlock(text=odd),
        BulletsBlock(items=[odd, "x" * 2000]),
        ParagraphBlock(text=long_text),
        CardsBlock(cards=[{"title": odd[:290], "body": odd}]),  # type: ignore[list-item]
        title="Odd " + odd[:100],
    )
    fr = frames(size)
    slides = plan_deck(project, fr, FONTS)
    check_deck(slides, fr)
    assert any("continued" in a for s in slides for a in s.adjustments)


def test_a_megabyte_of_text_is_continued_then_cut_with_a_message() -> None:
    block = ParagraphBlock.model_construct(kind="paragraph", text="word " * 200_000, heading=None, notes=None)
    project = project_of(block)  # type: ignore[arg-type]
    fr = frames("16:9")
    slides = plan_deck(project, fr, FONTS)[1:]
    assert 2 <= len(slides) <= 21
    assert any("cut" in a for a in slides[-1].adjustments)
    check_deck(slides, fr)


def test_no_font_files_still_plans_and_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(textfit, "find_font", lambda *a, **k: None)
    monkeypatch.setattr(textfit, "_MEASURERS", {})
    project = project_of(ParagraphBlock(text="Hello"), CardsBlock(cards=[{"title": "A"}, {"title": "B"}]))  # type: ignore[list-item]
    slides = plan_deck(project, frames("16:9"), ThemeFonts("Nowhere Sans", "Nowhere Sans"))
    assert any("No font file" in a for a in slides[0].adjustments)
    assert len(slides) == 3
