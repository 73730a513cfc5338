"""The typed blocks a section is made of: one class per kind of slide content.

Each block has a ``kind`` that names it in content files (``kind: cards``). The kinds cover
every slide of the North East LIS summit deck: paragraphs, (nested) bullet lists, card grids,
the Industrial Strategy structure diagram, target tiles, the governance org chart, the
month-by-month timeline, the next-steps process flow, discussion questions and dividers.
Renderers decide how each looks; these classes hold only what it says.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SerializerFunctionWrapHandler,
    model_serializer,
    model_validator,
)

from neslis_desktop.model.month import Month
from neslis_desktop.model.text import Slug, Text, Title

MAX_BULLET_DEPTH = 3


class ContentModel(BaseModel):
    """Base of every content class: unknown keys are errors, edits are validated."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True, str_strip_whitespace=False)


class BulletItem(ContentModel):
    """A bullet point, with optional sub-points; written as plain text when it has none."""

    text: Text = Field(description="The bullet's text.")
    items: list[BulletItem] = Field(default_factory=list, description="Sub-points, indented one level below this one.")

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, data: Any) -> Any:
        return {"text": data} if isinstance(data, str) else data

    @model_serializer(mode="wrap")
    def _as_text(self, handler: SerializerFunctionWrapHandler) -> Any:
        return self.text if not self.items else handler(self)

    def depth(self) -> int:
        """Levels in this item: 1 for a bullet without sub-points."""
        return 1 + max((child.depth() for child in self.items), default=0)


def _check_depth(items: list[BulletItem]) -> None:
    for item in items:
        if item.depth() > MAX_BULLET_DEPTH:
            raise ValueError(
                f"bullets may be nested at most {MAX_BULLET_DEPTH} levels deep; '{item.text[:40]}' has {item.depth()}"
            )


def _kind_required(schema: dict[str, Any]) -> None:
    # The kind picks the block's class, so a file must name it, though a block made in code
    # has its own. The published schema says so for every kind, new ones included.
    schema["required"] = ["kind", *schema.get("required", [])]
    schema["properties"]["kind"].pop("default", None)


class _Block(ContentModel):
    model_config = ConfigDict(json_schema_extra=_kind_required)

    heading: Title | None = Field(
        None,
        description="Optional sub-heading: a lead line on the slide, a level-2 heading in the document.",
    )
    notes: Text | None = Field(None, description="Speaker notes for the slide this block starts; never printed.")


class ParagraphBlock(_Block):
    """One paragraph of body text."""

    kind: Literal["paragraph"] = "paragraph"
    text: Text = Field(description="The paragraph.")


class BulletsBlock(_Block):
    """A bullet list with an optional lead-in line such as 'It will:'."""

    kind: Literal["bullets"] = "bullets"
    lead: Text | None = Field(None, description="Line introducing the list, such as 'It will:'.")
    items: list[BulletItem] = Field(min_length=1, description="The bullets, in order.")
    numbered: bool = Field(False, description="Number the items (1, 2, 3) instead of bullets.")

    @model_validator(mode="after")
    def _depth(self) -> BulletsBlock:
        _check_depth(self.items)
        return self


class Card(ContentModel):
    """One card of a grid: a title, a body, or sub-bullets (at least one of them)."""

    # The rule of _something below, for the published schema: not all three empty. (Said with
    # "not" rather than an anyOf of three, as schema-driven generators handle it much faster.)
    model_config = ConfigDict(
        json_schema_extra={
            "$comment": "A card needs a title, a body or bullets.",
            "not": {"properties": {"title": {"type": "null"}, "body": {"type": "null"}, "bullets": {"maxItems": 0}}},
        }
    )

    title: Title | None = Field(None, description="Card heading, shown bold.")
    body: Text | None = Field(None, description="Card text.")
    bullets: list[BulletItem] = Field(default_factory=list, description="Sub-bullets under the body.")
    wide: bool = Field(False, description="Span the whole width of the grid.")
    highlight: bool = Field(False, description="Draw in the accent colour to stand out.")

    @model_validator(mode="after")
    def _something(self) -> Card:
        if self.title is None and self.body is None and not self.bullets:
            raise ValueError("a card needs a title, a body or bullets; this one has none")
        _check_depth(self.bullets)
        return self


class CardsBlock(_Block):
    """A grid of cards, with intro lines above and a footer line below."""

    kind: Literal["cards"] = "cards"
    intro: list[Text] = Field(default_factory=list, description="Lines above the grid.")
    cards: list[Card] = Field(min_length=1, description="The cards, in reading order.")
    footer: Text | None = Field(None, description="A line below the grid, such as a summary.")
    columns: int | None = Field(None, ge=1, le=4, description="Cards per row; chosen from the text when omitted.")


class StructureItem(ContentModel):
    """An entry in a structure column, with an optional aim under its label."""

    label: Title = Field(description="The entry, such as 'Ideas'.")
    aim: Text | None = Field(None, description="What it aims at, such as 'the world's most innovative economy'.")


class StructureColumn(ContentModel):
    """A column of the structure diagram, such as 'Foundations'."""

    title: Title = Field(description="Column heading.")
    note: Text | None = Field(None, description="Small print under the heading.")
    items: list[StructureItem] = Field(min_length=1, description="Entries, top to bottom.")

    @model_validator(mode="before")
    @classmethod
    def _items_from_text(cls, data: Any) -> Any:
        if isinstance(data, dict) and isinstance(data.get("items"), list):
            data = dict(data)
            data["items"] = [{"label": i} if isinstance(i, str) else i for i in data["items"]]
        return data


class StructureBlock(_Block):
    """A diagram of side-by-side columns of labelled items (the Industrial Strategy structure)."""

    kind: Literal["structure"] = "structure"
    columns: list[StructureColumn] = Field(min_length=1, max_length=6, description="Columns, left to right.")


class Target(ContentModel):
    """A target tile; tiles are numbered by their position."""

    text: Text = Field(description="The target's wording.")
    figure: Title | None = Field(None, description="A headline figure to show large, such as '100,000'.")


class TargetsBlock(_Block):
    """Numbered target tiles between a goal line above and delivery lines below."""

    kind: Literal["targets"] = "targets"
    goal: Text | None = Field(
        None, description="The aim above the tiles, such as 'Grow and develop North East economy'."
    )
    label: Title | None = Field(None, description="A label for the tiles, such as '6 Targets'.")
    targets: list[Target] = Field(min_length=1, max_length=12, description="The targets, in order.")
    footer: list[Text] = Field(
        default_factory=list, description="Lines below the tiles, such as the delivery mechanism."
    )


class OrgNode(ContentModel):
    """A box of the org chart; ``parent`` draws the reporting line."""

    id: Slug = Field(description="Identifier other nodes name as their parent, such as 'lep-board'.")
    title: Title = Field(description="The body's name.")
    note: Text | None = Field(
        None, description="Small print under the name, such as '(on behalf of four universities)'."
    )
    members_heading: Text | None = Field(None, description="Line above the members, such as 'Representatives from:'.")
    members: list[Text] = Field(default_factory=list, description="Members listed in the box.")
    parent: Slug | None = Field(None, description="The id of the node this one reports to; none for the top.")
    side_label: Title | None = Field(
        None, description="A label beside the box, such as 'Decision making' or 'Advisory'."
    )


class OrgChartBlock(_Block):
    """An organisation chart: boxes, reporting lines, side labels and member lists."""

    kind: Literal["orgchart"] = "orgchart"
    nodes: list[OrgNode] = Field(min_length=1, max_length=20, description="Boxes, parents before children.")

    @model_validator(mode="after")
    def _tree(self) -> OrgChartBlock:
        ids = [n.id for n in self.nodes]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"node ids must be unique; '{dupes[0]}' is used more than once")
        known = set(ids)
        for node in self.nodes:
            if node.parent is not None and node.parent not in known:
                raise ValueError(
                    f"node '{node.id}' names parent '{node.parent}', which is not a node id "
                    f"here; use one of: {', '.join(ids)}"
                )
        parents = {n.id: n.parent for n in self.nodes}
        for start in ids:
            seen: set[str] = set()
            cur: str | None = start
            while cur is not None:
                if cur in seen:
                    raise ValueError(f"node '{start}' is its own ancestor; reporting lines must form a tree")
                seen.add(cur)
                cur = parents[cur]
        return self

    def children(self, node_id: str | None) -> list[OrgNode]:
        """Nodes whose parent is ``node_id`` (the roots for ``None``), in file order."""
        return [n for n in self.nodes if n.parent == node_id]


class TimelineMilestone(ContentModel):
    """Something that happened, or will, in a given month."""

    month: Month = Field(description="The month, written 'YYYY-MM'.")
    text: Text = Field(description="What happens.")


class TimelineLane(ContentModel):
    """A row of the timeline, such as 'Evidence' or 'LEP Board'."""

    name: Title = Field(description="The lane's label.")
    milestones: list[TimelineMilestone] = Field(default_factory=list, description="Dated milestones.")


class TimelineSpan(ContentModel):
    """Work running over several months, drawn as a bar."""

    text: Text = Field(description="What runs over the months.")
    start: Month = Field(description="First month, 'YYYY-MM'.")
    end: Month = Field(description="Last month, 'YYYY-MM'.")
    lane: Title | None = Field(None, description="The lane it belongs to; across the top when omitted.")


class TimelineBlock(_Block):
    """A month-by-month timeline: months as columns, lanes as rows, milestones and spans."""

    kind: Literal["timeline"] = "timeline"
    start: Month = Field(description="First month shown, 'YYYY-MM'.")
    end: Month = Field(description="Last month shown, 'YYYY-MM'.")
    lanes: list[TimelineLane] = Field(default_factory=list, description="Rows, top to bottom.")
    spans: list[TimelineSpan] = Field(default_factory=list, description="Bars over several months.")

    @model_validator(mode="after")
    def _in_range(self) -> TimelineBlock:
        months = self.end.ordinal() - self.start.ordinal() + 1
        if months < 1:
            raise ValueError(f"the timeline ends ({self.end}) before it starts ({self.start})")
        if months > 36:
            raise ValueError(f"a timeline may show at most 36 months; {self.start} to {self.end} is {months}")
        names = [lane.name for lane in self.lanes]
        for lane in self.lanes:
            for ms in lane.milestones:
                if not self.start <= ms.month <= self.end:
                    raise ValueError(
                        f"milestone '{ms.text[:40]}' in lane '{lane.name}' is dated {ms.month}, "
                        f"outside the timeline's {self.start} to {self.end}"
                    )
        for span in self.spans:
            if span.end < span.start:
                raise ValueError(f"span '{span.text[:40]}' ends ({span.end}) before it starts ({span.start})")
            if span.start < self.start or span.end > self.end:
                raise ValueError(
                    f"span '{span.text[:40]}' runs {span.start} to {span.end}, outside the "
                    f"timeline's {self.start} to {self.end}"
                )
            if span.lane is not None and span.lane not in names:
                raise ValueError(
                    f"span '{span.text[:40]}' names lane '{span.lane}', which is not a lane here; "
                    f"use one of: {', '.join(names) or '(no lanes yet)'}"
                )
        return self

    def months(self) -> list[Any]:
        """Every month shown, first to last."""
        first = self.start.ordinal()
        return [type(self.start).from_ordinal(i) for i in range(first, self.end.ordinal() + 1)]


class FlowStep(ContentModel):
    """A step of a process flow, with notes shown under it."""

    title: Text = Field(description="The step.")
    notes: list[Text] = Field(default_factory=list, description="Notes under the step.")


class FlowBlock(_Block):
    """A left-to-right process flow such as the next steps."""

    kind: Literal["flow"] = "flow"
    steps: list[FlowStep] = Field(min_length=1, max_length=8, description="Steps, in order.")


class QuestionsBlock(_Block):
    """Discussion questions put to the audience; gathered as consultation questions in the document."""

    kind: Literal["questions"] = "questions"
    intro: Text | None = Field(None, description="A line before the questions.")
    questions: list[Text] = Field(min_length=1, description="The questions, in order.")


class DividerBlock(_Block):
    """A divider slide such as 'Questions?'; left out of the document."""

    kind: Literal["divider"] = "divider"
    text: Title = Field("Questions?", description="The divider's big text.")
    subtitle: Text | None = Field(None, description="A smaller line under it.")


# The evidence kinds live in their own module, which builds on _Block above.
from neslis_desktop.model.evidence import ChartBlock, PictureBlock, TableBlock  # noqa: E402

Block = Annotated[
    ParagraphBlock
    | BulletsBlock
    | CardsBlock
    | StructureBlock
    | TargetsBlock
    | OrgChartBlock
    | TimelineBlock
    | FlowBlock
    | QuestionsBlock
    | DividerBlock
    | ChartBlock
    | TableBlock
    | PictureBlock,
    Field(discriminator="kind"),
]
"""Any block; the ``kind`` key picks the class."""

BLOCK_KINDS: dict[str, type[_Block]] = {
    cls.model_fields["kind"].default: cls
    for cls in (
        ParagraphBlock,
        BulletsBlock,
        CardsBlock,
        StructureBlock,
        TargetsBlock,
        OrgChartBlock,
        TimelineBlock,
        FlowBlock,
        QuestionsBlock,
        DividerBlock,
        ChartBlock,
        TableBlock,
        PictureBlock,
    )
}
"""Every block class by its ``kind``, in the order an editor offers them (the evidence kinds,
chart, table and picture, last). The one registry of kinds: a test checks it names every
member of :data:`Block`, and the GUI has one module per entry (``gui/kinds/``)."""
