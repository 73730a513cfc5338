"""Fixtures of the draft-document tests: a sample project with every block kind, built drafts.

Test modules import the fixtures they use from here. This is not a conftest.py on purpose:
several folders' conftest modules would all be named ``conftest`` and shadow the root one
that other tests import helpers from.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest

from neslis_desktop.model import (
    BulletsBlock,
    Card,
    CardsBlock,
    DividerBlock,
    FlowBlock,
    FlowStep,
    OrgChartBlock,
    OrgNode,
    ParagraphBlock,
    Project,
    ProjectMeta,
    QuestionsBlock,
    Section,
    StructureBlock,
    StructureColumn,
    StructureItem,
    Target,
    TargetsBlock,
    TimelineBlock,
    TimelineLane,
    TimelineMilestone,
    TimelineSpan,
)
from neslis_desktop.render.draft import write_draft
from neslis_desktop.resources import bundled_project
from neslis_desktop.store import load_project


def sample_project() -> Project:
    """A small project using every block kind, independent of the bundled content."""
    return Project(
        meta=ProjectMeta(
            title="Sample Strategy", subtitle="A test subtitle", organisation="Sample Partnership",
            date=dt.date(2020, 2, 3), version="0.3",
        ),
        sections=[
            Section(id="intro", title="Introduction", notes="Speaker notes never printed", blocks=[
                ParagraphBlock(text="Plain text with **bold words** and *italic words*.", notes="Hidden note"),
                BulletsBlock(lead="It will:", items=["First point", {"text": "Second point", "items": ["Nested"]}]),
                BulletsBlock(heading="Numbered", items=["One", "Two"], numbered=True),
            ]),
            Section(id="divider", title="Questions?", blocks=[DividerBlock()]),
            Section(id="cards", title="Cards", blocks=[
                CardsBlock(heading="Grid", intro=["Intro line"], cards=[
                    Card(title="Ambition", body="Card body text"),
                    Card(title="Second card", bullets=["Card bullet"]),
                ], footer="Footer line"),
                CardsBlock(cards=[Card(title="Digital"), Card(title="Energy")]),
            ]),
            Section(id="structure", title="Structure", blocks=[
                StructureBlock(columns=[
                    StructureColumn(title="Foundations", items=[StructureItem(label="Ideas", aim="innovation")]),
                    StructureColumn(title="Grand Challenges", items=[StructureItem(label="Clean growth")]),
                    StructureColumn(title="Sector Deals", note="(more planned)",
                                    items=[StructureItem(label="Aerospace"), StructureItem(label="Rail")]),
                ]),
            ]),
            Section(id="targets", title="Targets", blocks=[
                TargetsBlock(goal="Grow the economy", label="6 Targets",
                             targets=[Target(text=f"Target number {n}") for n in range(1, 7)],
                             footer=["Delivery mechanism"]),
            ]),
            Section(id="governance", title="Governance", blocks=[
                OrgChartBlock(nodes=[
                    OrgNode(id="sos", title="Secretary of State"),
                    OrgNode(id="board", title="LEP Board", parent="sos", side_label="Decision making"),
                    OrgNode(id="steering", title="Steering Group", parent="board",
                            members_heading="Representatives from:", members=["Government", "University"]),
                ]),
            ]),
            Section(id="progress", title="Progress", blocks=[
                TimelineBlock(start="2019-08", end="2020-07", lanes=[
                    TimelineLane(name="Evidence",
                                 milestones=[TimelineMilestone(month="2019-09", text="Review commissioned")]),
                    TimelineLane(name="LEP Board",
                                 milestones=[TimelineMilestone(month="2020-01", text="Board reviews")]),
                ], spans=[
                    TimelineSpan(text="Monthly meetings", start="2019-08", end="2020-07"),
                    TimelineSpan(text="Evidence work", start="2019-10", end="2020-03", lane="Evidence"),
                ]),
            ]),
            Section(id="questions", title="Discussion questions", blocks=[
                QuestionsBlock(intro="Please consider:", questions=["First question?", "Second question?"]),
            ]),
            Section(id="next", title="Next steps", blocks=[
                FlowBlock(steps=[FlowStep(title="Draft", notes=["Reviewed by the board"]), FlowStep(title="Publish")]),
                QuestionsBlock(questions=["Third question?"]),
            ]),
        ],
    )


@pytest.fixture(scope="session")
def bundled_project_loaded() -> Project:
    """The bundled North East LIS project (session-wide; do not change it)."""
    return load_project(bundled_project())


@pytest.fixture(scope="session")
def bundled_draft(bundled_project_loaded: Project, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled project's draft in the bundled template, built once."""
    target = tmp_path_factory.mktemp("draft") / "north-east-lis-draft.docx"
    assert write_draft(bundled_project_loaded, target) == []
    return target


@pytest.fixture(scope="session")
def sample_draft(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample project's draft in the bundled template, built once."""
    target = tmp_path_factory.mktemp("draft") / "sample-draft.docx"
    write_draft(sample_project(), target)
    return target


def need(tool: str) -> str:
    """The path of ``tool``; fails (never skips) when it is missing."""
    path = shutil.which(tool)
    if path is None:
        pytest.fail(f"'{tool}' is not installed; run 'make test', which installs it")
    return path


def to_pdf(source: Path, outdir: Path) -> Path:
    """``source`` converted by LibreOffice with a private profile."""
    soffice = need("soffice")
    outdir.mkdir(parents=True, exist_ok=True)
    profile = outdir / ".lo-profile"
    proc = subprocess.run(
        [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
         "--outdir", str(outdir), str(source)],
        capture_output=True, text=True, timeout=300, check=False,
    )
    pdf = outdir / f"{source.stem}.pdf"
    if not pdf.exists():
        pytest.fail(f"LibreOffice did not convert {source.name}:\n{proc.stdout}\n{proc.stderr}")
    return pdf
