"""Real edits to the bundled project give the report an officer would write by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from neslis_desktop.model import CardsBlock, ParagraphBlock, Project
from neslis_desktop.model.diff import diff_projects
from neslis_desktop.render.diff_report import excerpt, report_lines, section_summaries
from neslis_desktop.store import load_project

EVIDENCE = "Developing an evidence base for North East LIS"
APPROACH = "Proposed approach to Health and Life Sciences in the North East LIS"


@pytest.fixture
def versions(bundled_dir: Path) -> tuple[Project, Project]:
    return load_project(bundled_dir), load_project(bundled_dir)


def _report(old: Project, new: Project, style: str = "plain") -> list[str]:
    return report_lines(diff_projects(old, new), "the March draft", "today's", style)  # type: ignore[arg-type]


def test_no_edit_no_changes(versions: tuple[Project, Project]) -> None:
    assert _report(*versions) == ["Changes from the March draft to today's", "", "Nothing changed."]


def test_a_section_moved_to_the_end(versions: tuple[Project, Project]) -> None:
    old, new = versions
    governance = new.section("governance")
    new.sections.remove(governance)
    new.sections.append(governance)
    assert _report(old, new) == [
        "Changes from the March draft to today's",
        "",
        "North East Local Industrial Strategy governance",
        '  Moved: now after "Next steps"',
    ]


def test_sections_swapped_added_removed_and_renamed(versions: tuple[Project, Project]) -> None:
    old, new = versions
    i = [s.id for s in new.sections].index("what-works")
    new.sections[i - 1], new.sections[i] = new.sections[i], new.sections[i - 1]
    asked = new.section("evidence-questions")
    new.sections.remove(asked)
    new.section("next-steps").blocks += asked.blocks
    new.section("next-steps").title = "Next steps and timetable"
    added = new.section("progress").model_copy(deep=True)
    added.id, added.title = "digital-progress", "Digital progress"
    new.sections.insert(7, added)
    assert _report(old, new)[2:] == [
        "Digital progress",
        '  New section, after "Progress to date"',
        "",
        "What the evidence tells us about ‘what works’ in Health and Life Sciences?",
        f'  Moved: now after "{EVIDENCE}"',
        "",
        "Questions?",
        "  Section removed",
        '  Moved questions "Does the evidence base reflect your…" to "Next steps and timetable"',
        "",
        "Next steps and timetable",
        '  Renamed from "Next steps"',
        '  Moved questions "Does the evidence base reflect your…" here from "Questions?"',
    ]


def test_a_card_moved_between_sections(versions: tuple[Project, Project]) -> None:
    old, new = versions
    source = new.section("evidence-base").blocks[0]
    target = new.section("proposed-approach").blocks[0]
    assert isinstance(source, CardsBlock) and isinstance(target, CardsBlock)
    target.cards.append(source.cards.pop(2))
    assert _report(old, new)[2:] == [
        EVIDENCE,
        '  Changed cards "Builds on earlier research undertaken in…"',
        f'    Moved card "Commissioned review of North East productivity…" to "{APPROACH}"',
        "",
        APPROACH,
        '  Changed cards "Support commercialisation of science strengths in…"',
        f'    Moved card "Commissioned review of North East productivity…" here from "{EVIDENCE}"',
    ]


def _bold_paragraph(project: Project, words: str) -> None:
    block = project.section("productivity").blocks[1]
    assert isinstance(block, ParagraphBlock)
    block.text = f"Improving productivity means **{words}** with given inputs"


def test_a_word_changed_inside_a_bold_run(versions: tuple[Project, Project]) -> None:
    old, new = versions
    _bold_paragraph(old, "more output can be produced")
    _bold_paragraph(new, "more output can be made")
    diff = diff_projects(old, new)
    label = 'Changed paragraph "Improving productivity means more output can…"'
    assert report_lines(diff, "A", "B")[2:] == [
        "What is productivity?",
        f"  {label}: …**more output can be [-produced-] {{+made+}}** with given inputs",
    ]
    assert report_lines(diff, "A", "B", "markdown") == [
        "# Changes from A to B",
        "",
        "## What is productivity?",
        "",
        f"- {label}: …**more output can be <del>produced</del> <ins>made</ins>** with given inputs",
    ]
    tty = report_lines(diff, "A", "B", "tty")
    assert "\x1b[31;9mproduced\x1b[0m \x1b[32mmade\x1b[0m" in tty[-1]
    assert section_summaries(diff) == [("What is productivity?", [f'{label}: "produced" → "made"'])]


def test_a_reordered_card_and_an_edited_bullet(versions: tuple[Project, Project]) -> None:
    old, new = versions
    block = new.section("proposed-approach").blocks[0]
    assert isinstance(block, CardsBlock)
    block.cards.insert(0, block.cards.pop(3))
    bullet = block.cards[4].bullets[1]
    bullet.text = bullet.text.replace("other regions", "neighbouring regions")
    assert _report(old, new)[2:] == [
        APPROACH,
        '  Changed cards "North East to take lead on…"',
        '    Moved card "North East to take lead on…" (now 1st of 6)',
        '    Changed card "Strengthen collaboration between:"',
        '      Changed bullet "North East and neighbouring regions with…": '
        "North East and [-other-] {+neighbouring+} regions with complementary Health…",
    ]


def test_title_page_changes(versions: tuple[Project, Project]) -> None:
    old, new = versions
    new.meta.event = "Digital Summit"
    new.meta.status = "Consultation"
    assert _report(old, new)[2:] == [
        "Title page",
        "  Changed event: [-LIS-] {+Digital+} Summit",
        "  Changed status: Draft → Consultation",
    ]


def test_long_unchanged_stretches_are_cut() -> None:
    from neslis_desktop.model.diff import word_diff

    words = word_diff(
        "one two three four five six seven eight nine ten eleven twelve",
        "one two three four five six SEVEN eight nine ten eleven twelve",
    )
    assert excerpt(words) == "…three four five six [-seven-] {+SEVEN+} eight nine ten eleven…"
