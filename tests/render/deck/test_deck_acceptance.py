"""The bundled project's deck, built through ``neslis build``, carries the whole seed deck.

Built once per template per session: with the bundled template (all checks), Pandoc's
reference.pptx and a LibreOffice export (seed text, validity, everything inside the slide).
The bundled deck is also rendered by LibreOffice, and its pages checked for ink at the edges.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from deckread import deck_text, new_violations, off_slide, open_deck, title_of
from office import pdf_pages, soffice_convert
from PIL import Image
from seedcheck import missing_lines

MIN_SLIDES = 25


def _build(project_dir: Path, out: Path, template: Path | None = None) -> Path:
    neslis = Path(sys.executable).with_name("neslis")
    cmd = [
        str(neslis) if neslis.exists() else shutil.which("neslis") or "neslis",
        "build",
        str(project_dir),
        "-o",
        str(out),
        "--only",
        "deck",
        "-q",
    ]
    if template is not None:
        cmd += ["--deck-template", str(template)]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=300, check=False)
    assert proc.returncode == 0, f"neslis build failed:\n{proc.stdout}\n{proc.stderr}"
    decks = list(out.glob("*-deck.pptx"))
    assert len(decks) == 1, proc.stdout
    return decks[0]


@pytest.fixture(scope="module")
def bundled_deck(bundled_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(bundled_dir, tmp_path_factory.mktemp("deck-bundled"))


@pytest.fixture(scope="module")
def rendered_pages(bundled_deck: Path, tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    out = tmp_path_factory.mktemp("deck-render")
    pdf = soffice_convert(bundled_deck, "pdf", out)
    return pdf_pages(pdf, out / "pages", dpi=30)


def test_bundled_deck_is_complete_titled_and_valid(
    bundled_deck: Path, seed_lines: list[str], validate: Callable[..., str]
) -> None:
    deck = open_deck(bundled_deck)
    titles = [title_of(slide) for slide in deck.slides]
    assert len(titles) >= MIN_SLIDES
    assert all(t.strip() for t in titles), titles
    assert len(set(titles)) == len(titles), [t for t in titles if titles.count(t) > 1]
    assert missing_lines(deck_text(deck), seed_lines) == []
    validate(bundled_deck)


def test_bundled_deck_keeps_every_shape_on_the_slide(bundled_deck: Path) -> None:
    assert off_slide(open_deck(bundled_deck)) == []


@pytest.mark.parametrize("source", ["pandoc", "libreoffice"])
@pytest.mark.slow
def test_foreign_templates_carry_the_seed_and_stay_valid(
    source: str,
    *,
    bundled_dir: Path,
    tmp_path: Path,
    seed_lines: list[str],
    pandoc_reference: Callable[[str], Path],
    libreoffice_template: Callable[[str], Path],
) -> None:
    template = pandoc_reference("pptx") if source == "pandoc" else libreoffice_template("Vivid")
    path = _build(bundled_dir, tmp_path, template)
    deck = open_deck(path)
    assert missing_lines(deck_text(deck), seed_lines) == []
    assert all(title_of(slide).strip() for slide in deck.slides)
    assert off_slide(deck) == []
    assert new_violations(template, path) == set()


@pytest.mark.slow
def test_rendered_pages_match_the_deck_and_keep_a_clean_margin(bundled_deck: Path, rendered_pages: list[Path]) -> None:
    deck = open_deck(bundled_deck)
    assert len(rendered_pages) == len(deck.slides)
    for number, page in enumerate(rendered_pages, start=1):
        with Image.open(page) as image:
            rgb = image.convert("RGB")
        width, height = rgb.size
        assert abs(width / height - 16 / 9) < 0.02
        # Slides with a light background keep their right and bottom edges free of ink (text running
        # off the slide); the master's accent bar is at the top and a divider's band on the left.
        background = rgb.getpixel((width // 2, height - 2))
        if sum(background) < 600:  # type: ignore[arg-type]
            continue
        column = [rgb.getpixel((width - 2, y)) for y in range(height // 10, height - 2)]
        assert not [p for p in column if sum(p) < 600], f"page {number}: something runs off the right edge"  # type: ignore[arg-type]
        row = [rgb.getpixel((x, height - 2)) for x in range(width // 20, width - 2)]
        assert not [p for p in row if sum(p) < 600], f"page {number}: something runs off the bottom"  # type: ignore[arg-type]


@pytest.mark.slow
def test_contact_sheet_tiles_the_rendered_pages(rendered_pages: list[Path], tmp_path: Path) -> None:
    import runpy

    tool = runpy.run_path(str(Path(__file__).resolve().parents[3] / "tools" / "contact_sheet.py"))
    sheet = tool["contact_sheet"](rendered_pages, tmp_path / "sheet.png", columns=5, width=200, title="Deck")
    with Image.open(sheet) as image:
        rows = -(-len(rendered_pages) // 5)
        assert image.width == 10 + 5 * 210
        assert image.height > rows * 112
