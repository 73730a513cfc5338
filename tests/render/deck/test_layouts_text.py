"""Text blocks fill a content slide's body placeholder: shared while they fit, continued when they do not."""

from __future__ import annotations

import itertools

import pytest
from test_planner_support import SLIDE_SIZES, plan_blocks

from neslis_desktop.model.blocks import BulletsBlock, ParagraphBlock, QuestionsBlock

SENTENCE = "Productivity measures how much output is produced by a given input, for example the value of goods. "


@pytest.mark.parametrize("size", list(SLIDE_SIZES))
@pytest.mark.parametrize(
    ("blocks", "slides_expected"),
    [
        ((ParagraphBlock(text=SENTENCE),), 1),
        ((ParagraphBlock(text=SENTENCE), BulletsBlock(lead="It will:", items=["one", "two", "three"])), 1),
        ((QuestionsBlock(intro="Discuss:", questions=[SENTENCE, SENTENCE]),), 1),
        ((ParagraphBlock(text=SENTENCE * 30),), 2),
        (tuple(ParagraphBlock(text=SENTENCE * 2, heading=f"Part {i}") for i in range(8)), 2),
    ],
)
def test_text_fits_the_body_or_continues(size: str, blocks: tuple, slides_expected: int) -> None:  # type: ignore[type-arg]
    slides = plan_blocks(size, *blocks)
    assert len(slides) >= slides_expected
    if slides_expected == 1:
        assert len(slides) == 1
    assert all(s.layout == "content" and s.body for s in slides)
    titles = [s.title for s in slides]
    assert titles[1:] == [f"A section (continued{'' if i == 1 else f' {i}'})" for i in range(1, len(slides))]
    words = " ".join(p.text for s in slides for p in s.body or []).split()
    expected = " ".join(
        " ".join(filter(None, [getattr(b, "heading", None), getattr(b, "text", None)])) for b in blocks
    ).split()
    if all(isinstance(b, ParagraphBlock) for b in blocks):
        assert words == expected  # nothing lost or repeated across the cut


@pytest.mark.parametrize("repeat", [2, 4, 6, 8])
def test_blocks_share_a_slide_only_at_16_pt_or_more(repeat: int) -> None:
    slides = plan_blocks("16:9", ParagraphBlock(text=SENTENCE * repeat), ParagraphBlock(text=SENTENCE * repeat))
    shared = [s for s in slides if len(s.body or []) == 2]
    assert all(s.body_style is not None and s.body_style.size_pt >= 16 for s in shared)
    assert len(slides) == (1 if shared else 2)


def test_nested_bullets_keep_their_levels_and_numbering() -> None:
    block = BulletsBlock(
        numbered=True, items=["one", {"text": "two", "items": ["two a", {"text": "two b", "items": ["deep"]}]}]
    )  # type: ignore[list-item]
    (slide,) = plan_blocks("4:3", block)
    assert [(p.text, p.level, p.bullet) for p in slide.body or []] == [
        ("one", 0, "number"),
        ("two", 0, "number"),
        ("two a", 1, "bullet"),
        ("two b", 1, "bullet"),
        ("deep", 2, "bullet"),
    ]


@pytest.mark.parametrize("size", list(SLIDE_SIZES))
def test_a_point_is_not_left_at_the_foot_of_a_slide_without_its_sub_points(size: str) -> None:
    items = [{"text": f"Point {i}: " + SENTENCE, "items": [SENTENCE, SENTENCE]} for i in range(8)]
    slides = plan_blocks(size, BulletsBlock(lead="Key opportunities:", items=items))  # type: ignore[arg-type]
    assert len(slides) >= 2
    for here, there in itertools.pairwise(slides):
        last, first = (here.body or [])[-1], (there.body or [])[0]
        assert not (first.level > last.level and len(here.body or []) > 1), (last.text, first.text)
