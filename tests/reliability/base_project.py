"""A small valid project with one block of every kind, built from the model classes.

Used where a test needs a project of its own (the kill trials, the fallback base) rather than
the bundled one.
"""

from __future__ import annotations

from pathlib import Path

from neslis_desktop.model import Project
from neslis_desktop.store import save_project


def base_project(title: str = "Reliability test strategy", variant: str = "A") -> Project:
    """A project touching every block kind; ``variant`` changes its wording."""
    v = variant
    return Project.model_validate(
        {
            "meta": {"title": title, "organisation": "Test Partnership", "slug": "reliability-test"},
            "sections": [
                {
                    "id": "intro",
                    "title": f"Introduction {v}",
                    "blocks": [
                        {"kind": "paragraph", "text": f"Why this strategy exists ({v})."},
                        {"kind": "bullets", "lead": "It will:", "items": ["Grow", {"text": "Skills", "items": [v]}]},
                        {"kind": "cards", "cards": [{"title": "Ideas", "body": f"Card {v}"}, {"body": "Second"}]},
                    ],
                },
                {
                    "id": "structure",
                    "title": "Structure",
                    "blocks": [
                        {"kind": "structure", "columns": [{"title": "Foundations", "items": ["Ideas", "People"]}]},
                        {"kind": "targets", "targets": [{"text": f"Target {v}", "figure": "100"}]},
                        {"kind": "orgchart", "nodes": [{"id": "board", "title": "Board"},
                                                       {"id": "group", "title": "Group", "parent": "board"}]},
                    ],
                },
                {
                    "id": "plan",
                    "title": "Plan",
                    "blocks": [
                        {"kind": "timeline", "start": "2019-01", "end": "2019-06",
                         "lanes": [{"name": "Evidence", "milestones": [{"month": "2019-03", "text": v}]}],
                         "spans": [{"text": "Consultation", "start": "2019-02", "end": "2019-04"}]},
                        {"kind": "flow", "steps": [{"title": "Draft", "notes": [v]}, {"title": "Publish"}]},
                        {"kind": "questions", "questions": [f"What next ({v})?"]},
                        {"kind": "divider"},
                    ],
                },
            ],
        }
    )


def write_base_project(folder: Path) -> Project:
    """Save :func:`base_project` into ``folder``; returns it."""
    project = base_project()
    save_project(project, folder)
    return project

