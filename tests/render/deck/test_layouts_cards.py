"""Card grids: 2-8 cards a slide, wide cards span the row, highlights in the accent, intro above, footer below."""

from __future__ import annotations

import pytest
from test_planner_support import SLIDE_SIZES, plan_blocks

from neslis_desktop.model.blocks import Card, CardsBlock

SIZES = list(SLIDE_SIZES)

PRIORITIES = [
    "Supporting new products and services for the growing global population of older people, "
    "meeting important social needs",
    "Supporting sectors to adapt to a changing and ageing workforce",
    "Leveraging our health data to improve health outcomes and UK leadership in life sciences",
    "Supporting care providers to adapt their business models to changing demands",
]


def cards(n: int, words: int = 12) -> list[Card]:
    return [Card(title=f"Element {i + 1}", body=" ".join(["evidence"] * words)) for i in range(n)]


BLOCKS = {
    "two": CardsBlock(cards=cards(2)),
    "four with intro and footer": CardsBlock(
        intro=["Ambition - We will harness the power of innovation", "Early priority areas have been identified as:"],
        cards=[Card(body=b) for b in PRIORITIES],
        footer="Have used the Evidence Forum as 'critical friend' throughout.",
    ),
    "titles only": CardsBlock(
        cards=[Card(title=t) for t in ("Digital", "Advanced manufacturing", "Health and life sciences", "Energy")]
    ),
    "eight": CardsBlock(cards=cards(8, 6)),
    "wide last": CardsBlock(
        cards=[*cards(4), Card(body="Implementing a regional approach to the Sector Deal", wide=True)]
    ),
    "bullets inside": CardsBlock(
        cards=[
            Card(
                title="Proposal", body="Support growth", bullets=["one", {"text": "two", "items": ["two a"]}, "three"]
            ),
            *cards(2),
        ]  # type: ignore[list-item]
    ),
    "fixed columns": CardsBlock(cards=cards(6), columns=2),
}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("name", list(BLOCKS))
def test_card_grids_fit_inside_the_body_without_overlap(size: str, name: str) -> None:
    slides = plan_blocks(size, BLOCKS[name])
    assert all(s.layout == "title_only" for s in slides)
    n_cards = sum(1 for s in slides for sh in s.shapes if sh.name.startswith("Card "))
    assert n_cards == len(BLOCKS[name].cards)


@pytest.mark.parametrize("size", SIZES)
def test_more_cards_than_fit_continue_on_a_balanced_further_slide(size: str) -> None:
    slides = plan_blocks(size, CardsBlock(cards=cards(11, 20)))
    counts = [sum(1 for sh in s.shapes if sh.name.startswith("Card ")) for s in slides]
    assert len(slides) >= 2 and sum(counts) == 11
    assert max(counts) - min(counts) <= 1
    assert all(c <= 8 for c in counts)
    assert slides[1].title.endswith("(continued)")


def test_wide_cards_span_the_row_and_highlights_use_the_accent() -> None:
    block = CardsBlock(cards=[*cards(3), Card(title="Wide and bright", body="words", wide=True, highlight=True)])
    (slide,) = plan_blocks("16:9", block)
    boxes = [sh for sh in slide.shapes if sh.name.startswith("Card ")]
    wide = boxes[-1]
    assert wide.box.w == max(b.box.w for b in boxes) and wide.box.w > 2 * boxes[0].box.w
    assert wide.fill == "accent1" and wide.text is not None and wide.text.style.colour == "bg1"
    assert boxes[0].fill == "bg2" and boxes[0].text is not None and boxes[0].text.style.colour == "tx1"


def test_intro_above_and_footer_below_the_grid() -> None:
    (slide,) = plan_blocks("16:9", BLOCKS["four with intro and footer"])
    intro = next(s for s in slide.shapes if s.name == "Intro")
    footer = next(s for s in slide.shapes if s.name == "Footer")
    grid = [s for s in slide.shapes if s.name.startswith("Card ")]
    assert intro.box.bottom <= min(c.box.y for c in grid)
    assert footer.box.y >= max(c.box.bottom for c in grid)
    assert (
        intro.text is not None
        and [p.text for p in intro.text.paras][1] == "Early priority areas have been identified as:"
    )


def test_columns_follow_the_text_four_short_cards_sit_in_one_row_on_a_wide_slide() -> None:
    (slide,) = plan_blocks("16:9", BLOCKS["titles only"])
    ys = {s.box.y for s in slide.shapes if s.name.startswith("Card ")}
    assert len(ys) == 1
