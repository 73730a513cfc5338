"""Draws the bundled evidence example's pictures: an arch bridge over a river, and a logo.

Made with Pillow so that the example holds no third-party image; run it to rebuild
``content/evidence-example/assets/tyne-bridge-drawing.png`` and ``example-logo.png`` (the
logo of no real partner: a mark for the example itself).
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

W, H = 1200, 675
OUT = Path(__file__).resolve().parent.parent / "content" / "evidence-example" / "assets" / "tyne-bridge-drawing.png"


def draw() -> Image.Image:
    image = Image.new("RGB", (W, H), "#E6EDF3")
    d = ImageDraw.Draw(image)
    for i in range(12):  # sky bands, lighter towards the horizon
        shade = 200 + i * 4
        d.rectangle([0, i * 35, W, (i + 1) * 35], fill=(shade - 40, shade - 20, shade))
    d.rectangle([0, 430, W, H], fill="#1F5FA8")  # river
    for y in range(450, H, 28):
        d.line([(40, y), (W - 40, y)], fill="#3D78BD", width=3)
    d.polygon([(0, 380), (220, 360), (260, 430), (0, 430)], fill="#5B6770")  # banks
    d.polygon([(W, 370), (W - 240, 355), (W - 270, 430), (W, 430)], fill="#5B6770")
    d.rectangle([150, 250, 230, 430], fill="#8A8F94")  # towers
    d.rectangle([W - 230, 250, W - 150, 430], fill="#8A8F94")
    d.arc([240, 120, W - 240, 760], start=180, end=360, fill="#00778A", width=26)  # the arch
    d.rectangle([150, 330, W - 150, 348], fill="#1B1F24")  # the deck
    for x in range(290, W - 280, 45):  # hangers from arch to deck
        t = (x - 240) / (W - 480)
        top = 440 - int(320 * (1 - (2 * t - 1) ** 2) ** 0.5)
        d.line([(x, top), (x, 330)], fill="#00778A", width=4)
    return image


def logo() -> Image.Image:
    image = Image.new("RGB", (480, 160), "#FFFFFF")
    d = ImageDraw.Draw(image)
    d.rounded_rectangle([4, 4, 475, 155], radius=24, outline="#14284B", width=6)
    d.arc([24, 28, 134, 138], start=180, end=360, fill="#00778A", width=14)  # the bridge mark
    d.rectangle([20, 84, 140, 94], fill="#14284B")
    font = ImageFont.load_default(size=46)  # Pillow's own bundled font: nothing from the system
    d.text((164, 26), "NESLIS", fill="#14284B", font=font)
    d.text((164, 84), "example", fill="#00778A", font=font)
    return image


def main() -> int:
    OUT.parent.mkdir(parents=True, exist_ok=True)
    draw().save(OUT, optimize=True)
    logo().save(OUT.with_name("example-logo.png"), optimize=True)
    print(OUT)
    return 0


if __name__ == "__main__":
    sys.exit(main())
