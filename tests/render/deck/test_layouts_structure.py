"""The structure diagram: header bars over columns of labelled items, with small print, filling the body."""

from __future__ import annotations

import pytest
from test_planner_support import SLIDE_SIZES, plan_blocks

from neslis_desktop.model.blocks import StructureBlock, StructureColumn, StructureItem

FOUNDATIONS = StructureColumn(
    title="Foundations",
    items=[
        StructureItem(label="Ideas", aim="the world's most innovative economy"),
        StructureItem(label="People", aim="good jobs and greater earning power for all"),
        StructureItem(label="Infrastructure", aim="a major upgrade to the UK's infrastructure"),
        StructureItem(label="Business Environment", aim="the best place to start and grow a business"),
        StructureItem(label="Places", aim="prosperous communities across the UK"),
    ],
)
CHALLENGES = StructureColumn(
    title="Grand Challenges",
    items=["AI and data economy", "Clean growth", "Future of mobility", "Ageing society"],  # type: ignore[list-item]
)
DEALS = StructureColumn(
    title="Sector Deals",
    note="(published to date - more planned)",
    items=[
        "Aerospace",
        "Artificial Intelligence",
        "Automotive",
        "Construction",
        "Creative industries",  # type: ignore[list-item]
        "Life sciences",
        "Nuclear",
        "Offshore wind",
        "Rail",
        "Tourism",
    ],
)
BLOCKS = {
    "seed": StructureBlock(columns=[FOUNDATIONS, CHALLENGES, DEALS]),
    "one column": StructureBlock(columns=[CHALLENGES]),
    "six columns": StructureBlock(columns=[CHALLENGES] * 6, heading="Six of the same"),
}


@pytest.mark.parametrize("size", list(SLIDE_SIZES))
@pytest.mark.parametrize("name", list(BLOCKS))
def test_structure_fits_inside_the_body_without_overlap(size: str, name: str) -> None:
    slides = plan_blocks(size, BLOCKS[name])
    block = BLOCKS[name]
    shapes = [sh for s in slides for sh in s.shapes]
    items = [sh for sh in shapes if " item " in sh.name]
    assert len(items) == sum(len(c.items) for c in block.columns)


def test_headers_sit_above_their_items_with_bold_labels_and_aims_under_them() -> None:
    (slide,) = plan_blocks("16:9", BLOCKS["seed"])
    by_name = {sh.name: sh for sh in slide.shapes}
    for col in (1, 2, 3):
        header = by_name[f"Column {col} header"]
        assert header.fill == "accent1" and header.text is not None and header.text.style.colour == "bg1"
        items = [sh for name, sh in by_name.items() if name.startswith(f"Column {col} item")]
        assert all(
            header.box.x <= i.box.x and i.box.right <= header.box.right and i.box.y > header.box.bottom for i in items
        )
    ideas = by_name["Column 1 item 1"].text
    assert ideas is not None
    assert [p.text for p in ideas.paras] == ["Ideas", "the world's most innovative economy"]
    assert all(r.bold for r in ideas.paras[0].runs) and not any(r.bold for r in ideas.paras[1].runs)
    note = by_name["Column 3 note"]
    assert note.text is not None and note.text.style.size_pt < by_name["Column 3 header"].text.style.size_pt  # type: ignore[union-attr]
