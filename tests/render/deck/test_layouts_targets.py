"""Targets: a goal band, a label, six numbered tiles in a grid, delivery lines as bands below."""

from __future__ import annotations

import pytest
from test_planner_support import SLIDE_SIZES, plan_blocks

from neslis_desktop.model.blocks import Target, TargetsBlock

SIX = [
    "Increase the number of jobs by 100,000 by 2024",
    "70% of all jobs created between 2014 and 2024 will be better jobs",
    "Close the gap with England excluding London in the employment rate for people aged 16-64 by 2024",
    "Reduce the gap with England excluding London in economic activity for people aged 16-64 by 50% by 2024",
    "Reduce the gap with England excluding London in private sector employment density by 50% by 2024",
    "Reduce the gap with England excluding London in GVA per hour worked by 50% by 2024",
]
BLOCKS = {
    "seed": TargetsBlock(
        goal="Grow and develop North East economy",
        label="6 Targets",
        targets=[Target(text=t) for t in SIX],
        footer=[
            "Delivery mechanism to increase productivity and living standards",
            "Maximise North East assets and opportunities",
        ],
    ),
    "three with figures": TargetsBlock(
        targets=[Target(text="more jobs", figure="100,000"), Target(text="better jobs"), Target(text="higher pay")]
    ),
    "twelve": TargetsBlock(targets=[Target(text=t) for t in SIX * 2], goal="Goal"),
}


@pytest.mark.parametrize("size", list(SLIDE_SIZES))
@pytest.mark.parametrize("name", list(BLOCKS))
def test_targets_fit_inside_the_body_without_overlap(size: str, name: str) -> None:
    slides = plan_blocks(size, BLOCKS[name])
    tiles = [sh for s in slides for sh in s.shapes if sh.name.startswith("Target ")]
    numbers = [t.text.paras[0].runs[0].text.strip() for t in tiles if t.text]
    assert numbers == [str(i + 1) for i in range(len(BLOCKS[name].targets))]


@pytest.mark.parametrize("size", list(SLIDE_SIZES))
def test_goal_on_top_tiles_in_a_grid_and_delivery_bands_below(size: str) -> None:
    (slide,) = plan_blocks(size, BLOCKS["seed"])
    by_name = {sh.name: sh for sh in slide.shapes}
    goal, label = by_name["Goal"], by_name["Label"]
    tiles = [by_name[f"Target {i}"] for i in range(1, 7)]
    bands = [by_name["Footer 1"], by_name["Footer 2"]]
    assert goal.box.bottom <= label.box.y < label.box.bottom <= min(t.box.y for t in tiles)
    assert max(t.box.bottom for t in tiles) <= bands[0].box.y < bands[1].box.y
    rows = len({t.box.y for t in tiles})
    cols = len({t.box.x for t in tiles})
    assert (cols, rows) in {(3, 2), (6, 1), (2, 3)}
    assert goal.fill == "accent1" and goal.text is not None and goal.text.style.colour == "bg1"
    assert all(t.fill == "bg2" and t.text is not None and t.text.style.colour == "tx1" for t in tiles)


@pytest.mark.parametrize("size", list(SLIDE_SIZES))
def test_a_headline_figure_is_shown_large(size: str) -> None:
    """The figure a target asks to show large is set larger than its tile's words, above them."""
    slides = plan_blocks(size, BLOCKS["three with figures"])
    for slide in slides:
        by_name = {sh.name: sh for sh in slide.shapes}
        block = BLOCKS["three with figures"]
        for n, target in enumerate(block.targets, start=1):
            tile, figure = by_name.get(f"Target {n}"), by_name.get(f"Figure {n}")
            if tile is None or not target.figure:
                assert figure is None
                continue
            assert figure is not None and figure.text is not None and tile.text is not None
            assert figure.text.style.size_pt >= tile.text.style.size_pt + 4
            assert tile.box.y <= figure.box.y and figure.box.bottom <= tile.box.bottom
            assert all(figure.text.paras[0].text not in p.text for p in tile.text.paras)
