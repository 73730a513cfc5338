"""The table of contents: a real Word TOC field, its result already written, and no prompt.

Word rebuilds a TOC field only when asked. Asking on every opening (``w:updateFields``) makes
Word show a question that officers read as a warning, so the draft does not ask. Instead the
field's result is written now: every heading with its number, each entry a link to a bookmark
on its heading, so the contents reads and works in Word, LibreOffice and a PDF. Page numbers
need a page layout the generator does not have; rather than print numbers that may be wrong,
the result ends with a note saying how to add them. The note is part of the field's result,
so updating the contents in Word (which adds the page numbers) also removes the note.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from docx.oxml.ns import qn

from neslis_desktop.model import Run
from neslis_desktop.render.draft.ooxml import (
    Element,
    add_runs,
    field_char,
    instr_text,
    page_break,
    paragraph,
    sub,
    text_of,
)

TOC_INSTRUCTION = ' TOC \\o "1-3" \\h \\z \\u '
NOTE = (
    "Page numbers are added when the contents is updated: in Word, right-click the contents and choose "
    "Update Field. Updating also removes this note."
)
BOOKMARK_BASE = 100_000
"""First id of the headings' bookmarks: above the small ids templates and Word use."""


@dataclass(frozen=True)
class Heading:
    """A heading as the contents list it: level 1-3, its number (may be empty), text and bookmark."""

    level: int
    number: str
    text: str
    bookmark: str = ""


def outline(elements: Sequence[Element], heading_ids: Sequence[str], numbered: bool) -> list[Heading]:
    """The headings among ``elements`` (paragraphs styled ``heading_ids[level-1]``), numbered 1, 1.1, 1.1.1.

    Each heading gets a ``_Toc`` bookmark around its text, the target of its contents entry.
    """
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
        name = _bookmark(el, BOOKMARK_BASE + len(found))
        found.append(Heading(level, number, " ".join(text_of(el).split()), name))
    return found


def _bookmark(p: Element, ident: int) -> str:
    name = f"_Toc{ident:09d}"
    start = p.makeelement(qn("w:bookmarkStart"), {qn("w:id"): str(ident), qn("w:name"): name})
    ppr = p.find(qn("w:pPr"))
    if ppr is not None:
        ppr.addnext(start)
    else:
        p.insert(0, start)
    sub(p, "w:bookmarkEnd", id=str(ident))
    return name


def contents(
    headings: Sequence[Heading], toc_ids: Sequence[str], fallback: str, note_style: str | None = None
) -> list[Element]:
    """The TOC field's paragraphs: begin and instruction in the first, end and a page break in the last.

    With headings, the last paragraph of the result is the note on page numbers (in
    ``note_style``), so that updating the field removes it.
    """
    entries = list(headings) or [Heading(1, "", fallback)]
    out: list[Element] = []
    for heading in entries:
        p = paragraph(toc_ids[heading.level - 1])
        if not out:
            field_char(p, "begin")
            instr_text(p, TOC_INSTRUCTION)
            field_char(p, "separate")
        pieces = [Run(f"{heading.number}\t")] if heading.number else []
        target = p
        if heading.bookmark:
            target = sub(p, "w:hyperlink", anchor=heading.bookmark, history="1")
        add_runs(target, [*pieces, Run(heading.text)])
        out.append(p)
    if headings:
        note = paragraph(note_style)
        add_runs(note, [Run(NOTE, italic=True)])
        out.append(note)
    field_char(out[-1], "end")
    page_break(out[-1])
    return out
