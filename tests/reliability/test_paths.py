"""``resolve_inside``: a path written in a content file never leads out of its project."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from neslis_desktop.errors import ContentError
from neslis_desktop.store.paths import resolve_inside


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    (project / "pictures").mkdir(parents=True)
    (project / "pictures" / "map.png").write_bytes(b"png")
    (tmp_path / "outside.png").write_bytes(b"secret")
    return project


@pytest.mark.parametrize("relative", ["pictures/map.png", "pictures\\map.png", "./pictures/map.png"])
def test_paths_inside_resolve(folder: Path, relative: str) -> None:
    assert resolve_inside(folder, relative) == (folder / "pictures" / "map.png").resolve()


def test_a_path_not_yet_existing_inside_is_fine(folder: Path) -> None:
    assert resolve_inside(folder, "pictures/new.png") == (folder / "pictures" / "new.png").resolve()


@pytest.mark.parametrize(
    ("relative", "fragment"),
    [
        ("../outside.png", "leads out of the project folder"),
        ("pictures/../../outside.png", "leads out of the project folder"),
        ("..\\outside.png", "leads out of the project folder"),
        ("pictures/../pictures/map.png", "'..'"),  # any '..' is refused, even one that comes back
        ("/etc/passwd", "absolute path"),
        ("C:\\Windows\\win.ini", "absolute path"),
        ("C:outside.png", "absolute path"),
        ("\\\\server\\share\\x.png", "absolute path"),
        ("", "is empty"),
        ("pictures/\x00.png", "NUL"),
    ],
)
def test_escapes_are_refused(folder: Path, relative: str, fragment: str) -> None:
    yaml_file = folder / "sections" / "intro.yaml"
    with pytest.raises(ContentError) as caught:
        resolve_inside(folder, relative, field="block 2, picture", file=yaml_file)
    message = str(caught.value)
    assert str(yaml_file) in message and "field 'block 2, picture'" in message and fragment in message


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links on this system")
def test_symlinks_leading_out_are_refused(folder: Path, tmp_path: Path) -> None:
    (folder / "pictures" / "link.png").symlink_to(tmp_path / "outside.png")
    (folder / "elsewhere").symlink_to(tmp_path, target_is_directory=True)
    for relative in ("pictures/link.png", "elsewhere/outside.png"):
        with pytest.raises(ContentError, match="leads out of the project folder"):
            resolve_inside(folder, relative, field="picture")


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links on this system")
def test_symlinks_staying_inside_are_fine(folder: Path) -> None:
    (folder / "alias.png").symlink_to(folder / "pictures" / "map.png")
    assert resolve_inside(folder, "alias.png") == (folder / "pictures" / "map.png").resolve()
