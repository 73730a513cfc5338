"""Named snapshots inside the project folder: complete copies, listed, found, never confusing the loader."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from neslis_desktop.errors import ContentError, NeslisError, OutputError
from neslis_desktop.model import Project
from neslis_desktop.store import load_project, save_project
from neslis_desktop.store.snapshots import (
    damaged_snapshots,
    find_snapshot,
    list_snapshots,
    load_snapshot,
    take_snapshot,
)

MARCH = dt.datetime(2020, 3, 12, 10, 4, 31)


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_snapshot_is_the_project_in_the_same_files(small_dir: Path, small: Project) -> None:
    before = _files(small_dir)
    snap = take_snapshot(small_dir, "sent to Steering Group, 12 March", now=MARCH)
    assert snap.folder == small_dir / "snapshots" / "sent-to-steering-group-12-march"
    assert snap.label() == 'snapshot "sent to Steering Group, 12 March" (taken 2020-03-12 10:04)'
    kept = _files(snap.folder)
    assert (
        kept.pop("snapshot.yaml").decode() == "name: sent to Steering Group, 12 March\ntaken: '2020-03-12 10:04:31'\n"
    )
    assert kept == before, "the snapshot holds the project's own files, byte for byte"
    assert load_snapshot(snap) == small
    # The project folder itself is unchanged but for the new snapshots folder, and still loads the same.
    assert {k: v for k, v in _files(small_dir).items() if not k.startswith("snapshots/")} == before
    assert load_project(small_dir) == small


def test_saving_the_project_leaves_snapshots_alone(small_dir: Path, small: Project) -> None:
    snap = take_snapshot(small_dir, "Working Group", now=MARCH)
    kept = _files(snap.folder)
    small.sections.pop(0)
    small.sections[0].title = "Governance, revised"
    save_project(small, small_dir)
    assert _files(snap.folder) == kept
    assert load_project(small_dir) == small
    assert not (small_dir / "sections" / "intro.yaml").exists()
    assert (snap.folder / "sections" / "intro.yaml").exists()


def test_snapshots_are_listed_oldest_first_and_found_by_name_or_slug(small_dir: Path) -> None:
    take_snapshot(small_dir, "Steering Group", now=MARCH)
    take_snapshot(small_dir, "Working Group", now=MARCH - dt.timedelta(days=30))
    (small_dir / "snapshots" / "notes").mkdir()  # a folder someone put there: not a snapshot
    (small_dir / "snapshots" / ".stray.abc123.tmp").mkdir()  # left by a crash: ignored
    assert [s.name for s in list_snapshots(small_dir)] == ["Working Group", "Steering Group"]
    assert find_snapshot(small_dir, "steering  group").slug == "steering-group"
    assert find_snapshot(small_dir, "working-group").name == "Working Group"
    with pytest.raises(
        ContentError, match='has no snapshot called "LEP Board"; snapshots: "Working Group"; "Steering Group"'
    ):
        find_snapshot(small_dir, "LEP Board")


def test_a_name_is_never_taken_twice(small_dir: Path) -> None:
    first = take_snapshot(small_dir, "Steering Group", now=MARCH)
    kept = _files(first.folder)
    with pytest.raises(OutputError, match="already exists; choose another name"):
        take_snapshot(small_dir, "steering group")
    assert _files(first.folder) == kept


def test_names_windows_keeps_get_another_folder(small_dir: Path) -> None:
    assert take_snapshot(small_dir, "CON", now=MARCH).folder.name == "con-1"


def test_a_blank_name_is_refused(small_dir: Path) -> None:
    with pytest.raises(NeslisError, match="needs a name"):
        take_snapshot(small_dir, "   ")
    assert not (small_dir / "snapshots").exists()


def test_a_project_with_problems_is_not_snapshotted(small_dir: Path) -> None:
    path = small_dir / "sections" / "intro.yaml"
    path.write_text(path.read_text("utf-8") + "colour: red\n", "utf-8")
    with pytest.raises(ContentError, match="colour"):
        take_snapshot(small_dir, "Broken")
    assert not (small_dir / "snapshots").exists()


def test_damaged_snapshot_folders_are_named_not_listed(small_dir: Path) -> None:
    take_snapshot(small_dir, "fine")
    (small_dir / "snapshots" / "no-description").mkdir()
    garbled = small_dir / "snapshots" / "garbled"
    garbled.mkdir()
    (garbled / "snapshot.yaml").write_text("name: [unclosed\n", encoding="utf-8")
    (small_dir / "snapshots" / ".half-written.tmp").mkdir()  # a crash's leftover: neither
    assert [s.name for s in list_snapshots(small_dir)] == ["fine"]
    assert damaged_snapshots(small_dir) == [
        garbled / "snapshot.yaml",
        small_dir / "snapshots" / "no-description" / "snapshot.yaml",
    ]
    assert damaged_snapshots(small_dir / "elsewhere") == []
