"""Helpers for tests that look at Office files as a person would: schema check, renders, tools.

Kept out of ``conftest.py`` so that test modules can import them by a unique module name
(several folders have a ``conftest.py`` of their own).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import ooxml
import pytest

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "tests" / "data"
SEED = DATA / "seed-summit-deck.txt"
# The team's shared folder beside the clone, when there is one: the seed's original and a second
# OOXML checker, used as a cross-check. A clone with nothing beside it needs neither.
SHARED = REPO.parent / "shared"
SHARED_SEED = SHARED / "seed" / "000_5131830ead66f5d7.txt"
SHARED_VALIDATOR = SHARED / "tools" / "ooxml-validate"


def require_tool(name: str) -> str:
    """The path of command ``name``; fails the test (never skips) when it is missing."""
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"'{name}' is not installed; run 'make test', which installs it")
    return path


def ooxml_validate(*paths: Path, lenient: bool = False) -> str:
    """The OOXML schema and package check (``tests/ooxml``); its report; fails the test on violations.

    When the shared checker is beside the clone it runs too, as a cross-check.
    """
    reports = ooxml.check(paths, lenient=lenient)
    text = ooxml.summary(reports)
    if any(report.violations for report in reports):
        pytest.fail(f"the OOXML check found problems:\n{text}")
    if SHARED_VALIDATOR.exists():
        shared_validate(*paths, lenient=lenient)
    return text


def shared_validate(*paths: Path, lenient: bool = False) -> str:
    """Run the shared ``ooxml-validate`` (only when ``../shared`` exists); fails the test on violations."""
    cmd = ["bash", str(SHARED_VALIDATOR), *(["--lenient"] if lenient else [])]
    env = dict(os.environ, OOXML_PYTHON=sys.executable)
    proc = subprocess.run([*cmd, *map(str, paths)], capture_output=True, text=True, env=env, timeout=300)
    if proc.returncode != 0:
        pytest.fail(f"the shared ooxml-validate found problems:\n{proc.stdout}\n{proc.stderr}")
    return proc.stdout


def soffice_convert(source: Path, fmt: str, outdir: Path) -> Path:
    """Convert ``source`` with LibreOffice to ``fmt`` (``pdf``, ``pptx``...) in ``outdir``.

    Each call uses its own LibreOffice profile, so conversions never collide.
    """
    soffice = require_tool("soffice")
    outdir.mkdir(parents=True, exist_ok=True)
    profile = outdir / ".lo-profile"
    proc = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            fmt,
            "--outdir",
            str(outdir),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    result = outdir / f"{source.stem}.{fmt.split(':', maxsplit=1)[0]}"
    if not result.exists():
        pytest.fail(f"LibreOffice did not convert {source.name} to {fmt}:\n{proc.stdout}\n{proc.stderr}")
    return result


def pdf_pages(pdf: Path, outdir: Path, dpi: int = 50) -> list[Path]:
    """Render ``pdf`` to PNG pages with poppler's pdftoppm; the pages in order."""
    pdftoppm = require_tool("pdftoppm")
    outdir.mkdir(parents=True, exist_ok=True)
    subprocess.run([pdftoppm, "-png", "-r", str(dpi), str(pdf), str(outdir / "page")], check=True, timeout=300)
    return sorted(outdir.glob("page-*.png"))
