"""Saved and built files get ordinary permissions, not the 0600 of their temporary files."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from neslis_desktop.store import PROJECT_FILE, load_project, save_project

from .conftest import CliRun

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_new_files_are_readable_by_others(base_dir: Path, tmp_path: Path, cli: Callable[..., CliRun]) -> None:
    saved = tmp_path / "saved"
    save_project(load_project(base_dir), saved)
    assert _mode(saved / PROJECT_FILE) == 0o644
    out = tmp_path / "out"
    assert cli("build", saved, "-o", out).code == 0
    assert {_mode(p) for p in out.iterdir()} == {0o644}


def test_existing_permissions_are_kept(base_dir: Path) -> None:
    project = load_project(base_dir)
    (base_dir / PROJECT_FILE).chmod(0o664)
    project.meta.title = "Changed"
    save_project(project, base_dir)
    assert _mode(base_dir / PROJECT_FILE) == 0o664
