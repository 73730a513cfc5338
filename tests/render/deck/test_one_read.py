"""The build reads each deck it wrote once, for the slide inspector and the accessibility check.

Sharing the parse must not change what either says: the findings from the shared, already
inspected presentation equal those of a fresh, careful open of the file, through a foreign
(mutated) template whose dark background leaves findings to compare.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from corpus import mutate
from pptx import Presentation

from neslis_desktop.render.a11y import check_file
from neslis_desktop.render.deck import write_deck
from neslis_desktop.render.deck.inspect import inspect_deck, repair
from neslis_desktop.render.deck.inspect.read import slide_facts
from neslis_desktop.render.packs import build_packs
from neslis_desktop.render.slide_memo import SlideDigests
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


def _seen(report: object) -> list[tuple[int, str, str, str]]:
    return [(f.slide, f.kind, f.shape, f.message) for f in report.findings]  # type: ignore[attr-defined]


@pytest.mark.parametrize("repairs", ["contrast", "footers"])
def test_the_builds_own_reading_equals_a_fresh_read_after_its_repairs(
    repairs: str, tmp_path: Path, libreoffice_template: Callable[[str], Path]
) -> None:
    # The build reads its slides once for the repairs and hands them to the inspector, with the
    # repaired slides read again; what it then finds must be what a fresh open of the file finds.
    from neslis_desktop.render.deck import build_deck

    project = load_project(bundled_project())
    if repairs == "contrast":
        source = mutate(bundled_deck_template(), "dark-background-only", tmp_path / "dark.pptx")
    else:  # Vivid's footer box holds a few words: the event's name is set smaller
        meta = project.meta.model_copy(update={"event": "Partners' Strategy Workshop"})
        project = project.model_copy(update={"meta": meta, "sections": project.sections[:4]})
        source = libreoffice_template("Vivid")
    built = build_deck(project, source)
    assert any(("colours" if repairs == "contrast" else "Footer") in m for m in built.messages)
    deck = tmp_path / "deck.pptx"
    built.prs.save(str(deck))
    assert built.facts is not None
    assert _seen(inspect_deck(built.prs, built.facts)) == _seen(inspect_deck(deck))
    assert _shown(built.facts) == _shown(slide_facts(Presentation(str(deck))))
    # The build hands these digests to the accessibility check: they must be the slides' as now.
    digests = SlideDigests(built.prs)
    assert [f.key for f in built.facts] == [digests.of(slide) for slide in built.prs.slides]
    handed = check_file(deck, opened=built.prs, slide_keys=[f.key for f in built.facts])
    assert _facts(handed) == _facts(check_file(deck))


def _shown(slides: list[Any]) -> list[list[tuple[Any, ...]]]:
    return [
        [(sh.name, sh.rect, [(r.text, r.size, r.colour) for p in sh.paras for r in p.runs]) for sh in s.shapes]
        for s in slides
    ]
