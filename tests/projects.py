"""The one project with every block kind that tests build their own outputs from.

Small, independent of the bundled content, and touching every field a renderer treats
specially: emphasis, notes, nested bullets three levels deep, numbered lists, cards with and
without bodies, a three-column structure, six targets, an org chart with side labels and
members, a timeline with lanes and spans, a flow, questions, a divider section. A test that
needs other wording in a field names it in ``wording`` (see :data:`WORDING`), so the shape
stays the same for every test that uses it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

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
}


def every_kind_project(wording: Mapping[str, str] | None = None) -> Project:
    """A small project with at least one block of every kind; ``wording`` rewords named fields."""
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
                ],
            ),
        ],
    )
    kinds = {block.kind for section in project.sections for block in section.blocks}
    assert kinds == set(BLOCK_KINDS), f"every_kind_project lacks {sorted(set(BLOCK_KINDS) - kinds)}"
    return project
