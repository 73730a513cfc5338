"""Word widths read from font files, remembered across runs in the user's cache folder.

Measuring a word means loading each of its glyphs through FreeType (Pillow): about 0.07 ms a
word, so the first build in a process spent some 60 ms measuring the bundled project's 900
words, and importing Pillow besides. A project's words barely change from one build to the
next, so each font file's widths are kept in a small JSON table beside the template checks
(:mod:`neslis_desktop.store.cache`): a later run reads the table, and loads the font (and
Pillow) only for words it has not met. The widths are the same numbers Pillow gives, so a
build with the table and one without plan the same deck.

A table is keyed by the font file's path, size and modification time and this program's
version (a new release, or a font updated in place, starts a new table). It holds at most
:data:`MAX_WORDS` words, so that reading it stays cheaper than measuring a project's words
afresh (a full table reads in about 8 ms); when it would hold more, the words this run used
are kept and the oldest others dropped. Tables are written by :func:`save` (the deck build
calls it), atomically, only when words were added; one that cannot be read is ignored and
rebuilt. Two programs writing at once lose only words, which are measured again.
"""

from __future__ import annotations

import hashlib
import json
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from neslis_desktop import __version__
from neslis_desktop.store import cache

if TYPE_CHECKING:  # Pillow is imported only when a word is not in the table
    from PIL.ImageFont import FreeTypeFont

REF_SIZE = 200
"""Pixel size fonts are measured at; widths are divided by it (a unit width, 1 pt at 1 pt)."""
MAX_WORDS = 10_000
"""Most words remembered per font file (a table of about 300 KB): some ten projects' words."""
_KIND = "font-widths"

_LOCK = threading.Lock()
"""One FreeType face is shared by the app's preview and its build thread; FreeType faces are
not safe to use from two threads at once, so measuring, and the tables, take turns."""


class _Table:
    """One font file's widths: those read from the cache, those measured in this run."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.key = _key(path)
        self.widths: dict[str, float] = _read(self.key) if self.key else {}
        self.added = 0
        self.used: set[str] = set()  # the words asked for in this run, kept first when the table is full
        self._font: FreeTypeFont | None = None
        self._font_failed = False

    def font(self) -> FreeTypeFont | None:
        if self._font is None and not self._font_failed:
            from PIL import ImageFont

            try:
                self._font = ImageFont.truetype(str(self.path), REF_SIZE, layout_engine=ImageFont.Layout.BASIC)
            except OSError:
                self._font_failed = True
        return self._font

    def width(self, text: str) -> float | None:
        self.used.add(text)
        known = self.widths.get(text)
        if known is not None:
            return known
        font = self.font()
        if font is None:
            return None
        measured = self.widths[text] = float(font.getlength(text)) / REF_SIZE
        self.added += 1
        return measured

    def kept(self) -> dict[str, float]:
        """What to write: every word if they fit, else this run's words and the newest of the rest."""
        if len(self.widths) <= MAX_WORDS:
            return dict(self.widths)
        # A table is written oldest first and this run's words last, so that "the newest of the
        # rest" is the end of the table as read (dicts keep their order).
        used = [w for w in self.widths if w in self.used][-MAX_WORDS:]
        others = [w for w in self.widths if w not in self.used]
        room = MAX_WORDS - len(used)
        chosen = (others[-room:] if room > 0 else []) + used
        return {w: self.widths[w] for w in chosen}


_TABLES: dict[Path, _Table] = {}


def _table(path: Path) -> _Table:
    table = _TABLES.get(path)
    if table is None:
        table = _TABLES[path] = _Table(path)
    return table


def _key(path: Path) -> str | None:
    try:
        st = path.stat()
    except OSError:
        return None
    ident = "\x1f".join((str(path.resolve()), str(st.st_size), str(st.st_mtime_ns), __version__, str(REF_SIZE)))
    return hashlib.sha256(ident.encode("utf-8")).hexdigest()


def _read(key: str) -> dict[str, float]:
    data = cache.read_json(_KIND, key)
    if not isinstance(data, dict):
        return {}
    return {word: float(w) for word, w in data.items() if isinstance(word, str) and isinstance(w, (int, float))}


def loadable(path: Path) -> bool:
    """Whether ``path`` is a font this module can measure with (a table of it means it was)."""
    with _LOCK:
        table = _table(path)
        return bool(table.widths) or table.font() is not None


def unit_width(path: Path, text: str) -> float | None:
    """Width of ``text`` in the font at ``path`` at 1 pt, in pt; ``None`` if the font cannot be read."""
    with _LOCK:
        return _table(path).width(text)


def save() -> None:
    """Write the tables that gained words to the cache folder (failures are passed over)."""
    with _LOCK:
        pending = [(t.key, t.kept()) for t in _TABLES.values() if t.added and t.key]
        for table in _TABLES.values():
            table.added = 0
    for key, widths in pending:
        cache.write_bytes(_KIND, key, json.dumps(widths, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))


def forget() -> None:
    """Drop the tables held in memory (a test, or a new process, starts from the cache folder)."""
    with _LOCK:
        _TABLES.clear()
