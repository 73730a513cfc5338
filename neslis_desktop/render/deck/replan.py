"""The planner's second look: sections the inspector finds problems on are planned again.

The planner measures with the theme's fonts and the layouts' boxes; the inspector reads the
written slide, with the fonts, sizes and insets the template really gives each shape. Where
they disagree (a layout that sets a wider body font, bigger insets, a decoration in the body
area, a title box too small for the titles) the inspector's verdict wins: each section with
problems is planned again in a few smaller body areas (so its text is set smaller, within the
floors, or split at sentence and item boundaries, and its grids re-flow), then on the
template's other layouts that serve by geometry (:mod:`.layout_alternatives`: another master's
"Title, Content" with a title box that holds the titles, a "Title Only" whose title is not
mid-slide). The title slide with problems tries the template's other title layouts alike.
The deck is drawn and inspected again, and each section's text slides and diagram slides
(each role's slides depend only on that role's geometry), and the title slide, keep the
candidate with the least severe problems. Sections without problems are never re-planned, a deck without
problems costs one inspection, and the number of trial builds is bounded by
:data:`CANDIDATES` and :data:`~.layout_alternatives.MAX_PER_ROLE` (all sections try the same
candidate in one build of a deck holding only them, which is sound because a section's slides
depend only on its own content and geometry; the final deck is then built whole, once, and
inspected again, and kept only if it scores better than the first).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from neslis_desktop.model import Project
from neslis_desktop.model.inline import plain_text
from neslis_desktop.render.deck import BuiltDeck, build_deck
from neslis_desktop.render.deck.inspect import Report, inspect_deck
from neslis_desktop.render.deck.inspect.findings import Finding
from neslis_desktop.render.deck.layout_alternatives import ROLES as ALTERNATIVE_ROLES
from neslis_desktop.render.deck.layout_alternatives import alternatives
from neslis_desktop.render.deck.plan import Frame, LayoutRole, Rect
from neslis_desktop.render.deck.planner import COVER
from neslis_desktop.render.deck.template import DeckTemplate

CANDIDATES: tuple[float, ...] = (0.92, 0.85, 0.76, 0.66)
"""Each candidate plans a section's body (text area and diagram area) in this fraction of the
layout's width and height, centred across and kept at the top. With the template's other
layouts (at most :data:`~.layout_alternatives.MAX_PER_ROLE`), at most this many trial builds and that many more."""

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


Group = tuple[int, LayoutRole]
"""A section (by index) and a role: the slides a candidate's geometry for that role decides."""

_SLIDES_OF: dict[str, str] = {
    "content": "text slides",
    "title_only": "diagram slides",
    "section": "dividers",
    "picture": "picture slides",
    "blank": "blank slides",
}


@dataclass(frozen=True)
class Candidate:
    """Geometry to plan a section in: a frame per role, and the other layouts it is drawn on."""

    frames: dict[LayoutRole, Frame]
    layouts: dict[LayoutRole, str] = field(default_factory=dict)
    """Part names of the template layouts (other than the roles' own) the frames are of."""
    says: dict[LayoutRole, str] = field(default_factory=dict)
    """What was done, per role, in words for the build report."""

    def changes(self, role: LayoutRole) -> bool:
        return role in self.says


def candidates(template: DeckTemplate) -> list[Candidate]:
    """The body areas of :data:`CANDIDATES`, then the template's other layouts, per role.

    The k-th layout candidate puts text slides on the k-th other layout for text and diagram
    slides on the k-th for diagrams (see :mod:`.layout_alternatives`); a section keeps, per
    role, whichever candidate did best for that role's slides.
    """
    frames = template.frames
    out = [
        Candidate(shrink(frames, f), says={r: f"in {round(f * 100)}% of the body area" for r in frames if r != "title"})
        for f in CANDIDATES
    ]
    # The title slide tries the template's other title layouts alongside (a smaller subtitle
    # area would only make its text smaller).
    others = {role: alternatives(template, role) for role in (*ALTERNATIVE_ROLES, "title")}
    for k in range(max((len(found) for found in others.values()), default=0)):
        chosen = {role: found[k] for role, found in others.items() if k < len(found)}
        out.append(
            Candidate(
                {**frames, **{role: alt.frame for role, alt in chosen.items()}},
                {role: alt.part for role, alt in chosen.items()},
                {role: f"on the template's layout {alt.describe(template)}" for role, alt in chosen.items()},
            )
        )
    return out


def _by_group(built: BuiltDeck, project: Project, findings: Sequence[Finding]) -> dict[Group, list[Finding]]:
    """Findings grouped by section index (:data:`COVER` for the title slide) and role of their slide."""
    index = {s.id: i for i, s in enumerate(project.sections)}
    out: dict[Group, list[Finding]] = {}
    for finding in findings:
        if not 1 <= finding.slide <= len(built.plans):
            continue
        plan = built.plans[finding.slide - 1]
        if finding.slide == 1 and plan.layout == "title":
            out.setdefault((COVER, "title"), []).append(finding)
        elif plan.section_id in index:
            out.setdefault((index[plan.section_id], plan.layout), []).append(finding)
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
    did better; otherwise rewrites ``target`` with each section's best candidate per role.
    """
    if not report.findings:
        return None
    if base is None:
        base = build_deck(project, template)  # the deck as written, with its plans (slide -> section)
    best = {g: score(f) for g, f in _by_group(base, project, report.findings).items()}
    if not best:
        return None
    chosen: dict[Group, Candidate] = {}
    for candidate in candidates(base.template):
        open_groups = [g for g, s in best.items() if s[0] > 0 and candidate.changes(g[1])]
        if not open_groups:
            if all(s[0] == 0 for s in best.values()):
                break
            continue
        # The trial deck holds only the sections still trying (and the title slide, always
        # there), so its cost follows theirs, not the deck's (a 1,000-section deck with three
        # bad sections tries three).
        still = sorted({i for i, _ in open_groups if i != COVER})
        part = project.model_copy(update={"sections": [project.sections[i] for i in still]})
        k_of = {i: k for k, i in enumerate(still)} | {COVER: COVER}
        trying = {k_of[i] for i, _ in open_groups}
        trial = build_deck(
            part,
            template,
            {k: candidate.frames for k in trying},
            {k: candidate.layouts for k in trying} if candidate.layouts else None,
        )
        found = _by_group(trial, part, inspect_deck(trial.prs, trial.facts).findings)
        for i, role in open_groups:
            s = score(found.get((k_of[i], role), []))
            if s < best[(i, role)]:
                best[(i, role)] = s
                chosen[(i, role)] = candidate
    if not chosen:
        return None
    frames = base.frames
    section_frames: dict[int, dict[LayoutRole, Frame]] = {}
    section_layouts: dict[int, dict[LayoutRole, str]] = {}
    for (i, role), candidate in chosen.items():
        section_frames.setdefault(i, dict(frames))[role] = candidate.frames[role]
        if role in candidate.layouts:
            section_layouts.setdefault(i, {})[role] = candidate.layouts[role]
    final = build_deck(project, template, section_frames, section_layouts or None)
    verdict = inspect_deck(final.prs, final.facts)
    if score(verdict.findings) >= score(report.findings):
        return None
    final.prs.save(str(target))
    changed = []
    for i in sorted(section_frames):
        how = ", ".join(
            f"its {_SLIDES_OF.get(role, role)} {candidate.says[role]}"
            for (j, role), candidate in sorted(chosen.items(), key=lambda item: item[0][1])
            if j == i
        )
        if i == COVER:
            changed.append(
                f"The title slide was laid out again {chosen[(COVER, 'title')].says['title']}, on which "
                "it has fewer problems than on the template's first title layout."
            )
            continue
        changed.append(
            f"Section '{plain_text(project.sections[i].title)}' was laid out again ({how}), "
            "because the template's own fonts or boxes left its first layout too little room."
        )
    return Replanned(final.messages + changed, verdict, changed)
