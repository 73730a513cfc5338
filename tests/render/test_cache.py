"""The cross-run cache: a template checked once is not parsed again, and any change is checked."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

from neslis_desktop.errors import TemplateError
from neslis_desktop.render import template_guard
from neslis_desktop.resources import bundled_deck_template
from neslis_desktop.store import cache


@pytest.fixture
def fresh_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("NESLIS_CACHE_DIR", str(folder))
    template_guard._PASSED.clear()  # the in-process memory would hide the disk cache
    return folder


def _count_inspections(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    seen: list[Path] = []
    real = template_guard._inspect

    def counting(path: Path, kind: template_guard.Kind) -> str:
        seen.append(path)
        return real(path, kind)

    monkeypatch.setattr(template_guard, "_inspect", counting)
    return seen


def test_a_template_that_passed_is_not_parsed_by_the_next_run(
    fresh_cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = _count_inspections(monkeypatch)
    copy = tmp_path / "deck.pptx"
    shutil.copyfile(bundled_deck_template(), copy)
    template_guard.check_template(copy, "pptx")
    template_guard._PASSED.clear()  # as a new process starts
    template_guard.check_template(copy, "pptx")
    assert seen == [copy]
    assert len(list((fresh_cache / "templates").iterdir())) == 1


def test_a_changed_or_renamed_template_is_checked_again(
    fresh_cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = tmp_path / "deck.pptx"
    shutil.copyfile(bundled_deck_template(), copy)
    template_guard.check_template(copy, "pptx")
    template_guard._PASSED.clear()
    macro = tmp_path / "deck.pptm"  # the same bytes under a macro-enabled name are still refused
    shutil.copyfile(copy, macro)
    with pytest.raises(TemplateError, match="macro-enabled"):
        template_guard.check_template(macro, "pptx")
    with zipfile.ZipFile(copy, "a") as z:  # a part added: different content, checked afresh
        z.writestr("customXml/item9.xml", "<not-closed>")
    with pytest.raises(TemplateError, match="not well-formed"):
        template_guard.check_template(copy, "pptx")


def test_a_cache_that_cannot_be_written_changes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", "utf-8")
    monkeypatch.setenv("NESLIS_CACHE_DIR", str(blocker / "cache"))
    template_guard._PASSED.clear()
    template_guard.check_template(bundled_deck_template(), "pptx")  # no error: the cache is only an aid
    assert blocker.read_text("utf-8") == "not a folder"
    monkeypatch.setenv("NESLIS_CACHE_DIR", "off")
    assert cache.cache_dir() is None
