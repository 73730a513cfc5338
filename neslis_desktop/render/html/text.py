"""Text fields as HTML: emphasis kept, everything else escaped, line breaks kept."""

from __future__ import annotations

import re
from html import escape

from neslis_desktop.model import runs

_BLANK = re.compile(r"\n[ \t]*\n\s*")


def inline(text: str | None) -> str:
    """One paragraph's worth of ``text``: ``**bold**`` as ``<strong>``, ``*italic*`` as ``<em>``."""
    if not text:
        return ""
    out = []
    for run in runs(text.replace("\r\n", "\n").strip()):
        body = escape(run.text, quote=False).replace("\n", "<br>\n")
        if run.italic:
            body = f"<em>{body}</em>"
        if run.bold:
            body = f"<strong>{body}</strong>"
        out.append(body)
    return "".join(out)


def paragraphs(text: str | None, css: str | None = None) -> list[str]:
    """``text`` as ``<p>`` elements: blank lines in it separate paragraphs."""
    if not text:
        return []
    attr = f' class="{css}"' if css else ""
    return [f"<p{attr}>{inline(chunk)}</p>" for chunk in _BLANK.split(text.replace("\r\n", "\n")) if chunk.strip()]


def attr(value: str) -> str:
    """``value`` escaped for a double-quoted attribute."""
    return escape(value, quote=True)
