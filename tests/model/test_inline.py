"""Inline emphasis: ``**bold**`` and ``*italic*`` markup split into runs."""

from __future__ import annotations

import pytest

from neslis_desktop.model.inline import Run, escape, plain_text, runs


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain", [Run("plain")]),
        ("a **b** c", [Run("a "), Run("b", bold=True), Run(" c")]),
        ("*i* and **b**", [Run("i", italic=True), Run(" and "), Run("b", bold=True)]),
        ("***both***", [Run("both", bold=True, italic=True)]),
        (
            "**bold *and italic* here**",
            [Run("bold ", bold=True), Run("and italic", bold=True, italic=True), Run(" here", bold=True)],
        ),
        ("5 * 3 = 15", [Run("5 * 3 = 15")]),
        ("unclosed **bold", [Run("unclosed **bold")]),
        (r"a \*literal\* star", [Run("a *literal* star")]),
        (r"back\\slash", [Run("back\\slash")]),
        ("", []),
    ],
)
def test_runs(text: str, expected: list[Run]) -> None:
    assert runs(text) == expected


@pytest.mark.parametrize("text", ["a * b", "x**y", "2*3*4", "emoji 🎉 **ok**", "عربى *مائل*"])
def test_escape_round_trips_literal_text(text: str) -> None:
    assert plain_text(escape(text)) == text


def test_plain_text_drops_markup() -> None:
    assert plain_text("The **North East** is *growing*") == "The North East is growing"
