"""The deck inspector: reads a written .pptx as it will be shown and lists what needs fixing.

It knows nothing of the planner: it resolves every shape's real box, font, size, insets,
autofit and colours from the file (slide, layout, master, theme) and checks each slide
(:mod:`.checks`; the cells of native tables: :mod:`.tablecheck`) and each run of continued
slides (:mod:`.sequence`). The build runs it on every deck it writes and reports each
finding; ``neslis build --strict`` refuses a deck with any.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING

from neslis_desktop.render.deck.inspect.checks import SlideCheck
from neslis_desktop.render.deck.inspect.facts import SlideFacts
from neslis_desktop.render.deck.inspect.findings import KINDS, Finding, section_of
from neslis_desktop.render.deck.inspect.measure import font_notes
from neslis_desktop.render.deck.inspect.read import slide_facts
from neslis_desktop.render.deck.inspect.sequence import sequence_findings
from neslis_desktop.render.deck.inspect.tablecheck import TableCheck
from neslis_desktop.render.slide_memo import Memo

if TYPE_CHECKING:  # python-pptx only when a deck is read: the app's preview imports the findings
    from pptx.presentation import Presentation as PresentationObj


class Report:
    """The inspector's verdict on a deck: its findings, and notes on how it measured."""

    def __init__(self, findings: list[Finding], notes: list[str], slides: int) -> None:
        self.findings = findings
        self.notes = notes
        self.slides = slides

    @property
    def ok(self) -> bool:
        return not self.findings

    def lines(self) -> list[str]:
        return [str(f) for f in self.findings]


SLIDES_INSPECTED: Memo[tuple[Finding, ...]] = Memo(4096)
"""What the checks inside a slide found, by its number, size, notes and digests (:attr:`SlideFacts.key`):
a Generate after an edit inspects again only the slides that changed."""


def inspect_facts(slides: list[SlideFacts]) -> list[Finding]:
    """The findings of already-read slides (slide checks, then checks across continued slides)."""
    findings: list[Finding] = []
    for slide in slides:
        # The slide's size is the presentation's and its notes a part of their own: not in its digests.
        key = (slide.number, slide.width, slide.height, slide.notes, slide.key) if slide.key is not None else None
        found = SLIDES_INSPECTED.get(key) if key is not None else None
        if found is None:
            check = SlideCheck(slide)
            check.run()
            TableCheck(check).run()  # adds to the slide's findings (through ``check.say``)
            found = tuple(check.findings)
            if key is not None:
                SLIDES_INSPECTED.put(key, found)
        findings += found
    findings += sequence_findings(slides)
    findings.sort(key=lambda f: f.slide)
    return findings


def inspect_deck(deck: Path | bytes | PresentationObj, facts: list[SlideFacts] | None = None) -> Report:
    """Inspect the deck at ``deck`` (a path, the file's bytes, or an open presentation).

    ``facts``: its slides as already read, when the caller has them (a build does, see
    :class:`~neslis_desktop.render.deck.BuiltDeck`); they must be those of ``deck`` as it is now.
    """
    if facts is not None:
        return _report(facts)
    from pptx import Presentation

    if isinstance(deck, (str, Path)):
        prs = Presentation(str(deck))
    elif isinstance(deck, bytes):
        prs = Presentation(io.BytesIO(deck))
    else:
        prs = deck
    return _report(slide_facts(prs))


def _report(slides: list[SlideFacts]) -> Report:
    families = {r.family for s in slides for sh in s.shapes for p in sh.paras for r in p.runs if r.text.strip()}
    return Report(inspect_facts(slides), font_notes(families), len(slides))


__all__ = ["KINDS", "Finding", "Report", "inspect_deck", "inspect_facts", "section_of"]
