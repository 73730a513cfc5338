"""Tiles page images (PNG) into one labelled grid, to look at a whole deck at a glance.

Used to make ``docs/deck/contact-sheet*.png`` from a deck rendered with LibreOffice and
pdftoppm. Needs only Pillow::

    .venv/bin/python tools/contact_sheet.py OUT.png page-01.png page-02.png ... [--columns 4]
        [--width 480] [--title "Deck, bundled template"]

The sheets in docs/deck were made from ``neslis build`` decks (bundled template, Pandoc's
reference.pptx, LibreOffice's Vivid saved as .pptx) with ``soffice --convert-to pdf``,
``pdftoppm -png -r 48`` and ``--columns 5 --width 320``. LibreOffice on Linux has no alias
for "Calibri Light", so a fontconfig file mapping it to Carlito (as Calibri is) was given
in ``FONTCONFIG_FILE`` to show titles at the metrics PowerPoint uses.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Sequence
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

LABEL_H = 22
PAD = 10
BACKGROUND = (236, 239, 242)
INK = (30, 34, 40)


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    for name in ("DejaVuSans.ttf", "LiberationSans-Regular.ttf", "Carlito-Regular.ttf"):
        try:
            return ImageFont.truetype(name, size)
        except OSError:
            continue
    return ImageFont.load_default()


def contact_sheet(pages: Sequence[Path], out: Path, *, columns: int = 4, width: int = 480, title: str = "") -> Path:
    """Write a grid of ``pages`` (scaled to ``width`` px), each labelled with its number, to ``out``."""
    if not pages:
        raise ValueError("no pages to tile")
    thumbs = []
    for page in pages:
        with Image.open(page) as img:
            rgb = img.convert("RGB")
            height = round(rgb.height * width / rgb.width)
            thumbs.append(rgb.resize((width, height), Image.Resampling.LANCZOS))
    cell_h = max(t.height for t in thumbs) + LABEL_H
    rows = -(-len(thumbs) // columns)
    head = 34 if title else 0
    sheet = Image.new("RGB", (PAD + columns * (width + PAD), head + PAD + rows * (cell_h + PAD)), BACKGROUND)
    draw = ImageDraw.Draw(sheet)
    if title:
        draw.text((PAD, 8), title, fill=INK, font=_font(20))
    label_font = _font(14)
    for i, thumb in enumerate(thumbs):
        x = PAD + (i % columns) * (width + PAD)
        y = head + PAD + (i // columns) * (cell_h + PAD)
        draw.text((x, y + 3), f"{i + 1}", fill=INK, font=label_font)
        sheet.paste(thumb, (x, y + LABEL_H))
        draw.rectangle((x - 1, y + LABEL_H - 1, x + thumb.width, y + LABEL_H + thumb.height), outline=(160, 166, 174))
    out.parent.mkdir(parents=True, exist_ok=True)
    sheet.save(out, optimize=True)
    return out


def _natural(path: Path) -> list[object]:
    """Sort key putting page-2 before page-10."""
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", path.name)]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("pages", type=Path, nargs="+")
    parser.add_argument("--columns", type=int, default=4)
    parser.add_argument("--width", type=int, default=480)
    parser.add_argument("--title", default="")
    args = parser.parse_args(argv)
    contact_sheet(sorted(args.pages, key=_natural), args.out, columns=args.columns, width=args.width, title=args.title)
    print(args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
