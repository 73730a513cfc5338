"""The bundled North East LIS project carries the whole seed deck, in order, as proper blocks.

The bundled project is what officers open first and what every renderer test builds from,
so it must hold every line of the summit deck's text (nothing dropped), keep the deck's
order, use the diagram kinds rather than flattened bullets, and be exactly what the app
itself writes (so opening and saving it changes nothing).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import seedcheck
from pydantic import BaseModel

from neslis_desktop.model import (
    DividerBlock,
    FlowBlock,
    Month,
    OrgChartBlock,
    Project,
    QuestionsBlock,
    StructureBlock,
    TargetsBlock,
    TimelineBlock,
    plain_text,
)
from neslis_desktop.store import load_project, save_project

# Identifiers and references between parts: never shown to a reader as they are.
_NOT_SHOWN = frozenset({"kind", "id", "parent", "lane", "slug", "language", "schema_version"})


def _texts(value: object) -> Iterator[str]:
    """Every piece of text a reader could see in ``value``, markup removed."""
    if isinstance(value, TimelineBlock):
        # The months are drawn as the timeline's column headings, with the year.
        for month in value.months():
            yield month.name
            yield str(month.year)
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            if name not in _NOT_SHOWN:
                yield from _texts(getattr(value, name))
    elif isinstance(value, list):
        for item in value:
            yield from _texts(item)
    elif isinstance(value, str) and not isinstance(value, Month):
        yield plain_text(value)


def _all_blocks(project: Project) -> list[object]:
    return [block for section in project.sections for block in section.blocks]


def _folded_seed(seed_lines: list[str]) -> str:
    return seedcheck.fold(" ".join(seedcheck.seed_key(line) for line in seed_lines))


def test_every_seed_line_is_carried(project: Project, seed_lines: list[str]) -> None:
    text = "\n".join(_texts(project))
    assert seedcheck.missing_lines(text, seed_lines) == []


def test_sections_follow_the_seed_order(project: Project, seed_lines: list[str]) -> None:
    seed = _folded_seed(seed_lines)
    position = -1
    for section in project.sections:
        title = seedcheck.fold(plain_text(section.title))
        found = seed.find(title, position + 1)
        assert found > position, f"section '{section.id}' ({title!r}) is not next in the seed's order"
        position = found


def test_first_text_of_each_block_follows_the_seed_order(project: Project, seed_lines: list[str]) -> None:
    """Within the deck, each block's opening words come after the previous block's."""
    seed = _folded_seed(seed_lines)
    position = -1
    for section in project.sections:
        for block in section.blocks:
            if isinstance(block, DividerBlock):
                continue
            first = next(t for t in _texts(block) if len(t) > 3)
            probe = seedcheck.fold(first)[:40]
            found = seed.find(probe, position + 1)
            assert found > position, f"block '{block.kind}' of '{section.id}' ({probe!r}) is out of the seed's order"
            position = found


def test_diagram_slides_are_proper_blocks(project: Project) -> None:
    blocks = _all_blocks(project)

    structures = [b for b in blocks if isinstance(b, StructureBlock)]
    assert len(structures) == 1
    assert [c.title for c in structures[0].columns] == ["Foundations", "Grand Challenges", "Sector Deals"]
    assert [len(c.items) for c in structures[0].columns] == [5, 4, 10]
    assert all(item.aim for item in structures[0].columns[0].items)

    targets = [b for b in blocks if isinstance(b, TargetsBlock)]
    assert len(targets) == 1 and len(targets[0].targets) == 6

    charts = [b for b in blocks if isinstance(b, OrgChartBlock)]
    assert len(charts) == 1 and len(charts[0].nodes) == 4
    assert len(charts[0].children(None)) == 1, "the org chart has one top box"

    timelines = [b for b in blocks if isinstance(b, TimelineBlock)]
    assert len(timelines) == 1
    timeline = timelines[0]
    assert (str(timeline.start), str(timeline.end)) == ("2019-08", "2020-07")
    assert len(timeline.lanes) >= 4 and len(timeline.spans) >= 3
    for lane in timeline.lanes:
        months = [m.month for m in lane.milestones]
        assert months == sorted(months), f"lane '{lane.name}' is not in date order"
        assert len(months) == len(set(months)), f"lane '{lane.name}' has two milestones in one month"
        assert len(months) <= 6
    last = max((m for lane in timeline.lanes for m in lane.milestones), key=lambda m: m.month)
    assert last.text == "LIS Summit"

    flows = [b for b in blocks if isinstance(b, FlowBlock)]
    assert len(flows) == 1 and len(flows[0].steps) == 5

    # The seed's three "Questions?" slides: two plain dividers, then one putting two questions.
    pauses = [s for s in project.sections if s.title == "Questions?"]
    assert [s.blocks[0].kind for s in pauses] == ["divider", "divider", "questions"]
    assert len({s.id for s in pauses}) == 3

    questions = [b for b in blocks if isinstance(b, QuestionsBlock)]
    assert [len(q.questions) for q in questions] == [2, 3, 3]


def test_metadata_is_faithful(project: Project) -> None:
    meta = project.meta
    assert meta.title == "North East Local Industrial Strategy"
    assert meta.organisation == "North East Local Enterprise Partnership"
    assert meta.event == "LIS Summit"
    assert meta.file_slug() == "north-east-lis"
    assert meta.date is None, "the seed gives no summit date; none may be invented"


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_round_trip_is_identical(bundled_dir: Path, tmp_path: Path) -> None:
    first = load_project(bundled_dir)
    save_project(first, tmp_path / "copy")
    assert load_project(tmp_path / "copy") == first
    assert _files(tmp_path / "copy") == _files(bundled_dir), "the bundled files are not what the app writes"
