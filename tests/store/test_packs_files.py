"""``packs:`` in project.yaml: read back as written, and problems named by file, line and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from neslis_desktop.errors import ContentError
from neslis_desktop.model import Project
from neslis_desktop.model.packs import Pack, TagPick
from neslis_desktop.store import load_project, save_project
from neslis_desktop.store.packs import pack_file_problems


def _append(folder: Path, text: str) -> None:
    path = folder / "project.yaml"
    path.write_text(path.read_text("utf-8") + text, "utf-8")


def _problems(folder: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_project(folder)
    return [str(p) for p in caught.value.problems]


def test_packs_and_tags_round_trip(small: Project, tmp_path: Path) -> None:
    small.sections[0].tags = ["context"]
    small.packs = [
        Pack(
            name="Board briefing",
            kind="deck",
            event="LEP Board",
            date="2020-03-12",
            sections=[TagPick(tag="context"), "progress"],
        ),
        Pack(name="Draft", kind="document", slug="small-draft", template="templates/ours.dotx"),
    ]
    save_project(small, tmp_path / "p")
    text = (tmp_path / "p" / "project.yaml").read_text("utf-8")
    assert "packs:\n- name: Board briefing\n  kind: deck\n  event: LEP Board\n  date: '2020-03-12'\n" in text
    assert "  sections:\n  - tag: context\n  - progress\n" in text
    assert (
        (tmp_path / "p" / "sections" / "intro.yaml")
        .read_text("utf-8")
        .startswith("title: Introduction\ntags:\n- context\n")
    )
    again = load_project(tmp_path / "p")
    assert again == small
    assert save_project(again, tmp_path / "p") == []


def test_a_project_without_packs_writes_no_packs_key(small_dir: Path) -> None:
    assert "packs" not in (small_dir / "project.yaml").read_text("utf-8")
    assert load_project(small_dir).packs == []


def test_unknown_section_and_tag_are_named_with_their_lines(small_dir: Path) -> None:
    lines = (small_dir / "project.yaml").read_text("utf-8").count("\n")
    _append(small_dir, "packs:\n- name: Board\n  kind: deck\n  sections:\n  - intro\n  - govenance\n  - tag: context\n")
    # Not a loading error: a section deleted before its pack was updated must not lock the project.
    project = load_project(small_dir)
    problems = [str(p) for p in pack_file_problems(project, small_dir)]
    where = small_dir / "project.yaml"
    assert problems == [
        f"{where}, line {lines + 6}, field 'pack 1, section 2': pack 'Board' names section 'govenance', which "
        "is not in this project; use a section id from the project's 'sections' list",
        f"{where}, line {lines + 7}, field 'pack 1, section 3, tag': pack 'Board' takes sections tagged "
        "'context', but no section has that tag; tags in use: (no section has a tag yet)",
    ]


def test_bad_pack_fields_are_named(small_dir: Path) -> None:
    _append(small_dir, "packs:\n- name: Board\n  kind: slides\n  slug: Board Pack\n- kind: deck\n")
    problems = _problems(small_dir)
    assert any("field 'pack 1, kind': should be one of: deck or document" in p for p in problems)
    assert any("field 'pack 1, slug'" in p and "not a valid identifier" in p for p in problems)
    assert any("field 'pack 2, name': is required but missing" in p for p in problems)


def test_duplicate_pack_names_are_refused(small_dir: Path) -> None:
    _append(small_dir, "packs:\n- name: Board\n  kind: deck\n- name: board\n  kind: document\n")
    (problem,) = pack_file_problems(load_project(small_dir), small_dir)
    assert "pack name 'board' is used twice" in str(problem) and problem.field == "pack 2, name"
    assert pack_file_problems(load_project(small_dir), small_dir, packs=[0]) == []


def test_a_section_tag_must_be_an_identifier(small_dir: Path) -> None:
    path = small_dir / "sections" / "intro.yaml"
    path.write_text(
        path.read_text("utf-8").replace("title: Introduction\n", "title: Introduction\ntags:\n- Con Text\n"), "utf-8"
    )
    problems = _problems(small_dir)
    assert len(problems) == 1 and f"{path}, line 3, field 'tag 1'" in problems[0]
