"""Each document rule, on python-docx's default document broken in one way: flagged, and the
fixed variant clean (no other rule fires on either)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import a11y_files as f
import pytest

from neslis_desktop.render.a11y import check_file

CASES: list[tuple[str, Callable[[], Any], Callable[[], Any]]] = [
    ("heading-skip", lambda: f.doc_heading_skip(False), lambda: f.doc_heading_skip(True)),
    ("alt-text", lambda: f.doc_picture(None), lambda: f.doc_picture("Map of the region's rail lines")),
    ("alt-text", lambda: f.doc_picture("chart-final-v2.png"), lambda: f.doc_picture("Jobs by sector, 2024")),
    ("table-header", lambda: f.doc_table(header=False), lambda: f.doc_table(header=True)),
    ("layout-table", lambda: f.doc_table(header=True, rows=1), lambda: f.doc_table(header=True, rows=2)),
    ("layout-table", lambda: f.doc_nested_table(False), lambda: f.doc_nested_table(True)),
    ("table-merged", lambda: f.doc_table_merged(False), lambda: f.doc_table_merged(True)),
    ("table-blank", lambda: f.doc_table_blank(False), lambda: f.doc_table_blank(True)),
    ("blank-characters", lambda: f.doc_tabs(False), lambda: f.doc_tabs(True)),
    ("empty-paragraph", lambda: f.doc_empty_paragraphs(False), lambda: f.doc_empty_paragraphs(True)),
    ("link-text", lambda: f.doc_link("here"), lambda: f.doc_link("Annual report 2024 (PDF)")),
    ("link-text", lambda: f.doc_link("www.example.org/report"), lambda: f.doc_link("Annual report 2024 (PDF)")),
    ("contrast", lambda: f.doc_contrast("AAAAAA"), lambda: f.doc_contrast("595959")),
    # The theme's accent1 with themeTint 66 (Word's "Lighter 60%") is too pale; 18 pt needs 3:1.
    (
        "contrast",
        lambda: f.doc_contrast(theme=("accent1", "66"), size=18),
        lambda: f.doc_contrast(theme=("accent1", "FF"), size=18),
    ),
    (
        "contrast",
        lambda: f.doc_contrast("FFFFFF", shading="FFFF00"),
        lambda: f.doc_contrast("FFFFFF", shading="1F3864"),
    ),
    # The table style's header row: white bold text on accent1 #4F81BD (4.03:1) against white on
    # text1 (black), both set only in the style's firstRow part.
    ("contrast", lambda: f.doc_table_style("Medium Shading 1 Accent 1"), lambda: f.doc_table_style("Medium Shading 1")),
    ("text-size", lambda: f.doc_small_text(False), lambda: f.doc_small_text(True)),
    ("doc-title", lambda: f.document(title=None), lambda: f.document(title="Our plan")),
    ("doc-language", lambda: f.doc_no_language(False), lambda: f.doc_no_language(True)),
    ("colour-only", lambda: f.doc_colour_only(False), lambda: f.doc_colour_only(True)),
    (
        "colour-only",
        lambda: f.doc_link("Annual report 2024 (PDF)", underline=False),
        lambda: f.doc_link("Annual report 2024 (PDF)", underline=True),
    ),
]


@pytest.mark.parametrize(("rule", "broken", "fixed"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_rule_flags_the_broken_document_only(
    rule: str, broken: Callable[[], Any], fixed: Callable[[], Any], tmp_path: Path
) -> None:
    bad = check_file(f.save(broken(), tmp_path / "broken.docx"))
    good = check_file(f.save(fixed(), tmp_path / "fixed.docx"))
    assert {x.rule for x in bad.findings} == {rule}, bad.text()
    assert good.clean, good.text()


def test_findings_name_the_paragraph_and_its_heading(tmp_path: Path) -> None:
    report = check_file(f.save(f.doc_heading_skip(False), tmp_path / "skip.docx"))
    [finding] = report.findings
    assert finding.paragraph == 3
    assert finding.location == "paragraph 3 (under 'Plan')"
    assert "level 3 after level 1" in finding.message and "Heading 2" in finding.fix


def test_python_docx_default_size_is_below_the_default_minimum(tmp_path: Path) -> None:
    doc = f.doc_heading_skip(True)
    doc.styles["Normal"].font.size = None  # back to the default template's 11 pt
    report = check_file(f.save(doc, tmp_path / "eleven.docx"))
    assert [x.rule for x in report.findings] == ["text-size"]
    assert "11 pt, below 12 pt, in 2 paragraphs" in report.findings[0].message
    assert check_file(tmp_path / "eleven.docx", min_size=11).clean
