"""A memo that remembers nothing, for tests that read a file with a reader's memos turned off.

Put in place of a reader's memo dictionary, it makes every look-up miss, so the reader works
everything out afresh; a test compares that reading with the remembering one.
"""

from __future__ import annotations


class Forgetful(dict[object, object]):
    """A memo that keeps nothing: every look-up misses, so everything is read afresh."""

    def __setitem__(self, key: object, value: object) -> None:
        pass
