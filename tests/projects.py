"""The one project with every block kind that tests build their own outputs from.

Small, independent of the bundled content, and touching every field a renderer treats
specially: emphasis, notes, nested bullets three levels deep, numbered lists, cards with and
without bodies, a three-column structure, six targets, an org chart with side labels and
members, a timeline with lanes and spans, a flow, questions, a divider section, and the
evidence: a line chart with a source and a reference line, a table with a number column and a
totals row, and a picture whose file :func:`every_kind_project` writes into the project
folder's ``assets/`` (a folder the test names, or one shared temporary folder). A test that
needs other wording in a field names it in ``wording`` (see :data:`WORDING`), so the shape
stays the same for every test that uses it.
"""

from __future__ import annotations

import datetime as dt
import functools
import tempfile
from collections.abc import Mapping
from pathlib import Path

from PIL import Image

from neslis_desktop.model import (
    BulletItem,
    BulletsBlock,
    Card,
    CardsBlock,
    DividerBlock,
    FlowBlock,
    FlowStep,
    OrgChartBlock,
    OrgNode,
    ParagraphBlock,
    Project,
    ProjectMeta,
    QuestionsBlock,
    Section,
    StructureBlock,
    StructureColumn,
    StructureItem,
    Target,
    TargetsBlock,
    TimelineBlock,
    TimelineLane,
    TimelineMilestone,
    TimelineSpan,
)
from neslis_desktop.model.blocks import BLOCK_KINDS
from neslis_desktop.model.evidence import (
    ChartBlock,
    ChartSeries,
    PictureBlock,
    ReferenceLine,
    Source,
    TableBlock,
    TableColumn,
)
from neslis_desktop.store.assets import attach_pictures

PICTURE = "assets/quayside.png"
"""The picture every_kind_project holds, as its content file names it."""

# The fields a test may reword, with their usual wording.
WORDING = {
    "title": "Sample Strategy",
    "section notes": "Speaker notes never printed",
    "paragraph": "Plain text with **bold words** and *italic words*.",
    "block notes": "Hidden note",
    "bullet": "First point",
    "second bullet": "Second point",
    "sub-bullet": "Nested",
    "sub-sub-bullet": "Deeper",
    "card title": "Ambition",
    "card body": "Card body text",
    "aim": "innovation",
    "target": "Grow the economy",
    "member": "University",
    "milestone": "Review commissioned",
    "span": "Monthly meetings",
    "flow note": "Reviewed by the board",
    "question": "First question?",
    "chart title": "Productivity lags England",
    "table caption": "Jobs by area",
    "alt text": "The Quayside at dusk",
}


def write_picture(folder: Path) -> Path:
    """The small PNG of :data:`PICTURE` written into ``folder`` (a project folder); its path."""
    path = Path(folder) / PICTURE
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (60, 40), (30, 90, 160)).save(path)
    return path


@functools.cache
def _shared_folder() -> Path:
    """One temporary project folder holding the picture, for tests that name none."""
    folder = Path(tempfile.mkdtemp(prefix="neslis-every-kind-"))
    write_picture(folder)
    return folder


def every_kind_project(wording: Mapping[str, str] | None = None, *, folder: Path | None = None) -> Project:
    """A small project with at least one block of every kind; ``wording`` rewords named fields.

    Its picture is written into ``folder``'s ``assets/`` (when given; else into a shared
    temporary folder) and found there, as a store finds it, so renderers can draw it. A test
    that saves the project into ``folder`` gets a project folder that loads.
    """
    unknown = set(wording or {}) - set(WORDING)
    assert not unknown, f"no such field to reword: {sorted(unknown)}; see WORDING"
    w = {**WORDING, **(wording or {})}
    project = Project(
        meta=ProjectMeta(
            title=w["title"],
            subtitle="A test subtitle",
            organisation="Sample Partnership",
            date=dt.date(2020, 2, 3),
            version="0.3",
        ),
        sections=[
            Section(
                id="intro",
                title="Introduction",
                notes=w["section notes"],
                blocks=[
                    ParagraphBlock(text=w["paragraph"], notes=w["block notes"]),
                    BulletsBlock(
                        lead="It will:",
                        items=[
                            BulletItem(text=w["bullet"]),
                            BulletItem(
                                text=w["second bullet"],
                                items=[
                                    BulletItem(text=w["sub-bullet"], items=[BulletItem(text=w["sub-sub-bullet"])]),
                                ],
                            ),
                        ],
                    ),
                    BulletsBlock(heading="Numbered", items=["One", "Two"], numbered=True),
                ],
            ),
            Section(id="divider", title="Questions?", blocks=[DividerBlock()]),
            Section(
                id="cards",
                title="Cards",
                blocks=[
                    CardsBlock(
                        heading="Grid",
                        intro=["Intro line"],
                        cards=[
                            Card(title=w["card title"], body=w["card body"]),
                            Card(title="Second card", bullets=["Card bullet"]),
                        ],
                        footer="Footer line",
                    ),
                    CardsBlock(cards=[Card(title="Digital"), Card(title="Energy")]),
                ],
            ),
            Section(
                id="structure",
                title="Structure",
                blocks=[
                    StructureBlock(
                        columns=[
                            StructureColumn(title="Foundations", items=[StructureItem(label="Ideas", aim=w["aim"])]),
                            StructureColumn(title="Grand Challenges", items=[StructureItem(label="Clean growth")]),
                            StructureColumn(
                                title="Sector Deals",
                                note="(more planned)",
                                items=[StructureItem(label="Aerospace"), StructureItem(label="Rail")],
                            ),
                        ]
                    ),
                ],
            ),
            Section(
                id="targets",
                title="Targets",
                blocks=[
                    TargetsBlock(
                        goal=w["target"],
                        label="6 Targets",
                        targets=[Target(text=f"Target number {n}") for n in range(1, 7)],
                        footer=["Delivery mechanism"],
                    ),
                ],
            ),
            Section(
                id="governance",
                title="Governance",
                blocks=[
                    OrgChartBlock(
                        nodes=[
                            OrgNode(id="sos", title="Secretary of State"),
                            OrgNode(id="board", title="LEP Board", parent="sos", side_label="Decision making"),
                            OrgNode(
                                id="steering",
                                title="Steering Group",
                                parent="board",
                                members_heading="Representatives from:",
                                members=["Government", w["member"]],
                            ),
                        ]
                    ),
                ],
            ),
            Section(
                id="progress",
                title="Progress",
                blocks=[
                    TimelineBlock(
                        start="2019-08",
                        end="2020-07",
                        lanes=[
                            TimelineLane(
                                name="Evidence", milestones=[TimelineMilestone(month="2019-09", text=w["milestone"])]
                            ),
                            TimelineLane(
                                name="LEP Board", milestones=[TimelineMilestone(month="2020-01", text="Board reviews")]
                            ),
                        ],
                        spans=[
                            TimelineSpan(text=w["span"], start="2019-08", end="2020-07"),
                            TimelineSpan(text="Evidence work", start="2019-10", end="2020-03", lane="Evidence"),
                        ],
                    ),
                ],
            ),
            Section(
                id="questions",
                title="Discussion questions",
                blocks=[
                    QuestionsBlock(intro="Please consider:", questions=[w["question"], "Second question?"]),
                ],
            ),
            Section(
                id="next",
                title="Next steps",
                blocks=[
                    FlowBlock(steps=[FlowStep(title="Draft", notes=[w["flow note"]]), FlowStep(title="Publish")]),
                    QuestionsBlock(questions=["Third question?"]),
                    ChartBlock(
                        title=w["chart title"],
                        subtitle="GVA per hour worked, index (UK = 100), 2015 to 2017",
                        chart_type="line",
                        categories=["2015", "2016", "2017"],
                        series=[
                            ChartSeries(name="North East", values=[86.5, 87.0, 87.8], number_format="0.0"),
                            ChartSeries(name="England excluding London", values=[97.0, 96.8, 96.9]),
                        ],
                        reference=ReferenceLine(label="UK", value=100),
                        source=Source(publisher="Test Statistics", dataset="Sample release", date="2019"),
                    ),
                    TableBlock(
                        caption=w["table caption"],
                        columns=[TableColumn(title="Area"), TableColumn(title="Jobs", number_format="#,##0")],
                        rows=[["Newcastle", 1200], ["Sunderland", 800]],
                        totals=["Total", 2000],
                    ),
                    PictureBlock(file=PICTURE, alt_text=w["alt text"], caption="The Quayside", credit="Photo: test"),
                ],
            ),
        ],
    )
    if folder is None:
        folder = _shared_folder()
    else:
        write_picture(folder)
    attach_pictures(project, folder)
    kinds = {block.kind for section in project.sections for block in section.blocks}
    assert kinds == set(BLOCK_KINDS), f"every_kind_project lacks {sorted(set(BLOCK_KINDS) - kinds)}"
    return project
