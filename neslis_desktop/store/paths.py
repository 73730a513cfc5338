"""Paths named inside content files, kept inside the project folder.

Project folders arrive by email from partners. A path written in a content file (a picture,
later) must never reach outside its project: not by ``..``, not as an absolute path or a
drive letter, not through a symbolic link. :func:`resolve_inside` is the one gate for that.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath, PureWindowsPath

from neslis_desktop.errors import ContentError, Problem


def resolve_inside(
    project_dir: Path,
    relative: str | os.PathLike[str],
    *,
    field: str = "path",
    file: Path | None = None,
) -> Path:
    """The absolute path of ``relative`` inside ``project_dir``; :class:`ContentError` otherwise.

    ``relative`` is written with ``/`` (or ``\\``) between folders. Refused: empty paths,
    absolute paths, drive letters, ``..`` steps, and paths that a symbolic link (anywhere on
    the way) leads outside the folder. ``field`` and ``file`` name where the path was written,
    for the message.
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
    root = Path(project_dir).resolve()
    target = root.joinpath(*posix.parts).resolve()
    if target != root and root not in target.parents:
        raise refuse(
            "is a link that leads out of the project folder; copy the file itself into the project folder"
        )
    return target
