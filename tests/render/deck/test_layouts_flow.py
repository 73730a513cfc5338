"""The process flow: steps as arrows left to right with their words inside, notes under each step."""

from __future__ import annotations

import itertools

import pytest
from test_planner_support import SLIDE_SIZES, plan_blocks

from neslis_desktop.model.blocks import FlowBlock, FlowStep

SEED = FlowBlock(
    steps=[
        FlowStep(title="Summit feedback and advisory boards"),
        FlowStep(
            title="Draft LIS",
            notes=["Reviewed by Working Group, Steering Group and LEP Board", "Bilateral discussions with government"],
        ),
        FlowStep(title="Final LIS", notes=["Agreed by LEP Board and Secretary of State"]),
        FlowStep(title="Submitted to government"),
        FlowStep(title="Published by government"),
    ]
)
BLOCKS = {
    "seed": SEED,
    "two": FlowBlock(steps=[FlowStep(title="Ask"), FlowStep(title="Answer", notes=["Quickly"])]),
    "eight": FlowBlock(steps=[FlowStep(title=f"Step number {i}", notes=["a note"]) for i in range(8)]),
}


@pytest.mark.parametrize("size", list(SLIDE_SIZES))
@pytest.mark.parametrize("name", list(BLOCKS))
def test_flows_fit_inside_the_body_without_overlap(size: str, name: str) -> None:
    (slide,) = plan_blocks(size, BLOCKS[name])
    arrows = [sh for sh in slide.shapes if sh.kind in ("chevron", "pentagon")]
    assert len(arrows) == len(BLOCKS[name].steps)
    assert arrows[0].kind == "pentagon" and all(a.kind == "chevron" for a in arrows[1:])
    # Steps read left to right along a row; a second row, if any, sits wholly below the first.
    rows = [[a for a in arrows if a.box.y == y] for y in sorted({a.box.y for a in arrows})]
    assert [a for row in rows for a in row] == arrows and len(rows) <= 2
    for row in rows:
        assert all(a.box.right <= b.box.x for a, b in itertools.pairwise(row))
    for upper, lower in itertools.pairwise(rows):
        assert max(a.box.bottom for a in upper) < min(a.box.y for a in lower)


def test_step_words_sit_inside_their_arrow_and_notes_under_it() -> None:
    (slide,) = plan_blocks("16:9", SEED)
    by_name = {sh.name: sh for sh in slide.shapes}
    for i, step in enumerate(SEED.steps, start=1):
        arrow, text = by_name[f"Step {i}"], by_name[f"Step {i} text"]
        assert arrow.box.x <= text.box.x and text.box.right <= arrow.box.right
        assert text.text is not None and text.text.paras[0].text == step.title
        assert text.text.style.colour == "bg1" and arrow.fill == "accent1"
        if step.notes:
            notes = by_name[f"Step {i} notes"]
            assert notes.box.y >= arrow.box.bottom
            assert notes.box.x >= arrow.box.x and notes.box.right <= arrow.box.right
            assert [p.text for p in notes.text.paras] == step.notes  # type: ignore[union-attr]
