"""The text rules as the published schema states them agree with the validators that run.

``Text`` and ``Title`` are checked by Python validators (their messages say what to do); the
JSON Schema says the same through ``pattern``, ``not`` and lengths. For any string, the two
must accept and refuse alike, or a file valid by the schema would be refused on load.
"""

from __future__ import annotations

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import TypeAdapter, ValidationError

from neslis_desktop.model.text import MAX_TEXT, MAX_TITLE, Text, Title

# Strings near the rules' edges: white space of every kind, control characters, line breaks.
EDGES = st.sampled_from(
    [
        " ",
        "\t",
        "\n",
        "\r",
        "\x0b",
        "\x0c",
        "\x1c",
        "\x1f",
        "\x85",
        "\xa0",
        "\u2028",
        "\u3000",
        "\x00",
        "\x07",
        "\ufffe",
        "\uffff",
        "\ufeff",
        "a",
        "é",
        "🚀",
        "*",
    ]
)
STRINGS = st.lists(st.one_of(EDGES, st.characters(exclude_categories=["Cs"])), max_size=8).map("".join)


@pytest.mark.parametrize("kind", [Text, Title], ids=["Text", "Title"])
@given(value=STRINGS)
def test_the_schema_accepts_exactly_what_validation_accepts(kind: object, value: str) -> None:
    adapter = TypeAdapter(kind)
    schema = jsonschema.Draft202012Validator(adapter.json_schema())
    try:
        adapter.validate_python(value)
        valid = True
    except ValidationError:
        valid = False
    assert schema.is_valid(value) == valid, repr(value)


@pytest.mark.parametrize(("kind", "limit"), [(Text, MAX_TEXT), (Title, MAX_TITLE)], ids=["Text", "Title"])
def test_the_length_limit_is_the_same(kind: object, limit: int) -> None:
    adapter = TypeAdapter(kind)
    schema = jsonschema.Draft202012Validator(adapter.json_schema())
    assert schema.is_valid("x" * limit) and not schema.is_valid("x" * (limit + 1))
    adapter.validate_python("x" * limit)
    with pytest.raises(ValidationError):
        adapter.validate_python("x" * (limit + 1))


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("x" * (MAX_TITLE + 1) + "\x00\n", f"at most {MAX_TITLE}"),  # length first
        ("\x00\n", "U+0000"),  # then characters Office files cannot hold
        (" \n", "must not be empty"),  # then blank
        ("a\nb", "single line"),  # then one line
    ],
)
def test_a_title_breaking_several_rules_gets_one_message_the_first_rules(value: str, words: str) -> None:
    """The rules run in order as one validator; the first to fail is the only message."""
    with pytest.raises(ValidationError) as caught:
        TypeAdapter(Title).validate_python(value)
    errors = caught.value.errors()
    assert len(errors) == 1 and words in errors[0]["msg"], errors
