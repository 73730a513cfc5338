"""Pydantic validation errors turned into problems a non-programmer can act on.

A pydantic error carries a location such as ``('blocks', 2, 'cards', 'cards', 0, 'title')``;
this module writes it as ``block 3, card 1, title`` and words its message as what a valid
value looks like.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from neslis_desktop.errors import Problem
from neslis_desktop.model.blocks import BLOCK_KINDS

_SINGULAR = {
    "blocks": "block",
    "cards": "card",
    "items": "item",
    "sections": "section",
    "columns": "column",
    "targets": "target",
    "nodes": "node",
    "lanes": "lane",
    "milestones": "milestone",
    "spans": "span",
    "steps": "step",
    "questions": "question",
    "members": "member",
    "notes": "note",
    "intro": "intro line",
    "footer": "footer line",
    "bullets": "bullet",
    "tags": "tag",
    "packs": "pack",
}


MAX_FIELD_WORDS = 10


def field_words(loc: tuple[str | int, ...]) -> str:
    """``('blocks', 2, 'cards', 0, 'title')`` as ``block 3, card 1, title``."""
    words: list[str] = []
    i = 0
    while i < len(loc):
        step = loc[i]
        nxt = loc[i + 1] if i + 1 < len(loc) else None
        if isinstance(step, str) and isinstance(nxt, int):
            words.append(f"{_SINGULAR.get(step, step)} {nxt + 1}")
            i += 2
            # A discriminated union puts the block's kind in the location: skip it.
            if step == "blocks" and i < len(loc) and loc[i] in BLOCK_KINDS:
                i += 1
            continue
        if isinstance(step, int):
            words.append(f"item {step + 1}")
        elif not step.startswith(("function-", "tagged-union")):
            words.append(step)
        i += 1
    if len(words) > MAX_FIELD_WORDS:
        # A path hundreds of levels deep (hostile or generated content) is shortened to its ends.
        hidden = len(words) - MAX_FIELD_WORDS + 1
        words = [*words[: MAX_FIELD_WORDS // 2], f"... {hidden} levels ...", *words[-(MAX_FIELD_WORDS // 2 - 1) :]]
    return ", ".join(words)


def data_path(loc: tuple[Any, ...]) -> tuple[str | int, ...]:
    """A pydantic error location as a path into the data: the steps pydantic adds are removed.

    Those are a block union's kind tag (``('blocks', 2, 'cards', ...)``: the tag follows the
    block's index, or starts the location when a lone block was validated, as the editor does)
    and validator names (``function-after[...]``, ``tagged-union[...]``). A field that shares a
    kind's name (a card's ``bullets``) is kept. The one cleaner for the store's messages and
    the editor's red fields.
    """
    out: list[str | int] = []
    for i, step in enumerate(loc):
        if isinstance(step, str) and step.startswith(("function-", "tagged-union")):
            continue
        after_block_index = i >= 2 and isinstance(loc[i - 1], int) and loc[i - 2] == "blocks"
        if isinstance(step, str) and step in BLOCK_KINDS and (i == 0 or after_block_index):
            continue
        out.append(step)
    return tuple(out)


_KIND_LIST = ", ".join(BLOCK_KINDS)

_MESSAGES: dict[str, Callable[[dict[str, Any]], str]] = {
    "missing": lambda e: "is required but missing",
    "extra_forbidden": lambda e: "is not a field this item can have; check its spelling or remove it",
    "string_type": lambda e: "should be text (put it in quotes if it looks like a number, date or yes/no)",
    "int_type": lambda e: "should be a whole number, such as 3",
    "int_parsing": lambda e: "should be a whole number, such as 3",
    "bool_type": lambda e: "should be true or false",
    "bool_parsing": lambda e: "should be true or false",
    "list_type": lambda e: "should be a list (lines starting with '- ')",
    "dict_type": lambda e: "should be a set of 'name: value' fields",
    "model_type": lambda e: "should be a set of 'name: value' fields",
    "model_attributes_type": lambda e: "should be a set of 'name: value' fields",
    "date_type": lambda e: "should be a date written YYYY-MM-DD, such as 2020-01-23",
    "date_parsing": lambda e: "should be a date written YYYY-MM-DD, such as 2020-01-23",
    "date_from_datetime_parsing": lambda e: "should be a date written YYYY-MM-DD, such as 2020-01-23",
    "enum": lambda e: f"should be one of: {e.get('ctx', {}).get('expected', '')}".replace("'", ""),
    "union_tag_invalid": lambda e: (
        f"kind '{e.get('ctx', {}).get('tag', '')}' is not a block kind; use one of: {_KIND_LIST}"
    ),
    "union_tag_not_found": lambda e: f"needs a 'kind:' line naming the block kind, one of: {_KIND_LIST}",
    "too_short": lambda e: (
        f"needs at least {e.get('ctx', {}).get('min_length', 1)} "
        f"{'entry' if e.get('ctx', {}).get('min_length', 1) == 1 else 'entries'}"
    ),
    "too_long": lambda e: f"may hold at most {e.get('ctx', {}).get('max_length')} entries",
    "greater_than_equal": lambda e: f"should be at least {e.get('ctx', {}).get('ge')}",
    "less_than_equal": lambda e: f"should be at most {e.get('ctx', {}).get('le')}",
    "recursion_loop": lambda e: "is nested far too deeply (or refers to itself); flatten it",
    "recursion_depth_exceeded": lambda e: "is nested far too deeply; flatten it",
}


def message_for(error: dict[str, Any]) -> str:
    """What a valid value looks like, for one pydantic error."""
    kind = error.get("type", "")
    if kind == "value_error":
        msg = str(error.get("msg", ""))
        return msg.removeprefix("Value error, ")
    if kind in _MESSAGES:
        return _MESSAGES[kind](error)
    return str(error.get("msg", "is not valid"))


def problems_from(
    exc: ValidationError,
    file: Path,
    line_of: Callable[[tuple[str | int, ...]], int | None],
    prefix: tuple[str | int, ...] = (),
) -> list[Problem]:
    """One problem per pydantic error; ``line_of`` maps a data path to a line."""
    errors: list[dict[str, Any]] = [dict(e) for e in exc.errors(include_url=False)]
    # "- It sets out how: the plan" reads as a field named "It sets out how": say that, once.
    colon_items: set[tuple[str | int, ...]] = {tuple(e["loc"])[:-1] for e in errors if _text_read_as_field(e)}
    problems = []
    for error in errors:
        loc: tuple[str | int, ...] = tuple(error.get("loc", ()))
        if error.get("type") == "missing" and loc[:-1] in colon_items:
            continue
        full = prefix + loc
        message = _SECOND_COLON if _text_read_as_field(error) else message_for(error)
        problems.append(Problem(file=file, field=field_words(full), message=message, line=line_of(data_path(loc))))
    return problems


_SECOND_COLON = (
    "is not a field name: this line has a second ': ', so the text before it was read as one; put the text in quotes"
)


def _text_read_as_field(error: dict[str, Any]) -> bool:
    """An unknown field whose name has a space in it: text with ': ' in it, not a misspelt field."""
    loc = error.get("loc", ())
    return error.get("type") == "extra_forbidden" and bool(loc) and isinstance(loc[-1], str) and " " in loc[-1]
