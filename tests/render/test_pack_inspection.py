"""Every build inspects the deck it wrote, lists each problem, and a strict build writes nothing.

The broken case is real content: a section title far too long for any title box, which the
planner can only shrink to its floor and report. The inspector must find it on the written
deck, the CLI must print it, and ``--strict`` must exit 1 leaving the output folder as it was.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from neslis_desktop.cli import main
from neslis_desktop.render.deck.inspect import inspect_deck
from neslis_desktop.render.pack import DeckProblems, build_pack
from neslis_desktop.store import load_project

LONG_TITLE = (
    "How the North East Local Enterprise Partnership, its boards, steering groups, working groups and "
    "every partner university and council will govern, review and report on the Local Industrial Strategy "
    "for health, life sciences, skills, innovation, transport and place, year by year"
)


def _break(project_dir: Path) -> None:
    path = project_dir / "sections" / "governance.yaml"
    data = yaml.safe_load(path.read_text("utf-8"))
    data["title"] = LONG_TITLE
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")


def test_the_bundled_build_has_no_problems(project_dir: Path, tmp_path: Path) -> None:
    result = build_pack(load_project(project_dir), tmp_path, only="deck", strict=True)
    assert result.deck is not None and result.deck.exists()
    assert result.problems == []
    assert inspect_deck(result.deck).findings == []


def test_a_build_reports_what_the_inspector_finds_on_the_written_deck(project_dir: Path, tmp_path: Path) -> None:
    _break(project_dir)
    result = build_pack(load_project(project_dir), tmp_path, only="deck")
    assert result.deck is not None and result.deck.exists()
    assert result.problems, "a title far too long for its box must be reported"
    assert any(p.kind == "overflow" and p.shape.startswith("Title") for p in result.problems)
    # The build's list is exactly what the inspector finds reading the file back: nothing left out.
    assert [str(p) for p in result.problems] == inspect_deck(result.deck).lines()


def test_a_strict_build_refuses_and_writes_nothing(project_dir: Path, tmp_path: Path) -> None:
    _break(project_dir)
    out = tmp_path / "out"
    with pytest.raises(DeckProblems) as err:
        build_pack(load_project(project_dir), out, strict=True)
    assert err.value.problems
    assert list(out.iterdir()) == []


def test_cli_lists_problems_and_strict_exits_1(
    project_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _break(project_dir)
    out = tmp_path / "out"
    assert main(["build", str(project_dir), "-o", str(out), "--only", "deck", "-q"]) == 0
    err = capsys.readouterr().err
    problems = [line for line in err.splitlines() if line.startswith("problem: ")]
    assert problems and any("holds more text than fits" in line and "shorten the title" in line for line in problems)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    assert main(["build", str(project_dir), "-o", str(out), "--strict"]) == 1
    err = capsys.readouterr().err
    assert "problem: slide " in err and "nothing was written" in err
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before  # the old deck is kept, no draft added


def test_cli_strict_passes_the_bundled_project(
    project_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["build", str(project_dir), "-o", str(tmp_path), "--strict"]) == 0
    assert "problem:" not in capsys.readouterr().err
