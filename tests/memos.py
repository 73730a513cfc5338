"""A memo that remembers nothing, for tests that read a file with a reader's memos turned off.

Put in place of a reader's memo dictionary, it makes every look-up miss, so the reader works
everything out afresh; a test compares that reading with the remembering one, as
:func:`plain` data.
"""

from __future__ import annotations

import dataclasses

import pytest

from neslis_desktop.render.slide_memo import every_memo


class Forgetful(dict[object, object]):
    """A memo that keeps nothing: every look-up misses, so everything is read afresh."""

    def __setitem__(self, key: object, value: object) -> None:
        pass


def plain(value: object) -> object:
    """Facts as plain data: element handles and per-shape measurements (keyed by object ids) left out."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: plain(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if f.name not in ("element", "fits")
        }
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value


def nothing_remembered(patch: pytest.MonkeyPatch) -> None:
    """Make every memo of slides the process holds forget what it has and keep nothing more,
    while ``patch`` is in force (render/slide_memo.py)."""
    for memo in every_memo():
        memo.clear()
        patch.setattr(memo, "capacity", 0)
