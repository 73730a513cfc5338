"""Each deck rule, on python-pptx's default deck broken in one way: flagged, and the fixed
variant clean (no other rule fires on either, so the rules do not cry wolf)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import a11y_files as f
import pytest

from neslis_desktop.render.a11y import check_file

CASES: list[tuple[str, Callable[[], Any], Callable[[], Any]]] = [
    ("title-missing", lambda: f.deck_no_title(False), lambda: f.deck_no_title(True)),
    ("title-duplicate", lambda: f.deck_duplicate_titles(False), lambda: f.deck_duplicate_titles(True)),
    ("reading-order", lambda: f.deck_title_read_late(False), lambda: f.deck_title_read_late(True)),
    ("reading-order", lambda: f.deck_body_out_of_order(False), lambda: f.deck_body_out_of_order(True)),
    ("alt-text", lambda: f.deck_picture_alt(None), lambda: f.deck_picture_alt("Map of the region's rail lines")),
    ("alt-text", lambda: f.deck_picture_alt("IMG_2041.JPG"), lambda: f.deck_picture_alt(None, decorative=True)),
    ("alt-text", lambda: f.deck_picture_alt("Picture 3"), lambda: f.deck_picture_alt("Picture of the new lab")),
    ("alt-text", lambda: f.deck_chart_alt(False), lambda: f.deck_chart_alt(True)),
    # 4.48:1 fails and 4.54:1 passes for 12 pt; 18 pt needs only 3:1 (2.85 fails, 3.03 passes).
    ("contrast", lambda: f.deck_contrast("777777"), lambda: f.deck_contrast("767676")),
    ("contrast", lambda: f.deck_contrast("999999", size=18), lambda: f.deck_contrast("949494", size=18)),
    (
        "contrast",
        lambda: f.deck_contrast("999999", size=14, bold=False),
        lambda: f.deck_contrast("949494", size=14, bold=True),
    ),
    ("contrast", lambda: f.deck_theme_contrast(False), lambda: f.deck_theme_contrast(True)),
    ("contrast", lambda: f.deck_dark_background(False), lambda: f.deck_dark_background(True)),
    ("contrast", lambda: f.deck_highlight(False), lambda: f.deck_highlight(True)),
    ("text-size", lambda: f.deck_small_text(False), lambda: f.deck_small_text(True)),
    ("table-header", lambda: f.deck_table(first_row=False), lambda: f.deck_table(first_row=True)),
    ("layout-table", lambda: f.deck_table(first_row=True, rows=1), lambda: f.deck_table(first_row=True, rows=2)),
    ("table-merged", lambda: f.deck_table_merged(False), lambda: f.deck_table_merged(True)),
    ("table-blank", lambda: f.deck_table_blank(False), lambda: f.deck_table_blank(True)),
    ("blank-characters", lambda: f.deck_spaces(False), lambda: f.deck_spaces(True)),
    ("empty-paragraph", lambda: f.deck_empty_paragraphs(False), lambda: f.deck_empty_paragraphs(True)),
    ("link-text", lambda: f.deck_link("click here"), lambda: f.deck_link("Annual report 2024 (PDF)")),
    (
        "link-text",
        lambda: f.deck_link("https://www.example.org/annual-report-2024.pdf"),
        lambda: f.deck_link("Annual report 2024 (PDF)"),
    ),
    ("doc-title", lambda: f.deck(title=None), lambda: f.deck(title="Our plan")),
    ("doc-language", lambda: f.deck_no_language(False), lambda: f.deck_no_language(True)),
    ("colour-only", lambda: f.deck_colour_only(False), lambda: f.deck_colour_only(True)),
]


@pytest.mark.parametrize(("rule", "broken", "fixed"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_rule_flags_the_broken_deck_only(
    rule: str, broken: Callable[[], Any], fixed: Callable[[], Any], tmp_path: Path
) -> None:
    bad = check_file(f.save(broken(), tmp_path / "broken.pptx"))
    good = check_file(f.save(fixed(), tmp_path / "fixed.pptx"))
    assert {x.rule for x in bad.findings} == {rule}, bad.text()
    assert good.clean, good.text()


def test_findings_name_the_slide_and_say_how_to_fix(tmp_path: Path) -> None:
    prs = f.deck()
    f.titled_slide(prs, "Fine")
    slide = prs.slides.add_slide(prs.slide_layouts[f.BLANK])
    f.text_box(slide, "Untitled words")
    report = check_file(f.save(prs, tmp_path / "deck.pptx"))
    [finding] = report.findings
    assert finding.slide == 2 and finding.location == "slide 2"
    assert "title" in finding.fix and len(finding.fix.split()) > 5


def test_contrast_reports_the_ratio_and_what_is_needed(tmp_path: Path) -> None:
    report = check_file(f.save(f.deck_contrast("777777"), tmp_path / "grey.pptx"))
    [finding] = report.findings
    assert "#777777 on #FFFFFF" in finding.message and "4.47:1" in finding.message and "4.5:1" in finding.message


def test_the_stated_size_is_used(tmp_path: Path) -> None:
    path = f.save(f.deck_small_text(True), tmp_path / "fourteen.pptx")  # 14 pt text, 44 pt title
    assert check_file(path).clean
    report = check_file(path, min_size=18)
    assert [x.rule for x in report.findings] == ["text-size"]
    assert "14 pt, below 18 pt" in report.findings[0].message
