"""The XML namespaces and content types the OOXML check knows, in one table.

Every other module of the check takes its namespace URIs from here, and messages are made
readable by writing ``{uri}name`` as ``prefix:name`` with the prefixes below.
"""

from __future__ import annotations

import re

MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
XML = "http://www.w3.org/XML/1998/namespace"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
P = "http://schemas.openxmlformats.org/presentationml/2006/main"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
X = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
CDR = "http://schemas.openxmlformats.org/drawingml/2006/chartDrawing"
DGM = "http://schemas.openxmlformats.org/drawingml/2006/diagram"
XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"
CP = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
EP = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
CUP = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
DS = "http://schemas.openxmlformats.org/officeDocument/2006/customXml"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
PR = "http://schemas.openxmlformats.org/package/2006/relationships"

PREFIXES = {
    P: "p",
    A: "a",
    W: "w",
    X: "x",
    C: "c",
    DGM: "dgm",
    CP: "cp",
    EP: "ep",
    CUP: "op",
    DS: "ds",
    CT: "ct",
    PR: "pr",
    XDR: "xdr",
    CDR: "cdr",
    MC: "mc",
    R: "r",
    XML: "xml",
    "http://schemas.openxmlformats.org/drawingml/2006/picture": "pic",
    "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing": "wp",
    "http://schemas.openxmlformats.org/officeDocument/2006/math": "m",
    "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes": "vt",
    "http://purl.org/dc/elements/1.1/": "dc",
    "http://purl.org/dc/terms/": "dcterms",
    "urn:schemas-microsoft-com:vml": "v",
    "urn:schemas-microsoft-com:office:office": "o",
}

RELATIONSHIPS_TYPE = "application/vnd.openxmlformats-package.relationships+xml"

_OD = "application/vnd.openxmlformats-officedocument."
_MS = "application/vnd.ms-"

# The root element each content type calls for. A part whose content type is not listed is
# only checked for being well-formed XML.
ROOT_FOR_TYPE: dict[str, str] = {
    "application/vnd.openxmlformats-package.core-properties+xml": f"{{{CP}}}coreProperties",
    _OD + "extended-properties+xml": f"{{{EP}}}Properties",
    _OD + "custom-properties+xml": f"{{{CUP}}}Properties",
    _OD + "customXmlProperties+xml": f"{{{DS}}}datastoreItem",
    _OD + "theme+xml": f"{{{A}}}theme",
    _OD + "themeOverride+xml": f"{{{A}}}themeOverride",
    _OD + "drawingml.chart+xml": f"{{{C}}}chartSpace",
    _OD + "drawingml.chartshapes+xml": f"{{{C}}}userShapes",
    _OD + "drawingml.diagramData+xml": f"{{{DGM}}}dataModel",
    _OD + "drawingml.diagramLayout+xml": f"{{{DGM}}}layoutDef",
    _OD + "drawingml.diagramStyle+xml": f"{{{DGM}}}styleDef",
    _OD + "drawingml.diagramColors+xml": f"{{{DGM}}}colorsDef",
    # PresentationML
    _OD + "presentationml.presentation.main+xml": f"{{{P}}}presentation",
    _OD + "presentationml.slideshow.main+xml": f"{{{P}}}presentation",
    _OD + "presentationml.template.main+xml": f"{{{P}}}presentation",
    _MS + "powerpoint.presentation.macroEnabled.main+xml": f"{{{P}}}presentation",
    _MS + "powerpoint.slideshow.macroEnabled.main+xml": f"{{{P}}}presentation",
    _MS + "powerpoint.template.macroEnabled.main+xml": f"{{{P}}}presentation",
    _OD + "presentationml.slide+xml": f"{{{P}}}sld",
    _OD + "presentationml.slideLayout+xml": f"{{{P}}}sldLayout",
    _OD + "presentationml.slideMaster+xml": f"{{{P}}}sldMaster",
    _OD + "presentationml.notesSlide+xml": f"{{{P}}}notes",
    _OD + "presentationml.notesMaster+xml": f"{{{P}}}notesMaster",
    _OD + "presentationml.handoutMaster+xml": f"{{{P}}}handoutMaster",
    _OD + "presentationml.presProps+xml": f"{{{P}}}presentationPr",
    _OD + "presentationml.viewProps+xml": f"{{{P}}}viewPr",
    _OD + "presentationml.tableStyles+xml": f"{{{A}}}tblStyleLst",
    _OD + "presentationml.commentAuthors+xml": f"{{{P}}}cmAuthorLst",
    _OD + "presentationml.comments+xml": f"{{{P}}}cmLst",
    _OD + "presentationml.tags+xml": f"{{{P}}}tagLst",
    _OD + "presentationml.slideUpdateInfo+xml": f"{{{P}}}sldSyncPr",
    # WordprocessingML
    _OD + "wordprocessingml.document.main+xml": f"{{{W}}}document",
    _OD + "wordprocessingml.template.main+xml": f"{{{W}}}document",
    _MS + "word.document.macroEnabled.main+xml": f"{{{W}}}document",
    _MS + "word.template.macroEnabledTemplate.main+xml": f"{{{W}}}document",
    _OD + "wordprocessingml.document.glossary+xml": f"{{{W}}}glossaryDocument",
    _OD + "wordprocessingml.styles+xml": f"{{{W}}}styles",
    _MS + "word.stylesWithEffects+xml": f"{{{W}}}styles",
    _OD + "wordprocessingml.numbering+xml": f"{{{W}}}numbering",
    _OD + "wordprocessingml.settings+xml": f"{{{W}}}settings",
    _OD + "wordprocessingml.webSettings+xml": f"{{{W}}}webSettings",
    _OD + "wordprocessingml.fontTable+xml": f"{{{W}}}fonts",
    _OD + "wordprocessingml.header+xml": f"{{{W}}}hdr",
    _OD + "wordprocessingml.footer+xml": f"{{{W}}}ftr",
    _OD + "wordprocessingml.footnotes+xml": f"{{{W}}}footnotes",
    _OD + "wordprocessingml.endnotes+xml": f"{{{W}}}endnotes",
    _OD + "wordprocessingml.comments+xml": f"{{{W}}}comments",
    # SpreadsheetML, for the workbooks embedded in charts when they are checked on their own
    _OD + "spreadsheetml.sheet.main+xml": f"{{{X}}}workbook",
    _OD + "spreadsheetml.template.main+xml": f"{{{X}}}workbook",
    _OD + "spreadsheetml.worksheet+xml": f"{{{X}}}worksheet",
    _OD + "spreadsheetml.sharedStrings+xml": f"{{{X}}}sst",
    _OD + "spreadsheetml.styles+xml": f"{{{X}}}styleSheet",
    _OD + "spreadsheetml.calcChain+xml": f"{{{X}}}calcChain",
    _OD + "spreadsheetml.comments+xml": f"{{{X}}}comments",
    _OD + "spreadsheetml.table+xml": f"{{{X}}}table",
    _OD + "drawing+xml": f"{{{XDR}}}wsDr",
}

_CLARK = re.compile(r"\{([^{}\s]+)\}([A-Za-z_][\w.\-]*)")


def short(text: str) -> str:
    """``{http://...wordprocessingml/2006/main}tblGrid`` written as ``w:tblGrid`` throughout ``text``."""

    def one(match: re.Match[str]) -> str:
        prefix = PREFIXES.get(match[1])
        return f"{prefix}:{match[2]}" if prefix else match[0]

    return _CLARK.sub(one, text)
