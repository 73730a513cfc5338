"""Content model of a strategy project: pydantic v2 classes, no I/O, no Qt, no Office.

The public names are re-exported here so that other layers write
``from neslis_desktop.model import Project, Section, CardsBlock``.
"""

from neslis_desktop.model.blocks import (
    BLOCK_KINDS,
    Block,
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
    QuestionsBlock,
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
from neslis_desktop.model.inline import Run, plain_text, runs
from neslis_desktop.model.month import Month
from neslis_desktop.model.project import (
    SCHEMA_VERSION,
    Project,
    ProjectMeta,
    Section,
    Status,
)

__all__ = [
    "BLOCK_KINDS",
    "SCHEMA_VERSION",
    "Block",
    "BulletItem",
    "BulletsBlock",
    "Card",
    "CardsBlock",
    "DividerBlock",
    "FlowBlock",
    "FlowStep",
    "Month",
    "OrgChartBlock",
    "OrgNode",
    "ParagraphBlock",
    "Project",
    "ProjectMeta",
    "QuestionsBlock",
    "Run",
    "Section",
    "Status",
    "StructureBlock",
    "StructureColumn",
    "StructureItem",
    "Target",
    "TargetsBlock",
    "TimelineBlock",
    "TimelineLane",
    "TimelineMilestone",
    "TimelineSpan",
    "plain_text",
    "runs",
]
