"""YAML with safe parsers only, line numbers kept for error messages, and stable output.

Loading composes the node tree first (safe loader: no tags that build Python objects, no
code), so that a validation error's field path can be traced back to a line. Dumping keeps
the models' field order, writes multi-line text as ``|`` blocks, never wraps long lines
(one edit, one changed line in a diff) and always ends lines with ``\\n``.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias

# PyYAML is imported where a text is parsed or written, not with this module: its import is
# ~10 ms, and a build of a project whose files the parse cache already holds needs none of it.
if TYPE_CHECKING:
    import yaml


MAX_VALUES = 100_000
"""Most values a file may hold once aliases (``*name``) are expanded: stops "billion laughs"."""


class YamlSyntaxError(ValueError):
    """The text is not valid YAML; ``line`` is 1-based where the parser knows it.

    ``field`` names the field at fault where it can be told (a duplicated key, the key on the
    line of a control character), else ``""``.
    """

    def __init__(self, message: str, line: int | None, field: str = "") -> None:
        super().__init__(message)
        self.line = line
        self.field = field


def decode(raw: bytes) -> str:
    """UTF-8 text from ``raw`` (a BOM is dropped, CRLF becomes LF); ``UnicodeDecodeError`` when not UTF-8."""
    text = raw.decode("utf-8-sig")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse(text: str) -> tuple[Any, yaml.Node | None]:
    """The data in ``text`` and its node tree (for line numbers).

    :class:`YamlSyntaxError` otherwise, whose message says what is wrong in words a person
    writing the file by hand acts on (a tab in the indentation, a second ``': '`` in a line,
    a number too long to read), with the line.
    """
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)
    try:
        node = loader.get_single_node()
        if node is not None:
            _check_tree(node)
        try:
            data = loader.construct_document(node) if node is not None else None
        except (ValueError, TypeError, AttributeError, OverflowError) as exc:
            # PyYAML lets a malformed typed value (2020-02-30, !!int "abc") escape as ValueError.
            raise _unreadable_value(node, exc) from None
    except yaml.reader.ReaderError as exc:
        raise _control_character(text, exc) from None
    except yaml.MarkedYAMLError as exc:
        raise _syntax_error(text, exc) from exc
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(f"is not valid YAML: {exc}", None) from exc
    except RecursionError:  # the pure-Python parser (no libyaml) recurses once per level
        raise YamlSyntaxError(f"is not valid YAML: {_TOO_DEEP}", None) from None
    finally:
        loader.dispose()
    return data, node


_TOO_DEEP = "lists and fields are nested far too deeply (more levels than any content file needs); flatten them"
_SECOND_COLON = ("mapping values are not allowed",)
_TAB_PROBLEMS = ("tab", "cannot start any token")


def _syntax_error(text: str, exc: yaml.MarkedYAMLError) -> YamlSyntaxError:
    """A parser error as a message a person writing YAML by hand can act on."""
    mark = exc.problem_mark or exc.context_mark
    problem = exc.problem or "the text is not valid YAML"
    line = mark.line + 1 if mark else None
    lines = text.split("\n")
    line_text = lines[line - 1] if line and line <= len(lines) else ""
    key = _KEY_ON_LINE.match(line_text)
    field = key.group(1) if key else ""
    if "nesting depth" in problem:
        return YamlSyntaxError(f"is not valid YAML: {_TOO_DEEP}", line)
    if any(p in problem for p in _TAB_PROBLEMS):
        for number in (line, line - 1 if line else None):
            if number and 0 < number <= len(lines) and "\t" in _indent(lines[number - 1]):
                shown = lines[number - 1].replace("\t", "[tab]")
                key = _KEY_ON_LINE.match(lines[number - 1])
                return YamlSyntaxError(
                    f"is not valid YAML: this line is indented with a tab, and YAML indents with spaces "
                    f"only; replace the tab with spaces. The line: {shown.strip()[:120]}",
                    number,
                    key.group(1) if key else "",
                )
    if any(p in problem for p in _SECOND_COLON):
        fix = _quoted(line_text)
        how = f"put the text in quotes, like this: {fix}" if fix else "put the text in quotes"
        return YamlSyntaxError(f"is not valid YAML: this line has a second ': '; {how}", line, field)
    if exc.context:
        problem = f"{exc.context}, {problem}"
    return YamlSyntaxError(f"is not valid YAML: {problem}", line)


def _indent(line: str) -> str:
    """The indentation of ``line``, list dashes included (a tab after ``- `` counts as indentation)."""
    found = re.match(r"^[ \t]*(?:-[ \t]+)*", line)
    return found.group() if found else ""


_TEXT_AFTER_KEY = re.compile(r"^(\s*(?:-\s+)?[A-Za-z_][A-Za-z0-9_]*:\s+)(.+?)\s*$")


def _quoted(line_text: str) -> str | None:
    """``lead: It sets out how: ...`` with its text in double quotes, or ``None`` if it cannot be."""
    found = _TEXT_AFTER_KEY.match(line_text)
    if found is None or found.group(2)[:1] in "\"'|>&*!%@`" or " #" in found.group(2):
        return None
    value = found.group(2).replace("\\", "\\\\").replace('"', '\\"')
    return f'{found.group(1).strip()} "{value}"'


_KEY_ON_LINE = re.compile(r"^\s*(?:-\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*:")
# Characters YAML cannot hold (outside its printable set).
_NOT_YAML = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _control_character(text: str, exc: yaml.reader.ReaderError) -> YamlSyntaxError:
    """A reader error (a character YAML cannot hold) as a message naming line and field."""
    # libyaml reports a byte offset; finding the character again gives the true position.
    found = _NOT_YAML.search(text)
    position = found.start() if found else max(0, min(exc.position, len(text) - 1))
    line = text.count("\n", 0, position) + 1
    column = position - (text.rfind("\n", 0, position) + 1) + 1
    code = ord(text[position]) if text else 0
    line_text = text.split("\n")[line - 1]
    key = _KEY_ON_LINE.match(line_text)
    return YamlSyntaxError(
        f"contains the control character U+{code:04X} (line {line}, column {column}), which content "
        "files cannot hold; delete it (it often comes from pasting out of a PDF)",
        line,
        key.group(1) if key else "",
    )


def _unreadable_value(root: yaml.Node | None, exc: Exception) -> YamlSyntaxError:
    """The first scalar that cannot be constructed, as a message naming its field and line."""
    import yaml

    constructor = yaml.constructor.SafeConstructor()
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, str]] = [(root, "")] if root is not None else []
    while stack:
        node, key = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            try:
                constructor.construct_object(node, deep=True)
            except Exception as problem:  # exactly the failure being located
                digits = node.value.lstrip("+-").replace("_", "")
                if node.tag.endswith(":int") and len(digits) > 1000:
                    return YamlSyntaxError(
                        f"this number is too long ({len(digits):,} digits); write a shorter number, or put "
                        "it in quotes if it is text",
                        node.start_mark.line + 1,
                        key,
                    )
                return YamlSyntaxError(
                    f"the value '{node.value[:60]}' cannot be read ({problem}); write a real date such as "
                    "2020-01-23 or number such as 3, or put the text in quotes",
                    node.start_mark.line + 1,
                    key,
                )
        elif isinstance(node, yaml.MappingNode):
            stack.extend(
                (value, name.value if isinstance(name, yaml.ScalarNode) else key)
                for name, value in reversed(node.value)
            )
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((child, key) for child in reversed(node.value))
    return YamlSyntaxError(f"is not valid YAML: a value cannot be read ({exc})", None)


def _children(node: yaml.Node) -> list[yaml.Node]:
    import yaml

    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _check_tree(root: yaml.Node) -> None:
    """Refuse duplicated keys, aliases that contain themselves and alias bombs.

    PyYAML keeps the last of two equal keys without a word, so a field written twice would
    silently lose the first value. Walks the node graph without recursion. Files without
    aliases (all that the app writes) take the quick walk; the full one sizes every node.
    """
    if not _quick_walk(root):
        _full_walk(root)


def _quick_walk(root: yaml.Node) -> bool:
    """Check the keys of a tree in one pass; False when a node is reached twice (an alias) or
    the tree is over the size limit, for the full walk to decide."""
    import yaml

    seen: set[int] = set()
    stack = [root]
    count = 0
    while stack:
        node = stack.pop()
        count += 1
        if isinstance(node, yaml.ScalarNode):
            continue
        if id(node) in seen or count > MAX_VALUES:
            return False
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            _no_key_twice(node)
            for name, value in node.value:
                stack.append(name)
                stack.append(value)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return True


def _no_key_twice(node: yaml.MappingNode) -> None:
    import yaml

    seen: dict[str, int] = {}
    for name, _ in node.value:
        if not isinstance(name, yaml.ScalarNode):
            continue
        line = name.start_mark.line + 1
        if name.value in seen:
            raise YamlSyntaxError(
                f"the field '{name.value}' is written twice (lines {seen[name.value]} and {line}); keep one",
                line,
                name.value,
            )
        seen[name.value] = line


def _full_walk(root: yaml.Node) -> None:
    """The walk for files with aliases: the size each node expands to, and aliases in themselves."""
    import yaml

    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, finished = stack.pop()
        key = id(node)
        if finished:
            open_nodes.discard(key)
            sizes[key] = 1 + sum(sizes[id(child)] for child in _children(node))
            if sizes[key] > MAX_VALUES:
                raise YamlSyntaxError(
                    f"uses aliases (*name) that expand to more than {MAX_VALUES:,} values; "
                    "write the values out instead",
                    node.start_mark.line + 1,
                )
            continue
        if key in sizes:
            continue
        if key in open_nodes:
            raise YamlSyntaxError(
                "has an alias (*name) inside the value it names, which never ends; remove it",
                node.start_mark.line + 1,
            )
        open_nodes.add(key)
        if isinstance(node, yaml.MappingNode):
            _no_key_twice(node)
        stack.append((node, True))
        stack.extend((child, False) for child in _children(node) if id(child) not in sizes)


class LazyNode:
    """The node tree of a text that parsed cleanly before, composed only when a line is asked for.

    A file whose parse came from the cache (:mod:`neslis_desktop.store.parse_cache`) has no
    node tree, and a file without problems never needs one; a message that names a line
    composes it then, from the same text, so the line is the one a parse would have given.
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._node: yaml.Node | None = None
        self._composed = False

    def get(self) -> yaml.Node | None:
        """The tree (``None`` for an empty text), composed at the first call."""
        if not self._composed:
            self._composed = True
            try:
                self._node = parse(self._text)[1]
            except YamlSyntaxError:  # not expected of a text that parsed before; no line then
                self._node = None
        return self._node


Nodes: TypeAlias = "yaml.Node | LazyNode | None"
"""What :func:`line_of` reads lines from: a node tree, one to compose when needed, or nothing."""


def line_of(nodes: Nodes, path: tuple[str | int, ...]) -> int | None:
    """1-based line of the deepest node reachable along ``path``."""
    import yaml

    node = nodes.get() if isinstance(nodes, LazyNode) else nodes
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


# Characters YAML reads as line breaks besides \n (NEL, often from pasted Windows-1252 text,
# and the Unicode line and paragraph separators): only a double-quoted scalar keeps them.
_OTHER_BREAKS = ("\x85", "\u2028", "\u2029")


def _str_representer(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if any(c in value for c in _OTHER_BREAKS):
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"')
    if "\n" in value:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


@functools.cache
def _stable_dumper() -> type:
    """PyYAML's safe dumper, made at the first dump, writing multi-line strings as literal blocks."""
    import yaml

    # The pure-Python dumper: libyaml's escapes characters beyond the BMP (emoji) as \U0001F389.
    class _StableDumper(yaml.SafeDumper):
        """Safe dumper that writes multi-line strings as literal blocks."""

    _StableDumper.add_representer(str, _str_representer)
    return _StableDumper


def dump(data: Any) -> str:
    """YAML text for ``data``, keys in the given order, lines never wrapped."""
    import yaml

    text: str = yaml.dump(
        data,
        Dumper=_stable_dumper(),
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
