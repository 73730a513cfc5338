"""A :class:`~neslis_desktop.model.diff.ProjectDiff` worded for people: terminal, Markdown, or one line each.

The report reads as an officer would write it by hand: "Moved "Governance": now after "Next
steps"", "Changed paragraph "The North East…": …has **a [-strong-]{+growing+} cluster**".
Changed words are marked ``[-old-]{+new+}`` in plain text (as ``wdiff`` does), coloured on a
terminal, and ``<del>``/``<ins>`` in Markdown; ``**bold**`` and ``*italic*`` are kept as the
content files write them. :func:`section_summaries` gives the short form a "Changes since"
slide or table shows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from neslis_desktop.model.diff import Change, ProjectDiff, SectionChange, Word

Style = Literal["plain", "tty", "markdown"]

CONTEXT = 4
"""Unchanged words kept either side of a change; longer stretches become '…'."""


@dataclass(frozen=True)
class _Marks:
    dels: tuple[str, str]
    ins: tuple[str, str]


_MARKS: dict[Style, _Marks] = {
    "plain": _Marks(("[-", "-]"), ("{+", "+}")),
    "tty": _Marks(("\x1b[31;9m", "\x1b[0m"), ("\x1b[32m", "\x1b[0m")),
    "markdown": _Marks(("<del>", "</del>"), ("<ins>", "</ins>")),
}
_BOLD_TTY = ("\x1b[1m", "\x1b[0m")


# ----------------------------------------------------------------------------- words


def _trimmed(words: Sequence[Word]) -> list[Word | None]:
    """``words`` with long unchanged stretches cut down to their ends (``None`` stands for '…')."""
    changed = [i for i, w in enumerate(words) if w.op != "same"]
    keep = {j for i in changed for j in range(i - CONTEXT, i + CONTEXT + 1)}
    out: list[Word | None] = []
    for i, word in enumerate(words):
        if i in keep or word.op != "same":
            out.append(word)
        elif not out or out[-1] is not None:
            out.append(None)
    return out


def excerpt(words: Sequence[Word], style: Style = "plain") -> str:
    """The changed words in their context, emphasis written as markup, changes marked for ``style``."""
    marks = _MARKS[style]
    pieces: list[str] = []
    group: list[Word] = []

    def flush() -> None:
        if not group:
            return
        parts: list[str] = []
        run: list[str] = []
        op = group[0].op
        for word in [*group, None]:
            if word is None or word.op != op:
                text = " ".join(run)
                if op == "del":
                    text = marks.dels[0] + text + marks.dels[1]
                elif op == "ins":
                    text = marks.ins[0] + text + marks.ins[1]
                parts.append(text)
                if word is None:
                    break
                run, op = [], word.op
            run.append(word.text)
        text = " ".join(parts)
        first = group[0]
        marker = ("**" if first.bold else "") + ("*" if first.italic else "")
        pieces.append(marker + text + marker[::-1])
        group.clear()

    for word in _trimmed(words):
        if word is None:
            flush()
            pieces.append("…")
        elif group and (group[-1].bold, group[-1].italic) != (word.bold, word.italic):
            flush()
            group.append(word)
        else:
            group.append(word)
    flush()
    return " ".join(pieces).replace("… ", "…").replace(" …", "…")


def brief_words(words: Sequence[Word]) -> str:
    """A changed text in a few words: '"strong" → "growing"', '"new words" added'."""
    gone = " ".join(w.text for w in words if w.op == "del")
    came = " ".join(w.text for w in words if w.op == "ins")
    if gone and came:
        return f'"{gone}" → "{came}"'
    if came:
        return f'"{came}" added'
    if gone:
        return f'"{gone}" removed'
    return "emphasis changed"


# ----------------------------------------------------------------------------- lines


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def phrase(change: Change, style: Style = "plain", brief: bool = False) -> str:
    """One change as a sentence; ``brief`` shortens changed text to the words that changed."""
    where = change.where
    named = '"' in where
    if change.kind == "added":
        return f"Added {where}" + ("" if named or not change.new else f": {change.new}")
    if change.kind == "removed":
        return f"Removed {where}" + ("" if named or not change.old else f" (was {change.old})")
    if change.kind == "moved":
        return f"Moved {where} (now {_ordinal(change.position)} of {change.count})"
    if change.kind == "moved-away":
        return f'Moved {where} to "{change.other}"'
    if change.kind == "moved-here":
        return f'Moved {where} here from "{change.other}"'
    if change.details and not _flat(change):
        return f"Changed {where}"
    if change.details:
        inner = change.details[0]
        where += "" if inner.where == "text" else f", {inner.where}"
        change = inner
    if change.words:
        return f"Changed {where}: " + (brief_words(change.words) if brief else excerpt(change.words, style))
    return f"Changed {where}: {change.old} → {change.new}"


def _flat(change: Change) -> bool:
    """Whether a changed item has one changed field only, written on the item's own line."""
    return len(change.details) == 1 and change.details[0].kind == "changed" and not change.details[0].details


def _change_lines(change: Change, depth: int, style: Style) -> list[tuple[int, str]]:
    out = [(depth, phrase(change, style))]
    if change.kind == "changed" and not _flat(change):
        for inner in change.details:
            out += _change_lines(inner, depth + 1, style)
    return out


def section_lines(section: SectionChange) -> list[str]:
    """What happened to the section itself (added, removed, moved, renamed), as sentences."""
    out: list[str] = []
    if section.status == "added":
        out.append("New section" + (f', after "{section.after}"' if section.after else ", first"))
    elif section.status == "removed":
        out.append("Section removed")
    if section.moved:
        out.append(f'Moved: now after "{section.after}"' if section.after else "Moved: now first")
    if section.old_title is not None:
        out.append(f'Renamed from "{section.old_title}"')
    return out


def report_lines(diff: ProjectDiff, old: str, new: str, style: Style = "plain") -> list[str]:
    """The whole report, line by line, for a terminal (``plain``/``tty``) or ``markdown``."""
    md = style == "markdown"
    title = f"Changes from {old} to {new}"
    if diff.empty:
        return [f"# {title}" if md else title, "", "Nothing changed."]
    lines = [f"# {title}" if md else (_BOLD_TTY[0] + title + _BOLD_TTY[1] if style == "tty" else title)]

    def part(heading: str, entries: list[tuple[int, str]]) -> None:
        lines.append("")
        if md:
            lines.append(f"## {heading}")
            lines.append("")
            lines.extend("  " * d + f"- {text}" for d, text in entries)
        else:
            lines.append(_BOLD_TTY[0] + heading + _BOLD_TTY[1] if style == "tty" else heading)
            lines.extend("  " * (d + 1) + text for d, text in entries)

    if diff.meta:
        part("Title page", [e for c in diff.meta for e in _change_lines(c, 0, style)])
    if diff.packs:
        part("Packs", [e for c in diff.packs for e in _change_lines(c, 0, style)])
    for section in diff.sections:
        if not section.changed:
            continue
        entries = [(0, text) for text in section_lines(section)]
        entries += [e for c in _shown(section) for e in _change_lines(c, 0, style)]
        part(section.title, entries)
    return lines


def _shown(section: SectionChange) -> list[Change]:
    """The changes worth listing: all of a kept section's; of a new or removed one, blocks that moved."""
    if section.status == "kept":
        return section.changes
    return [c for c in section.changes if c.kind in ("moved-here", "moved-away")]


def section_summaries(diff: ProjectDiff) -> list[tuple[str, list[str]]]:
    """Per changed section (and the title page), its title and short sentences: for a slide or a table."""
    out: list[tuple[str, list[str]]] = []
    if diff.meta:
        out.append(("Title page", [phrase(c, brief=True) for c in diff.meta]))
    for section in diff.sections:
        if not section.changed:
            continue
        lines = section_lines(section)
        lines += [line for c in _shown(section) for line in _brief(c)]
        out.append((section.title, lines))
    return out


def _brief(change: Change, within: str = "") -> list[str]:
    """Short sentences for ``change``: the changes inside a changed item, each naming the item."""
    if change.kind != "changed" or change.words or _flat(change) or not change.details:
        text = phrase(change, brief=True)
        return [f"{within}: {text[0].lower()}{text[1:]}" if within else text]
    where = f"{within}, {change.where}" if within else change.where[0].upper() + change.where[1:]
    return [line for inner in change.details for line in _brief(inner, where)]
