"""Fixtures for store tests: a small project written to a temporary folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from handwritten import HAND_GOVERNANCE, HAND_INTRO, HAND_PROJECT, write_by_hand

from neslis_desktop.model import (
    BulletsBlock,
    OrgChartBlock,
    ParagraphBlock,
    Project,
    ProjectMeta,
    Section,
    TimelineBlock,
)
from neslis_desktop.store import save_project


def make_small_project() -> Project:
    """Three sections touching text, nesting, months and a tree."""
    return Project(
        meta=ProjectMeta(title="Small strategy", organisation="Test LEP", slug="small", event="Summit"),
        sections=[
            Section(
                id="intro",
                title="Introduction",
                notes="Say hello",
                blocks=[
                    ParagraphBlock(text="First line\nsecond line with **bold**"),
                    BulletsBlock(lead="It will:", items=["one", {"text": "two", "items": ["two a"]}]),
                ],
            ),
            Section(
                id="governance",
                title="Governance",
                blocks=[
                    OrgChartBlock(
                        nodes=[
                            {"id": "board", "title": "Board"},
                            {"id": "group", "title": "Group", "parent": "board", "members": ["A", "B"]},
                        ]
                    ),
                ],
            ),
            Section(
                id="progress",
                title="Progress",
                blocks=[
                    TimelineBlock(
                        start="2019-08",
                        end="2020-07",
                        lanes=[
                            {"name": "Evidence", "milestones": [{"month": "2019-09", "text": "Review commissioned"}]}
                        ],
                        spans=[{"text": "Monthly meetings", "start": "2019-08", "end": "2020-07"}],
                    ),
                ],
            ),
        ],
    )


@pytest.fixture
def small() -> Project:
    return make_small_project()


@pytest.fixture
def small_dir(tmp_path: Path, small: Project) -> Path:
    folder = tmp_path / "small"
    save_project(small, folder)
    return folder


@pytest.fixture
def hand_dir(tmp_path: Path) -> Path:
    """A two-section project written as text, not by our dumper."""
    return write_by_hand(
        tmp_path / "hand",
        {
            "project.yaml": HAND_PROJECT,
            "sections/intro.yaml": HAND_INTRO,
            "sections/governance.yaml": HAND_GOVERNANCE,
        },
    )
