"""A header and footer for templates that have none, so every page says what it is and where.

A draft circulated to three boards is printed, stapled and quoted by page: each page needs
its number and the draft's status and version. A template with a header or footer of its
own keeps it untouched (its ``{{field}}`` placeholders are filled as anywhere else); one
without (Pandoc's reference.docx) gets the title in the header and "Draft 0.3 — title" with
"Page 3 of 12" in the footer, in the template's Header and Footer styles (the bundled ones
when it lacks them). When the cover shares the first section, the first page keeps no
header or footer, as a cover should.
"""

from __future__ import annotations

from collections.abc import Mapping

from docx.document import Document
from docx.oxml.ns import qn
from docx.section import Section, _Footer, _Header

from neslis_desktop.model import Run
from neslis_desktop.render.draft.ooxml import Element, add_runs, field_char, instr_text, paragraph, sub
from neslis_desktop.render.draft.styles import StyleSheet

HEADER, FOOTER = "Header", "Footer"


def _has(doc: Document, kind: str) -> bool:
    """Whether any section of the template references a ``kind`` ('header'/'footer') part."""
    return next(doc.element.body.iter(qn(f"w:{kind}Reference")), None) is not None


def _field(p: Element, instruction: str, shown: str) -> None:
    """A PAGE/NUMPAGES field with a value shown until the page is laid out."""
    field_char(p, "begin")
    instr_text(p, f" {instruction} ")
    field_char(p, "separate")
    add_runs(p, [Run(shown)])
    field_char(p, "end")


def _right_tab(p: Element, styles: StyleSheet, style_name: str, width: int) -> None:
    """A right tab at the text's edge, clearing the style's own stops (Word's centre stop would catch the tab)."""
    ppr = p.find(qn("w:pPr"))
    tabs = sub(ppr, "w:tabs")
    for pos in sorted(set(styles.tab_stops(style_name)) - {width}):
        sub(tabs, "w:tab", val="clear", pos=str(pos))
    sub(tabs, "w:tab", val="right", pos=str(width))


def _fill(container: _Header | _Footer, paragraphs: list[Element]) -> None:
    container.is_linked_to_previous = False
    root = container.part.element
    for child in list(root):
        root.remove(child)
    root.extend(paragraphs)


def add_running_heads(
    doc: Document, styles: StyleSheet, values: Mapping[str, str], width: int, label: str
) -> list[str]:
    """Add the header and/or footer a template lacks; returns what was added, to report."""
    added: list[str] = []  # "a header with ...", "a footer with ..."
    section: Section = doc.sections[-1]
    if not _has(doc, "header"):
        _fill(section.header, [paragraph(styles.id(HEADER), values["title"])])
        added.append("a header with the title")
    if not _has(doc, "footer"):
        p = paragraph(styles.id(FOOTER), f"{values['status']} {values['version']} \u2014 {values['title']}")
        _right_tab(p, styles, FOOTER, width)
        add_runs(p, [Run("\tPage ")])
        _field(p, "PAGE", "1")
        add_runs(p, [Run(" of ")])
        _field(p, "NUMPAGES", "1")
        _fill(section.footer, [p])
        added.append("a footer with the status, version and page number")
    if not added:
        return []
    if len(doc.sections) == 1:
        # The cover is this section's first page: it gets an empty header and footer of its own.
        section.different_first_page_header_footer = True
        for first in (section.first_page_header, section.first_page_footer):
            if first.is_linked_to_previous:
                _fill(first, [paragraph(styles.id(HEADER if isinstance(first, _Header) else FOOTER))])
    missing = " or ".join(kind for kind in ("header", "footer") if any(kind in a for a in added))
    where = " (not on the cover)" if len(doc.sections) == 1 else ""
    return [f"Template {label} has no {missing}; added {' and '.join(added)}{where}."]
