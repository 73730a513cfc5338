"""Text measurement against known widths: real font metrics, PowerPoint-like word wrap, fallbacks."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from neslis_desktop.model.inline import Run
from neslis_desktop.render.deck import fonts as fonts_mod
from neslis_desktop.render.deck import textfit
from neslis_desktop.render.deck.fonts import find_font
from neslis_desktop.render.deck.plan import EMU_PER_INCH, EMU_PER_PT, Para, Rect, TextFrame, TextStyle, ThemeFonts
from neslis_desktop.render.deck.textfit import Measurer, measurer

M = measurer(ThemeFonts("Calibri Light", "Calibri"))


def p(text: str, bullet: str = "none", level: int = 0) -> Para:
    return Para([Run(text)], level, bullet)  # type: ignore[arg-type]


def test_calibri_is_measured_with_calibri_or_its_metric_twin_carlito() -> None:
    path = find_font("Calibri")
    assert path is not None
    assert path.stem.lower() in {"calibri", "carlito-regular"}
    bold = find_font("Calibri", bold=True)
    assert bold is not None and bold != path and "b" in bold.stem.lower()


@pytest.mark.parametrize(
    ("family", "expected"),
    [
        ("Cambria", {"cambria", "caladea-regular", "liberationsans-regular", "dejavusans"}),
        ("Arial", {"arial", "liberationsans-regular"}),
        ("Times New Roman", {"times", "liberationserif-regular"}),
        ("Courier New", {"cour", "liberationmono-regular"}),
        ("No Such Font 123", {"liberationsans-regular", "dejavusans"}),
    ],
)
def test_theme_fonts_map_to_themselves_or_metric_compatible_substitutes(family: str, expected: set[str]) -> None:
    path = find_font(family)
    assert path is not None and path.stem.lower() in expected


def test_wide_and_narrow_letters_have_plausible_widths_at_20_pt() -> None:
    wide = M.width_pt("MMMM", 20)
    narrow = M.width_pt("iiii", 20)
    # Calibri's M is about 0.86 em, its i about 0.23 em.
    assert 60 < wide < 76
    assert 14 < narrow < 22
    assert M.width_pt("MMMM", 40) == pytest.approx(2 * wide)
    assert M.width_pt("Bold", 20, bold=True) > M.width_pt("Bold", 20)


@pytest.mark.parametrize(
    ("width_in", "size", "lines"),
    [(10.0, 20, 1), (3.0, 20, 2), (1.5, 20, 4), (3.0, 10, 1)],
)
def test_a_known_sentence_wraps_into_the_expected_number_of_lines(width_in: float, size: float, lines: int) -> None:
    # The sentence is about 5 inches long at 20 pt in Calibri.
    sentence = p("The quick brown fox jumps over the lazy dog")
    assert 4.8 < M.width_pt(sentence.text, 20) / 72 < 5.3
    assert M.lines(sentence, int(width_in * EMU_PER_INCH), size) == lines


def test_wrap_breaks_between_words_like_powerpoint() -> None:
    word = "abcdefgh"
    w = M.width_pt(word, 18)
    space = M.width_pt(" ", 18)
    # Room for exactly three words and their spaces: 10 words take 4 lines.
    width = int((3 * w + 2 * space + 0.5) * EMU_PER_PT)
    assert M.lines(p(" ".join([word] * 10)), width, 18) == 4
    assert M.lines(p(" ".join([word] * 3)), width, 18) == 1


def test_line_breaks_long_words_and_strictness() -> None:
    assert M.lines(p("one\ntwo\nthree"), 10 * EMU_PER_INCH, 12) == 3
    long_word = p("x" * 400)
    assert M.lines(long_word, 2 * EMU_PER_INCH, 12) > 5
    # A "word" too long for any line breaks even under strict; an ordinary word does not.
    assert M.lines(long_word, 2 * EMU_PER_INCH, 12, strict=True) == M.lines(long_word, 2 * EMU_PER_INCH, 12)
    assert M.lines(p("productivity"), EMU_PER_INCH // 2, 12) > 1
    assert M.lines(p("productivity"), EMU_PER_INCH // 2, 12, strict=True) >= 10**6


def test_height_counts_lines_spacing_insets_and_bullet_indents() -> None:
    frame = TextFrame([p("one"), p("two")], TextStyle(20, space_before_pt=10))
    # 2 lines of 1.2 x 20 pt, 10 pt between paragraphs, 0.05 inch inset above and below.
    expected = (2 * 24 + 10) * EMU_PER_PT + 2 * (EMU_PER_INCH // 20)
    assert M.box_height(frame, 5 * EMU_PER_INCH) == pytest.approx(expected, abs=2)
    assert M.fits(frame, Rect(0, 0, 5 * EMU_PER_INCH, expected))
    assert not M.fits(frame, Rect(0, 0, 5 * EMU_PER_INCH, expected - EMU_PER_PT))
    text = " ".join(["word"] * 30)
    plain, bulleted = p(text), p(text, "bullet", level=2)
    width = 4 * EMU_PER_INCH
    assert M.lines(bulleted, width - textfit.para_indent(bulleted, 18), 18) >= M.lines(plain, width, 18)


def test_fit_size_finds_the_largest_size_that_fits() -> None:
    frame = TextFrame([p("Improving productivity means more output can be produced with given inputs")], TextStyle(28))
    box = Rect(0, 0, 4 * EMU_PER_INCH, EMU_PER_INCH)
    size = M.fit_size(frame, box, 28, 12)
    assert size is not None and 12 <= size < 28
    assert M.fits(frame, box, size)
    assert not M.fits(frame, box, size + 1)
    assert M.fit_size(frame, Rect(0, 0, EMU_PER_INCH, EMU_PER_INCH // 10), 28, 12) is None


def test_odd_unicode_and_a_megabyte_of_text_are_measured() -> None:
    odd = p("Emoji 😀🚀 RTL שלום עליכם مرحبا combining e\u0301\u0301 CJK 中文字符 ZWJ 👩\u200d💻")
    assert 1 <= M.lines(odd, 3 * EMU_PER_INCH, 14) < 10
    huge = p("lorem ipsum dolor sit amet " * 40_000)  # about 1 MB
    assert M.lines(huge, 10 * EMU_PER_INCH, 12) > 1000
    head, tail = M.split_para(huge, 10 * EMU_PER_INCH, 12, 20)
    assert tail is not None and M.lines(head, 10 * EMU_PER_INCH, 12) <= 20
    assert len(head.text) + len(tail.text) >= len(huge.text) - 2


def test_without_any_font_file_a_cautious_estimate_is_used_and_said_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(textfit, "find_font", lambda *a, **k: None)
    m = Measurer(ThemeFonts("Nothing", "Nothing"))
    assert m.width_pt("abcd", 10) == pytest.approx(4 * 0.6 * 10)
    assert m.fallback_note is not None and "Nothing" in m.fallback_note
    note = m.fallback_note
    m.width_pt("efgh", 10, bold=True)
    assert m.fallback_note == note


def test_font_folders_cover_the_platform(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fonts_mod.sys, "platform", "win32")
    monkeypatch.setenv("WINDIR", r"C:\Windows")
    monkeypatch.setenv("LOCALAPPDATA", r"C:\Users\o\AppData\Local")
    names = [str(d).replace("\\", "/") for d in fonts_mod.font_dirs()]
    assert any(n.endswith("Windows/Fonts") for n in names)
    assert any(n.endswith("Microsoft/Windows/Fonts") for n in names)
    monkeypatch.setattr(fonts_mod.sys, "platform", "darwin")
    assert any(str(d).endswith("Library/Fonts") for d in fonts_mod.font_dirs())


def test_windows_font_file_names_are_found_in_any_font_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    carlito = find_font("Carlito")
    assert carlito is not None
    folder = tmp_path / "Fonts"
    folder.mkdir()
    for name in ("calibri.ttf", "calibrib.ttf", "arial.ttf"):
        shutil.copy(carlito, folder / name)
    monkeypatch.setattr(fonts_mod, "font_dirs", lambda: [folder])
    fonts_mod._index.cache_clear()
    fonts_mod.find_font.cache_clear()
    try:
        assert find_font("Calibri") == folder / "calibri.ttf"
        assert find_font("Calibri", bold=True) == folder / "calibrib.ttf"
        assert find_font("Calibri", italic=True) == folder / "calibri.ttf"  # no italic file: regular
        assert find_font("Helvetica") == folder / "arial.ttf"
        assert find_font("Calibri Light") == folder / "calibri.ttf"
        assert find_font("Nothing Like It") is None
    finally:
        fonts_mod._index.cache_clear()
        fonts_mod.find_font.cache_clear()
