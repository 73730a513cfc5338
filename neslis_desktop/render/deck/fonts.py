"""Finding the font file behind a theme font name, on Windows, Linux and macOS.

The planner measures text with real font metrics so that what it plans fits when PowerPoint
or LibreOffice draws it. Templates name fonts ("Calibri", "Arial"); the machine may hold
those files (Windows) or only metric-compatible substitutes (Carlito, Liberation) on Linux.
This module maps a family name and style to a file, preferring the real font, then a
metric-compatible substitute, then a wide, safe fallback. ``None`` means nothing was found:
the measurer then uses a conservative estimate.
"""

from __future__ import annotations

import os
import sys
from functools import lru_cache
from pathlib import Path

# File name stems (lower case, without extension) per family and style
# (regular, bold, italic, bold italic). Windows names first, then common Linux/macOS ones.
_FILES: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "calibri": (("calibri",), ("calibrib",), ("calibrii",), ("calibriz",)),
    "calibri light": (("calibril",), ("calibrib",), ("calibrili",), ("calibriz",)),
    "cambria": (("cambria",), ("cambriab",), ("cambriai",), ("cambriaz",)),
    "arial": (("arial",), ("arialbd",), ("ariali",), ("arialbi",)),
    "helvetica": (
        ("helvetica", "arial"),
        ("helvetica-bold", "arialbd"),
        ("helvetica-oblique", "ariali"),
        ("helvetica-boldoblique", "arialbi"),
    ),
    "times new roman": (("times", "timesnewroman"), ("timesbd",), ("timesi",), ("timesbi",)),
    "courier new": (("cour",), ("courbd",), ("couri",), ("courbi",)),
    "segoe ui": (("segoeui",), ("segoeuib",), ("segoeuii",), ("segoeuiz",)),
    "verdana": (("verdana",), ("verdanab",), ("verdanai",), ("verdanaz",)),
    "tahoma": (("tahoma",), ("tahomabd",), ("tahoma",), ("tahomabd",)),
    "georgia": (("georgia",), ("georgiab",), ("georgiai",), ("georgiaz",)),
    "carlito": (("carlito-regular",), ("carlito-bold",), ("carlito-italic",), ("carlito-bolditalic",)),
    "caladea": (("caladea-regular",), ("caladea-bold",), ("caladea-italic",), ("caladea-bolditalic",)),
    "liberation sans": (
        ("liberationsans-regular",),
        ("liberationsans-bold",),
        ("liberationsans-italic",),
        ("liberationsans-bolditalic",),
    ),
    "liberation serif": (
        ("liberationserif-regular",),
        ("liberationserif-bold",),
        ("liberationserif-italic",),
        ("liberationserif-bolditalic",),
    ),
    "liberation mono": (
        ("liberationmono-regular",),
        ("liberationmono-bold",),
        ("liberationmono-italic",),
        ("liberationmono-bolditalic",),
    ),
    "dejavu sans": (("dejavusans",), ("dejavusans-bold",), ("dejavusans-oblique",), ("dejavusans-boldoblique",)),
}

# Metric-compatible (or, for unknown fonts, wider and so safe) substitutes, in order.
_SUBSTITUTES: dict[str, tuple[str, ...]] = {
    "calibri": ("carlito",),
    # Calibri Light is a little narrower than Calibri; Carlito measures it conservatively.
    "calibri light": ("calibri", "carlito"),
    "cambria": ("caladea",),
    "arial": ("liberation sans",),
    "helvetica": ("arial", "liberation sans"),
    "times new roman": ("liberation serif",),
    "courier new": ("liberation mono",),
}
_LAST_RESORT = ("liberation sans", "dejavu sans")
_EXTENSIONS = (".ttf", ".otf", ".ttc")


def font_dirs() -> list[Path]:
    """Folders where fonts are installed on this platform, user folders included."""
    home = Path.home()
    dirs: list[Path] = []
    if sys.platform.startswith("win"):
        windir = os.environ.get("WINDIR", r"C:\Windows")
        dirs.append(Path(windir) / "Fonts")
        local = os.environ.get("LOCALAPPDATA")
        if local:
            dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    elif sys.platform == "darwin":
        dirs += [Path("/System/Library/Fonts"), Path("/Library/Fonts"), home / "Library" / "Fonts"]
    else:
        dirs += [
            Path("/usr/share/fonts"),
            Path("/usr/local/share/fonts"),
            home / ".local" / "share" / "fonts",
            home / ".fonts",
        ]
    return dirs


@lru_cache(maxsize=1)
def _index() -> dict[str, Path]:
    """Every font file under the font folders, by lower-case stem (first found wins)."""
    found: dict[str, Path] = {}
    for folder in font_dirs():
        try:
            if not folder.is_dir():
                continue
            for path in folder.rglob("*"):
                if path.suffix.lower() in _EXTENSIONS:
                    found.setdefault(path.stem.lower(), path)
        except OSError:
            continue
    return found


def _style_index(bold: bool, italic: bool) -> int:
    return (2 if italic else 0) + (1 if bold else 0)


def _direct(family: str, bold: bool, italic: bool) -> Path | None:
    index = _index()
    key = family.strip().lower()
    names = _FILES.get(key)
    if names is not None:
        for stem in names[_style_index(bold, italic)]:
            if stem in index:
                return index[stem]
        return None
    # An unlisted family: try the usual file names made from it.
    compact = key.replace(" ", "")
    dashed = key.replace(" ", "-")
    suffixes = {
        (False, False): ("", "-regular", "regular"),
        (True, False): ("-bold", "bd", "b", "bold"),
        (False, True): ("-italic", "i", "italic"),
        (True, True): ("-bolditalic", "bi", "z", "bolditalic"),
    }
    for base in (compact, dashed):
        for suffix in suffixes[(bold, italic)]:
            if base + suffix in index:
                return index[base + suffix]
    return None


@lru_cache(maxsize=64)
def find_font(family: str, bold: bool = False, italic: bool = False) -> Path | None:
    """The file to measure ``family`` in the given style with; ``None`` when nothing fits.

    Order: the font itself, its metric-compatible substitutes, then Liberation Sans or DejaVu
    Sans (wide, so text measured with them fits when drawn in most fonts). A missing bold or
    italic style falls back to the regular style of the same choice.
    """
    key = family.strip().lower()
    candidates = [key, *_SUBSTITUTES.get(key, ()), *_LAST_RESORT]
    for styles in ((bold, italic), (bold, False), (False, False)):
        for name in candidates:
            path = _direct(name, *styles)
            if path is not None:
                return path
    return None
