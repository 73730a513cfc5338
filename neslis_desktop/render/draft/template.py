"""Opening a document template and filling its plain ``{{field}}`` placeholders.

Templates are data, never code: the only thing read from one besides its styles and layout is
the set of placeholders ``{{title}}``, ``{{subtitle}}``, ``{{organisation}}``, ``{{status}}``,
``{{version}}``, ``{{date}}``, ``{{event}}``, ``{{audience}}`` (in the body, headers and
footers) and a ``{{content}}`` paragraph marking where the draft goes. Word often splits a placeholder over several runs
(spell-check marks, edits); the runs of a paragraph are matched as one text and the value
lands in the placeholder's first run, keeping its formatting.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator, Mapping
from pathlib import Path

import docx
from docx.document import Document
from docx.opc.part import XmlPart
from docx.oxml.ns import qn
from docx.shared import Twips
from docx.text.paragraph import Paragraph

from neslis_desktop.errors import TemplateError
from neslis_desktop.render.draft.ooxml import Element, text_of
from neslis_desktop.render.package import relabel_main_part
from neslis_desktop.render.template_guard import check_template

FIELD = re.compile(r"\{\{\s*([a-z]+)\s*\}\}")
CONTENT = "content"
FIELDS = ("title", "subtitle", "organisation", "status", "version", "date", "event", "audience")

_DOTX = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_HEADER_FOOTER = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml",
)


def open_template(path: Path) -> Document:
    """The checked template at ``path`` as a python-docx document (a .dotx opened as a .docx)."""
    check_template(path, "docx")
    try:
        if path.suffix.lower() == ".dotx":
            return docx.Document(io.BytesIO(relabel_main_part(path.read_bytes(), [_DOTX], _DOCX)))
        return docx.Document(str(path))
    except TemplateError:
        raise
    except Exception as exc:  # python-docx raises many kinds on a damaged package
        raise TemplateError(f"The template {path.name} could not be opened as a Word document: {exc}.") from None


def _parts(doc: Document) -> Iterator[Element]:
    yield doc.element.body
    for part in doc.part.package.iter_parts():
        if isinstance(part, XmlPart) and part.content_type in _HEADER_FOOTER:
            yield part.element


def body_fields(doc: Document) -> set[str]:
    """The names of the placeholders in the template's body."""
    return {m.group(1) for p in doc.element.body.iter(qn("w:p")) for m in FIELD.finditer(text_of(p))}


def clear_body(doc: Document) -> bool:
    """Remove the body's content, keeping its final section properties; True when text was removed.

    A template without placeholders is a style carrier: what its body holds is sample text
    (Pandoc's reference.docx shows every style), not part of the draft.
    """
    body = doc.element.body
    had_text = False
    for child in list(body):
        if child.tag == qn("w:sectPr"):
            continue
        had_text = had_text or bool(text_of(child).strip())
        body.remove(child)
    return had_text


def fill_fields(doc: Document, values: Mapping[str, str]) -> set[str]:
    """Replace every ``{{field}}`` named in ``values`` in body, headers and footers by its value.

    A body paragraph that held only placeholders and is left empty (no subtitle, say) is
    removed, unless it carries a section break or a picture. Returns the names of other
    placeholders met (left as they are), except ``{{content}}``.
    """
    body = doc.element.body
    unknown: set[str] = set()
    for root in _parts(doc):
        for p in list(root.iter(qn("w:p"))):
            text = text_of(p)
            if "{{" not in text:
                continue
            unknown |= {m.group(1) for m in FIELD.finditer(text) if m.group(1) not in values}
            filled = _fill_paragraph(Paragraph(p, None), values)  # type: ignore[arg-type]
            if filled and root is body and _removable(p):
                parent = p.getparent()
                if parent is not None and parent.tag == qn("w:body"):
                    parent.remove(p)
    return unknown - {CONTENT}


def _removable(p: Element) -> bool:
    if text_of(p).strip():
        return False
    return not any(True for _ in p.iter(qn("w:sectPr"), qn("w:drawing"), qn("w:pict"), qn("w:br"), qn("w:fldChar")))


def _fill_paragraph(paragraph: Paragraph, values: Mapping[str, str]) -> bool:
    """Fill the fields of one paragraph; True when it held a known field."""
    runs = paragraph.runs
    texts = [r.text for r in runs]
    joined = "".join(texts)
    matches = [m for m in FIELD.finditer(joined) if m.group(1) in values]
    if not matches:
        return False
    orig = list(texts)
    starts, pos = [], 0
    for t in orig:
        starts.append(pos)
        pos += len(t)

    def holding(offset: int, *, end: bool) -> int:
        for i, s in enumerate(starts):
            inside = s < offset <= s + len(orig[i]) if end else s <= offset < s + len(orig[i])
            if inside:
                return i
        return len(orig) - 1

    # Right to left, so earlier offsets stay valid.
    for m in reversed(matches):
        first, last = holding(m.start(), end=False), holding(m.end(), end=True)
        head = texts[first][: m.start() - starts[first]]
        tail = texts[last][m.end() - starts[last] :]
        if first == last:
            texts[first] = head + values[m.group(1)] + tail
        else:
            texts[first] = head + values[m.group(1)]
            for i in range(first + 1, last):
                texts[i] = ""
            texts[last] = tail
    for run, old, new in zip(runs, orig, texts, strict=True):
        if old != new:
            run.text = new
    return True


def content_anchor(doc: Document) -> Element | None:
    """The body-level paragraph reading ``{{content}}``, where the draft goes; None when absent."""
    for p in doc.element.body.iterchildren(qn("w:p")):
        m = FIELD.fullmatch(text_of(p).strip())
        if m and m.group(1) == CONTENT:
            return p
    return None


def insert_content(doc: Document, elements: list[Element], anchor: Element | None) -> None:
    """Put ``elements`` in place of the ``anchor`` paragraph, or at the end of the body."""
    body = doc.element.body
    if anchor is not None:
        index = body.index(anchor)
        body.remove(anchor)
    else:
        sect = body.find(qn("w:sectPr"))
        index = body.index(sect) if sect is not None else len(body)
    body[index:index] = elements


def settle_page(doc: Document, label: str) -> list[str]:
    """Give the last section an A4 page with 2.54 cm margins when the template sets no page size.

    Without ``w:pgSz`` each application picks its own (Word by locale, LibreOffice Letter), so
    tables, tab stops and page breaks would differ between them. A4 is the UK paper size and
    what the bundled template uses. Returns the message to report, if any.
    """
    sect = doc.element.body.find(qn("w:sectPr"))
    if sect is None or sect.find(qn("w:pgSz")) is not None:
        return []
    section = doc.sections[-1]
    section.page_width, section.page_height = Twips(11906), Twips(16838)
    if sect.find(qn("w:pgMar")) is None:
        section.left_margin = section.right_margin = section.top_margin = section.bottom_margin = Twips(1440)
        section.header_distance = section.footer_distance = Twips(709)
        section.gutter = Twips(0)
    return [f"Template {label} sets no page size; used A4 with 2.54 cm margins, as in the bundled template."]


def text_width(doc: Document) -> int:
    """Width between the margins of the body's last section, in twentieths of a point."""
    sect = doc.element.body.find(qn("w:sectPr"))
    try:
        pg = sect.find(qn("w:pgSz"))
        mar = sect.find(qn("w:pgMar"))
        width = int(pg.get(qn("w:w"))) - int(mar.get(qn("w:left"))) - int(mar.get(qn("w:right")))
    except (AttributeError, TypeError, ValueError):
        return 9026
    return width if width > 1440 else 9026
