"""Text for a file's core properties (title, subject, author): plain, and short enough to store.

python-pptx and python-docx refuse core-property values over 255 characters with a
``ValueError``; a long title is valid content, so it is shortened here rather than failing
the build.
"""

from __future__ import annotations

from neslis_desktop.model import plain_text

MAX_CORE_PROPERTY = 255


def core_text(text: str | None) -> str:
    """``text`` without markup, cut to 255 characters with an ellipsis where longer."""
    plain = plain_text(text or "")
    if len(plain) <= MAX_CORE_PROPERTY:
        return plain
    return plain[: MAX_CORE_PROPERTY - 1].rstrip() + "…"
