"""The names of a project folder's files, and paths named inside content files, kept inside the folder.

Project folders arrive by email from partners. A path written in a content file (a picture,
later) must never reach outside its project: not by ``..``, not as an absolute path or a
drive letter, not through a symbolic link. :func:`resolve_inside` is the one gate for that.
"""

from __future__ import annotations

import os
import stat
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
    text = os.fspath(relative)

    def refuse(why: str) -> ContentError:
        where = Path(file) if file is not None else Path(project_dir)
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
        plain = _plain_join(root, posix.parts)
        if plain is not None:  # inside by construction
            return plain
        target = root.joinpath(*posix.parts).resolve()
    except (OSError, RuntimeError):  # Python 3.11 raises RuntimeError for a loop of links
        raise refuse("is a link that leads back to itself (a loop); replace it with the file itself") from None
    if target != root and root not in target.parents:
        raise refuse("is a link that leads out of the project folder; copy the file itself into the project folder")
    return target


def _plain_join(root: Path, parts: tuple[str, ...]) -> Path | None:
    """``root`` joined with ``parts`` when every step exists and none is a link; else ``None``.

    A path whose every step is a folder (the last a plain file or folder) inside a resolved
    root is its own resolved form, so this is what ``resolve()`` would give, at a stat per step
    rather than the whole path's (opening a 1,000-section project made 1,000 of these).
    Anything else (a link, a Windows junction or other reparse point, a device name such as
    ``con``, a pipe, a step missing) is left to ``resolve()`` and the checks after it.
    """
    path = os.fspath(root)
    for i, part in enumerate(parts):
        path = os.path.join(path, part)
        try:
            info = os.lstat(path)
        except OSError:
            return None
        plain = stat.S_ISDIR(info.st_mode) or (i == len(parts) - 1 and stat.S_ISREG(info.st_mode))
        if not plain or getattr(info, "st_reparse_tag", None):
            return None
    return Path(path)
