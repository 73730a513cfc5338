"""Document-wide settings: core properties, language, field refresh on open, a valid zoom.

Screen readers and search read the core properties (title, subject, author, language); the
language in the style defaults drives spelling and hyphenation. ``w:updateFields`` makes Word
refresh the table of contents and page fields when the document is opened.
"""

from __future__ import annotations

import datetime as dt

from docx.document import Document
from docx.oxml.ns import qn

from neslis_desktop.model import ProjectMeta
from neslis_desktop.render.core_text import core_text
from neslis_desktop.render.draft.ooxml import sub

# Elements that follow w:updateFields in CT_Settings, so it is inserted before the first present.
_AFTER_UPDATE_FIELDS = (
    "w:hdrShapeDefaults", "w:footnotePr", "w:endnotePr", "w:compat", "w:docVars", "w:rsids", "m:mathPr",
    "w:attachedSchema", "w:themeFontLang", "w:clrSchemeMapping", "w:doNotIncludeSubdocsInStats",
    "w:doNotAutoCompressPictures", "w:forceUpgrade", "w:captions", "w:readModeInkLockDown", "w:smartTagType",
    "sl:schemaLibrary", "w:shapeDefaults", "w:doNotEmbedSmartTags", "w:decimalSymbol", "w:listSeparator",
)
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


def set_update_fields(doc: Document) -> None:
    """Ask Word to refresh fields (the contents, page numbers) on opening; fix a zoom without percent."""
    settings = doc.settings.element
    if settings.find(qn("w:updateFields")) is None:
        el = settings.makeelement(qn("w:updateFields"), {qn("w:val"): "true"})
        settings.insert_element_before(el, *_AFTER_UPDATE_FIELDS)
    zoom = settings.find(qn("w:zoom"))
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
