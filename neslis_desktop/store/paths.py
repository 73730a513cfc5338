"""The names of a project folder's files, and paths named inside content files, kept inside the folder.

Project folders arrive by email from partners. A path written in a content file (a picture,
later) must never reach outside its project: not by ``..``, not as an absolute path or a
drive letter, not through a symbolic link. :func:`resolve_inside` is the one gate for that.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath, PureWindowsPath

from neslis_desktop.errors import ContentError, Problem

PROJECT_FILE = "project.yaml"
"""The project's own file: format version, title-page facts, the order of sections."""
SECTIONS_DIR = "sections"
"""The folder of section files, ``sections/<id>.yaml``."""


def resolve_inside(
    project_dir: Path,
    relative: str | os.PathLike[str],
    *,
    field: str = "path",
    file: Path | None = None,
    resolved: bool = False,
) -> Path:
    """The absolute path of ``relative`` inside ``project_dir``; :class:`ContentError` otherwise.

    ``relative`` is written with ``/`` (or ``\\``) between folders. Refused: empty paths,
    absolute paths, drive letters, ``..`` steps, and paths that a symbolic link (anywhere on
    the way) leads outside the folder. ``field`` and ``file`` name where the path was written,
    for the message. ``resolved`` says ``project_dir`` is already absolute with its links
    resolved (a loop over many files resolves it once).
    """
    where = Path(file) if file is not None else Path(project_dir)
    text = os.fspath(relative)

    def refuse(why: str) -> ContentError:
        return ContentError([Problem(where, field, f"'{text}' {why}")])

    if not text.strip():
        raise refuse("is empty; write a path relative to the project folder, such as 'pictures/map.png'")
    if "\x00" in text:
        raise refuse("contains a NUL character; write a plain path such as 'pictures/map.png'")
    windows, posix = PureWindowsPath(text), PurePosixPath(text.replace("\\", "/"))
    if windows.drive or windows.root or posix.is_absolute():
        raise refuse(
            "is an absolute path; write it relative to the project folder, such as 'pictures/map.png', "
            "and keep the file inside the folder"
        )
    if ".." in posix.parts:
        raise refuse("leads out of the project folder ('..'); keep the file inside the project folder")
    try:
        root = Path(project_dir) if resolved else Path(project_dir).resolve()
        target = root.joinpath(*posix.parts).resolve()
    except (OSError, RuntimeError):  # Python 3.11 raises RuntimeError for a loop of links
        raise refuse("is a link that leads back to itself (a loop); replace it with the file itself") from None
    if target != root and root not in target.parents:
        raise refuse("is a link that leads out of the project folder; copy the file itself into the project folder")
    return target
