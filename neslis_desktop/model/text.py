"""Text field types shared by every model: what characters and lengths a field may hold.

Office files are XML 1.0, which cannot hold most control characters; python-pptx and lxml
raise deep inside a build when given one. Refusing them here, with a message that names the
character, keeps that failure at the field where the user can fix it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Annotated, Any

from pydantic import AfterValidator, Field, GetCoreSchemaHandler
from pydantic_core import CoreSchema, core_schema

MAX_TEXT = 20_000
MAX_TITLE = 300

# Characters XML 1.0 cannot hold: C0 controls but tab/newline/CR, surrogates, U+FFFE/U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_safe(value: str) -> str:
    bad = _NOT_XML.search(value)
    if bad:
        code = f"U+{ord(bad.group()):04X}"
        raise ValueError(
            f"contains the control character {code} at position {bad.start() + 1}, which "
            "Office files cannot hold; delete it (it often comes from pasting out of a PDF)"
        )
    return value


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty; write some text or remove the item")
    return value


def _too_long(limit: int) -> Callable[[str], str]:
    def check(value: str) -> str:
        if len(value) > limit:
            raise ValueError(f"is {len(value):,} characters long; it may hold at most {limit:,}")
        return value

    return check


def _one_line(value: str) -> str:
    if "\n" in value or "\r" in value:
        raise ValueError("must be a single line; remove the line break")
    return value


class _Checks:
    """``Annotated`` metadata running ``checks`` in order; the first to fail gives the message.

    One function rather than an ``AfterValidator`` each, and declared to pydantic as taking
    no validation info: pydantic inspects an ``AfterValidator``'s signature for every field
    that uses the type (some hundred here) when it builds the models at import, and runs each
    validator as its own call from its core. This is pydantic's documented hook for types
    (``__get_pydantic_core_schema__``); the JSON Schema is the inner type's.
    """

    def __init__(self, *checks: Callable[[str], str]) -> None:
        self.checks = checks

    def __call__(self, value: str) -> str:
        for one in self.checks:
            value = one(value)
        return value

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        return core_schema.no_info_after_validator_function(self, handler(source))


# The same rules as JSON Schema keywords, for the published schema: the validators above stay
# the ones that run, as their messages say what to do. tests/model/test_text.py checks that
# both agree. Lone surrogates are left out of the schema's patterns, as regex engines differ
# on them; YAML cannot hold them anyway.
_CONTROL = r"\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff"
# What str.strip() removes (every character for which str.isspace() is true).
_SPACE = r"\t\n\u000b\u000c\r\u001c-\u001f \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"


def text_json_schema(limit: int, *, one_line: bool) -> dict[str, object]:
    """JSON Schema keywords for text of at most ``limit`` characters, not blank, XML-safe."""
    forbidden = _CONTROL + (r"\n\r" if one_line else "")
    return {
        "minLength": 1,
        "maxLength": limit,
        "pattern": f"[^{_SPACE}{_CONTROL}]",  # something besides white space
        "not": {"pattern": f"[{forbidden}]"},  # no control character (nor, on one line, a line break)
    }


Text = Annotated[
    str,
    _Checks(_too_long(MAX_TEXT), _xml_safe, _not_blank),
    Field(
        description="Text; may hold **bold** and *italic* markup and line breaks.",
        json_schema_extra=text_json_schema(MAX_TEXT, one_line=False),
    ),
]
"""Body text: up to 20,000 characters, inline emphasis allowed, line breaks allowed."""

Title = Annotated[
    str,
    _Checks(_too_long(MAX_TITLE), _xml_safe, _not_blank, _one_line),
    Field(
        description="A single line of up to 300 characters; may hold **bold**/*italic*.",
        json_schema_extra=text_json_schema(MAX_TITLE, one_line=True),
    ),
]
"""A heading or label: one line, up to 300 characters."""

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
MAX_SLUG = 80

WINDOWS_DEVICES = frozenset(
    ["con", "prn", "aux", "nul"] + [f"com{i}" for i in range(1, 10)] + [f"lpt{i}" for i in range(1, 10)]
)
"""Names Windows keeps for devices: no file may be called ``con`` or ``con.yaml`` (in any case)."""


def windows_name_problem(name: str) -> str | None:
    """Why ``name`` cannot be a file name on Windows, or ``None`` when it can.

    Windows refuses its device names (``CON``, ``NUL``, ``COM1`` ... in any case, with or
    without an extension: ``con.yaml`` is the console too) and silently drops a trailing dot
    or space, so ``intro.`` and ``intro`` would be one file. Our users are on Windows.
    """
    stem = name.split(".", 1)[0].rstrip(" ").lower()
    if stem in WINDOWS_DEVICES:
        return (
            f"'{name}' is a name Windows keeps for a device ({stem.upper()}), so no file can be called that; "
            f"choose another name, such as '{stem}-1'"
        )
    if name.endswith((".", " ")):
        end = "a dot" if name.endswith(".") else "a space"
        return f"'{name}' ends in {end}, which Windows drops from file names; remove it"
    return None


def _slug(value: str) -> str:
    device = windows_name_problem(value)
    if device:
        raise ValueError(device)
    if not re.fullmatch(SLUG_PATTERN, value) or len(value) > MAX_SLUG:
        raise ValueError(
            f"'{value}' is not a valid identifier; use lower-case letters, digits and single "
            f"hyphens, up to {MAX_SLUG} characters, such as 'north-east-lis'"
        )
    return value


Slug = Annotated[
    str,
    AfterValidator(_slug),
    Field(
        json_schema_extra={"pattern": SLUG_PATTERN, "maxLength": MAX_SLUG},
        description=(
            "Lower-case letters, digits and hyphens, such as 'north-east-lis'; not a name Windows keeps "
            "for a device (con, nul, aux, prn, com1-com9, lpt1-lpt9)."
        ),
    ),
]
"""An identifier used in file names and references: ``north-east-lis``, ``steering-group``.

Windows device names are refused everywhere, not only for section ids, so that one rule
covers every identifier and any of them can become a file name later.
"""


def slugify(text: str, fallback: str = "item") -> str:
    """A slug made from ``text``: ASCII letters and digits joined by hyphens.

    Never a Windows device name: a section titled "Con" gets ``con-1``.
    """
    import unicodedata

    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    slug = slug[:60].rstrip("-") or fallback
    return f"{slug}-1" if slug in WINDOWS_DEVICES else slug
