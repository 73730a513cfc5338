"""The planner's second look: sections the inspector finds problems on are planned again.

The planner measures with the theme's fonts and the layouts' boxes; the inspector reads the
written slide, with the fonts, sizes and insets the template really gives each shape. Where
they disagree (a layout that sets a wider body font, bigger insets, a decoration in the body
area) the inspector's verdict wins: each section with problems is planned again in a few
smaller body areas (so its text is set smaller, within the floors, or split at sentence and
item boundaries, and its grids re-flow), the deck is drawn and inspected again, and each
section keeps the candidate with the least severe problems. Sections without problems are
never re-planned, a deck without problems costs one inspection, and the number of trial
builds is bounded by :data:`CANDIDATES` (all sections try the same candidate in one build of
a deck holding only them, which is sound because a section's slides depend only on its own
content and geometry; the final deck is then built whole, once, and inspected again).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from neslis_desktop.model import Project
from neslis_desktop.model.inline import plain_text
from neslis_desktop.render.deck import BuiltDeck, build_deck
from neslis_desktop.render.deck.inspect import Report, inspect_deck
from neslis_desktop.render.deck.inspect.findings import Finding
from neslis_desktop.render.deck.plan import Frame, LayoutRole, Rect

CANDIDATES: tuple[float, ...] = (0.92, 0.85, 0.76, 0.66)
"""Each candidate plans a section's body (text area and diagram area) in this fraction of the
layout's width and height, centred across and kept at the top. At most this many trial builds."""

SEVERITY: dict[str, int] = {
    "overflow": 5,
    "off-slide": 5,
    "covers-title": 5,
    "overlap": 4,
    "broken-word": 4,
    "connector": 3,
    "contrast": 3,
    "small-text": 2,
    "empty-placeholder": 2,
    "markup": 2,
    "near-empty": 1,
    "uneven-split": 1,
    "size-jump": 1,
    "mid-sentence": 1,
    "lost-heading": 1,
}
"""How bad each kind of finding is: an unreadable slide outweighs an uneven split."""


def score(findings: Sequence[Finding]) -> tuple[int, int]:
    """Lower is better: the findings' total severity, then their number."""
    return sum(SEVERITY.get(f.kind, 3) for f in findings), len(findings)


def shrink(frames: Mapping[LayoutRole, Frame], fraction: float) -> dict[LayoutRole, Frame]:
    """``frames`` with each body area ``fraction`` as wide and tall (centred across, same top)."""
    out: dict[LayoutRole, Frame] = {}
    for role, frame in frames.items():
        b = frame.body
        w, h = int(b.w * fraction), int(b.h * fraction)
        out[role] = replace(frame, body=Rect(b.x + (b.w - w) // 2, b.y, w, h))
    return out


def _by_section(built: BuiltDeck, project: Project, findings: Sequence[Finding]) -> dict[int, list[Finding]]:
    """Findings grouped by the index of the section whose slide they are on (the cover's left out)."""
    index = {s.id: i for i, s in enumerate(project.sections)}
    out: dict[int, list[Finding]] = {}
    for finding in findings:
        if not 1 <= finding.slide <= len(built.plans):
            continue
        sid = built.plans[finding.slide - 1].section_id
        if sid in index:
            out.setdefault(index[sid], []).append(finding)
    return out


@dataclass
class Replanned:
    """The deck written after re-planning: its messages, the new verdict and what was changed."""

    messages: list[str]
    report: Report
    changed: list[str]


def replan_deck(
    project: Project, target: Path, template: Path | None, report: Report, base: BuiltDeck | None = None
) -> Replanned | None:
    """Re-plan the sections of the deck at ``target`` that ``report`` finds problems on.

    ``base`` is the deck as it was built for ``target``, if the caller still has it (its plans
    say which slide is which section's); otherwise it is built again.
    Returns ``None`` (and leaves ``target`` alone) when there were no problems or no candidate
    did better; otherwise rewrites ``target`` with each section's best candidate.
    """
    if not report.findings:
        return None
    if base is None:
        base = build_deck(project, template)  # the deck as written, with its plans (slide -> section)
    frames = base.frames
    best = {i: score(f) for i, f in _by_section(base, project, report.findings).items()}
    chosen: dict[int, float] = {}
    for fraction in CANDIDATES:
        still = [i for i, s in best.items() if s[0] > 0]
        if not still:
            break
        # The trial deck holds only the sections still trying, so its cost follows theirs,
        # not the deck's (a 1,000-section deck with three bad sections tries three).
        part = project.model_copy(update={"sections": [project.sections[i] for i in still]})
        trial = build_deck(part, template, {k: shrink(frames, fraction) for k in range(len(still))})
        found = _by_section(trial, part, inspect_deck(trial.prs, trial.facts).findings)
        for k, i in enumerate(still):
            s = score(found.get(k, []))
            if s < best[i]:
                best[i] = s
                chosen[i] = fraction
    if not chosen:
        return None
    final = build_deck(project, template, {i: shrink(frames, f) for i, f in chosen.items()})
    verdict = inspect_deck(final.prs, final.facts)
    if score(verdict.findings) >= score(report.findings):
        return None
    final.prs.save(str(target))
    changed = [
        f"Section '{plain_text(project.sections[i].title)}' was laid out again in {round(f * 100)}% of the body area, "
        "because the template's own fonts or boxes left its first layout too little room."
        for i, f in sorted(chosen.items())
    ]
    return Replanned(final.messages + changed, verdict, changed)
