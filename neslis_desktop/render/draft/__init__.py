"""The draft strategy document (.docx) for the Working Group, Steering Group and LEP Board.

Built from the same project content as the summit deck: a cover, a table of contents, the
sections as numbered headings with text, lists and tables, and the discussion questions
gathered as consultation questions at the end. A template without a header or footer gets
them (title; status, version and page number). Only named styles are written, so any
corporate .docx/.dotx restyles the whole document; styles a template lacks are added from the
bundled template and reported.
"""

from __future__ import annotations

from pathlib import Path

from docx.document import Document

from neslis_desktop.model import Project
from neslis_desktop.render.draft.blocks import BlockWriter
from neslis_desktop.render.draft.document import body, cover, cover_values, table_of_contents
from neslis_desktop.render.draft.evidence import cover_logos, logos_on_own_cover
from neslis_desktop.render.draft.ooxml import Element
from neslis_desktop.render.draft.pages import add_running_heads
from neslis_desktop.render.draft.properties import fix_zoom, set_core_properties, set_language
from neslis_desktop.render.draft.repair import reorder_settings, reorder_styles
from neslis_desktop.render.draft.styles import StyleSheet, template_label
from neslis_desktop.render.draft.template import (
    CONTENT,
    FIELDS,
    body_fields,
    clear_body,
    content_anchor,
    fill_fields,
    insert_content,
    open_template,
    settle_page,
    text_width,
)
from neslis_desktop.resources import bundled_doc_template

__all__ = ["build_draft", "write_draft"]


def write_draft(project: Project, target: Path, template: Path | None = None) -> list[str]:
    """Write the draft of ``project`` to ``target``; returns the adjustments made (to report).

    ``template`` is a .docx or .dotx; the bundled one when ``None``. Raises
    :class:`~neslis_desktop.errors.TemplateError` for a template that cannot serve.
    """
    doc, messages = build_draft(project, template)
    doc.save(str(target))  # an OSError here is reported by build_pack, naming the real output
    return messages


def build_draft(project: Project, template: Path | None = None) -> tuple[Document, list[str]]:
    """The draft of ``project`` in memory (what :func:`write_draft` saves), and the adjustments made.

    A build that checks the draft's accessibility checks this document, the tree it saved,
    rather than parsing the file again.
    """
    path = Path(template) if template is not None else bundled_doc_template()
    label = template_label(path)
    doc = open_template(path)
    styles = StyleSheet(doc, label)
    page = settle_page(doc, label)
    writer = BlockWriter(styles, text_width(doc))
    messages, anchor, own_cover = _prepare(doc, label, project)
    messages += page
    content = body(writer, project)
    # On a template's own cover, the partner logos go under its fields.
    logos = cover_logos(writer, project.meta.logos) if own_cover else []
    front = logos_on_own_cover(anchor, logos) if own_cover else cover(writer, project)
    front += table_of_contents(writer, content)
    insert_content(doc, front + content, anchor)
    messages += add_running_heads(doc, styles, cover_values(project), text_width(doc), label)
    set_core_properties(doc, project.meta)
    set_language(doc, project.meta.language)
    fix_zoom(doc)
    reorder_styles(doc.styles.element)
    reorder_settings(doc.settings.element)
    return doc, messages + styles.messages


def _prepare(doc: Document, label: str, project: Project) -> tuple[list[str], Element | None, bool]:
    """Fill the template's fields; returns messages, the {{content}} paragraph and whether it has a cover."""
    messages: list[str] = []
    fields = body_fields(doc)
    if not fields and clear_body(doc):
        messages.append(
            f"Template {label} has no {{{{content}}}} or other fields, so its own body text was left out; "
            "its styles, page layout and any headers and footers it has are used."
        )
    anchor = content_anchor(doc)
    values = cover_values(project)
    if anchor is None and CONTENT in fields:
        values[CONTENT] = ""
        messages.append(
            f"Template {label} has {{{{content}}}} inside a table, a text box or a line of other text; it must be "
            "a paragraph of its own in the body, so the draft was put at the end instead."
        )
    for name in sorted(fill_fields(doc, values)):
        messages.append(
            f"Template {label} has the field {{{{{name}}}}}, which NESLIS does not fill; the fields it fills are "
            + ", ".join(f"{{{{{f}}}}}" for f in FIELDS)
            + " and {{content}}."
        )
    return messages, anchor, "title" in fields
