"""Block validation: what is accepted, and the words used when something is not."""

from __future__ import annotations

import typing
from typing import Any

import pytest
from pydantic import TypeAdapter, ValidationError

from neslis_desktop.model import (
    BLOCK_KINDS,
    Block,
    BulletItem,
    BulletsBlock,
    Card,
    Month,
    OrgChartBlock,
    ParagraphBlock,
    TimelineBlock,
)

BLOCK = TypeAdapter(Block)


def _message(exc: pytest.ExceptionInfo[ValidationError]) -> str:
    return " ".join(e["msg"] for e in exc.value.errors())


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        ({"kind": "paragraph", "text": "  "}, "must not be empty"),
        ({"kind": "paragraph", "text": "bell \x07"}, "control character U+0007"),
        ({"kind": "paragraph", "text": "x" * 20_001}, "20,001 characters long; it may hold at most 20,000"),
        ({"kind": "bullets", "items": []}, "at least 1"),
        (
            {
                "kind": "bullets",
                "items": [{"text": "a", "items": [{"text": "b", "items": [{"text": "c", "items": ["d"]}]}]}],
            },
            "at most 3 levels",
        ),
        ({"kind": "cards", "cards": [{}]}, "needs a title, a body or bullets"),
        ({"kind": "cards", "cards": [{"title": "two\nlines"}]}, "single line"),
        ({"kind": "orgchart", "nodes": [{"id": "a", "title": "A", "parent": "b"}]}, "names parent 'b'"),
        (
            {
                "kind": "orgchart",
                "nodes": [{"id": "a", "title": "A", "parent": "b"}, {"id": "b", "title": "B", "parent": "a"}],
            },
            "its own ancestor",
        ),
        ({"kind": "orgchart", "nodes": [{"id": "a", "title": "A"}, {"id": "a", "title": "B"}]}, "unique"),
        ({"kind": "orgchart", "nodes": [{"id": "Not A Slug", "title": "A"}]}, "not a valid identifier"),
        ({"kind": "timeline", "start": "2020-01", "end": "2019-12"}, "ends (2019-12) before it starts"),
        ({"kind": "timeline", "start": "2019-08", "end": "2019-13"}, "'2019-13' is not a month"),
        ({"kind": "timeline", "start": "2019-01", "end": "2022-01"}, "at most 36 months"),
        (
            {
                "kind": "timeline",
                "start": "2019-08",
                "end": "2020-07",
                "lanes": [{"name": "A", "milestones": [{"month": "2021-01", "text": "late"}]}],
            },
            "outside the timeline",
        ),
        (
            {
                "kind": "timeline",
                "start": "2019-08",
                "end": "2020-07",
                "spans": [{"text": "s", "start": "2019-09", "end": "2019-10", "lane": "Nope"}],
            },
            "names lane 'Nope'",
        ),
        ({"kind": "flow", "steps": [{"title": f"s{i}"} for i in range(9)]}, "at most 8"),
        ({"kind": "paragraph", "text": "ok", "colour": "red"}, "Extra inputs are not permitted"),
        ({"kind": "map", "text": "x"}, "does not match any of the expected tags"),
    ],
)
def test_invalid_blocks_say_what_is_valid(data: dict[str, Any], fragment: str) -> None:
    with pytest.raises(ValidationError) as exc:
        BLOCK.validate_python(data)
    assert fragment in _message(exc)


def test_every_kind_is_registered_and_round_trips() -> None:
    samples: dict[str, dict[str, Any]] = {
        "paragraph": {"text": "Para"},
        "bullets": {"lead": "It will:", "items": ["one", {"text": "two", "items": ["two a"]}]},
        "cards": {"intro": ["Intro"], "cards": [{"title": "T", "body": "B", "wide": True}], "footer": "F"},
        "structure": {"columns": [{"title": "Foundations", "items": [{"label": "Ideas", "aim": "innovative"}]}]},
        "targets": {"goal": "Grow", "label": "6 Targets", "targets": [{"text": "100,000 jobs"}]},
        "orgchart": {"nodes": [{"id": "top", "title": "Top"}, {"id": "sub", "title": "Sub", "parent": "top"}]},
        "timeline": {"start": "2019-08", "end": "2020-07", "lanes": [{"name": "L"}]},
        "flow": {"steps": [{"title": "Draft", "notes": ["reviewed"]}, {"title": "Final"}]},
        "questions": {"questions": ["Why?"]},
        "divider": {},
        "chart": {
            "title": "GVA",
            "chart_type": "line",
            "categories": ["2018", "2019"],
            "series": [{"name": "NE", "values": [1, 2]}],
        },
        "table": {"caption": "Assets", "columns": ["Area", "Jobs"], "rows": [["North East", 12]]},
        "picture": {"file": "assets/photo.png", "alt_text": "The Tyne bridges"},
    }
    assert set(samples) == set(BLOCK_KINDS)
    for kind, data in samples.items():
        block = BLOCK.validate_python({"kind": kind, **data})
        assert isinstance(block, BLOCK_KINDS[kind])
        again = BLOCK.validate_python(block.model_dump(mode="json"))
        assert again == block


def test_the_registry_names_every_block_class_once() -> None:
    """BLOCK_KINDS is the one list of kinds: the members of the Block union, each under its own kind."""
    union = typing.get_args(typing.get_args(Block)[0])
    assert set(BLOCK_KINDS.values()) == set(union) and len(BLOCK_KINDS) == len(union)
    assert all(cls.model_fields["kind"].default == kind for kind, cls in BLOCK_KINDS.items())


def test_bullet_without_children_is_written_as_text() -> None:
    block = BulletsBlock(items=[BulletItem(text="a"), BulletItem(text="b", items=[BulletItem(text="c")])])
    assert block.model_dump(mode="json")["items"] == ["a", {"text": "b", "items": ["c"]}]


def test_edits_are_validated() -> None:
    block = ParagraphBlock(text="fine")
    with pytest.raises(ValidationError):
        block.text = ""
    assert block.text == "fine"


def test_timeline_months_and_month_ordering() -> None:
    timeline = TimelineBlock(start="2019-11", end="2020-02")
    assert [str(m) for m in timeline.months()] == ["2019-11", "2019-12", "2020-01", "2020-02"]
    assert Month(2019, 12) < Month(2020, 1)
    assert Month.parse("2020-01").name == "January"


def test_orgchart_children_in_file_order() -> None:
    chart = OrgChartBlock(
        nodes=[
            {"id": "top", "title": "Top"},
            {"id": "b", "title": "B", "parent": "top"},
            {"id": "a", "title": "A", "parent": "top"},
        ]
    )
    assert [n.id for n in chart.children("top")] == ["b", "a"]
    assert [n.id for n in chart.children(None)] == ["top"]


def test_card_highlight_and_wide_default_off() -> None:
    card = Card(body="text")
    assert (card.wide, card.highlight) == (False, False)


def test_deep_copy_keeps_months() -> None:
    timeline = TimelineBlock(
        start="2019-08", end="2020-07", lanes=[{"name": "L", "milestones": [{"month": "2019-09", "text": "m"}]}]
    )
    copy = timeline.model_copy(deep=True)
    assert copy == timeline
    assert copy.lanes[0].milestones[0].month == Month(2019, 9)
