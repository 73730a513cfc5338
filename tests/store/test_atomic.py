"""Atomic writes: a failed write leaves the old file; an interrupted project save is finished or undone."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest

from neslis_desktop.errors import OutputError
from neslis_desktop.model import ParagraphBlock, Project
from neslis_desktop.store import atomic_write, atomic_write_bytes, load_project, project_files, save_project
from neslis_desktop.store.atomic import atomic_paths
from neslis_desktop.store.project_files import JOURNAL


def test_atomic_write_replaces(tmp_path: Path) -> None:
    target = tmp_path / "deck.pptx"
    target.write_bytes(b"old")
    atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["deck.pptx"]


def test_failed_write_keeps_old_file_and_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "deck.pptx"
    target.write_bytes(b"old")

    def half_then_fail(tmp: Path) -> None:
        tmp.write_bytes(b"half")
        raise RuntimeError("renderer crashed")

    with pytest.raises(RuntimeError):
        atomic_write(target, half_then_fail)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["deck.pptx"]


@pytest.mark.parametrize(
    ("error", "words"),
    [
        (PermissionError(errno.EACCES, "Permission denied"), "open in another program"),
        (OSError(errno.ENOSPC, "No space left on device"), "the disk is full"),
    ],
)
def test_replace_failure_is_explained(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: OSError, words: str
) -> None:
    target = tmp_path / "deck.pptx"
    target.write_bytes(b"old")

    def refuse(src: object, dst: object) -> None:
        raise error

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OutputError, match=words) as exc:
        atomic_write_bytes(target, b"new")
    assert str(target) in str(exc.value)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["deck.pptx"]


def test_interrupted_save_before_journal_leaves_old_project(
    small: Project, small_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = load_project(small_dir)
    small.sections[0].blocks[0] = ParagraphBlock(text="after")
    small.sections[2].title = "Progress (new)"

    def crash(*args: object) -> None:
        raise KeyboardInterrupt  # as if the process died while writing the journal

    monkeypatch.setattr(project_files, "atomic_write_bytes", crash)
    with pytest.raises(KeyboardInterrupt):
        save_project(small, small_dir)
    monkeypatch.undo()
    assert load_project(small_dir) == before
    assert not [p for p in small_dir.rglob("*.tmp")]


def test_interrupted_save_after_journal_is_completed(
    small: Project, small_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    small.sections[0].blocks[0] = ParagraphBlock(text="after")
    del small.sections[1]
    calls = {"n": 0}
    real_replace = os.replace

    def die_after_first_rename(src: object, dst: object) -> None:
        calls["n"] += 1
        if calls["n"] == 3:  # journal written (1), first file renamed (2), then the process dies
            raise KeyboardInterrupt
        real_replace(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", die_after_first_rename)
    with pytest.raises(KeyboardInterrupt):
        save_project(small, small_dir)
    monkeypatch.undo()
    assert (small_dir / JOURNAL).exists()
    [removal] = json.loads((small_dir / JOURNAL).read_text("utf-8"))["delete"]
    assert removal["target"] == "sections/governance.yaml"
    assert load_project(small_dir) == small
    assert not (small_dir / JOURNAL).exists()
    assert not (small_dir / "sections" / "governance.yaml").exists()


def test_save_into_unwritable_place(small: Project, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(OutputError, match="Could not write"):
        save_project(small, blocker / "project")


def test_group_replaces_all_or_none(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    deck, draft = tmp_path / "x-deck.pptx", tmp_path / "x-draft.docx"
    deck.write_bytes(b"old deck")
    draft.write_bytes(b"old draft")
    real_replace = os.replace

    def second_fails(src: object, dst: object) -> None:
        # The draft's new file cannot be moved in, after the deck's already was.
        if str(dst) == str(draft) and str(src).endswith(".tmp"):
            raise OSError(errno.EIO, "I/O error")
        real_replace(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", second_fails)
    with pytest.raises(OutputError, match=r"x-draft\.docx"), atomic_paths([deck, draft]) as (deck_tmp, draft_tmp):
        deck_tmp.write_bytes(b"new deck")
        draft_tmp.write_bytes(b"new draft")
    assert (deck.read_bytes(), draft.read_bytes()) == (b"old deck", b"old draft")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x-deck.pptx", "x-draft.docx"]
    monkeypatch.undo()
    with atomic_paths([deck, draft]) as (deck_tmp, draft_tmp):
        deck_tmp.write_bytes(b"new deck")
        draft_tmp.write_bytes(b"new draft")
    assert (deck.read_bytes(), draft.read_bytes()) == (b"new deck", b"new draft")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x-deck.pptx", "x-draft.docx"]


def test_group_refuses_before_changing_anything_when_a_target_is_held_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    deck, draft = tmp_path / "x-deck.pptx", tmp_path / "x-draft.docx"
    deck.write_bytes(b"old deck")
    draft.write_bytes(b"old draft")
    real_replace = os.replace

    def held_open(src: object, dst: object) -> None:
        if str(src) == str(draft):  # Windows will not move a file Word holds open
            raise PermissionError(errno.EACCES, "in use")
        real_replace(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", held_open)
    with pytest.raises(OutputError, match="locked or read-only"), atomic_paths([deck, draft]) as temps:
        for tmp in temps:
            tmp.write_bytes(b"new")
    assert (deck.read_bytes(), draft.read_bytes()) == (b"old deck", b"old draft")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x-deck.pptx", "x-draft.docx"]
