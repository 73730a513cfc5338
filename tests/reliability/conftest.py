"""Fixtures for the reliability tests: a base project to break, the CLI, folder fingerprints."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from projects import every_kind_project

from neslis_desktop.cli import main
from neslis_desktop.resources import bundled_project
from neslis_desktop.store import PROJECT_FILE, load_project, save_project


@dataclass
class CliRun:
    """What one ``neslis`` command did."""

    code: int
    out: str
    err: str


@pytest.fixture
def base_dir(tmp_path: Path) -> Path:
    """A writable copy of the bundled project, or a small made one while it is missing."""
    target = tmp_path / "project"
    source = bundled_project()
    if (source / PROJECT_FILE).is_file():
        shutil.copytree(source, target)
    else:
        save_project(every_kind_project(folder=target), target)
    load_project(target)  # the base must be valid, or every case below proves nothing
    return target


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., CliRun]:
    """``cli("build", folder, "-o", out)``: runs ``neslis`` in-process and captures its output."""

    def run(*args: object) -> CliRun:
        capsys.readouterr()
        code = main([str(a) for a in args])
        captured = capsys.readouterr()
        return CliRun(code, captured.out, captured.err)

    return run


def fingerprint(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` (hidden ones too) by relative path, with its SHA-256."""
    if not folder.exists():
        return {}
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.is_symlink()
    }


def deck_text(path: Path) -> str:
    """All text a reader of the deck sees (shapes, groups, tables, notes), reopened with python-pptx."""
    from pptx import Presentation

    chunks: list[str] = []

    def walk(shapes: object) -> None:
        for shape in shapes:  # type: ignore[attr-defined]
            if getattr(shape, "shape_type", None) == 6:  # a group
                walk(shape.shapes)
            if getattr(shape, "has_text_frame", False) and shape.has_text_frame:
                chunks.append(shape.text_frame.text)
            if getattr(shape, "has_table", False) and shape.has_table:
                chunks.extend(cell.text for row in shape.table.rows for cell in row.cells)

    prs = Presentation(str(path))
    for slide in prs.slides:
        walk(slide.shapes)
        if slide.has_notes_slide:
            chunks.append(slide.notes_slide.notes_text_frame.text)
    return "\n".join(chunks)


def draft_text(path: Path) -> str:
    """All paragraph and table text of the draft, reopened with python-docx."""
    from docx import Document

    doc = Document(str(path))
    chunks = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        chunks += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(chunks)
