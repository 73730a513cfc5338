"""What was read from slides already seen, keyed by what each slide and the parts it inherits from say.

The app inspects and checks every deck it generates, and between two Generates an officer has
usually changed a section or two: the other slides come out the same bytes over the same
layout. Reading a slide (the inspector's facts, :mod:`.deck.inspect.read`), inspecting it
(:func:`.deck.inspect.inspect_facts`), judging whether its text needs another colour
(:func:`.deck.inspect.repair.fix_contrast`) and checking it for accessibility
(:mod:`.a11y.pptx_rules`) depend only on the slide's own XML, its layout's and master's XML,
the master's theme, the presentation's default text style and its table styles (and the
slide's number, where the findings name it). :class:`SlideDigests` digests exactly those, so
a slide whose bytes or whose layout changed in any way is read again; each :class:`Memo`
keeps what was found for the most recently used slides, for the life of the process. A slide's number is in its XML when
the template shows slide numbers, so an edit that adds a slide has the slides after it read
again, and so does the same section placed elsewhere in another pack.
"""

from __future__ import annotations

import hashlib
import threading
import weakref
from collections import OrderedDict
from typing import Any, Generic, TypeVar

from lxml import etree

_P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
_THEME = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme"
_TABLE_STYLES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/tableStyles"

V = TypeVar("V")


def digest(*parts: bytes) -> bytes:
    """A 128-bit digest of ``parts``, each length-prefixed so that two cannot run into each other."""
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        h.update(len(part).to_bytes(8, "little"))
        h.update(part)
    return h.digest()


class Memo(Generic[V]):
    """Values by key, for the ``capacity`` most recently used keys; safe across threads (the app
    generates in a worker thread)."""

    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self._values: OrderedDict[object, V] = OrderedDict()
        self._lock = threading.Lock()
        _MEMOS.add(self)

    def get(self, key: object) -> V | None:
        with self._lock:
            value = self._values.get(key)
            if value is not None:
                self._values.move_to_end(key)
            return value

    def put(self, key: object, value: V) -> None:
        with self._lock:
            self._values[key] = value
            self._values.move_to_end(key)
            while len(self._values) > self.capacity:
                self._values.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._values.clear()

    def __len__(self) -> int:
        return len(self._values)


_MEMOS: weakref.WeakSet[Memo[Any]] = weakref.WeakSet()


def every_memo() -> list[Memo[Any]]:
    """Every memo of slides the process holds (the reader's, the inspector's, the repair's, the check's)."""
    return list(_MEMOS)


def forget_slides() -> None:
    """Forget every slide read and checked so far (benchmarks time reading slides not seen before)."""
    for memo in every_memo():
        memo.clear()


def _related_blob(part: Any, reltype: str) -> bytes:
    for rel in part.rels.values():
        if rel.reltype == reltype and not rel.is_external:
            return bytes(rel.target_part.blob)
    return b""


class SlideDigests:
    """The digests of one presentation's slides: ``(the slide's own XML, what it inherits from)``.

    What a layout inherits from is digested once per layout; the digests are of the parts as
    they are now, so make a new one after changing the presentation's layouts or masters.
    """

    def __init__(self, prs: Any) -> None:
        default = prs.element.find(f"{_P}defaultTextStyle")
        self._shared = (
            etree.tostring(default) if default is not None else b"",
            _related_blob(prs.part, _TABLE_STYLES),
        )
        self._inherited: dict[int, bytes] = {}

    def of(self, slide: Any) -> tuple[bytes, bytes]:
        layout = slide.slide_layout
        inherited = self._inherited.get(id(layout.element))
        if inherited is None:
            master = layout.slide_master
            theme = _related_blob(master.part, _THEME)
            inherited = digest(etree.tostring(layout.element), etree.tostring(master.element), theme, *self._shared)
            self._inherited[id(layout.element)] = inherited
        return digest(etree.tostring(slide.element)), inherited
