"""What each content file of a project parsed to, remembered by the file's bytes across runs.

Opening a project parses every section file, and PyYAML builds the values in pure Python even
over libyaml: for a 1,000-section project that was over half the time of opening it. A parse
depends on nothing but the bytes and the program's version, so an earlier run's result for
the same bytes is the result. :class:`ParsedFiles` keeps one table per project folder in the
user's cache folder (:mod:`neslis_desktop.store.cache`; never beside the project, so a folder
only read stays unchanged), mapping each file's name to a digest of its bytes and its data.

Validation is not cached: every value still goes through the model, so a damaged or edited
table can at worst cost a parse, never let a bad value in. Only data that JSON keeps exactly
is stored (no dates, no non-text keys), and only files that parsed without a problem: a file
with problems is parsed again each time, so its messages are always fresh. A line number for
a message comes from composing the text again (:class:`~neslis_desktop.store.yamlio.LazyNode`).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from pathlib import Path
from typing import Any

from neslis_desktop import __version__
from neslis_desktop.store import cache

KIND = "parsed"
"""The cache folder's sub-folder for these tables."""
KEEP_TABLES = 64
"""Tables kept (one per project folder opened); the least recently written go first."""
MAX_TABLE_BYTES = 64 * 1024 * 1024
"""A table larger than this is not written: reading it would cost more than it saves."""

MISSING = object()
"""What :meth:`ParsedFiles.get` returns for a file it does not know (``None`` is a valid parse)."""


def digest(raw: bytes) -> str:
    """A short digest of a file's bytes (BLAKE2b: about a gigabyte a second)."""
    return hashlib.blake2b(raw, digest_size=16).hexdigest()


class ParsedFiles:
    """The parse table of one project folder: read once per load, written back if it changed."""

    def __init__(self, folder: Path) -> None:
        try:
            where = str(Path(folder).resolve())
        except (OSError, RuntimeError):
            where = str(Path(folder).absolute())
        self.key = hashlib.sha256(f"{__version__}\x1f{where}".encode()).hexdigest()
        table = cache.read_json(KIND, self.key) if cache.cache_dir() is not None else None
        files = table.get("files") if isinstance(table, dict) and table.get("version") == __version__ else None
        self._old: dict[str, Any] = files if isinstance(files, dict) else {}
        self._new: dict[str, list[Any]] = {}
        self._changed = False

    def get(self, name: str, raw: bytes) -> Any:
        """The data ``name`` parsed to when it held ``raw`` (new objects each call); :data:`MISSING` if not known."""
        entry = self._old.get(name)
        if isinstance(entry, list) and len(entry) == 2 and isinstance(entry[1], str) and entry[0] == digest(raw):
            try:
                data = json.loads(entry[1])
            except ValueError:
                return MISSING
            self._new[name] = entry
            return data
        return MISSING

    def put(self, name: str, raw: bytes, data: Any) -> None:
        """Remember that ``name`` holding ``raw`` parsed cleanly to ``data`` (if JSON keeps it exactly).

        The data is kept as JSON text, so that the caller changing its copy (a migration does)
        changes nothing here.
        """
        try:
            text = json.dumps(data, ensure_ascii=False, allow_nan=False)
        except (TypeError, ValueError):  # a date, a set, binary, NaN: parsed again next time
            return
        if json.loads(text) != data:  # keys that are not text would come back as text
            return
        self._new[name] = [digest(raw), text]
        self._changed = True

    def save(self) -> None:
        """Write the table back when a file was parsed afresh or one is gone; failures are ignored."""
        if not (self._changed or self._old.keys() - self._new.keys()) or cache.cache_dir() is None:
            return
        body = json.dumps({"version": __version__, "files": self._new}, ensure_ascii=False, separators=(",", ":"))
        data = body.encode("utf-8")
        if len(data) > MAX_TABLE_BYTES:
            return
        cache.write_bytes(KIND, self.key, data)
        _prune()


def _prune() -> None:
    """Remove all but the :data:`KEEP_TABLES` most recently written tables."""
    folder = cache.cache_dir()
    if folder is None:
        return
    with contextlib.suppress(OSError):
        entries = [e for e in os.scandir(folder / KIND) if e.is_file() and not e.name.startswith(".")]
        if len(entries) <= KEEP_TABLES:
            return
        entries.sort(key=lambda e: e.stat().st_mtime_ns, reverse=True)
        for old in entries[KEEP_TABLES:]:
            with contextlib.suppress(OSError):
                os.unlink(old.path)
