"""Reading one content file: only a plain file of sane size, as UTF-8 YAML, or a message saying why not.

A project folder may arrive from anyone, so the name ``project.yaml`` may be a folder, a
link that loops, a named pipe (reading one waits for ever) or a device. Each is named for
what it is, and nothing but a plain file is ever opened for reading.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import Any

from neslis_desktop.errors import ContentError, Problem
from neslis_desktop.store import yamlio
from neslis_desktop.store.parse_cache import MISSING, ParsedFiles

MAX_FILE_BYTES = 8 * 1024 * 1024
"""Largest content file read: far above any real section (text fields hold 20,000 characters)."""


def not_a_file(path: Path, what: str = "a YAML text file") -> str | None:
    """Why ``path`` cannot be read as a content file (``None`` when it is a plain file or absent).

    ``what`` says what should be there instead, for the message.
    """
    try:
        info = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            return f"is a link to {os.readlink(path)}, which does not exist; replace the link with {what}"
        return None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return f"is a link that leads back to itself (a loop), so it cannot be read; replace it with {what}"
        return f"could not be read: {exc.strerror or exc}"
    mode = info.st_mode
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return f"is a folder, not a file; it should be {what}"
    if stat.S_ISFIFO(mode):
        return (
            f"is a named pipe (FIFO), not a file, so it was not read (it would wait for ever); replace it with {what}"
        )
    return f"is a device or socket, not a file, so it was not read; replace it with {what}"


def exists(path: Path) -> bool:
    """Whether anything (even a broken link) has this name."""
    try:
        os.lstat(path)
    except FileNotFoundError:
        return False
    except OSError:
        return True
    return True


def read_bytes(path: Path, source: Path | None = None) -> bytes:
    """The bytes of the content file ``path`` (read from ``source`` when given, reported as ``path``)."""
    source = Path(source or path)
    problem = not_a_file(source)
    if problem:
        raise ContentError([Problem(path, "", problem)])
    try:
        # O_NONBLOCK: should the name become a pipe after the check above, opening it does not wait.
        fd = os.open(source, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise ContentError([Problem(path, "", "is not a plain file, so it was not read")])
            size = os.fstat(fd).st_size
            if size > MAX_FILE_BYTES:
                raise ContentError(
                    [
                        Problem(
                            path,
                            "",
                            f"is {size:,} bytes, over the {MAX_FILE_BYTES:,}-byte limit for a content "
                            "file; it is not a file NESLIS Desktop wrote",
                        )
                    ]
                )
            with os.fdopen(fd, "rb", closefd=False) as handle:
                return handle.read(MAX_FILE_BYTES + 1)
        finally:
            os.close(fd)
    except OSError as exc:
        raise ContentError([Problem(path, "", f"could not be read: {exc.strerror or exc}")]) from None


def read_mapping(
    path: Path, source: Path | None = None, parsed: ParsedFiles | None = None, name: str = ""
) -> tuple[dict[str, Any], yamlio.Nodes]:
    """The top-level fields of the content file ``path`` and its node tree (for line numbers).

    With ``parsed`` (the project's parse table) and ``name`` (the file's name in the project),
    bytes parsed cleanly before are not parsed again, and the tree is composed only if a line
    is asked for.
    """
    raw = read_bytes(path, source)
    if parsed is not None:
        known = parsed.get(name, raw)
        if known is not MISSING:
            return known, yamlio.LazyNode(yamlio.decode(raw))
    try:
        text = yamlio.decode(raw)
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ContentError(
            [
                Problem(
                    path,
                    "",
                    f"is not UTF-8 text (byte 0x{raw[exc.start]:02X} cannot be read); save the file as UTF-8",
                    line,
                )
            ]
        ) from None
    try:
        data, node = yamlio.parse(text)
    except yamlio.YamlSyntaxError as exc:
        raise ContentError([Problem(path, exc.field, str(exc), exc.line)]) from None
    if data is None:
        raise ContentError([Problem(path, "", "is empty; it should hold 'name: value' fields")])
    if not isinstance(data, dict):
        raise ContentError([Problem(path, "", "should hold 'name: value' fields at the top level", 1)])
    bad_keys = [k for k in data if not isinstance(k, str)]
    if bad_keys:
        raise ContentError([Problem(path, str(bad_keys[0]), "field names must be text", yamlio.line_of(node, ()))])
    if parsed is not None:
        parsed.put(name, raw, data)
    return data, node
