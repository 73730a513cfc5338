"""Numbers read from XML attributes that may be damaged: a bad value counts as unset."""

from __future__ import annotations


def int_attr(value: str | None, default: int) -> int:
    """``value`` as an integer, or ``default`` when it is missing or not a whole number."""
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default
