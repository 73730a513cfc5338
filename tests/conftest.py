"""Shared fixtures: the bundled project, Office-file checks, and renders a person can look at.

Tests run headless: ``QT_QPA_PLATFORM=offscreen`` is set here before Qt is imported.
External tools (LibreOffice, Pandoc, poppler) are installed by ``make test``; a test that
needs one fails, rather than skips, when it is missing, so CI never passes by skipping.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from neslis_desktop.model import Project  # noqa: E402
from neslis_desktop.resources import bundled_project  # noqa: E402
from neslis_desktop.store import load_project  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SEED = SHARED / "seed" / "000_5131830ead66f5d7.txt"
VALIDATOR = SHARED / "tools" / "ooxml-validate"


def require_tool(name: str) -> str:
    """The path of command ``name``; fails the test (never skips) when it is missing."""
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"'{name}' is not installed; run 'make test', which installs it")
    return path


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
    """The non-empty lines of the summit deck's text, stripped."""
    return [line.strip() for line in SEED.read_text("utf-8").splitlines() if line.strip()]


def ooxml_validate(*paths: Path, lenient: bool = False) -> str:
    """Run the shared OOXML schema check; returns its report, fails the test on violations."""
    if not VALIDATOR.exists():
        pytest.fail(f"the OOXML validator is missing at {VALIDATOR}")
    cmd = ["bash", str(VALIDATOR)]
    if lenient:
        cmd.append("--lenient")
    env = dict(os.environ, OOXML_PYTHON=sys.executable)
    proc = subprocess.run([*cmd, *map(str, paths)], capture_output=True, text=True, env=env, timeout=300)
    if proc.returncode != 0:
        pytest.fail(f"ooxml-validate found problems:\n{proc.stdout}\n{proc.stderr}")
    return proc.stdout


@pytest.fixture(scope="session")
def validate() -> Callable[..., str]:
    """``validate(path, ...)``: the OOXML schema check, failing the test on any violation."""
    return ooxml_validate


def soffice_convert(source: Path, fmt: str, outdir: Path) -> Path:
    """Convert ``source`` with LibreOffice to ``fmt`` (``pdf``, ``pptx``...) in ``outdir``.

    Each call uses its own LibreOffice profile, so conversions never collide.
    """
    soffice = require_tool("soffice")
    outdir.mkdir(parents=True, exist_ok=True)
    profile = outdir / ".lo-profile"
    proc = subprocess.run(
        [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", fmt,
         "--outdir", str(outdir), str(source)],
        capture_output=True, text=True, timeout=300,
    )
    result = outdir / f"{source.stem}.{fmt.split(':')[0]}"
    if not result.exists():
        pytest.fail(f"LibreOffice did not convert {source.name} to {fmt}:\n{proc.stdout}\n{proc.stderr}")
    return result


def pdf_pages(pdf: Path, outdir: Path, dpi: int = 50) -> list[Path]:
    """Render ``pdf`` to PNG pages with poppler's pdftoppm; the pages in order."""
    pdftoppm = require_tool("pdftoppm")
    outdir.mkdir(parents=True, exist_ok=True)
    subprocess.run([pdftoppm, "-png", "-r", str(dpi), str(pdf), str(outdir / "page")], check=True, timeout=300)
    return sorted(outdir.glob("page-*.png"))


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
