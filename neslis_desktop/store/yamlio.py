"""YAML with safe parsers only, line numbers kept for error messages, and stable output.

Loading composes the node tree first (safe loader: no tags that build Python objects, no
code), so that a validation error's field path can be traced back to a line. Dumping keeps
the models' field order, writes multi-line text as ``|`` blocks, never wraps long lines
(one edit, one changed line in a diff) and always ends lines with ``\\n``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

_Loader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# The pure-Python dumper: libyaml's escapes characters beyond the BMP (emoji) as \U0001F389.
_Dumper: type = yaml.SafeDumper


class YamlSyntaxError(ValueError):
    """The text is not valid YAML; ``line`` is 1-based where the parser knows it."""

    def __init__(self, message: str, line: int | None) -> None:
        super().__init__(message)
        self.line = line


def decode(raw: bytes) -> str:
    """UTF-8 text from ``raw`` (a BOM is dropped, CRLF becomes LF); ``UnicodeDecodeError`` when not UTF-8."""
    text = raw.decode("utf-8-sig")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse(text: str) -> tuple[Any, yaml.Node | None]:
    """The data in ``text`` and its node tree (for line numbers)."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or "the text is not valid YAML"
        if exc.context:
            problem = f"{exc.context}, {problem}"
        raise YamlSyntaxError(problem, mark.line + 1 if mark else None) from exc
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(str(exc), None) from exc
    finally:
        loader.dispose()
    return data, node


def line_of(node: yaml.Node | None, path: tuple[str | int, ...]) -> int | None:
    """1-based line of the deepest node reachable along ``path``."""
    if node is None:
        return None
    line = node.start_mark.line + 1
    for step in path:
        if isinstance(node, yaml.MappingNode) and isinstance(step, str):
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode) and key.value == step:
                    node = value
                    line = key.start_mark.line + 1
                    break
            else:
                return line
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
            node = node.value[step]
            line = node.start_mark.line + 1
        else:
            return line
    return line


def _str_representer(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if "\n" in value:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


class _StableDumper(_Dumper):
    """Safe dumper that writes multi-line strings as literal blocks."""


_StableDumper.add_representer(str, _str_representer)


def dump(data: Any) -> str:
    """YAML text for ``data``, keys in the given order, lines never wrapped."""
    text: str = yaml.dump(
        data,
        Dumper=_StableDumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=1_000_000,
        indent=2,
    )
    return text


def read_text(path: Path) -> str:
    """The decoded text of ``path`` (see :func:`decode`)."""
    return decode(Path(path).read_bytes())
