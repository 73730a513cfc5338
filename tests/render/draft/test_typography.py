"""Ranges in the draft take an en dash: the draft's own spans, and year ranges typed with a hyphen."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from docx.table import Table
from draftfixtures import sample_project
from draftread import blocks, open_docx, paragraphs_after

from neslis_desktop.model import ParagraphBlock, Section, TimelineBlock, TimelineLane, TimelineMilestone, TimelineSpan
from neslis_desktop.render.draft import write_draft
from neslis_desktop.render.draft.typography import span, year_ranges

D = "\u2013"


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("2018-2019", f"2018{D}2019"),
        ("in 2018-19 and 1999-00", f"in 2018{D}19 and 1999{D}00"),
        ("(2020-2030).", f"(2020{D}2030)."),
        ("Our Economy 2019-20.", f"Our Economy 2019{D}20."),
        # Not ranges, or not certainly: left as typed.
        ("2019-08-01", "2019-08-01"),  # a date
        ("2019-08", "2019-08"),  # a month
        ("2030-2020", "2030-2020"),  # backwards
        ("1900-2000", "1900-2000"),  # a century: too long to be sure
        ("10-15 firms", "10-15 firms"),
        ("0191-2345", "0191-2345"),  # a telephone number
        ("M1-2019-20", "M1-2019-20"),  # part of a code
        ("2019-20.5", "2019-20.5"),
        ("FY2018-19", "FY2018-19"),
        ("well-known", "well-known"),
    ],
)
def test_year_ranges(typed: str, shown: str) -> None:
    assert year_ranges(typed) == shown


def test_span_is_spaced() -> None:
    assert span("Mar 2018", "Feb 2019") == f"Mar 2018 {D} Feb 2019"


def test_ranges_in_the_draft(tmp_path: Path, validate: Callable[..., str]) -> None:
    project = sample_project()
    project.sections = [
        Section(
            id="plan",
            title="Plan 2018-2019",
            blocks=[
                ParagraphBlock(text="Funding for **2018-19** and 2019-2020; the review of 2019-08-01 scored 10-15."),
                TimelineBlock(
                    start="2018-03",
                    end="2019-02",
                    lanes=[
                        TimelineLane(
                            name="Board", milestones=[TimelineMilestone(month="2018-04", text="Budget 2018-19 agreed")]
                        )
                    ],
                    spans=[
                        TimelineSpan(text="Engagement", start="2018-03", end="2019-02"),
                        TimelineSpan(text="Evidence", start="2018-05", end="2018-09", lane="Board"),
                    ],
                ),
            ],
        ),
    ]
    target = tmp_path / "ranges.docx"
    write_draft(project, target)
    validate(target)
    doc = open_docx(target)
    texts = [p.text for p in paragraphs_after(doc, f"Plan 2018{D}2019")]
    assert f"Funding for 2018{D}19 and 2019{D}2020; the review of 2019-08-01 scored 10-15." in texts
    assert f"Mar 2018 {D} Feb 2019: Engagement" in texts
    table = next(b for b in blocks(doc) if isinstance(b, Table))
    cells = [c.text for row in table.rows for c in row.cells]
    assert f"May 2018 {D} Sep 2018: Evidence" in cells
    assert f"Budget 2018{D}19 agreed" in cells
    assert not any(" - " in t for t in texts + cells)
