"""Fuzzing the build: random valid projects never crash it and always give valid files.

Building any project drawn from :mod:`.strategies` either succeeds or refuses with a
:class:`~neslis_desktop.errors.NeslisError`; every file built passes the OOXML schema check
and reopens with python-pptx and python-docx. Randomly damaged content files load or are
refused with a :class:`~neslis_desktop.errors.ContentError`, never anything else. CI runs a
fixed, bounded set of examples; set ``NESLIS_FUZZ_EXAMPLES=300`` for a longer, random run.
"""

from __future__ import annotations

import copy
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from neslis_desktop.errors import ContentError, NeslisError
from neslis_desktop.model import Project
from neslis_desktop.render.pack import build_pack
from neslis_desktop.resources import bundled_project
from neslis_desktop.store import PROJECT_FILE, SECTIONS_DIR, load_project
from neslis_desktop.store.yamlio import dump

from .conftest import deck_text, draft_text
from .strategies import projects

_OPT_IN = os.environ.get("NESLIS_FUZZ_EXAMPLES")
EXAMPLES = int(_OPT_IN or 25)


@pytest.mark.slow
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=_OPT_IN is None,  # CI sees the same examples every run
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
        HealthCheck.function_scoped_fixture,
    ],
    print_blob=True,
)
@given(project=projects())
def test_any_project_builds_valid_files(project: Project, validate: Callable[..., str]) -> None:
    with tempfile.TemporaryDirectory(prefix="neslis-fuzz-") as scratch:
        out = Path(scratch)
        try:
            result = build_pack(project, out)
        except NeslisError:
            assert list(out.iterdir()) == []  # refused: nothing written
            return
        assert result.deck is not None and result.draft is not None
        validate(result.deck, result.draft)
        deck_text(result.deck)
        assert draft_text(result.draft).strip()
        assert sorted(p.name for p in out.iterdir()) == sorted([result.deck.name, result.draft.name])


_TOKENS = [
    b":",
    b"- ",
    b"\t",
    b"\n",
    b"'",
    b'"',
    b"{",
    b"[",
    b"&a ",
    b"*a",
    b"!!",
    b"---",
    b"? ",
    b"#",
    b"|",
    b">",
    b"%YAML 1.1\n",
    b"\xff",
    b"\x00",
    b"~",
    b"yes",
    b"2020-02-30",
    b"0x",
    b"1e999",
    b"<<: ",
    b"\\u",
]
_EDIT = st.tuples(
    st.floats(0, 1),
    st.sampled_from(["delete", "insert", "replace"]),
    st.one_of(st.sampled_from(_TOKENS), st.binary(min_size=1, max_size=6)),
)


def _damage(data: bytes, edits: list[tuple[float, str, bytes]]) -> bytes:
    out = bytearray(data)
    for where, op, token in edits:
        at = int(where * len(out))
        if op == "delete":
            del out[at : at + len(token)]
        elif op == "insert":
            out[at:at] = token
        else:
            out[at : at + len(token)] = token
    return bytes(out)


@settings(
    max_examples=EXAMPLES * 8,
    deadline=None,
    derandomize=_OPT_IN is None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(which=st.integers(min_value=0), edits=st.lists(_EDIT, min_size=1, max_size=4))
def test_damaged_files_load_or_are_refused(which: int, edits: list[tuple[float, str, bytes]]) -> None:
    """Random damage to any file of the bundled project: it loads, or a ContentError says why."""
    with tempfile.TemporaryDirectory(prefix="neslis-damage-") as scratch:
        folder = Path(scratch) / "project"
        shutil.copytree(bundled_project(), folder)
        files = [folder / PROJECT_FILE, *sorted((folder / SECTIONS_DIR).glob("*.yaml"))]
        victim = files[which % len(files)]
        victim.write_bytes(_damage(victim.read_bytes(), edits))
        try:
            load_project(folder)
        except ContentError as exc:
            assert str(exc).strip() and "Traceback" not in str(exc)


_VALUES: list[Any] = [
    None,
    True,
    0,
    -1,
    10**30,
    1.5,
    float("nan"),
    "",
    " ",
    "x" * 25_000,
    "a\x1bb",
    [],
    [None],
    [[]],
    {},
    {"kind": "paragraph"},
    {"kind": "nope"},
    {"text": 3},
    "2019-13",
    "yes",
    ["a", "b"],
    {"a": {"b": []}},
    "../x",
    "𝕏" * 400,
    "x" * 5_000,
]
_CHANGE = st.tuples(st.floats(0, 1), st.sampled_from(["set", "delete", "add"]), st.sampled_from(range(len(_VALUES))))


def _leaves(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix] if prefix else []
    children = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else []
    for key, value in children:
        found += _leaves(value, (*prefix, key))
    return found


def _change(data: Any, where: float, op: str, value: Any) -> None:
    paths = _leaves(data)
    if not paths:
        return
    path = paths[int(where * (len(paths) - 1))]
    parent = data
    for step in path[:-1]:
        parent = parent[step]
    if op == "set":
        parent[path[-1]] = value
    elif op == "delete":
        del parent[path[-1]]
    elif isinstance(parent, dict):
        parent["colour" if isinstance(value, str) else "items"] = value
    else:
        parent.insert(0, value)


@settings(
    max_examples=EXAMPLES * 8,
    deadline=None,
    derandomize=_OPT_IN is None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(which=st.integers(min_value=0), changes=st.lists(_CHANGE, min_size=1, max_size=3))
def test_wrong_values_load_or_are_refused(which: int, changes: list[tuple[float, str, int]]) -> None:
    """Values of the wrong type, size or kind anywhere in a file: loaded, or a ContentError names them."""
    with tempfile.TemporaryDirectory(prefix="neslis-values-") as scratch:
        folder = Path(scratch) / "project"
        shutil.copytree(bundled_project(), folder)
        files = [folder / PROJECT_FILE, *sorted((folder / SECTIONS_DIR).glob("*.yaml"))]
        victim = files[which % len(files)]
        data = yaml.safe_load(victim.read_text("utf-8"))
        for where, op, index in changes:
            _change(data, where, op, copy.deepcopy(_VALUES[index]))
        victim.write_text(dump(data), "utf-8")
        try:
            load_project(folder)
        except ContentError as exc:
            assert str(exc).strip() and "Traceback" not in str(exc)
