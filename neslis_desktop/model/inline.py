"""Inline emphasis inside text fields: ``**bold**`` and ``*italic*``, as in Markdown.

Content files keep emphasis as this light markup so they stay readable and diff-friendly;
renderers turn a string into :class:`Run` s with :func:`runs`. A literal asterisk is
written ``\\*``. Unclosed markers are kept as literal text, so no string is ever rejected
for its emphasis.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# One token at a time: an escaped character, a ** marker, a * marker, or plain text.
_TOKEN = re.compile(r"\\([\\*])|(\*\*)|(\*)|([^\\*]+|\\)")


@dataclass(frozen=True)
class Run:
    """A stretch of text with one emphasis: what python-pptx and python-docx call a run."""

    text: str
    bold: bool = False
    italic: bool = False


def _tokens(text: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for m in _TOKEN.finditer(text):
        escaped, double, single, plain = m.groups()
        if escaped is not None:
            out.append(("text", escaped))
        elif double is not None:
            out.append(("**", double))
        elif single is not None:
            out.append(("*", single))
        else:
            out.append(("text", plain))
    return out


def runs(text: str) -> list[Run]:
    """Split ``text`` into runs; markers without a partner are kept as literal asterisks."""
    if "*" not in text and "\\" not in text:  # most text: no marker, no escape, one run
        return [Run(text)] if text else []
    tokens = _tokens(text)
    # A marker only counts when a partner of the same kind follows it.
    remaining = {"**": sum(1 for k, _ in tokens if k == "**"), "*": sum(1 for k, _ in tokens if k == "*")}
    bold = italic = False
    result: list[Run] = []
    buf: list[str] = []

    def flush() -> None:
        if buf:
            result.append(Run("".join(buf), bold, italic))
            buf.clear()

    for kind, value in tokens:
        if kind == "text":
            buf.append(value)
            continue
        remaining[kind] -= 1
        is_open = bold if kind == "**" else italic
        if is_open or remaining[kind] > 0:
            flush()
            if kind == "**":
                bold = not bold
            else:
                italic = not italic
        else:
            buf.append(value)
    flush()
    # Merge neighbours with equal emphasis (left by markers that opened and closed at once).
    merged: list[Run] = []
    for run in result:
        if merged and (merged[-1].bold, merged[-1].italic) == (run.bold, run.italic):
            merged[-1] = Run(merged[-1].text + run.text, run.bold, run.italic)
        else:
            merged.append(run)
    return merged


def plain_text(text: str) -> str:
    """The text a reader sees: markup removed, escapes resolved."""
    if "*" not in text and "\\" not in text:
        return text
    return "".join(r.text for r in runs(text))


def escape(text: str) -> str:
    """Markup for literal ``text``: asterisks and backslashes escaped."""
    return text.replace("\\", "\\\\").replace("*", "\\*")
