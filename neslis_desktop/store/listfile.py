"""Project side files that hold one list under one key: feedback, themes, review comments.

They sit beside the content (``feedback/``, ``review/``), are read with the same safe YAML
loader and written all-or-nothing, and a file that is missing reads as an empty list.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from neslis_desktop.errors import ContentError, Problem
from neslis_desktop.store import yamlio
from neslis_desktop.store.atomic import atomic_paths
from neslis_desktop.store.messages import data_path, field_words, message_for

MAX_LIST_FILE_BYTES = 50_000_000
"""A survey of 100,000 long answers fits; a larger file is not one this app wrote."""


def read_list(path: Path, key: str) -> tuple[list[Any], Any]:
    """The list under ``key`` in ``path`` and the file's node tree; ``[]`` when there is no file."""
    if not path.exists():
        return [], None
    if not path.is_file():
        raise ContentError([Problem(path, "", "should be a file, but it is a folder or something else")])
    size = path.stat().st_size
    if size > MAX_LIST_FILE_BYTES:
        raise ContentError([Problem(path, "", f"is {size:,} bytes, over the {MAX_LIST_FILE_BYTES:,}-byte limit")])
    try:
        data, node = yamlio.parse(yamlio.read_text(path))
    except UnicodeDecodeError:
        raise ContentError([Problem(path, "", "is not UTF-8 text; save the file as UTF-8")]) from None
    except yamlio.YamlSyntaxError as exc:
        raise ContentError([Problem(path, exc.field, f"is not valid YAML: {exc}", exc.line)]) from None
    if data is None:
        return [], node
    if not isinstance(data, dict) or not isinstance(data.get(key, []), list):
        raise ContentError([Problem(path, key, f"should hold '{key}:' followed by a list", 1)])
    return data.get(key) or [], node


def save_texts(folder: Path, files: dict[str, str]) -> list[Path]:
    """Write ``files`` (relative path -> text) all-or-nothing; returns the files that changed."""
    changed = {}
    for rel, text in files.items():
        path = folder / rel
        data = text.encode("utf-8")
        try:
            if path.read_bytes() == data:
                continue
        except OSError:
            pass
        changed[path] = data
    if not changed:
        return []
    for target in changed:
        target.parent.mkdir(parents=True, exist_ok=True)
    targets = list(changed)
    with atomic_paths(targets) as temps:
        for tmp, target in zip(temps, targets, strict=True):
            tmp.write_bytes(changed[target])
    return targets


def problems_for(exc: ValidationError, sources: dict[str, tuple[Path, Any]], default: str) -> list[Problem]:
    """One problem per error, in the file that holds the list it is in.

    ``sources`` maps each top-level key (``"responses"``) to its file and node tree; an error
    about the whole (a cross-reference) goes to the ``default`` key's file.
    """
    problems = []
    for error in exc.errors(include_url=False):
        loc = tuple(error.get("loc", ()))
        path, node = sources.get(str(loc[0]) if loc else default, sources[default])
        # ('responses', 3, 'text') reads "response 4, text" in a message.
        words = field_words((str(loc[0]).removesuffix("s"), *loc[1:])) if loc else ""
        problems.append(Problem(path, words, message_for(dict(error)), yamlio.line_of(node, data_path(loc))))
    return problems
