"""Shared fixtures: the bundled project, Office-file checks, and renders a person can look at.

Tests run headless: ``QT_QPA_PLATFORM=offscreen`` is set here before Qt is imported.
External tools (LibreOffice, Pandoc, poppler) are installed by ``make test``; a test that
needs one fails, rather than skips, when it is missing, so CI never passes by skipping.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Tests never write into the user's own cache folder; subprocesses they start inherit this.
os.environ.setdefault("NESLIS_CACHE_DIR", tempfile.mkdtemp(prefix="neslis-test-cache-"))

from office import (
    REPO,
    SEED,
    SHARED,
    ooxml_validate,
    pdf_pages,
    require_tool,
    soffice_convert,
)

from neslis_desktop.model import Project
from neslis_desktop.resources import bundled_project
from neslis_desktop.store import load_project

__all__ = ["REPO", "SEED", "SHARED", "ooxml_validate", "pdf_pages", "require_tool", "soffice_convert"]


@pytest.fixture(scope="session")
def bundled_dir() -> Path:
    """The bundled North East LIS project folder (read-only: copy it before changing it)."""
    return bundled_project()


@pytest.fixture
def project(bundled_dir: Path) -> Project:
    """A fresh copy of the bundled project, loaded."""
    return load_project(bundled_dir)


@pytest.fixture
def project_dir(bundled_dir: Path, tmp_path: Path) -> Path:
    """A writable copy of the bundled project folder."""
    target = tmp_path / "north-east-lis"
    shutil.copytree(bundled_dir, target)
    return target


@pytest.fixture(scope="session")
def seed_lines() -> list[str]:
    """The non-empty lines of the summit deck's text (``tests/data/seed-summit-deck.txt``), stripped."""
    return [line.strip() for line in SEED.read_text("utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="session")
def validate() -> Callable[..., str]:
    """``validate(path, ...)``: the OOXML schema check, failing the test on any violation."""
    return ooxml_validate


@pytest.fixture(scope="session")
def pandoc_reference(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Path]:
    """``pandoc_reference("pptx"|"docx")``: Pandoc's default reference file, made now."""
    made: dict[str, Path] = {}

    def make(ext: str) -> Path:
        if ext not in made:
            pandoc = require_tool("pandoc")
            target = tmp_path_factory.mktemp("pandoc") / f"reference.{ext}"
            with open(target, "wb") as out:
                subprocess.run([pandoc, "--print-default-data-file", f"reference.{ext}"], stdout=out, check=True)
            made[ext] = target
        return made[ext]

    return make


@pytest.fixture(scope="session")
def libreoffice_template(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Path]:
    """``libreoffice_template("Vivid")``: an Impress template (.otp) saved as .pptx by LibreOffice."""
    made: dict[str, Path] = {}

    def make(name: str = "Vivid") -> Path:
        if name not in made:
            source = Path("/usr/lib/libreoffice/share/template/common/presnt") / f"{name}.otp"
            if not source.exists():
                pytest.fail(f"LibreOffice's template {source} is missing; install libreoffice-impress")
            made[name] = soffice_convert(source, "pptx", tmp_path_factory.mktemp(f"lo-{name}"))
        return made[name]

    return make
