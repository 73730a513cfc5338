"""Cards as prose: the join between a card's title and its body is read from the content."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from docx.table import Table
from draftfixtures import sample_project
from draftread import blocks, open_docx, paragraphs_after

from neslis_desktop.model import Card, CardsBlock, Section
from neslis_desktop.render.draft import write_draft
from neslis_desktop.render.draft.runin import TitleShape, figure_grid, joiner, title_shape


@pytest.mark.parametrize(
    ("title", "shape"),
    [
        ("£243m", TitleShape.FIGURE),
        ("45%", TitleShape.FIGURE),
        ("2,300 jobs", TitleShape.FIGURE),
        ("c. 1.2bn", TitleShape.FIGURE),
        ("10x", TitleShape.FIGURE),
        ("2030", TitleShape.FIGURE),
        ("**£1.5bn** GVA", TitleShape.FIGURE),
        ("Ambition", TitleShape.LABEL),
        ("Digital connectivity", TitleShape.LABEL),
        ("3D printing and advanced manufacturing", TitleShape.LABEL),  # a number, but not a figure
        ("We will double exports.", TitleShape.SENTENCE),
        ("Why now?", TitleShape.SENTENCE),
        ("What we heard:", TitleShape.LEAD_IN),
    ],
)
def test_title_shapes(title: str, shape: TitleShape) -> None:
    assert title_shape(title) is shape


@pytest.mark.parametrize(
    ("title", "body", "join"),
    [
        ("£243m", "allocated through the Growth Deal", " \u2013 "),  # the body carries on from the figure
        ("£243m", "The Growth Deal allocated it.", ": "),  # the body is a sentence of its own
        ("Ambition", "The North East will grow.", ": "),
        ("Skills", "improving them at every age", " \u2013 "),
        ("We will double exports.", "The plan sets out how.", " "),  # a sentence keeps its full stop
        ("Why now?", "Because productivity lags.", " "),
        ("What we heard:", "partners want more.", " "),
        ("45%", "\u2018of firms\u2019 export", " \u2013 "),  # quotes before the first letter
    ],
)
def test_join_follows_title_and_body(title: str, body: str, join: str) -> None:
    assert joiner(title, body) == join


def test_figure_grid_needs_every_card_a_figure_with_a_body() -> None:
    figures = [Card(title="£243m", body="allocated"), Card(title="45%", body="of firms")]
    assert figure_grid(figures)
    assert not figure_grid(figures[:1])
    assert not figure_grid([*figures, Card(title="Ambition", body="Grow")])
    assert not figure_grid([*figures[:1], Card(title="12", body="sites", bullets=["North"])])


def test_cards_read_as_prose_in_the_draft(tmp_path: Path, validate: Callable[..., str]) -> None:
    project = sample_project()
    project.sections = [
        Section(
            id="mixed",
            title="Mixed cards",
            blocks=[
                CardsBlock(
                    cards=[
                        Card(title="£243m", body="allocated through the Growth Deal to 2021"),
                        Card(title="Ambition", body="The North East will be a place of opportunity."),
                        Card(title="We will double exports.", body="The plan sets out how."),
                        Card(title="Why now?", body="Because productivity lags the nation."),
                    ]
                )
            ],
        ),
        Section(
            id="figures",
            title="Figures",
            blocks=[
                CardsBlock(
                    heading="The region in numbers",
                    cards=[
                        Card(title="£243m", body="allocated through the Growth Deal"),
                        Card(title="2,300", body="jobs created since 2014"),
                        Card(title="45%", body="of firms export"),
                    ],
                    footer="Source: Our Economy 2019-20.",
                )
            ],
        ),
    ]
    target = tmp_path / "cards.docx"
    write_draft(project, target)
    validate(target)
    doc = open_docx(target)
    mixed = [p.text for p in paragraphs_after(doc, "Mixed cards")]
    assert mixed == [
        "£243m \u2013 allocated through the Growth Deal to 2021",
        "Ambition: The North East will be a place of opportunity.",
        "We will double exports. The plan sets out how.",
        "Why now? Because productivity lags the nation.",
    ]
    assert not any(". allocated" in t or ".." in t for t in mixed)
    first = next(p for p in doc.paragraphs if p.text.startswith("£243m"))
    runs = [(r.text, r.style.name) for r in first.runs][:2]
    assert runs == [("£243m", "Strong"), (" \u2013 ", "Default Paragraph Font")]
    # A grid of figures is a two-column table: figure, what it is.
    tables = [b for b in blocks(doc) if isinstance(b, Table)]
    assert len(tables) == 1
    rows = [[c.text for c in row.cells] for row in tables[0].rows]
    assert rows == [
        ["Figure", "Detail"],
        ["£243m", "allocated through the Growth Deal"],
        ["2,300", "jobs created since 2014"],
        ["45%", "of firms export"],
    ]
    assert tables[0].rows[1].cells[0].paragraphs[0].runs[0].style.name == "Strong"
    assert "Source: Our Economy 2019\u201320." in [p.text for p in paragraphs_after(doc, "Figures")]
