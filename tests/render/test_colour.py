"""Contrast and Office colour arithmetic against published values."""

from __future__ import annotations

import pytest

from neslis_desktop.render.colour import (
    BLACK,
    WHITE,
    Contrast,
    contrast,
    hex_rgb,
    is_large,
    lum_mod_off,
    rgb_hex,
    word_tint,
)


@pytest.mark.parametrize(
    ("fg", "bg", "ratio"),
    [
        ("000000", "FFFFFF", 21.0),
        ("FFFFFF", "FFFFFF", 1.0),
        ("767676", "FFFFFF", 4.54),  # the lightest grey that passes on white (WebAIM)
        ("777777", "FFFFFF", 4.48),
        ("1D70B8", "FFFFFF", 5.17),  # GOV.UK link blue
        ("FF0000", "FFFFFF", 4.0),
    ],
)
def test_contrast_ratios(fg: str, bg: str, ratio: float) -> None:
    a, b = hex_rgb(fg), hex_rgb(bg)
    assert a and b
    assert contrast(a, b) == pytest.approx(ratio, abs=0.01)
    assert contrast(b, a) == pytest.approx(ratio, abs=0.01)


def test_large_text_thresholds() -> None:
    assert is_large(18, False) and is_large(14, True)
    assert not is_large(17.5, False) and not is_large(13, True)
    assert Contrast(hex_rgb("949494"), WHITE, 18, False).passes  # type: ignore[arg-type]
    assert not Contrast(hex_rgb("949494"), WHITE, 12, False).passes  # type: ignore[arg-type]


def test_powerpoint_lighter_and_darker() -> None:
    # PowerPoint's "Blue, Accent 1, Lighter 80%" of #4472C4 is lumMod 20% lumOff 80%: #DAE3F3.
    assert rgb_hex(lum_mod_off(hex_rgb("4472C4"), 0.2, 0.8)) == "#DAE3F3"  # type: ignore[arg-type]
    # "Darker 50%" is lumMod 50%: #203864.
    assert rgb_hex(lum_mod_off(hex_rgb("4472C4"), 0.5)) == "#203864"  # type: ignore[arg-type]


def test_word_theme_tint() -> None:
    # Word writes "Lighter 40%" of accent1 #4F81BD as themeTint 99 (60% of the colour kept) and
    # shows it as #95B3D7.
    assert rgb_hex(word_tint(hex_rgb("4F81BD"), "99")) == "#95B3D7"  # type: ignore[arg-type]


def test_not_colours() -> None:
    assert hex_rgb("auto") is None and hex_rgb("12345") is None and hex_rgb("GGGGGG") is None
    assert hex_rgb("#000000") == BLACK
