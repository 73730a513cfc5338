"""Composing the draft: cover, contents, numbered sections, consultation questions.

Sections become Heading 1, block headings Heading 2. A section's questions are gathered in
the consultation section at the end, under the section's title; the section itself keeps its
place and ends with a line saying where its questions are, so a section of questions only
(a "Discussion questions" slide) is a heading and that line, never merged into its
neighbour. A section of dividers only has nothing to say in a document and is left out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from neslis_desktop.model import DividerBlock, Project, QuestionsBlock, Section, plain_text
from neslis_desktop.model.month import MONTH_NAMES
from neslis_desktop.render.draft.anchors import GATHERED, Anchors
from neslis_desktop.render.draft.blocks import LEAD, NORMAL, NUMBERS, BlockWriter
from neslis_desktop.render.draft.evidence import cover_logos
from neslis_desktop.render.draft.ooxml import Element, page_break
from neslis_desktop.render.draft.styles import COVER_STYLE, HEADINGS
from neslis_desktop.render.draft.toc import contents, outline

CONSULTATION = "Consultation questions"
CONTENTS = "Contents"
GENERIC_TITLE = "question"
"""A section title holding this word names no topic ('Questions?'), so its group says which section it is."""


@dataclass
class QuestionGroup:
    """Questions gathered under the title of the section they belong to."""

    title: str
    intros: list[str] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)


def cover_values(project: Project) -> dict[str, str]:
    """The values of the template's ``{{field}}`` placeholders."""
    meta = project.meta
    date = meta.date or dt.date.today()  # a draft without a set date is dated the day it is made
    return {
        "title": plain_text(meta.title),
        "subtitle": plain_text(meta.subtitle) if meta.subtitle else "",
        "organisation": plain_text(meta.organisation),
        "status": meta.status.value,
        "version": plain_text(meta.version),
        "date": f"{date.day} {MONTH_NAMES[date.month - 1]} {date.year}",  # not %B: that follows the locale
        "event": plain_text(meta.event) if meta.event else "",
        "audience": audience_line(meta.audience),
    }


def audience_line(audience: str | None) -> str:
    """'For regional partners', worded as the deck's title slide words it; empty without an audience."""
    if not audience:
        return ""
    text = plain_text(audience)
    return text if text.lower().startswith("for ") else f"For {text}"


def cover(writer: BlockWriter, project: Project) -> list[Element]:
    """A cover written by the generator, for templates without ``{{title}}`` in their body."""
    values = cover_values(project)
    out = [writer.para(values["title"], "Title")]
    if values["subtitle"]:
        out.append(writer.para(values["subtitle"], "Subtitle"))
    out.append(writer.para(f"{values['status']} \u2013 version {values['version']}", COVER_STYLE))
    out += [writer.para(values[key], COVER_STYLE) for key in ("event", "audience") if values[key]]
    out.append(writer.para(values["date"], COVER_STYLE))
    out.append(writer.para(values["organisation"], COVER_STYLE))
    out += cover_logos(writer, project.meta.logos)
    page_break(out[-1])
    return out


def body(writer: BlockWriter, project: Project) -> list[Element]:
    """Sections then the consultation questions, without the contents."""
    kept: list[tuple[Section, list[Element], list[QuestionsBlock]]] = []
    anchors = Anchors()
    for section in project.sections:
        printed, asked = _section(writer, section, anchors)
        if printed or asked:
            kept.append((section, printed, asked))
    numbered = writer.styles.headings_numbered()
    consultation = len(kept) + 1  # the consultation section follows the kept ones
    titles = [plain_text(s.title).casefold() for s, _, asked in kept if asked]
    out: list[Element] = []
    groups: list[QuestionGroup] = []
    for number, (section, printed, asked) in enumerate(kept, 1):
        out.append(writer.para(section.title, HEADINGS[0]))
        anchors.mark(out[-1:], section.id, 0)
        out += printed
        if not asked:
            continue
        out.append(writer.para(pointer(consultation if numbered else None)))
        title = section.title
        if numbered and (
            GENERIC_TITLE in plain_text(title).casefold() or titles.count(plain_text(title).casefold()) > 1
        ):
            title = f"{title} (section {number})"
        group = QuestionGroup(title)
        for q in asked:
            if q.intro:
                group.intros.append(q.intro)
            group.questions += q.questions
        groups.append(group)
    if groups:
        out.append(writer.para(CONSULTATION, HEADINGS[0]))
        anchors.mark(out[-1:], GATHERED, 0)  # questions are placed by their words, not the last anchor
        num_id = writer.styles.restart_list(NUMBERS[0]) or None
        for group in groups:
            out.append(writer.para(group.title, HEADINGS[1]))
            for intro in group.intros:
                out += writer.paras(intro, LEAD)
            out += writer.numbered(group.questions, num_id)
    return out


def pointer(consultation: int | None) -> str:
    """The line closing a section whose questions are gathered in the consultation section."""
    where = f"section {consultation}, {CONSULTATION}" if consultation else f"the section {CONSULTATION}"
    return f"The questions for this section are in {where}."


def _section(writer: BlockWriter, section: Section, anchors: Anchors) -> tuple[list[Element], list[QuestionsBlock]]:
    """What ``section`` prints in place (block headings as Heading 2) and the questions it asks.

    Each printed block starts with its anchor (see :mod:`anchors`), for reviewers' comments.
    """
    printed: list[Element] = []
    asked: list[QuestionsBlock] = []
    previous_heading = plain_text(section.title)
    for number, block in enumerate(section.blocks, start=1):
        if isinstance(block, DividerBlock):
            continue
        if isinstance(block, QuestionsBlock):
            asked.append(block)
            continue
        written = writer.write(block, section.title)
        if not written:
            continue
        if block.heading and plain_text(block.heading) != previous_heading:
            written.insert(0, writer.para(block.heading, HEADINGS[1]))
            previous_heading = plain_text(block.heading)
        anchors.mark(written, section.id, number)
        printed += written
    return printed, asked


def table_of_contents(writer: BlockWriter, content: list[Element]) -> list[Element]:
    """The contents heading and the TOC field listing the headings of ``content``."""
    styles = writer.styles
    heading_ids = [styles.id(h) for h in HEADINGS]
    headings = outline(content, heading_ids, styles.headings_numbered())
    # Only the TOC levels in use are looked up, so a template is not given styles it never shows.
    deepest = max((h.level for h in headings), default=1)
    toc_ids = [styles.id(f"TOC {level}") for level in range(1, deepest + 1)]
    toc_ids += [toc_ids[-1]] * (3 - len(toc_ids))
    fallback = "Update this field to list the headings"
    return [writer.para(CONTENTS, "TOC Heading"), *contents(headings, toc_ids, fallback, styles.id(NORMAL))]
