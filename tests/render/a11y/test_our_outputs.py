"""What the check says of our own deck and draft, built from the bundled project.

The writers promise titles on every slide (unique), alt text, marked table headers, headings
in order, the file's title and language, text of 12 pt or more and a reading order that
follows the slide: none of those rules may fire on the bundled project's deck and draft.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from neslis_desktop.model import Project
from neslis_desktop.render.a11y import Report, check_file
from neslis_desktop.render.pack import build_pack

PROMISED = {
    "title-missing",
    "title-duplicate",
    "alt-text",
    "table-header",
    "layout-table",
    "table-merged",
    "table-blank",
    "heading-skip",
    "link-text",
    "doc-title",
    "doc-language",
    "empty-paragraph",
    "blank-characters",
    "contrast",
    "colour-only",
    "text-size",
    "reading-order",
}


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Report]:
    from neslis_desktop.resources import bundled_project
    from neslis_desktop.store import load_project

    out = tmp_path_factory.mktemp("ours")
    result = build_pack(load_project(bundled_project()), out, check_accessibility=True)
    assert [r.path for r in result.accessibility] == result.paths
    return {r.kind: r for r in result.accessibility}


def test_our_deck_keeps_its_promises(reports: dict[str, Report]) -> None:
    deck = reports["deck"]
    rules = {f.rule for f in deck.findings}
    assert not rules & PROMISED, deck.text()


def test_our_draft_keeps_its_promises(reports: dict[str, Report]) -> None:
    draft = reports["document"]
    rules = {f.rule for f in draft.findings}
    assert not rules & PROMISED, draft.text()


def test_the_check_is_the_same_as_neslis_a11y(tmp_path: Path, project: Project) -> None:
    result = build_pack(project, tmp_path, check_accessibility=True)
    for report in result.accessibility:
        assert report.findings == check_file(report.path).findings
    assert build_pack(project, tmp_path).accessibility == []  # only when asked: the app's Generate decides
