"""Saving and loading: equal models, identical files, stable and readable text."""

from __future__ import annotations

from pathlib import Path

from neslis_desktop.model import ParagraphBlock, Project
from neslis_desktop.store import load_project, save_project
from neslis_desktop.store.project_files import JOURNAL


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_small_round_trip(small: Project, small_dir: Path, tmp_path: Path) -> None:
    loaded = load_project(small_dir)
    assert loaded == small
    again = tmp_path / "again"
    save_project(loaded, again)
    assert _files(again) == _files(small_dir)


def test_bundled_round_trip(bundled_dir: Path, tmp_path: Path) -> None:
    project = load_project(bundled_dir)
    copy = tmp_path / "copy"
    save_project(project, copy)
    assert load_project(copy) == project
    assert _files(copy) == {k: v for k, v in _files(bundled_dir).items() if k.endswith(".yaml")}


def test_files_are_readable_yaml(small_dir: Path) -> None:
    project_text = (small_dir / "project.yaml").read_text("utf-8")
    assert project_text.startswith("schema_version: 2\ntitle: Small strategy\n")
    assert "sections:\n- intro\n- governance\n- progress\n" in project_text
    intro = (small_dir / "sections" / "intro.yaml").read_text("utf-8")
    # Multi-line text as a literal block, bullets without children as plain strings, kind first.
    assert "  text: |-\n    First line\n    second line with **bold**\n" in intro
    assert "- kind: bullets\n  lead: 'It will:'\n  items:\n  - one\n  - text: two\n" in intro
    assert "\r" not in intro


def test_save_rewrites_only_changed_files(small: Project, small_dir: Path) -> None:
    assert save_project(small, small_dir) == []
    before = _files(small_dir)
    small.sections[0].blocks[0] = ParagraphBlock(text="Changed")
    written = save_project(small, small_dir)
    assert [p.relative_to(small_dir).as_posix() for p in written] == ["sections/intro.yaml"]
    after = _files(small_dir)
    assert {k for k in before if before[k] != after[k]} == {"sections/intro.yaml"}
    assert not (small_dir / JOURNAL).exists()


def test_removed_section_file_is_deleted_but_foreign_files_kept(small: Project, small_dir: Path) -> None:
    (small_dir / "sections" / "notes-by-hand.yaml").write_text("kept: true\n", "utf-8")
    (small_dir / "README.txt").write_text("mine", "utf-8")
    del small.sections[1]
    save_project(small, small_dir)
    assert not (small_dir / "sections" / "governance.yaml").exists()
    assert (small_dir / "sections" / "notes-by-hand.yaml").exists()
    assert (small_dir / "README.txt").read_text("utf-8") == "mine"
    assert load_project(small_dir) == small


def test_unicode_survives(small: Project, tmp_path: Path) -> None:
    text = "Emoji 🎉, Arabic عربى, Hebrew עברית, combining e\u0301, quotes ‘’ “” — dash"
    small.sections[0].blocks[0] = ParagraphBlock(text=text)
    save_project(small, tmp_path / "u")
    assert load_project(tmp_path / "u").sections[0].blocks[0] == ParagraphBlock(text=text)
    assert text in (tmp_path / "u" / "sections" / "intro.yaml").read_text("utf-8")


def test_values_that_look_like_other_types_stay_text(small: Project, tmp_path: Path) -> None:
    for text in ["yes", "No", "2024", "1.0", "2020-01-01", "null", "~", "- dash", "key: value", "#hash"]:
        small.sections[0].blocks[0] = ParagraphBlock(text=text)
        save_project(small, tmp_path / "t")
        assert load_project(tmp_path / "t").sections[0].blocks[0].text == text  # type: ignore[union-attr]


def test_other_line_break_characters_survive(small: Project, tmp_path: Path) -> None:
    # NEL comes from Windows-1252 text read as Latin-1; YAML folds it unless double-quoted.
    for text in ["a\x85b", "line\u2028separator", "para\u2029graph", "multi\nline\x85mixed"]:
        small.sections[0].blocks[0] = ParagraphBlock(text=text)
        save_project(small, tmp_path / "nel")
        assert load_project(tmp_path / "nel").sections[0].blocks[0].text == text  # type: ignore[union-attr]
