"""A slide of a chart or a table is not a near-empty continued slide for its few lines of text.

Seen in the 50-chart benchmark pack: every table slide after a chart slide of the same section
(a caption line above a native table) was reported as "holds only 1 line of text", and the
re-planning loop then spent most of the build trying to mend 50 slides that were fine.
"""

from __future__ import annotations

from neslis_desktop.model import Project, Section
from neslis_desktop.model.evidence import ChartBlock, TableBlock
from neslis_desktop.render.deck import build_deck
from neslis_desktop.render.deck.inspect import inspect_deck


def _project() -> Project:
    chart = ChartBlock.model_validate(
        {
            "kind": "chart",
            "title": "Productivity stayed below England's",
            "subtitle": "GVA per hour worked, index (UK = 100), 2004 to 2008",
            "chart_type": "column",
            "categories": ["2004", "2005", "2006", "2007", "2008"],
            "series": [{"name": "North East", "values": [91, 92, 90, 93, 94]}],
            "source": {"publisher": "Office for National Statistics", "dataset": "Subregional productivity"},
        }
    )
    table = TableBlock.model_validate(
        {
            "kind": "table",
            "caption": "Jobs by area",
            "columns": ["Area", {"title": "Jobs", "number_format": "#,##0"}],
            "rows": [[f"Area {r}", 1000 * r] for r in range(1, 6)],
        }
    )
    blocks = [chart, table]
    project = Project.model_validate({"meta": {"title": "Evidence pack", "organisation": "Test"}})
    project.sections.append(Section(id="evidence", title="Evidence", blocks=blocks))  # type: ignore[arg-type]
    return project


def test_a_table_slide_after_a_chart_slide_is_not_near_empty() -> None:
    built = build_deck(_project(), None)
    kinds = [f.kind for f in inspect_deck(built.prs).findings]
    assert "near-empty" not in kinds, kinds
    # The slides are a chain the sequence checks read: a chart slide, then the table's slide.
    titles = [s.shapes.title.text for s in built.prs.slides]
    assert titles[-2:] == ["Evidence", "Evidence (continued)"]
