"""What the slide reader and the deck's accessibility check remember change nothing they find.

Both remember, while they read one deck, what is the same for many paragraphs and slides: a
layout's master, the list-style levels a layout and master give each level, what a chain of
levels and of ``a:defRPr`` sets, the fixed shapes a layout draws beneath its slides. Each test
reads real decks twice, once with those memories forgetting everything put in them, and
checks that both readings agree: the slides' facts, the inspector's findings, the
accessibility findings. The decks are three projects (the bundled one, the evidence example
with charts and tables, the stress project at the model's limits) built through templates we
did not write: Pandoc's reference, python-pptx's default, a LibreOffice Impress template, and
mutations of Pandoc's.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from corpus import mutate
from memos import Forgetful, nothing_remembered, plain
from pptx import Presentation

from neslis_desktop.render.a11y import Report, check_file, pptx_rules
from neslis_desktop.render.deck import build_deck
from neslis_desktop.render.deck.inspect import inherit, inspect_deck
from neslis_desktop.render.deck.inspect.read import slide_facts
from neslis_desktop.store import load_project

DATA = Path(__file__).resolve().parent / "data"
EXAMPLE = Path(__file__).resolve().parents[3] / "content" / "evidence-example"


@pytest.fixture(scope="module")
def templates(
    tmp_path_factory: pytest.TempPathFactory,
    pandoc_reference: Callable[[str], Path],
    libreoffice_template: Callable[[str], Path],
) -> dict[str, Path | None]:
    folder = tmp_path_factory.mktemp("cache-corpus")
    default = folder / "python-pptx.pptx"
    Presentation().save(str(default))
    pandoc = pandoc_reference("pptx")
    made: dict[str, Path | None] = {"bundled": None, "pandoc": pandoc, "python-pptx": default}
    made["libreoffice:Vivid"] = libreoffice_template("Vivid")
    for name in ("dark", "german-names", "confidential-box", "4x3"):
        made[f"pandoc+{name}"] = mutate(pandoc, name, folder / f"pandoc+{name}.pptx")
    return made


def _reading(project: Any, template: Path | None) -> tuple[object, list[str], list[str]]:
    built = build_deck(project, template)
    facts = slide_facts(built.prs)
    found = [str(f) for f in inspect_deck(built.prs, facts).findings]
    checked = [repr(f) for f in check_file(Path("deck.pptx"), opened=built.prs).findings]
    return plain(facts), found, checked


@pytest.mark.slow
@pytest.mark.parametrize("project_name", ["bundled", "evidence", "stress"])
def test_the_memos_change_nothing_read(
    project_name: str, *, templates: dict[str, Path | None], bundled_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = {"bundled": bundled_dir, "evidence": EXAMPLE, "stress": DATA / "stress-lis"}[project_name]
    project = load_project(folder)
    remembered = {name: _reading(project, template) for name, template in templates.items()}
    with monkeypatch.context() as patch:
        forgotten = _forget(patch)
        afresh = {name: _reading(project, template) for name, template in templates.items()}
    slides = 0
    for name, (facts, found, checked) in remembered.items():
        assert isinstance(facts, list) and facts, f"{name}: no slide was read"
        slides += len(facts)
        assert facts == afresh[name][0], f"{project_name} through {name}: the slides read differently"
        assert found == afresh[name][1], f"{project_name} through {name}: the inspector found otherwise"
        assert checked == afresh[name][2], f"{project_name} through {name}: the accessibility check found otherwise"
    assert slides >= 5 * len(templates)
    assert forgotten, "the second reading did not go through the forgetful memos"


def _forget(patch: pytest.MonkeyPatch) -> list[object]:
    """Make every memo of the slide reader's context and of the accessibility check's deck keep
    nothing, and the slides read and checked earlier in the process too; returns the contexts
    and shared readings made so, as they are made."""
    made: list[object] = []
    context_init, shared_init = inherit._Context.__init__, pptx_rules._Shared.__init__

    def context(self: Any, prs: Any) -> None:
        context_init(self, prs)
        self.masters, self.shared_levels = Forgetful(), Forgetful()
        self.level_facts, self.run_defaults = Forgetful(), Forgetful()
        made.append(self)

    def shared(self: Any) -> None:
        shared_init(self)
        self.underlays, self.levels = Forgetful(), Forgetful()
        made.append(self)

    patch.setattr(inherit._Context, "__init__", context)
    patch.setattr(pptx_rules._Shared, "__init__", shared)
    nothing_remembered(patch)  # ... and the slides read and checked before, in this process
    return made


@pytest.mark.slow
def test_each_slide_is_checked_over_its_own_layouts_shapes(
    templates: dict[str, Path | None], bundled_dir: Path
) -> None:
    """The fixed shapes beneath a slide, as the accessibility check remembers them for its
    layout, are those it finds reading that slide's layout and master afresh."""
    project = load_project(bundled_dir)
    compared = 0
    for name, template in templates.items():
        prs = build_deck(project, template).prs
        shared = pptx_rules._Shared()
        report = Report(Path("deck.pptx"), "deck")
        for number, slide in enumerate(prs.slides, start=1):
            check = pptx_rules._SlideCheck(
                prs, slide, number=number, where=f"slide {number}", report=report, min_size=12, shared=shared
            )
            assert check._underlay() == check._read_underlay(), f"{name}, slide {number}"
            compared += 1
        assert len(shared.underlays) < len(prs.slides), f"{name}: nothing was remembered across slides"
    assert compared >= 10 * len(templates)
