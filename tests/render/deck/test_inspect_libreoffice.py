"""The inspector's fit verdicts against where LibreOffice really puts the words.

A sample of decks is rendered to PDF by LibreOffice (with ``tools/fonts.conf``, which maps
Calibri to Carlito as the inspector measures it), and ``pdftotext -bbox-layout`` gives every
word's box. A word outside every text box of its slide is an overflow LibreOffice shows; the
inspector must have flagged that slide for it (overflow, broken word, off-slide or overlap).
The sample includes a slide made here that overflows on purpose, so the comparison is shown
to find overflows even when the builds no longer make any.

Where the two disagree the other way (the inspector says "does not fit", LibreOffice fits
it), LibreOffice is the milder judge: it shrinks "shrink on overflow" text as it draws, which
PowerPoint does only once someone edits the box. The inspector follows PowerPoint there.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from corpus import mutate
from lxml import etree
from office import REPO, require_tool
from pptx import Presentation

from neslis_desktop.render.deck import write_deck
from neslis_desktop.render.deck.inspect import inspect_deck
from neslis_desktop.render.deck.inspect.read import slide_facts
from neslis_desktop.render.deck.plan import EMU_PER_PT, Rect
from neslis_desktop.resources import bundled_deck_template
from neslis_desktop.store import load_project

STRESS = Path(__file__).resolve().parent / "data" / "stress-lis"
SLACK = 4 * EMU_PER_PT
"""LibreOffice's and the box's edges may differ by this much (rounding, glyph overhang)."""
CAUGHT = {"overflow", "broken-word", "off-slide", "overlap", "covers-title"}


def _words(pdf: Path) -> list[tuple[float, list[tuple[str, float, float, float, float]]]]:
    """Per page: its width in points and its words as (text, x0, y0, x1, y1) in points."""
    html = subprocess.run(
        [require_tool("pdftotext"), "-bbox-layout", str(pdf), "-"], capture_output=True, check=True, timeout=120
    ).stdout
    root = etree.fromstring(html, etree.HTMLParser())
    pages = []
    for page in root.iter("page"):
        words = [
            (w.text or "", float(w.get("xmin")), float(w.get("ymin")), float(w.get("xmax")), float(w.get("ymax")))
            for w in page.iter("word")
        ]
        pages.append((float(page.get("width")), words))
    return pages


def _inside(x0: int, y0: int, x1: int, y1: int, r: Rect) -> bool:
    return r.x - SLACK <= x0 and x1 <= r.right + SLACK and r.y - SLACK <= y0 and y1 <= r.bottom + SLACK


def _known_overflow(target: Path) -> Path:
    """A slide made with python-pptx whose text box is far too small for its text (no autofit)."""
    from pptx.enum.text import MSO_AUTO_SIZE
    from pptx.util import Inches, Pt

    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[5])
    slide.shapes.title.text = "Governance"
    box = slide.shapes.add_textbox(Inches(1), Inches(2), Inches(4), Inches(0.6))
    box.name = "Prosperity Review Panel"
    box.text_frame.word_wrap = True
    box.text_frame.auto_size = MSO_AUTO_SIZE.NONE
    box.text_frame.text = "Members from every council, university, college and business body of the region. " * 3
    box.text_frame.paragraphs[0].runs[0].font.size = Pt(18)
    prs.save(str(target))
    return target


@pytest.mark.slow
def test_no_overflow_libreoffice_shows_is_missed(
    tmp_path: Path,
    bundled_dir: Path,
    pandoc_reference: Callable[[str], Path],
    libreoffice_template: Callable[[str], Path],
) -> None:
    bundled, stress = load_project(bundled_dir), load_project(STRESS)
    mid = mutate(pandoc_reference("pptx"), "title-mid-slide", tmp_path / "pandoc-mid.pptx")
    sample = {
        "bundled": (bundled, bundled_deck_template()),
        "stress-bundled": (stress, bundled_deck_template()),
        "stress-pandoc-mid": (stress, mid),
        "bundled-candy": (bundled, libreoffice_template("Candy")),
    }
    decks = []
    for name, (project, template) in sample.items():
        deck = tmp_path / f"{name}.pptx"
        write_deck(project, deck, template=template)
        decks.append(deck)
    decks.append(_known_overflow(tmp_path / "known-overflow.pptx"))
    env = dict(os.environ, FONTCONFIG_FILE=str(REPO / "tools" / "fonts.conf"))
    subprocess.run(
        [
            require_tool("soffice"),
            f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            *map(str, decks),
        ],
        capture_output=True,
        timeout=600,
        check=False,
        env=env,
    )
    missed: list[str] = []
    shown = 0
    for deck in decks:
        pdf = deck.with_suffix(".pdf")
        assert pdf.exists(), f"LibreOffice did not render {deck.name}"
        prs = Presentation(str(deck))
        facts = slide_facts(prs)
        flagged = {(f.slide, f.shape) for f in inspect_deck(prs).findings if f.kind in CAUGHT}
        flagged_slides = {s for s, _ in flagged}
        for slide, (width_pt, words) in zip(facts, _words(pdf), strict=True):
            scale = slide.width / width_pt  # EMU per PDF point
            boxes = [s.rect for s in slide.shapes if s.text]
            for text, *pts in words:
                x0, y0, x1, y1 = (round(v * scale) for v in pts)
                if any(_inside(x0, y0, x1, y1, r) for r in boxes):
                    continue
                shown += 1
                if slide.number not in flagged_slides:
                    missed.append(f"{deck.stem} slide {slide.number}: '{text}' drawn outside every box")
    print(f"\n{shown} words drawn outside their boxes by LibreOffice, {len(missed)} on slides the inspector passed")
    assert missed == []
    assert shown > 0, "the sample must include overflows LibreOffice shows, or this test proves nothing"
