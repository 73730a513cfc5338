"""The build reads each deck it wrote once, for the slide inspector and the accessibility check.

Sharing the parse must not change what either says: the findings from the shared, already
inspected presentation equal those of a fresh, careful open of the file, through a foreign
(mutated) template whose dark background leaves findings to compare.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from corpus import mutate
from pptx import Presentation

from neslis_desktop.render.a11y import check_file
from neslis_desktop.render.deck import write_deck
from neslis_desktop.render.deck.inspect import inspect_deck, repair
from neslis_desktop.render.packs import build_packs
from neslis_desktop.resources import bundled_deck_template, bundled_project
from neslis_desktop.store import load_project


def _facts(report: object) -> list[tuple[str, str, str]]:
    return sorted((f.rule, f.location, f.message) for f in report.findings)  # type: ignore[attr-defined]


def test_a_shared_parse_gives_the_same_findings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = load_project(bundled_project())
    source = mutate(bundled_deck_template(), "dark-background-only", tmp_path / "dark.pptx")
    monkeypatch.setattr(repair, "fix_contrast", lambda *args: 0)  # keep the unreadable text, to be found
    deck = tmp_path / "deck.pptx"
    write_deck(project, deck, template=source)
    shared = Presentation(str(deck))
    inspected = inspect_deck(shared)
    assert inspected.findings, "the dark background should leave problems to compare"
    alone = check_file(deck)
    together = check_file(deck, opened=shared)
    assert _facts(alone), "the accessibility check should find the low contrast too"
    assert _facts(together) == _facts(alone)
    assert [f.message for f in inspect_deck(deck).findings] == [f.message for f in inspected.findings]


def test_the_build_reports_what_a_separate_check_reports(tmp_path: Path) -> None:
    from neslis_desktop.model.packs import default_packs

    project = load_project(bundled_project())
    result = build_packs(project, default_packs(), tmp_path, folder=bundled_project(), check_accessibility=True)
    assert len(result.accessibility) == 2
    for report in result.accessibility:
        assert _facts(report) == _facts(check_file(report.path))
