"""Reading a generated draft back the way a reader (or screen reader) meets it."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
from docx.document import Document
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

HEADING_STYLES = {"Heading 1": 1, "Heading 2": 2, "Heading 3": 3}


def open_docx(path: Path) -> Document:
    return docx.Document(str(path))


def blocks(doc: Document) -> list[Paragraph | Table]:
    """Body paragraphs and tables in order."""
    out: list[Paragraph | Table] = []
    for el in doc.element.body.iterchildren():
        if el.tag == qn("w:p"):
            out.append(Paragraph(el, doc))
        elif el.tag == qn("w:tbl"):
            out.append(Table(el, doc))
    return out


def table_text(table: Table) -> str:
    return "\n".join(cell.text for row in table.rows for cell in row.cells)


def all_text(doc: Document) -> str:
    """Body paragraphs and table cells, in order, one per line."""
    return "\n".join(b.text if isinstance(b, Paragraph) else table_text(b) for b in blocks(doc))


def headings(doc: Document) -> list[tuple[int, str]]:
    """(level, text) of every heading paragraph, in order."""
    return [(HEADING_STYLES[p.style.name], p.text) for p in doc.paragraphs if p.style.name in HEADING_STYLES]


def paragraphs_after(doc: Document, heading: str) -> list[Paragraph]:
    """Body paragraphs after the heading reading ``heading`` up to the next Heading 1."""
    out: list[Paragraph] = []
    inside = False
    for p in doc.paragraphs:
        if p.style.name == "Heading 1":
            inside = p.text == heading
            continue
        if inside:
            out.append(p)
    return out


def toc_paragraphs(doc: Document) -> list[Paragraph]:
    return [p for p in doc.paragraphs if re.fullmatch(r"toc \d", p.style.name.lower())]


def part_xml(path: Path, name: str) -> str:
    with zipfile.ZipFile(path) as package:
        return package.read(name).decode("utf-8")
