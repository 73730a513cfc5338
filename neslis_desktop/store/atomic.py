"""Writing a file so that it is either wholly old or wholly new, never half-written.

The new content goes to a temporary file in the same folder (so the final rename stays on
one file system), is flushed and fsync'ed, then ``os.replace`` swaps it in. Any failure
removes the temporary file and leaves the old file as it was. On Windows ``os.replace``
fails while another program holds the target open (PowerPoint keeps decks open): that
becomes an :class:`~neslis_desktop.errors.OutputError` saying so.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from neslis_desktop.errors import OutputError


def describe_os_error(path: Path, exc: OSError) -> str:
    """Words for why ``path`` could not be written."""
    if exc.errno == errno.ENOSPC:
        return f"Could not write {path}: the disk is full. Free some space and try again."
    if isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return (
            f"Could not write {path}: it is locked or read-only: open in another program (close it "
            "in PowerPoint or Word), or the folder does not allow writing."
        )
    if exc.errno == errno.ENOENT:
        return f"Could not write {path}: the folder {path.parent} does not exist."
    return f"Could not write {path}: {exc.strerror or exc}."


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; on success it replaces ``target``.

    The caller writes the whole file to the yielded path (python-pptx and python-docx save
    to a path). On any exception the temporary file is removed and ``target`` is untouched.
    """
    target = Path(target)
    try:
        # The name a project load recognises as ours (store/journal.py: TEMP_NAME) if a crash leaves it.
        fd, tmp_name = tempfile.mkstemp(prefix=".neslis-", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise OutputError(describe_os_error(target, exc)) from exc
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        match_mode(tmp, target)
        _fsync_file(tmp)
        os.replace(tmp, target)
    except OSError as exc:
        _remove_quietly(tmp)
        raise OutputError(describe_os_error(target, exc)) from exc
    except BaseException:
        _remove_quietly(tmp)
        raise


@contextlib.contextmanager
def atomic_paths(targets: Sequence[Path]) -> Iterator[list[Path]]:
    """Yield a temporary path beside each of ``targets``; on success all replace their targets,
    or none does.

    Files are replaced one at a time, so the old ones are first moved aside under hidden
    names ending like the target (``.deck.pptx`` -> ``.deck.xxxx.pptx``). A file that another
    program holds open (PowerPoint, Word on Windows) refuses that move, before anything has
    changed. If a later step fails, the files moved aside are put back. Either way the
    targets end as all old or all new, and no temporary file is left.
    """
    targets = [Path(t) for t in targets]
    temps: list[Path] = []
    try:
        for target in targets:
            temps.append(_temp_beside(target, ".tmp"))
        yield temps
        for tmp, target in zip(temps, targets, strict=True):
            _io(target, match_mode, tmp, target)
            _io(target, _fsync_file, tmp)
        _replace_all(list(zip(temps, targets, strict=True)))
    finally:
        for tmp in temps:
            _remove_quietly(tmp)


def _replace_all(pairs: list[tuple[Path, Path]]) -> None:
    aside: list[tuple[Path, Path]] = []  # (old file's hidden name, target)
    placed: list[Path] = []
    try:
        for _, target in pairs:
            if target.exists():
                hidden = _temp_beside(target, target.suffix)
                try:
                    _io(target, os.replace, target, hidden)
                except BaseException:
                    _remove_quietly(hidden)
                    raise
                aside.append((hidden, target))
        for tmp, target in pairs:
            _io(target, os.replace, tmp, target)
            placed.append(target)
    except BaseException:
        restored = {target for _, target in aside}
        for target in placed:
            if target not in restored:
                _remove_quietly(target)
        for hidden, target in aside:
            with contextlib.suppress(OSError):
                os.replace(hidden, target)
        for hidden, _ in aside:
            _remove_quietly(hidden)
        raise
    for hidden, _ in aside:
        _remove_quietly(hidden)


def _temp_beside(target: Path, suffix: str) -> Path:
    """A new empty file with a hidden, unique name in ``target``'s folder."""
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.stem}.", suffix=suffix, dir=target.parent)
    except OSError as exc:
        raise OutputError(describe_os_error(target, exc)) from exc
    os.close(fd)
    return Path(name)


def _io(target: Path, action: Callable[..., object], *args: object) -> None:
    """Run ``action``; an ``OSError`` becomes an :class:`OutputError` naming ``target``."""
    try:
        action(*args)
    except OSError as exc:
        raise OutputError(describe_os_error(target, exc)) from exc


def atomic_write(target: Path, write: Callable[[Path], None]) -> None:
    """Call ``write(tmp_path)`` and move the result onto ``target`` atomically."""
    with atomic_path(target) as tmp:
        write(tmp)


def atomic_write_bytes(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` atomically."""
    with atomic_path(target) as tmp:
        tmp.write_bytes(data)


def match_mode(tmp: Path, target: Path) -> None:
    """Give ``tmp`` the permissions of ``target``, or 0644 for a new file (``mkstemp`` makes 0600)."""
    if os.name == "nt":
        return
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        mode = 0o644
    with contextlib.suppress(OSError):
        os.chmod(tmp, mode)


def _fsync_file(path: Path) -> None:
    with open(path, "rb+") as handle:
        handle.flush()
        os.fsync(handle.fileno())


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable where the OS allows (not on Windows)."""
    if os.name == "nt":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _remove_quietly(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()
