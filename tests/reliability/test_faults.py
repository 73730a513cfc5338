"""Faults while writing: a locked or read-only output, a folder that refuses, a full disk.

CI runs as root, where ``chmod`` stops nothing, so each fault is simulated the way the
operating system reports it: ``os.replace`` raising ``PermissionError`` (Windows, for a deck
open in PowerPoint), ``os.open`` refusing a locked file, ``os.fsync`` raising ``ENOSPC``.
Each time: exit 2 with a message naming the file and the cause, the previous files intact
byte for byte, and no temporary file left behind.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from neslis_desktop.errors import OutputError
from neslis_desktop.store import load_project, save_project

from .conftest import CliRun, fingerprint
from .corpus import project_data, write_project

_real_replace = os.replace
_real_open = os.open
_real_fsync = os.fsync


def _retitle(folder: Path, title: str) -> None:
    data = project_data(folder)
    data["title"] = title
    write_project(folder, data)


def _temps(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.name.endswith(".tmp") or p.name.startswith(".neslis-save")]


@pytest.fixture
def built(base_dir: Path, tmp_path: Path, cli: Callable[..., CliRun]) -> Path:
    """An output folder holding a first build; the project's title is then changed."""
    out = tmp_path / "out"
    assert cli("build", base_dir, "-o", out).code == 0
    _retitle(base_dir, "A second edition")
    return out


def _locked(suffix: str) -> Callable[..., Any]:
    def replace(src: Any, dst: Any, *args: Any, **kwargs: Any) -> None:
        if str(dst).endswith(suffix):
            raise PermissionError(13, "The process cannot access the file because it is being used", str(dst))
        _real_replace(src, dst, *args, **kwargs)

    return replace


@pytest.mark.parametrize("suffix", [".pptx", ".docx"])
def test_output_open_in_office(
    suffix: str, built: Path, base_dir: Path, cli: Callable[..., CliRun], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows refuses to replace a file PowerPoint or Word holds open."""
    before = fingerprint(built)
    monkeypatch.setattr(os, "replace", _locked(suffix))
    run = cli("build", base_dir, "-o", built)
    assert run.code == 2 and "Traceback" not in run.err
    assert "locked or read-only" in run.err
    locked = next(built.glob(f"*{suffix}"))
    assert str(locked) in run.err
    assert fingerprint(built)[locked.name] == before[locked.name]
    assert _temps(built) == []


def test_locked_deck_keeps_the_draft_too(
    built: Path, base_dir: Path, cli: Callable[..., CliRun], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A locked deck is found before either output moves, so deck and draft stay a pair."""
    before = fingerprint(built)

    def locked_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if str(path).endswith(".pptx") and flags & os.O_RDWR:
            raise PermissionError(13, "The process cannot access the file because it is being used", str(path))
        return _real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", locked_open)
    monkeypatch.setattr(os, "replace", _locked(".pptx"))
    run = cli("build", base_dir, "-o", built)
    assert run.code == 2 and "locked or read-only" in run.err and ".pptx" in run.err
    assert fingerprint(built) == before
    assert _temps(built) == []


def test_folder_not_writable(
    built: Path, base_dir: Path, cli: Callable[..., CliRun], monkeypatch: pytest.MonkeyPatch
) -> None:
    import tempfile

    before = fingerprint(built)

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise PermissionError(13, "Permission denied", str(kwargs.get("dir")))

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    run = cli("build", base_dir, "-o", built)
    assert run.code == 2 and "Traceback" not in run.err
    assert "does not allow writing" in run.err and str(built) in run.err
    assert fingerprint(built) == before


def test_output_folder_under_a_file(base_dir: Path, tmp_path: Path, cli: Callable[..., CliRun]) -> None:
    blocker = tmp_path / "report.txt"
    blocker.write_text("not a folder", "utf-8")
    run = cli("build", base_dir, "-o", blocker / "out")
    assert run.code == 2 and "Traceback" not in run.err
    assert str(blocker / "out") in run.err
    assert blocker.read_text("utf-8") == "not a folder"


def _disk_full(fd: int) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


def test_disk_full_while_building(
    built: Path, base_dir: Path, cli: Callable[..., CliRun], monkeypatch: pytest.MonkeyPatch
) -> None:
    before = fingerprint(built)
    monkeypatch.setattr(os, "fsync", _disk_full)
    run = cli("build", base_dir, "-o", built)
    assert run.code == 2 and "Traceback" not in run.err
    assert "disk is full" in run.err and str(built) in run.err
    assert fingerprint(built) == before
    assert _temps(built) == []


def _edited(folder: Path) -> Any:
    """The project in ``folder`` with its title and first section changed and a section removed."""
    project = load_project(folder)
    project.meta.title = "Edited while the disk filled up"
    project.sections[0].title = "An edited section"
    project.sections.pop()
    return project


def test_save_with_disk_full_keeps_the_old_project(base_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before, old = fingerprint(base_dir), load_project(base_dir).model_dump()
    edited = _edited(base_dir)
    monkeypatch.setattr(os, "fsync", _disk_full)
    with pytest.raises(OutputError, match="disk is full"):
        save_project(edited, base_dir)
    monkeypatch.undo()
    assert fingerprint(base_dir) == before
    assert _temps(base_dir) == []
    assert load_project(base_dir).model_dump() == old


def test_save_refused_before_the_journal_keeps_the_old_project(base_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before, old = fingerprint(base_dir), load_project(base_dir).model_dump()
    edited = _edited(base_dir)
    monkeypatch.setattr(os, "replace", _locked(".journal"))
    with pytest.raises(OutputError, match=r"\.neslis-save\.journal.*locked or read-only"):
        save_project(edited, base_dir)
    monkeypatch.undo()
    assert fingerprint(base_dir) == before
    assert _temps(base_dir) == []
    assert load_project(base_dir).model_dump() == old


def test_save_refused_midway_is_completed_on_next_load(base_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Once the journal is written the save is decided: a later failure is finished on the next load."""
    edited = _edited(base_dir)
    monkeypatch.setattr(os, "replace", _locked(".yaml"))
    with pytest.raises(OutputError, match="locked or read-only"):
        save_project(edited, base_dir)
    monkeypatch.undo()
    assert load_project(base_dir).model_dump() == edited.model_dump()
    assert _temps(base_dir) == []


def test_a_bug_is_one_line_not_a_traceback(
    base_dir: Path, tmp_path: Path, cli: Callable[..., CliRun], monkeypatch: pytest.MonkeyPatch
) -> None:
    """An unexpected exception (a bug in a renderer) exits 70 with one line; the traceback goes to a log."""
    from neslis_desktop.render import deck

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("renderer fell over\nsecond line")

    monkeypatch.setattr(deck, "build_deck", broken)
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    monkeypatch.delenv("NESLIS_DEBUG", raising=False)
    run = cli("build", base_dir, "-o", tmp_path / "out")
    assert run.code == 70
    assert "Traceback" not in run.err and "second line" not in run.err
    assert "internal error (RuntimeError: renderer fell over)" in run.err
    log = Path(run.err.rsplit("Details for a bug report: ", 1)[1].strip())
    assert log.parent == tmp_path and "Traceback" in log.read_text("utf-8")
    monkeypatch.setenv("NESLIS_DEBUG", "1")
    with pytest.raises(RuntimeError):
        cli("build", base_dir, "-o", tmp_path / "out")
