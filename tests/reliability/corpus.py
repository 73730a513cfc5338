"""The bad-content corpus: one way of breaking a project folder per case, and what must be said.

Each :class:`Case` mutates a valid project folder in place. ``file`` is the file the message
must name (relative to the folder), ``where`` a fragment naming the field (``field 'title'``)
or, for text that is not YAML at all, the line; ``fragment`` a piece of the explanation.
Section cases write their content to ``sections/bad.yaml`` and list it in ``project.yaml``,
so the cases work on any valid base project. Raw file contents that read better as files
live in ``corpus/``.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from neslis_desktop.store import PROJECT_FILE, SECTIONS_DIR
from neslis_desktop.store.journal import folder_key
from neslis_desktop.store.yamlio import dump

CORPUS = Path(__file__).resolve().parent / "corpus"
BAD = f"{SECTIONS_DIR}/bad.yaml"
Mutation = Callable[[Path], None]


@dataclass(frozen=True)
class Case:
    """One broken project: how it is broken and what the error must say."""

    id: str
    mutate: Mutation
    file: str
    where: str
    fragment: str


# ----------------------------------------------------------------------------- helpers


def project_data(folder: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((folder / PROJECT_FILE).read_text("utf-8-sig"))
    return data


def write_project(folder: Path, data: dict[str, Any]) -> None:
    (folder / PROJECT_FILE).write_text(dump(data), "utf-8")


def set_meta(**changes: Any) -> Mutation:
    """Change (or, with the value ``...``, remove) fields of ``project.yaml``."""

    def mutate(folder: Path) -> None:
        data = project_data(folder)
        for key, value in changes.items():
            if value is ...:
                data.pop(key, None)
            else:
                data[key] = value
        write_project(folder, data)

    return mutate


def project_text(edit: Callable[[str], str]) -> Mutation:
    def mutate(folder: Path) -> None:
        path = folder / PROJECT_FILE
        path.write_text(edit(path.read_text("utf-8")), "utf-8", newline="")

    return mutate


def project_bytes(data: bytes | Callable[[bytes], bytes]) -> Mutation:
    def mutate(folder: Path) -> None:
        path = folder / PROJECT_FILE
        path.write_bytes(data(path.read_bytes()) if callable(data) else data)

    return mutate


def _list_bad(folder: Path) -> None:
    data = project_data(folder)
    sections = list(data.get("sections") or [])
    if "bad" not in sections:
        data["sections"] = [*sections, "bad"]
        write_project(folder, data)


def section_text(text: str | bytes) -> Mutation:
    """Add a section ``bad`` whose file holds exactly ``text``."""

    def mutate(folder: Path) -> None:
        _list_bad(folder)
        path = folder / BAD
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, "utf-8", newline="")

    return mutate


def section_data(*blocks: dict[str, Any], **fields: Any) -> Mutation:
    """Add a section ``bad`` holding ``blocks`` (written as YAML) and top-level ``fields``."""
    data: dict[str, Any] = {"title": "Bad section", **fields}
    if blocks:
        data["blocks"] = list(blocks)

    def mutate(folder: Path) -> None:
        section_text(dump(data))(folder)

    return mutate


def corpus_section(name: str) -> Mutation:
    """Add a section ``bad`` whose file is ``corpus/<name>``."""
    return section_text((CORPUS / name).read_bytes())


def replace_title(value: str) -> Mutation:
    """Set project.yaml's title line to ``title: <value>`` exactly as written."""

    def edit(text: str) -> str:
        lines = text.split("\n")
        return "\n".join(f"title: {value}" if line.startswith("title:") else line for line in lines)

    return project_text(edit)


def _deep_bullets(depth: int) -> dict[str, Any]:
    node: dict[str, Any] = {"text": "deepest"}
    for _ in range(depth - 1):
        node = {"text": "level", "items": [node]}
    return {"kind": "bullets", "items": [node]}


def _timeline(**changes: Any) -> dict[str, Any]:
    block: dict[str, Any] = {
        "kind": "timeline",
        "start": "2019-01",
        "end": "2019-06",
        "lanes": [{"name": "Evidence", "milestones": [{"month": "2019-03", "text": "Report"}]}],
    }
    block.update(changes)
    return block


def _nodes(*pairs: tuple[str, str | None]) -> dict[str, Any]:
    return {
        "kind": "orgchart",
        "nodes": [{"id": i, "title": i.title(), **({"parent": p} if p else {})} for i, p in pairs],
    }


def _hostile_journal(folder: Path) -> None:
    outside = folder.parent / "outside.txt"
    outside.write_text("must survive", "utf-8")
    plan = {"replace": [], "delete": ["../outside.txt", f"{SECTIONS_DIR}/../../outside.txt"]}
    (folder / ".neslis-save.journal").write_text(json.dumps(plan), "utf-8")


def _hostile_journal_move(folder: Path) -> None:
    secret = folder.parent / "secret.yaml"
    secret.write_text("title: SECRET-FROM-OUTSIDE\n", "utf-8")
    plan = {"replace": [["../secret.yaml", f"{SECTIONS_DIR}/stolen.yaml"]], "delete": []}
    (folder / ".neslis-save.journal").write_text(json.dumps(plan), "utf-8")


def _symlinked_section(folder: Path) -> None:
    secret = folder.parent / "outside.yaml"
    secret.write_text("title: SECRET-FROM-OUTSIDE\n", "utf-8")
    _list_bad(folder)
    _symlink(folder / BAD, secret)


def _symlink(link: Path, target: Path) -> None:
    try:
        link.symlink_to(target)
    except OSError:  # Windows without the right to make links
        pytest.skip("this system does not allow symbolic links")


def _symlinked_project_file(folder: Path) -> None:
    secret = folder.parent / "outside.yaml"
    secret.write_text("title: SECRET-FROM-OUTSIDE\n", "utf-8")
    (folder / PROJECT_FILE).unlink()
    _symlink(folder / PROJECT_FILE, secret)


def _journal(
    folder: Path, replace: list[tuple[str, str, str]], delete: list[tuple[str, str]], home: str | None = None
) -> None:
    """Write a journal in the current format: (temp, target, sha256) moves, (target, sha256) removals."""
    plan = {
        "format": 2,
        "folder": home if home is not None else folder_key(folder),
        "replace": [{"temp": t, "target": r, "sha256": h} for t, r, h in replace],
        "delete": [{"target": r, "sha256": h} for r, h in delete],
    }
    (folder / ".neslis-save.journal").write_text(json.dumps(plan), "utf-8")


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _first_section(folder: Path) -> str:
    return f"{SECTIONS_DIR}/{project_data(folder)['sections'][0]}.yaml"


def _hijack_text(folder: Path) -> bytes:
    return (folder / PROJECT_FILE).read_text("utf-8").replace("\ntitle:", "\ntitle: HIJACKED title #", 1).encode()


def _journal_swaps_hidden_file(folder: Path) -> None:
    """A hidden file of the sender's, not one of our temporary files, swapped in as project.yaml."""
    hidden = folder / ".project-draft.yaml"
    hidden.write_bytes(_hijack_text(folder))
    _journal(folder, [(hidden.name, PROJECT_FILE, _sha(hidden))], [])


def _journal_swaps_wrong_bytes(folder: Path) -> None:
    """One of our temporary names, but not the bytes the journal recorded."""
    hidden = folder / ".neslis-abcd1234.tmp"
    hidden.write_bytes(_hijack_text(folder))
    _journal(folder, [(hidden.name, PROJECT_FILE, hashlib.sha256(b"what a save wrote").hexdigest())], [])


def _journal_from_another_folder(folder: Path) -> None:
    """Everything right, hashes too, but written in another folder (the sender's): not applied."""
    hidden = folder / ".neslis-abcd1234.tmp"
    hidden.write_bytes(_hijack_text(folder))
    _journal(folder, [(hidden.name, PROJECT_FILE, _sha(hidden))], [], home="C:\\Users\\sender\\lis")


def _journal_deletes_listed_section(folder: Path) -> None:
    """Removes a section file that the (unchanged) project.yaml still lists."""
    staged = folder / ".neslis-abcd1234.tmp"
    staged.write_bytes((folder / PROJECT_FILE).read_bytes())
    victim = _first_section(folder)
    _journal(folder, [(staged.name, PROJECT_FILE, _sha(staged))], [(victim, _sha(folder / victim))])


def _journal_deletes_without_project_file(folder: Path) -> None:
    victim = _first_section(folder)
    _journal(folder, [], [(victim, _sha(folder / victim))])


def _section_loop(folder: Path) -> None:
    _list_bad(folder)
    _symlink(folder / BAD, folder / BAD)


def _section_fifo(folder: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("this system has no named pipes")
    _list_bad(folder)
    os.mkfifo(folder / BAD)


def _project_file_folder(folder: Path) -> None:
    (folder / PROJECT_FILE).unlink()
    (folder / PROJECT_FILE).mkdir()


def _section_folder(folder: Path) -> None:
    _list_bad(folder)
    (folder / BAD).mkdir()


def _windows_device_section(name: str) -> Mutation:
    def mutate(folder: Path) -> None:
        data = project_data(folder)
        data["sections"] = [*data["sections"], name]
        write_project(folder, data)

    return mutate


def _journal_not_a_plan(folder: Path) -> None:
    (folder / ".neslis-save.journal").write_text('["delete", "everything"]', "utf-8")


def _remove_project_file(folder: Path) -> None:
    (folder / PROJECT_FILE).unlink()


def _missing_section_file(folder: Path) -> None:
    _list_bad(folder)


def _section_listed_twice(folder: Path) -> None:
    data = project_data(folder)
    first = data["sections"][0]
    data["sections"] = [*data["sections"], first]
    write_project(folder, data)


def _alias_bomb() -> str:
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for prev, name in zip("abcdefg", "bcdefgh", strict=True):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 10) + "]")
    lines += ["title: Laughs", "blocks:", "- kind: questions", "  questions: *h"]
    return "\n".join(lines) + "\n"


_SURROGATE = 'title: "Lone \\ud800 surrogate"\n'
MB = 1_000_000

# ----------------------------------------------------------------------------- the table

CASES: list[Case] = [
    # Text that is not YAML, or YAML that cannot be trusted.
    Case(
        "yaml-tab-indent",
        project_text(lambda t: t.replace("\ntitle:", "\n\ttitle:", 1)),
        PROJECT_FILE,
        "line 2",
        "this line is indented with a tab, and YAML indents with spaces only",
    ),
    Case(
        "yaml-tab-indent-in-list",
        section_text("title: T\nblocks:\n- kind: bullets\n\titems: [a]\n"),
        BAD,
        "line 4",
        "The line: [tab]items: [a]",
    ),
    Case(
        "yaml-second-colon",
        section_text("title: T\nblocks:\n- kind: bullets\n  lead: It sets out how: to grow\n  items: [a]\n"),
        BAD,
        "line 4, field 'lead'",
        "this line has a second ': '; put the text in quotes, like this: lead: \"It sets out how: to grow\"",
    ),
    Case(
        "number-too-long",
        section_text("title: T\nblocks:\n- kind: cards\n  columns: " + "9" * 5000 + "\n"),
        BAD,
        "line 4, field 'columns'",
        "this number is too long (5,000 digits)",
    ),
    Case("yaml-unclosed-quote", replace_title('"North East LIS'), PROJECT_FILE, "line", "not valid YAML"),
    Case(
        "yaml-duplicate-key",
        project_text(lambda t: t + "title: Written twice\n"),
        PROJECT_FILE,
        "field 'title'",
        "written twice",
    ),
    Case("json-garbage", project_bytes(b'{"title": [1, 2,, }\n'), PROJECT_FILE, "line 1", "not valid YAML"),
    Case("two-documents", project_text(lambda t: t + "---\ntitle: Second\n"), PROJECT_FILE, "line", "single document"),
    Case("python-object-tag", corpus_section("python-tag.yaml"), BAD, "line 2", "constructor"),
    Case("alias-bomb", section_text(_alias_bomb()), BAD, "line", "aliases"),
    Case(
        "alias-loop",
        section_text("title: Loop\nblocks: &b\n- kind: questions\n  questions: *b\n"),
        BAD,
        "line",
        "alias",
    ),
    Case(
        "nesting-too-deep",
        section_text("title: Deep\nblocks: " + "[" * 1200 + "]" * 1200 + "\n"),
        BAD,
        "line 2",
        "nested far too deeply",
    ),
    Case(
        "top-level-list",
        project_bytes(b"- title: A list\n- organisation: Not a mapping\n"),
        PROJECT_FILE,
        "line 1",
        "'name: value' fields",
    ),
    Case("section-top-level-text", section_text("just a sentence\n"), BAD, "line 1", "'name: value' fields"),
    Case("non-text-key", section_text("title: Keys\ntrue: yes\n"), BAD, "field 'True'", "field names must be text"),
    Case("empty-project-file", project_bytes(b""), PROJECT_FILE, PROJECT_FILE, "is empty"),
    Case("empty-section-file", section_text(""), BAD, "bad.yaml", "is empty"),
    Case("no-project-file", _remove_project_file, "", "", f"has no {PROJECT_FILE}"),
    # Bytes that are not UTF-8 text, and characters no Office file can hold.
    Case(
        "latin-1-bytes",
        project_bytes(lambda b: b.replace(b"\ntitle: ", b"\ntitle: Caf\xe9 ", 1)),
        PROJECT_FILE,
        "line 2",
        "not UTF-8",
    ),
    Case(
        "utf-16-file", project_bytes(lambda b: b.decode("utf-8").encode("utf-16")), PROJECT_FILE, "line 1", "not UTF-8"
    ),
    Case("random-binary", section_text(bytes(range(256)) * 4), BAD, "line 2", "not UTF-8"),
    Case("control-nul", replace_title("North\x00East"), PROJECT_FILE, "field 'title'", "U+0000"),
    Case("control-vertical-tab", replace_title("North\x0bEast"), PROJECT_FILE, "field 'title'", "U+000B"),
    Case("control-escape", replace_title("North\x1bEast"), PROJECT_FILE, "field 'title'", "U+001B"),
    Case(
        "control-escaped-in-quotes",
        section_data({"kind": "paragraph", "text": "Pasted\x1bfrom a PDF"}),
        BAD,
        "field 'block 1, text'",
        "U+001B",
    ),
    Case(
        "control-form-feed-in-list",
        section_data({"kind": "questions", "questions": ["ok", "page\x0cbreak"]}),
        BAD,
        "field 'block 1, question 2'",
        "U+000C",
    ),
    Case("lone-surrogate", section_text(_SURROGATE), BAD, "line 1", "Unicode"),
    Case("file-too-large", section_text("title: Big\nnotes: " + "x" * (9 * MB) + "\n"), BAD, "bad.yaml", "byte limit"),
    Case(
        "one-mb-field",
        section_data({"kind": "paragraph", "text": "word " * (MB // 5)}),
        BAD,
        "field 'block 1, text'",
        "at most 20,000",
    ),
    Case("one-mb-title", set_meta(title="x" * MB), PROJECT_FILE, "field 'title'", "at most 300"),
    # The format version.
    Case("schema-version-newer", set_meta(schema_version=99), PROJECT_FILE, "field 'schema_version'", "newer"),
    Case("schema-version-missing", set_meta(schema_version=...), PROJECT_FILE, "field 'schema_version'", "is missing"),
    Case(
        "schema-version-garbage", set_meta(schema_version="two"), PROJECT_FILE, "field 'schema_version'", "whole number"
    ),
    Case("schema-version-zero", set_meta(schema_version=0), PROJECT_FILE, "field 'schema_version'", "whole number"),
    Case(
        "schema-version-boolean", set_meta(schema_version=True), PROJECT_FILE, "field 'schema_version'", "whole number"
    ),
    # Fields of project.yaml.
    Case("unknown-key", set_meta(colour="blue"), PROJECT_FILE, "field 'colour'", "not a field"),
    Case("title-missing", set_meta(title=...), PROJECT_FILE, "field 'title'", "required"),
    Case("title-is-list", set_meta(title=["North", "East"]), PROJECT_FILE, "field 'title'", "should be text"),
    Case("title-is-yes", replace_title("yes"), PROJECT_FILE, "field 'title'", "should be text"),
    Case("title-is-number", replace_title("2019"), PROJECT_FILE, "field 'title'", "should be text"),
    Case("title-two-lines", set_meta(title="North\nEast"), PROJECT_FILE, "field 'title'", "single line"),
    Case("title-empty", set_meta(title=""), PROJECT_FILE, "field 'title'", "must not be empty"),
    Case("status-unknown", set_meta(status="Published"), PROJECT_FILE, "field 'status'", "should be one of"),
    Case("date-garbage", set_meta(date="next Tuesday"), PROJECT_FILE, "field 'date'", "YYYY-MM-DD"),
    Case(
        "date-impossible",
        project_text(lambda t: t + "date: 2020-02-30\n"),
        PROJECT_FILE,
        "field 'date'",
        "day is out of range",
    ),
    Case(
        "time-impossible",
        section_text("title: T\nnotes: 2019-08-01 25:00:00\n"),
        BAD,
        "field 'notes'",
        "cannot be read",
    ),
    Case(
        "number-garbage",
        section_text("title: T\nblocks:\n- kind: cards\n  columns: 0x_\n"),
        BAD,
        "field 'columns'",
        "cannot be read",
    ),
    Case("int-tag-garbage", section_text('title: T\nnotes: !!int "abc"\n'), BAD, "field 'notes'", "cannot be read"),
    Case(
        "language-norway",
        project_text(
            lambda t: (
                t + "language: no\n" if "\nlanguage:" not in t else t.replace("\nlanguage: en-GB", "\nlanguage: no")
            )
        ),
        PROJECT_FILE,
        "field 'language'",
        "should be text",
    ),
    Case("slug-with-spaces", set_meta(slug="North East"), PROJECT_FILE, "field 'slug'", "not a valid identifier"),
    Case("sections-not-list", set_meta(sections="intro"), PROJECT_FILE, "field 'sections'", "should be a list"),
    Case(
        "section-path-escape",
        set_meta(sections=["../../etc/passwd"]),
        PROJECT_FILE,
        "field 'sections, item 1'",
        "not a section file name",
    ),
    Case(
        "section-name-too-long",
        set_meta(sections=["x" * 5000]),
        PROJECT_FILE,
        "field 'sections, item 1'",
        "up to 80 characters",
    ),
    Case("section-listed-twice", _section_listed_twice, PROJECT_FILE, "field 'sections, item", "twice"),
    Case("section-file-missing", _missing_section_file, PROJECT_FILE, "field 'sections, item", "does not exist"),
    # Section files and blocks.
    Case("block-kind-unknown", section_data({"kind": "map", "text": "?"}), BAD, "field 'block 1", "not a block kind"),
    Case("block-kind-missing", section_data({"text": "No kind"}), BAD, "field 'block 1", "kind:"),
    Case(
        "section-unknown-key",
        section_data({"kind": "paragraph", "text": "x"}, colour="red"),
        BAD,
        "field 'colour'",
        "not a field",
    ),
    Case(
        "block-unknown-key",
        section_data({"kind": "paragraph", "text": "x", "font": "Comic Sans"}),
        BAD,
        "field 'block 1, font'",
        "not a field",
    ),
    Case(
        "section-title-missing",
        section_text("blocks:\n- kind: paragraph\n  text: x\n"),
        BAD,
        "field 'title'",
        "required",
    ),
    Case(
        "blocks-not-list",
        section_text("title: T\nblocks:\n  kind: paragraph\n  text: x\n"),
        BAD,
        "field 'blocks'",
        "should be a list",
    ),
    Case(
        "number-where-list",
        section_data({"kind": "questions", "questions": 3}),
        BAD,
        "field 'block 1, questions'",
        "should be a list",
    ),
    Case(
        "text-where-list-of-cards",
        section_data({"kind": "cards", "cards": "one card"}),
        BAD,
        "field 'block 1, cards'",
        "should be a list",
    ),
    Case(
        "boolean-garbage",
        section_data({"kind": "bullets", "items": ["a"], "numbered": "maybe"}),
        BAD,
        "field 'block 1, numbered'",
        "true or false",
    ),
    Case("bullets-empty", section_data({"kind": "bullets", "items": []}), BAD, "field 'block 1, items'", "at least 1"),
    Case("bullets-too-deep", section_data(_deep_bullets(4)), BAD, "field 'block 1", "at most 3 levels"),
    Case(
        "bullets-absurdly-deep",
        section_text("title: Deep\nblocks:\n- " + json.dumps(_deep_bullets(300)) + "\n"),
        BAD,
        "levels ...",
        "nested far too deeply",
    ),
    Case(
        "card-empty",
        section_data({"kind": "cards", "cards": [{"wide": True}]}),
        BAD,
        "field 'block 1, card 1'",
        "needs a title, a body or bullets",
    ),
    Case(
        "cards-columns-out-of-range",
        section_data({"kind": "cards", "cards": [{"body": "x"}], "columns": 9}),
        BAD,
        "field 'block 1, columns'",
        "at most 4",
    ),
    Case(
        "targets-too-many",
        section_data({"kind": "targets", "targets": [{"text": str(i)} for i in range(13)]}),
        BAD,
        "field 'block 1, targets'",
        "at most 12",
    ),
    Case(
        "orgchart-unknown-parent",
        section_data(_nodes(("board", None), ("group", "bored"))),
        BAD,
        "field 'block 1, node 2, parent'",
        "'bored' is not the id of a box in this org chart",
    ),
    Case("orgchart-cycle", section_data(_nodes(("a", "b"), ("b", "a"))), BAD, "field 'block 1'", "own ancestor"),
    Case("orgchart-duplicate-id", section_data(_nodes(("a", None), ("a", None))), BAD, "field 'block 1'", "unique"),
    Case(
        "timeline-milestone-out-of-range",
        section_data(_timeline(lanes=[{"name": "E", "milestones": [{"month": "2020-03", "text": "Late"}]}])),
        BAD,
        "field 'block 1'",
        "outside the timeline",
    ),
    Case("timeline-bad-month", section_data(_timeline(start="2019-13")), BAD, "field 'block 1, start'", "not a month"),
    Case(
        "timeline-ends-before-start",
        section_data(_timeline(start="2019-06", end="2019-01", lanes=[])),
        BAD,
        "field 'block 1'",
        "before it starts",
    ),
    Case("timeline-too-long", section_data(_timeline(end="2025-01")), BAD, "field 'block 1'", "at most 36 months"),
    Case(
        "timeline-span-unknown-lane",
        section_data(_timeline(spans=[{"text": "Work", "start": "2019-02", "end": "2019-03", "lane": "Nope"}])),
        BAD,
        "field 'block 1, span 1, lane'",
        "'Nope' is not the name of a lane in this timeline",
    ),
    # Hostile folders.
    # Journals of the older kind (no hashes) are never applied, whatever they name.
    Case("journal-deletes-outside", _hostile_journal, ".neslis-save.journal", "", "journal of the older kind"),
    Case("journal-moves-outside-in", _hostile_journal_move, ".neslis-save.journal", "", "journal of the older kind"),
    Case("journal-not-a-plan", _journal_not_a_plan, ".neslis-save.journal", "", "not a save journal"),
    # Journals in the current format that are still not what this program wrote.
    Case(
        "journal-swaps-hidden-file-in",
        _journal_swaps_hidden_file,
        ".neslis-save.journal",
        "no file was changed",
        "'.project-draft.yaml', which is not a temporary file of this program",
    ),
    Case(
        "journal-swaps-wrong-bytes-in",
        _journal_swaps_wrong_bytes,
        ".neslis-save.journal",
        "no file was changed",
        "the new project.yaml it would move in is not the file the save wrote",
    ),
    Case(
        "journal-from-another-folder",
        _journal_from_another_folder,
        ".neslis-save.journal",
        "no file was changed",
        "written for a save in another folder",
    ),
    Case(
        "journal-deletes-listed-section",
        _journal_deletes_listed_section,
        ".neslis-save.journal",
        "no file was changed",
        "which the new project.yaml still lists",
    ),
    Case(
        "journal-deletes-without-project-file",
        _journal_deletes_without_project_file,
        ".neslis-save.journal",
        "no file was changed",
        "removes section files without writing a new project.yaml",
    ),
    Case(
        "project-file-symlink-outside",
        _symlinked_project_file,
        PROJECT_FILE,
        PROJECT_FILE,
        "leads out of the project folder",
    ),
    Case(
        "section-symlink-outside",
        _symlinked_section,
        PROJECT_FILE,
        "field 'sections, item",
        "leads out of the project folder",
    ),
    Case("section-symlink-loop", _section_loop, BAD, "bad.yaml: is a link", "leads back to itself (a loop)"),
    Case("section-is-a-fifo", _section_fifo, BAD, "bad.yaml: is a named pipe", "so it was not read"),
    Case("section-is-a-folder", _section_folder, BAD, "bad.yaml: is a folder", "not a file"),
    Case(
        "project-file-is-a-folder",
        _project_file_folder,
        PROJECT_FILE,
        "project.yaml: is a folder",
        "it should be the project's YAML text file",
    ),
    # Names Windows cannot give a file.
    Case(
        "section-id-windows-device",
        _windows_device_section("con"),
        PROJECT_FILE,
        "field 'sections, item",
        "'con' is a name Windows keeps for a device (CON)",
    ),
    Case(
        "section-id-windows-device-upper",
        _windows_device_section("LPT1"),
        PROJECT_FILE,
        "field 'sections, item",
        "'LPT1' is a name Windows keeps for a device (LPT1)",
    ),
    Case(
        "section-id-trailing-dot",
        _windows_device_section("intro."),
        PROJECT_FILE,
        "field 'sections, item",
        "'intro.' ends in a dot, which Windows drops from file names",
    ),
]
