"""What changed between two versions of a project, block by block and word by word.

Officers send the draft to the Working Group, the Steering Group, then the LEP Board; each
wants to know what changed since they last saw it. :func:`diff_projects` compares two
projects (no files, no Qt): sections are matched by id (added, removed, moved, renamed);
inside a section, blocks and the items of blocks (cards, bullets, targets...) are matched
by content, so an edit shows as "changed" with the words that changed, and a card cut from
one section and pasted into another shows as moved, not as one removal and one addition.
Wording the result for people is :mod:`neslis_desktop.render.diff_report`'s job.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel

from neslis_desktop.model.inline import plain_text, runs
from neslis_desktop.model.project import Project, Section

ChangeKind = Literal["added", "removed", "changed", "moved", "moved-away", "moved-here"]

SIMILAR = 0.5
"""Share of words two items must have in common to count as one item changed, not one replaced."""

_LABEL_WORDS = 6

# A list item's name in the report, by its class; strings in a list are named by their field.
_ITEM_NAMES = {
    "BulletItem": "bullet",
    "Card": "card",
    "StructureColumn": "column",
    "StructureItem": "item",
    "Target": "target",
    "OrgNode": "box",
    "TimelineLane": "lane",
    "TimelineMilestone": "milestone",
    "TimelineSpan": "span",
    "FlowStep": "step",
    "Pack": "pack",
    "TagPick": "tag",
}
_FIELD_ITEMS = {
    "intro": "intro line",
    "footer": "footer line",
    "questions": "question",
    "members": "member",
    "notes": "note",
    "tags": "tag",
    "sections": "section",
}
# The field whose text names an item best, first found wins.
_NAMING_FIELDS = (
    "heading",
    "title",
    "name",
    "label",
    "text",
    "body",
    "lead",
    "intro",
    "goal",
    "questions",
    "cards",
    "items",
    "columns",
    "targets",
    "nodes",
    "steps",
    "lanes",
)


@dataclass(frozen=True)
class Word:
    """A word of a text, with its emphasis, and whether it stayed, went or came."""

    op: Literal["same", "del", "ins"]
    text: str
    bold: bool = False
    italic: bool = False


@dataclass
class Change:
    """One change: a field, a list item or a block, with what changed inside it.

    ``where`` names it ("text", 'card "Skills"'); ``words`` holds a changed text word by word;
    ``details`` the changes inside a changed item; ``other`` the section a moved item came
    from or went to; ``position`` (from 1) and ``count`` where a list item now is in its list, or
    was, for a removed one (so an editor can mark the changed blocks of a section).
    """

    kind: ChangeKind
    where: str
    old: str | None = None
    new: str | None = None
    words: list[Word] = field(default_factory=list)
    details: list[Change] = field(default_factory=list)
    other: str | None = None
    position: int = 0
    count: int = 0
    value: object = field(default=None, repr=False, compare=False)
    """The item itself, for matching moves between sections; not for showing."""


@dataclass
class SectionChange:
    """A section's fate: added, removed, moved, renamed, and the changes to its blocks."""

    id: str
    title: str
    status: Literal["added", "removed", "kept"]
    old_title: str | None = None
    after: str | None = None
    """For a moved section, the title of the section it now follows; ``None`` when it is now first."""
    moved: bool = False
    changes: list[Change] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.status != "kept" or self.moved or self.old_title is not None or bool(self.changes)


@dataclass
class ProjectDiff:
    """Everything that changed from ``old`` to ``new``: title-page facts, packs and sections."""

    meta: list[Change]
    packs: list[Change]
    sections: list[SectionChange]
    """In the new project's order, removed sections where they used to be."""

    @property
    def empty(self) -> bool:
        return not self.meta and not self.packs and not any(s.changed for s in self.sections)


# ----------------------------------------------------------------------------- words


def words_of(text: str) -> list[tuple[str, bool, bool]]:
    """``text`` as (word, bold, italic) triples, markup resolved."""
    return [(w, r.bold, r.italic) for r in runs(text) for w in r.text.split()]


def word_diff(old: str, new: str) -> list[Word]:
    """The words of ``old`` and ``new`` in reading order, each marked as kept, deleted or inserted."""
    a, b = words_of(old), words_of(new)
    out: list[Word] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out += [Word("same", *t) for t in b[j1:j2]]
            continue
        out += [Word("del", *t) for t in a[i1:i2]]
        out += [Word("ins", *t) for t in b[j1:j2]]
    return out


def _similarity(old: object, new: object) -> float:
    a, b = _flat_words(old), _flat_words(new)
    if not a and not b:
        return 1.0
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def _flat_words(value: object) -> list[str]:
    return [w for text in _texts(value) for w in plain_text(text).split()]


def _texts(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            if name != "kind":
                yield from _texts(getattr(value, name))
    elif isinstance(value, list):
        for item in value:
            yield from _texts(item)


# ----------------------------------------------------------------------------- labels


def _quote(text: str) -> str:
    words = plain_text(text).split()
    short = " ".join(words[:_LABEL_WORDS])
    return f'"{short}…"' if len(words) > _LABEL_WORDS else f'"{short}"'


def _first_text(value: object) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return next((t for t in (_first_text(v) for v in value) if t), None)
    if isinstance(value, BaseModel):
        for name in _NAMING_FIELDS:
            found = _first_text(getattr(value, name, None))
            if found:
                return found
    return None


def item_label(item: object, field_name: str = "") -> str:
    """How a report names ``item``: 'card "Skills"', 'paragraph "The North East…"'."""
    kind = getattr(item, "kind", None)
    if type(item).__name__ in _ITEM_NAMES:
        noun = _ITEM_NAMES[type(item).__name__]
    elif isinstance(kind, str):
        noun = kind
    elif isinstance(item, str):
        noun = _FIELD_ITEMS.get(field_name, field_name.replace("_", " ") or "text")
    else:
        noun = _ITEM_NAMES.get(type(item).__name__, type(item).__name__.lower())
    if isinstance(item, str) and field_name in ("tags", "sections"):
        return f'{noun} "{item}"'
    if type(item).__name__ == "TagPick":
        return f'sections tagged "{getattr(item, "tag", "")}"'
    text = _first_text(item)
    return f"{noun} {_quote(text)}" if text else noun


def _field_label(name: str) -> str:
    return name.replace("_", " ")


# ----------------------------------------------------------------------------- values


def diff_values(old: object, new: object, where: str, field_name: str = "") -> list[Change]:
    """The changes from ``old`` to ``new``, two values of one field; ``[]`` when equal."""
    if old == new:
        return []
    if old is None:
        return [Change("added", where, new=_show(new), value=new)]
    if new is None:
        return [Change("removed", where, old=_show(old), value=old)]
    if isinstance(old, str) and isinstance(new, str) and (len(old.split()) > 1 or len(new.split()) > 1):
        return [Change("changed", where, old, new, words=word_diff(old, new))]
    if isinstance(old, BaseModel) and type(old) is type(new):
        out: list[Change] = []
        for name in type(old).model_fields:
            out += diff_values(getattr(old, name), getattr(new, name), _field_label(name), name)
        return out
    if isinstance(old, list) and isinstance(new, list):
        return diff_lists(old, new, field_name)
    return [Change("changed", where, _show(old), _show(new))]


def _show(value: object) -> str:
    if isinstance(value, BaseModel):
        return item_label(value)
    if isinstance(value, list):
        return ", ".join(_show(v) for v in value)
    return str(getattr(value, "value", value))


def _key(item: object) -> str:
    return item.model_dump_json() if isinstance(item, BaseModel) else repr(item)


def diff_lists(old: Sequence[object], new: Sequence[object], field_name: str = "") -> list[Change]:
    """Items added, removed, reordered or changed between two lists (of blocks, cards, lines...).

    Items that kept their order are passed over; of the rest, one that is in both lists was
    moved, one much like an item that went is that item changed, and the others were added
    or removed. Changes come in reading order (of the new list; removed items where they were).
    """
    a, b = [_key(x) for x in old], [_key(x) for x in new]
    removed: list[int] = []
    added: list[int] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op != "equal":
            removed += range(i1, i2)
            added += range(j1, j2)
    found: list[tuple[float, Change]] = []
    for j in list(added):
        same = next((i for i in removed if a[i] == b[j]), None)
        if same is not None:
            removed.remove(same)
            added.remove(j)
            found.append(
                (j, Change("moved", item_label(new[j], field_name), position=j + 1, count=len(new), value=new[j]))
            )
    for j in list(added):
        scored = [(_similarity(old[i], new[j]), i) for i in removed if _comparable(old[i], new[j])]
        best = max(scored, default=(0.0, -1))
        if best[0] < SIMILAR:
            continue
        i = best[1]
        removed.remove(i)
        added.remove(j)
        label = item_label(new[j], field_name)
        inner = diff_values(old[i], new[j], label, field_name)
        if len(inner) == 1 and inner[0].where == label:
            found.append((j, inner[0]))
        else:
            found.append((j, Change("changed", label, details=inner, value=new[j])))
    found += [
        (i - 0.5, Change("removed", item_label(old[i], field_name), old=_show(old[i]), value=old[i])) for i in removed
    ]
    found += [(j, Change("added", item_label(new[j], field_name), new=_show(new[j]), value=new[j])) for j in added]
    found.sort(key=lambda pair: pair[0])
    for key, change in found:  # where each is: in the new list, or in the old one for a removed item
        change.position, change.count = int(key + 0.5) + 1, len(old) if change.kind == "removed" else len(new)
    return [change for _, change in found]


def _comparable(old: object, new: object) -> bool:
    return type(old) is type(new) and getattr(old, "kind", None) == getattr(new, "kind", None)


# ----------------------------------------------------------------------------- projects


def _section_changes(old: Section, new: Section) -> list[Change]:
    out = diff_values(old.notes, new.notes, "speaker notes")
    tags = diff_lists(old.tags, new.tags, "tags")
    for change in tags:
        change.value = None  # a tag is the section's own label: it never "moves" to another section
    out += tags
    return out + diff_lists(old.blocks, new.blocks, "blocks")


def diff_projects(old: Project, new: Project) -> ProjectDiff:
    """What changed from ``old`` to ``new``."""
    old_ids = [s.id for s in old.sections]
    new_ids = [s.id for s in new.sections]
    common_old = [i for i in old_ids if i in set(new_ids)]
    common_new = [i for i in new_ids if i in set(old_ids)]
    matcher = difflib.SequenceMatcher(None, common_old, common_new, autojunk=False)
    in_place = {common_new[k] for _, start, n in matcher.get_matching_blocks() for k in range(start, start + n)}

    by_old = {s.id: s for s in old.sections}
    sections: list[SectionChange] = []
    previous: str | None = None
    for section in new.sections:
        before = by_old.get(section.id)
        if before is None:
            change = SectionChange(section.id, section.title, "added", after=previous)
            change.changes = [
                Change("added", item_label(b), value=b, position=n, count=len(section.blocks))
                for n, b in enumerate(section.blocks, 1)
            ]
        else:
            change = SectionChange(section.id, section.title, "kept", after=previous)
            change.moved = section.id not in in_place
            change.old_title = before.title if before.title != section.title else None
            change.changes = _section_changes(before, section)
        sections.append(change)
        previous = section.title
    # Removed sections go back where they were: after the section that preceded them.
    for index, section in enumerate(old.sections):
        if section.id in set(new_ids):
            continue
        gone = SectionChange(section.id, section.title, "removed")
        gone.changes = [
            Change("removed", item_label(b), value=b, position=n, count=len(section.blocks))
            for n, b in enumerate(section.blocks, 1)
        ]
        place = 0
        for earlier in reversed(old.sections[:index]):
            found = next((k for k, s in enumerate(sections) if s.id == earlier.id), None)
            if found is not None:
                place = found + 1
                break
        sections.insert(place, gone)
    _match_moves(sections)
    meta = diff_values(old.meta, new.meta, "title page")
    packs = diff_lists(old.packs, new.packs, "packs")
    return ProjectDiff(meta=meta, packs=packs, sections=sections)


def _walk(changes: list[Change], owner: SectionChange) -> Iterator[tuple[SectionChange, Change]]:
    for change in changes:
        yield owner, change
        yield from _walk(change.details, owner)


def _match_moves(sections: list[SectionChange]) -> None:
    """Pair an item removed in one section with the same item added in another: it moved."""
    found = [pair for sec in sections for pair in _walk(sec.changes, sec) if pair[1].value is not None]
    gone = [(s, c) for s, c in found if c.kind == "removed"]
    came = [(s, c) for s, c in found if c.kind == "added"]
    for source, removed in gone:
        key = _key(removed.value)
        match = next(((t, a) for t, a in came if a.kind == "added" and _key(a.value) == key and t is not source), None)
        if match is None:
            continue
        target, added = match
        removed.kind, removed.other = "moved-away", target.title
        added.kind, added.other = "moved-here", source.title
    # A removed section whose blocks all moved elsewhere still reads as removed: that is what happened.
