"""Load errors name the file, the line and the field, in words a non-programmer acts on."""

from __future__ import annotations

from pathlib import Path

import pytest

from neslis_desktop.errors import ContentError
from neslis_desktop.store import load_project


def _problems(folder: Path) -> list[str]:
    with pytest.raises(ContentError) as exc:
        load_project(folder)
    return [str(p) for p in exc.value.problems]


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), "utf-8")


def test_field_path_and_line(small_dir: Path) -> None:
    path = small_dir / "sections" / "governance.yaml"
    _edit(path, "parent: board", "parent: boardd")
    [problem] = _problems(small_dir)
    assert str(path) in problem
    # At the box's own 'parent' line, not the block's first line.
    assert problem == (
        f"{path}, line 12, field 'block 1, node 2, parent': 'boardd' is not the id of a box in this org chart; "
        "use one of: board, group"
    )


def test_nested_field_words(small_dir: Path) -> None:
    path = small_dir / "sections" / "progress.yaml"
    _edit(path, "month: 2019-09", "month: September")
    [problem] = _problems(small_dir)
    assert "field 'block 1, lane 1, milestone 1, month'" in problem
    assert "write year and month like '2019-08'" in problem
    assert ", line 9," in problem


def test_all_problems_reported_together(small_dir: Path) -> None:
    _edit(small_dir / "project.yaml", "title: Small strategy", "title: ''")
    _edit(small_dir / "sections" / "intro.yaml", "kind: paragraph", "kind: paragraf")
    problems = _problems(small_dir)
    assert len(problems) == 2
    assert any("project.yaml" in p and "field 'title'" in p and "must not be empty" in p for p in problems)
    assert any("intro.yaml" in p and "kind 'paragraf' is not a block kind" in p for p in problems)


def test_syntax_error_has_line(small_dir: Path) -> None:
    path = small_dir / "sections" / "intro.yaml"
    path.write_text("title: Intro\nblocks:\n- kind: paragraph\n  text: 'unclosed\n", "utf-8")
    [problem] = _problems(small_dir)
    assert "is not valid YAML" in problem and str(path) in problem and "line" in problem


def test_not_utf8(small_dir: Path) -> None:
    path = small_dir / "sections" / "intro.yaml"
    path.write_bytes(b"title: Caf\xe9\n")
    [problem] = _problems(small_dir)
    assert "is not UTF-8 text (byte 0xE9" in problem and "line 1" in problem


def test_bom_and_crlf_are_fine(small_dir: Path) -> None:
    path = small_dir / "sections" / "intro.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    assert load_project(small_dir).sections[0].title == "Introduction"


def test_missing_section_file(small_dir: Path) -> None:
    (small_dir / "sections" / "progress.yaml").unlink()
    [problem] = _problems(small_dir)
    assert "sections/progress.yaml does not exist" in problem and "project.yaml" in problem


def test_newer_format_refused(small_dir: Path) -> None:
    _edit(small_dir / "project.yaml", "schema_version: 2", "schema_version: 99")
    [problem] = _problems(small_dir)
    assert "saved by a newer NESLIS Desktop" in problem and "field 'schema_version'" in problem


def test_older_format_migrated(small_dir: Path) -> None:
    _edit(small_dir / "project.yaml", "schema_version: 2", "schema_version: 1")
    _edit(small_dir / "project.yaml", "status: Draft", "status: draft")
    _edit(small_dir / "sections" / "intro.yaml", "- kind: paragraph", "- type: paragraph")
    project = load_project(small_dir)
    assert project.schema_version == 2
    assert project.meta.status.value == "Draft"
    assert project.sections[0].blocks[0].kind == "paragraph"


def test_not_a_project_folder(tmp_path: Path) -> None:
    [problem] = _problems(tmp_path)
    assert "has no project.yaml" in problem


def test_wrong_top_level(small_dir: Path) -> None:
    (small_dir / "project.yaml").write_text("- just\n- a list\n", "utf-8")
    [problem] = _problems(small_dir)
    assert "'name: value' fields at the top level" in problem


def test_lines_after_a_bad_list_entry_stay_right(small_dir: Path) -> None:
    path = small_dir / "project.yaml"
    _edit(path, "sections:\n- intro\n", "sections:\n- Not A Name\n- intro\n")
    (small_dir / "sections" / "progress.yaml").unlink()
    problems = _problems(small_dir)
    assert problems[0].startswith(f"{path}, line 10, field 'sections, item 1': 'Not A Name' is not a section")
    assert problems[1].startswith(f"{path}, line 13, field 'sections, item 4': names section 'progress', but")


def test_error_locations_lose_only_the_steps_pydantic_adds() -> None:
    from neslis_desktop.store.messages import data_path

    # the union's kind tag after a block's index goes; a card's own 'bullets' field stays
    assert data_path(("blocks", 0, "cards", "cards", 1, "bullets", 0, "text")) == (
        "blocks",
        0,
        "cards",
        1,
        "bullets",
        0,
        "text",
    )
    # a lone block, as the editor validates it, starts with its tag; validator names go too
    assert data_path(("chart", "series", 0, "function-after[_numbers]", "values")) == ("series", 0, "values")
    assert data_path(("questions", "questions", 2)) == ("questions", 2)
