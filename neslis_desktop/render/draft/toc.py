"""The table of contents: a real Word TOC field, its result already written.

Word rebuilds a TOC field only when asked (``w:updateFields`` asks on opening). Writing the
current headings as the field's result, with their numbers, means the contents are never
empty, even in viewers that do not update fields.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from docx.oxml.ns import qn

from neslis_desktop.model import Run
from neslis_desktop.render.draft.ooxml import Element, add_runs, field_char, instr_text, page_break, paragraph, text_of

TOC_INSTRUCTION = ' TOC \\o "1-3" \\h \\z \\u '


@dataclass(frozen=True)
class Heading:
    """A heading as the contents list it: level 1-3, its number (may be empty) and text."""

    level: int
    number: str
    text: str


def outline(elements: Sequence[Element], heading_ids: Sequence[str], numbered: bool) -> list[Heading]:
    """The headings among ``elements`` (paragraphs styled ``heading_ids[level-1]``), numbered 1, 1.1, 1.1.1."""
    levels = {sid: i + 1 for i, sid in enumerate(heading_ids)}
    counters = [0, 0, 0]
    found: list[Heading] = []
    for el in elements:
        if el.tag != qn("w:p"):
            continue
        style = el.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        level = levels.get(style.get(qn("w:val")) or "") if style is not None else None
        if level is None:
            continue
        counters[level - 1] += 1
        for deeper in range(level, 3):
            counters[deeper] = 0
        number = ".".join(str(c) for c in counters[:level]) if numbered else ""
        found.append(Heading(level, number, " ".join(text_of(el).split())))
    return found


def contents(headings: Sequence[Heading], toc_ids: Sequence[str], fallback: str) -> list[Element]:
    """The TOC field's paragraphs: begin and instruction in the first, end and a page break in the last."""
    entries = list(headings) or [Heading(1, "", fallback)]
    out: list[Element] = []
    for i, heading in enumerate(entries):
        p = paragraph(toc_ids[heading.level - 1])
        if i == 0:
            field_char(p, "begin")
            instr_text(p, TOC_INSTRUCTION)
            field_char(p, "separate")
        pieces = [Run(f"{heading.number}\t")] if heading.number else []
        add_runs(p, [*pieces, Run(heading.text)])
        if i == len(entries) - 1:
            field_char(p, "end")
            page_break(p)
        out.append(p)
    return out
