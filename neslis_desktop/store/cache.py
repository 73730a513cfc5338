"""The user's cache folder: facts that cost time to find and do not change between runs.

Keyed by the content (a SHA-256 of the file) and the program's version, so a changed template
or a new release never meets an old answer. The cache is only ever an aid: a folder that
cannot be made, read or written is passed over in silence and the work is done again. It
lives in the user's own cache folder, never beside a project or a template, so a folder that
is only read is never changed.

``NESLIS_CACHE_DIR`` chooses another folder (tests point it at a temporary one);
``NESLIS_CACHE_DIR=off`` turns the cache off.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
import tempfile
from pathlib import Path

from neslis_desktop import __version__


def cache_dir() -> Path | None:
    """The cache folder for this user and platform; ``None`` when turned off."""
    chosen = os.environ.get("NESLIS_CACHE_DIR")
    if chosen:
        return None if chosen.lower() == "off" else Path(chosen)
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
        return Path(base) / "NESLIS" / "cache" if base else None
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "NESLIS"
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "neslis"


def file_key(path: Path, *parts: str) -> str | None:
    """A key for the content of ``path`` with ``parts`` and this version; ``None`` if unreadable."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
    except OSError:
        return None
    digest.update("\x1f".join((__version__, *parts)).encode("utf-8"))
    return digest.hexdigest()


def has_mark(kind: str, key: str) -> bool:
    """Whether the mark ``key`` of ``kind`` was left by an earlier run."""
    folder = cache_dir()
    return folder is not None and (folder / kind / key).is_file()


def leave_mark(kind: str, key: str) -> None:
    """Leave the mark ``key`` of ``kind`` for later runs (atomically; failures ignored)."""
    write_bytes(kind, key, b"")


def read_json(kind: str, key: str) -> object | None:
    """What :func:`write_bytes` left as ``key`` of ``kind``, read as JSON; ``None`` if absent or unreadable."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        return json.loads((folder / kind / key).read_bytes())
    except (OSError, ValueError):  # absent, unreadable or damaged: the work is done again
        return None


def write_bytes(kind: str, key: str, data: bytes) -> None:
    """Keep ``data`` as ``key`` of ``kind`` for later runs (atomically; failures ignored)."""
    folder = cache_dir()
    if folder is None:
        return
    with contextlib.suppress(OSError):
        target = folder / kind / key
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".part-", dir=target.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(tmp, target)
        except OSError:
            os.unlink(tmp)
            raise
