"""Word widths remembered across runs: the same numbers as Pillow's, and no font loaded for known words."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import ImageFont

from neslis_desktop.model import Project
from neslis_desktop.render.deck import build_deck, font_widths, textfit
from neslis_desktop.render.deck.fonts import find_font


def _new_process() -> None:
    """Forget every width held in memory, as a new process starts with none."""
    font_widths.forget()
    textfit._unit_width.cache_clear()
    textfit._cached_tokens.cache_clear()
    textfit._MEASURERS.clear()


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "cache"
    monkeypatch.setenv("NESLIS_CACHE_DIR", str(folder))
    _new_process()
    yield folder / "font-widths"
    _new_process()  # later tests measure with the session's own cache again


@pytest.fixture
def carlito() -> Path:
    path = find_font("Calibri")
    assert path is not None, "the tests need Carlito (fonts-crosextra-carlito; make test-deps installs it)"
    return path


def _fonts_loaded(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    loaded: list[Path] = []
    real = font_widths._Table.font

    def counting(self: font_widths._Table) -> object:
        if self._font is None and not self._font_failed:
            loaded.append(self.path)
        return real(self)

    monkeypatch.setattr(font_widths._Table, "font", counting)
    return loaded


def _slides_xml(project: Project) -> list[bytes]:
    built = build_deck(project)
    return [slide.part.blob for slide in built.prs.slides]


def test_a_second_run_plans_the_same_deck_without_loading_a_font(
    cache: Path, project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _slides_xml(project)
    tables = list(cache.iterdir())
    assert tables, "the first build left no width table"
    _new_process()
    loaded = _fonts_loaded(monkeypatch)
    assert _slides_xml(project) == first
    assert loaded == []


def test_the_table_holds_pillows_own_widths(cache: Path, carlito: Path) -> None:
    words = ["Strategy", "North", "East", "productivity", "Ünïcode", "—"]
    for word in words:
        font_widths.unit_width(carlito, word)
    font_widths.save()
    _new_process()
    font = ImageFont.truetype(str(carlito), font_widths.REF_SIZE, layout_engine=ImageFont.Layout.BASIC)
    table = font_widths._table(carlito)
    assert set(table.widths) == set(words)
    for word in words:
        assert table.widths[word] == font.getlength(word) / font_widths.REF_SIZE


def test_a_damaged_table_is_measured_again_and_rewritten(
    cache: Path, carlito: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    font_widths.unit_width(carlito, "Board")
    font_widths.save()
    (table,) = cache.iterdir()
    table.write_bytes(b"\x00{not json")
    _new_process()
    loaded = _fonts_loaded(monkeypatch)
    width = font_widths.unit_width(carlito, "Board")
    assert loaded == [carlito]
    assert width is not None and width > 0
    font_widths.save()
    assert b"Board" in table.read_bytes()


def test_a_font_changed_in_place_starts_a_new_table(cache: Path, carlito: Path, tmp_path: Path) -> None:
    copy = tmp_path / "Carlito-Regular.ttf"
    copy.write_bytes(carlito.read_bytes())
    font_widths.unit_width(copy, "Board")
    font_widths.save()
    stat = copy.stat()
    os.utime(copy, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))  # as an updated font would be
    _new_process()
    font_widths.unit_width(copy, "Board")
    font_widths.save()
    assert len(list(cache.iterdir())) == 2


def test_a_full_table_keeps_this_runs_words_and_the_newest_others(
    cache: Path, carlito: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(font_widths, "MAX_WORDS", 3)

    def run(*words: str) -> set[str]:
        assert all(font_widths.unit_width(carlito, w) for w in words)  # every word is measured
        font_widths.save()
        _new_process()
        return set(font_widths._table(carlito).widths)

    assert run("one", "two", "three", "four", "five") == {"three", "four", "five"}
    assert run("six") == {"four", "five", "six"}
    assert run("four", "seven") == {"six", "four", "seven"}


def test_with_the_cache_off_nothing_is_written(tmp_path: Path, carlito: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NESLIS_CACHE_DIR", "off")
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    _new_process()
    try:
        assert font_widths.unit_width(carlito, "Board")
        font_widths.save()
    finally:
        _new_process()
    assert list(tmp_path.iterdir()) == []


def test_a_file_that_is_no_font_is_not_measured(cache: Path, tmp_path: Path) -> None:
    bogus = tmp_path / "Calibri.ttf"
    bogus.write_bytes(b"not a font")
    assert font_widths.unit_width(bogus, "Board") is None
    assert not font_widths.loadable(bogus)
    font_widths.save()
    assert not cache.exists()
