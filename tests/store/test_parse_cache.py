"""The parse table: a file's bytes seen before are not parsed again, and nothing else changes.

Each test gets its own cache folder (``NESLIS_CACHE_DIR``), so tables never leak between tests.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from handwritten import HAND_GOVERNANCE, HAND_INTRO, HAND_PROJECT, write_by_hand

from neslis_desktop.errors import ContentError
from neslis_desktop.store import load_project, load_project_partial, parse_cache, yamlio


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("NESLIS_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts yamlio.parse is asked to parse, in order."""
    seen: list[str] = []
    real = yamlio.parse

    def counting(text: str):  # type: ignore[no-untyped-def]
        seen.append(text)
        return real(text)

    monkeypatch.setattr(yamlio, "parse", counting)
    return seen


def _tables(cache_dir: Path) -> list[Path]:
    place = cache_dir / parse_cache.KIND
    return sorted(place.iterdir()) if place.is_dir() else []


def test_a_second_load_parses_nothing_and_reads_the_same(small_dir: Path, cache_dir: Path, parses: list[str]) -> None:
    first = load_project(small_dir)
    assert len(parses) == 4  # project.yaml and three sections
    assert len(_tables(cache_dir)) == 1
    parses.clear()
    again = load_project(small_dir)
    assert parses == []
    assert again == first
    assert again.model_dump() == first.model_dump()


def test_an_edit_is_seen_even_with_the_same_size_and_time(small_dir: Path, cache_dir: Path, parses: list[str]) -> None:
    load_project(small_dir)
    path = small_dir / "sections" / "intro.yaml"
    before = path.stat()
    text = path.read_text("utf-8")
    assert "Introduction" in text
    path.write_text(text.replace("Introduction", "Introductio!"), "utf-8")  # same length
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    parses.clear()
    project = load_project(small_dir)
    assert project.sections[0].title == "Introductio!"
    assert len(parses) == 1  # only the changed file


def test_a_cached_file_that_fails_validation_still_names_its_line(small_dir: Path, cache_dir: Path) -> None:
    path = small_dir / "sections" / "intro.yaml"
    text = path.read_text("utf-8")
    path.write_text(text.replace("- kind: paragraph", "- kind: no-such-kind"), "utf-8")
    messages = []
    for _ in range(2):  # the first parses and fills the table, the second reads it
        with pytest.raises(ContentError) as err:
            load_project(small_dir)
        messages.append([(p.file, p.line, p.field, p.message) for p in err.value.problems])
    assert messages[0] == messages[1]
    assert any(line is not None and line > 1 for _, line, _, _ in messages[0])


def test_migrating_a_cached_file_does_not_change_the_table(small_dir: Path, cache_dir: Path) -> None:
    """Migrations change the data in place; the table must keep what the file says."""
    for rel, old, new in [
        ("project.yaml", "schema_version: 2", "schema_version: 1"),
        ("sections/intro.yaml", "- kind: paragraph", "- type: paragraph"),
    ]:
        path = small_dir / rel
        path.write_text(path.read_text("utf-8").replace(old, new), "utf-8")
    loads = [load_project(small_dir) for _ in range(3)]
    assert all(p.sections[0].blocks[0].kind == "paragraph" for p in loads)
    assert loads[0] == loads[1] == loads[2]


def test_data_json_cannot_keep_is_parsed_every_time(tmp_path: Path, cache_dir: Path) -> None:
    table = parse_cache.ParsedFiles(tmp_path)
    for name, data in [("date", {"when": __import__("datetime").date(2020, 1, 2)}), ("keys", {1: "one"})]:
        table.put(name, b"x", data)
        assert table.get(name, b"x") is parse_cache.MISSING
    table.put("plain", b"y", {"a": [1, 2.0, True, None, "é"]})
    table.save()
    again = parse_cache.ParsedFiles(tmp_path)
    assert again.get("plain", b"y") == {"a": [1, 2.0, True, None, "é"]}
    assert again.get("plain", b"z") is parse_cache.MISSING  # other bytes
    assert again.get("date", b"x") is parse_cache.MISSING


def test_a_damaged_table_is_ignored_and_rewritten(small_dir: Path, cache_dir: Path, parses: list[str]) -> None:
    first = load_project(small_dir)
    [table] = _tables(cache_dir)
    table.write_bytes(b'{"version": "garbage", ')
    parses.clear()
    assert load_project(small_dir) == first
    assert len(parses) == 4
    parses.clear()
    assert load_project(small_dir) == first
    assert parses == []


def test_the_cache_turned_off_writes_nothing(small_dir: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("NESLIS_CACHE_DIR", "off")
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    load_project(small_dir)
    load_project(small_dir)
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before


def test_a_read_only_load_changes_nothing_in_the_folder(hand_dir: Path, cache_dir: Path) -> None:
    def listing() -> list[tuple[str, int]]:
        return sorted((p.relative_to(hand_dir).as_posix(), p.stat().st_mtime_ns) for p in hand_dir.rglob("*"))

    before = listing()
    for _ in range(2):
        assert load_project_partial(hand_dir, read_only=True).ok
    assert listing() == before
    assert len(_tables(cache_dir)) == 1  # the table is in the user's cache folder


def test_a_removed_file_leaves_the_table(tmp_path: Path, cache_dir: Path) -> None:
    folder = write_by_hand(
        tmp_path / "hand",
        {"project.yaml": HAND_PROJECT, "sections/intro.yaml": HAND_INTRO, "sections/governance.yaml": HAND_GOVERNANCE},
    )
    load_project(folder)
    [table] = _tables(cache_dir)
    assert "sections/governance.yaml" in table.read_text("utf-8")
    (folder / "project.yaml").write_text(HAND_PROJECT.replace("- governance\n", ""), "utf-8")
    (folder / "sections" / "governance.yaml").unlink()
    load_project(folder)
    assert "sections/governance.yaml" not in table.read_text("utf-8")


def test_only_the_newest_tables_are_kept(tmp_path: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parse_cache, "KEEP_TABLES", 3)
    for n in range(5):
        table = parse_cache.ParsedFiles(tmp_path / f"project-{n}")
        table.put("project.yaml", b"x", {"n": n})
        table.save()
        newest = cache_dir / parse_cache.KIND / table.key
        os.utime(newest, ns=(n * 10**9, n * 10**9))  # written in this order, whatever the clock's grain
    kept = _tables(cache_dir)
    assert len(kept) == 3
    assert table.key in {p.name for p in kept}


def test_a_process_that_finds_every_file_in_the_table_imports_no_yaml(small_dir: Path, cache_dir: Path) -> None:
    """PyYAML's import (~10 ms) is paid only by a process that parses or writes YAML."""
    code = (
        "import sys; from pathlib import Path; from neslis_desktop.store import load_project; "
        f"p = load_project(Path({str(small_dir)!r})); print(len(p.sections), 'yaml' in sys.modules)"
    )
    env = {**os.environ, "NESLIS_CACHE_DIR": str(cache_dir)}
    runs = [
        subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True, timeout=120)
        for _ in range(2)
    ]
    assert runs[0].stdout.split() == ["3", "True"]  # the first parsed the files
    assert runs[1].stdout.split() == ["3", "False"]
