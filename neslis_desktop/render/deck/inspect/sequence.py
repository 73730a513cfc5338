"""Checks across a section's continued slides: near-empty slides, uneven splits, size jumps.

A section that needs several slides should read as one: the same text size throughout, its
heading or banner on every slide, paragraphs split between sentences, and items shared out
evenly (ten cards as 5 + 5 of equal widths, not 3 + 2 then 4 + one wide).
"""

from __future__ import annotations

import re
from itertools import groupby, pairwise

from neslis_desktop.render.deck.inspect.facts import ShapeFacts, SlideFacts
from neslis_desktop.render.deck.inspect.findings import Finding, run_of, section_of
from neslis_desktop.render.deck.inspect.measure import fit

_NUMBERED = re.compile(r"^(.*?)\s*(\d+)$")
_SENTENCE_END = re.compile(r"[.!?:;…)\"'”’]\s*$")
NEAR_EMPTY_LINES = 1
"""A continued slide with this many lines of text or fewer is near-empty."""


def _content(slide: SlideFacts) -> list[ShapeFacts]:
    return [
        s
        for s in slide.shapes
        if s.layer == "slide" and s.text and not s.is_footer and s.ph_type not in ("title", "ctrTitle")
    ]


def _items(slide: SlideFacts) -> dict[str, list[ShapeFacts]]:
    """Numbered shapes ("Card 3", "Target 1") by their name without the number."""
    out: dict[str, list[ShapeFacts]] = {}
    for s in slide.shapes:
        if s.layer != "slide" or s.kind == "placeholder":
            continue
        m = _NUMBERED.match(s.name)
        if m and m.group(1) and " " not in m.group(1).strip():
            out.setdefault(m.group(1).strip(), []).append(s)
    return out


def _singles(slide: SlideFacts) -> dict[str, ShapeFacts]:
    return {
        s.name: s
        for s in slide.shapes
        if s.layer == "slide" and s.kind in ("text", "shape") and s.text and not any(ch.isdigit() for ch in s.name)
    }


def _main_size(slide: SlideFacts) -> float | None:
    sizes = [
        r.size
        for s in _content(slide)
        if s.ph_type in ("body", "obj")
        for p in s.paras
        for r in p.runs
        if r.text.strip()
    ]
    return max(set(sizes), key=sizes.count) if sizes else None


def _chains(group: list[SlideFacts]) -> list[list[SlideFacts]]:
    """A section's slides cut where a new block starts: other kinds of item, or another heading."""
    chains: list[list[SlideFacts]] = []
    for slide in group:
        if chains:
            prev = chains[-1][-1]
            lead_a, lead_b = _singles(prev).get("Lead"), _singles(slide).get("Lead")
            same_items = set(_items(prev)) == set(_items(slide))
            same_lead = lead_a is None or lead_b is None or lead_a.text == lead_b.text
            text_run = not _items(prev) and not _items(slide)
            if (same_items and same_lead) or text_run:
                chains[-1].append(slide)
                continue
        chains.append([slide])
    return chains


def sequence_findings(slides: list[SlideFacts]) -> list[Finding]:
    """Findings about runs of slides of one section."""
    findings: list[Finding] = []
    for run, group_iter in groupby(slides, key=lambda s: run_of(s.title)):
        section = section_of(run)
        if not section:
            continue
        for chain in _chains(list(group_iter)):
            if len(chain) > 1:
                findings += _group(section, chain)
    return findings


def _group(section: str, group: list[SlideFacts]) -> list[Finding]:
    out: list[Finding] = []

    def say(slide: SlideFacts, shape: str, kind: str, message: str) -> None:
        # The box the app marks: the shape named, the first of a kind of items ("Card"), else
        # the slide's text; a problem of a run of slides is shown on the slide it names.
        content = _content(slide)
        named = [s for s in slide.shapes if s.layer == "slide" and s.name == shape] or _items(slide).get(shape, [])
        where = named[0] if named else next(iter(content), None)
        box = where.rect if where is not None else None
        out.append(Finding(slide.number, section, shape, kind, message, box=box, slide_title=slide.title))

    for prev, cur in pairwise(group):
        lines = sum(fit(s).lines for s in _content(cur))
        before = sum(fit(s).lines for s in _content(prev))
        items_now = sum(len(v) for v in _items(cur).values())
        # A slide that holds a chart, table or picture is not near-empty for its few lines of text.
        graphic = any(s.layer == "slide" and s.kind in ("other", "table", "picture") for s in cur.shapes)
        if 0 < lines <= NEAR_EMPTY_LINES and before >= 3 and items_now <= 1 and not graphic:
            say(
                cur,
                "",
                "near-empty",
                f"this continued slide holds only {lines} line of text; fit it on slide "
                f"{prev.number} or share the text out evenly.",
            )
        a, b = _main_size(prev), _main_size(cur)
        if a is not None and b is not None and abs(a - b) > 2:
            say(
                cur,
                "",
                "size-jump",
                f"the text is set at {b:g} pt here but {a:g} pt on slide {prev.number}; "
                "keep one size across a continued section.",
            )
        prev_body = [s for s in _content(prev) if s.ph_type in ("body", "obj")]
        cur_body = [s for s in _content(cur) if s.ph_type in ("body", "obj")]
        if prev_body and cur_body:
            last = prev_body[-1].paras[-1].text.strip() if prev_body[-1].paras else ""
            nxt = cur_body[0].paras[0].text.strip() if cur_body[0].paras else ""
            if last and nxt and not _SENTENCE_END.search(last) and nxt[:1].islower():
                say(
                    cur,
                    cur_body[0].name,
                    "mid-sentence",
                    f"a sentence is cut between slide {prev.number} and this "
                    f"one ('…{last[-30:]}' / '{nxt[:30]}…'); split between sentences.",
                )
        for name, shape in _singles(prev).items():
            if name not in _singles(cur) and _items(cur) and _items(prev):
                say(
                    cur,
                    name,
                    "lost-heading",
                    f"the '{name}' ('{shape.text[:40]}') of slide {prev.number} is not "
                    "repeated on this continued slide; repeat it.",
                )
    # Uneven splits of numbered items (cards, tiles, steps) between slides.
    kinds = set.intersection(*(set(_items(s)) for s in group)) if group else set()
    for kind in sorted(kinds):
        counts = [len(_items(s)[kind]) for s in group]
        # Each slide's column width: its most common item width (a card spanning the row is wide on purpose).
        per_slide = [[round(x.rect.w / 12_700) for x in _items(s)[kind]] for s in group]
        widths = sorted({max(set(ws), key=ws.count) for ws in per_slide if ws})
        if max(counts) - min(counts) > 2 or 2 * min(counts) < max(counts):
            say(
                group[counts.index(min(counts))],
                kind,
                "uneven-split",
                f"the boxes named '{kind} …' are split unevenly over the slides ({' + '.join(map(str, counts))}); "
                "share them out evenly.",
            )
        elif len(widths) > 1 and widths[-1] > widths[0] * 1.1 and kind in ("Card", "Target", "Tile"):
            say(
                group[-1],
                kind,
                "uneven-split",
                f"the boxes named '{kind} …' have different widths on the slides "
                "of this section; give every slide the same grid.",
            )
    return out
