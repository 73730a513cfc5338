"""Document-wide settings: core properties, language and a valid zoom.

Screen readers and search read the core properties (title, subject, author, language); the
language in the style defaults drives spelling and hyphenation.
"""

from __future__ import annotations

import datetime as dt

from docx.document import Document
from docx.oxml.ns import qn

from neslis_desktop.model import ProjectMeta
from neslis_desktop.render.core_text import core_text
from neslis_desktop.render.draft.ooxml import sub

_AFTER_LANG = ("w:eastAsianLayout", "w:specVanish", "w:oMath")


def set_core_properties(doc: Document, meta: ProjectMeta, now: dt.datetime | None = None) -> None:
    """Title, subject, author (the organisation), language and dates of the document."""
    now = now or dt.datetime.now(dt.UTC).replace(microsecond=0)
    props = doc.core_properties
    props.title = core_text(meta.title)
    props.subject = core_text(meta.subtitle) if meta.subtitle else "Local Industrial Strategy draft"
    props.author = core_text(meta.organisation)
    props.last_modified_by = core_text(meta.organisation)
    props.language = meta.language
    props.keywords = meta.status.value
    props.comments = ""
    props.category = ""
    props.revision = 1
    props.created = now
    props.modified = now


def fix_zoom(doc: Document) -> None:
    """Give a zoom without a percentage (which the schema requires) one of 100.

    The draft does not set ``w:updateFields``: Word would ask on every opening whether to
    update fields, a question officers read as a warning (see ``toc``). A template's own
    setting is left as it is.
    """
    zoom = doc.settings.element.find(qn("w:zoom"))
    if zoom is not None and zoom.get(qn("w:percent")) is None:
        zoom.set(qn("w:percent"), "100")


def set_language(doc: Document, language: str) -> None:
    """The text's language in the style defaults (docDefaults run properties)."""
    root = doc.styles.element
    defaults = root.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = root.makeelement(qn("w:docDefaults"), {})
        root.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = defaults.makeelement(qn("w:rPrDefault"), {})
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = sub(rpr_default, "w:rPr")
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = rpr.makeelement(qn("w:lang"), {})
        rpr.insert_element_before(lang, *_AFTER_LANG)
    lang.set(qn("w:val"), language)
