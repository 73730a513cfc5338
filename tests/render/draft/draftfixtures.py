"""Fixtures of the draft-document tests: the project with every block kind, built drafts.

Test modules import the fixtures they use from here. This is not a conftest.py on purpose:
several folders' conftest modules would all be named ``conftest`` and shadow the root one
that other tests import helpers from.
"""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from projects import every_kind_project

from neslis_desktop.model import Project
from neslis_desktop.render.draft import write_draft
from neslis_desktop.resources import bundled_project
from neslis_desktop.store import load_project

sample_project = every_kind_project
"""The project with every block kind shared by all tests (``tests/projects.py``)."""


@pytest.fixture(scope="session")
def bundled_project_loaded() -> Project:
    """The bundled North East LIS project (session-wide; do not change it)."""
    return load_project(bundled_project())


@pytest.fixture(scope="session")
def bundled_draft(bundled_project_loaded: Project, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled project's draft in the bundled template, built once."""
    target = tmp_path_factory.mktemp("draft") / "north-east-lis-draft.docx"
    assert write_draft(bundled_project_loaded, target) == []
    return target


@pytest.fixture(scope="session")
def sample_draft(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample project's draft in the bundled template, built once."""
    target = tmp_path_factory.mktemp("draft") / "sample-draft.docx"
    write_draft(sample_project(), target)
    return target


def need(tool: str) -> str:
    """The path of ``tool``; fails (never skips) when it is missing."""
    path = shutil.which(tool)
    if path is None:
        pytest.fail(f"'{tool}' is not installed; run 'make test', which installs it")
    return path


def to_pdf(source: Path, outdir: Path) -> Path:
    """``source`` converted by LibreOffice with a private profile."""
    soffice = need("soffice")
    outdir.mkdir(parents=True, exist_ok=True)
    profile = outdir / ".lo-profile"
    proc = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(outdir),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    pdf = outdir / f"{source.stem}.pdf"
    if not pdf.exists():
        pytest.fail(f"LibreOffice did not convert {source.name}:\n{proc.stdout}\n{proc.stderr}")
    return pdf


def with_document_xml(source: Path, target: Path, change: Callable[[str], str]) -> Path:
    """A copy of the .docx ``source`` at ``target`` with ``word/document.xml`` changed (a test's control)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            blob = src.read(info.filename)
            if info.filename == "word/document.xml":
                blob = change(blob.decode("utf-8")).encode("utf-8")
            dst.writestr(info, blob)
    return target
