"""Putting a template's style and settings elements back into the order the schema demands.

Some templates in circulation (Pandoc's reference.docx among them) write, say, ``w:qFormat``
after ``w:rPr`` in a style or ``w:doNotTrackMoves`` late in the settings. Word accepts these
quietly in a template but flags the generated document for repair. Children are re-sorted
stably by their place in the schema sequence; unknown children keep their relative order.
"""

from __future__ import annotations

from collections.abc import Sequence

from docx.oxml.ns import qn

from neslis_desktop.render.draft.ooxml import Element

STYLE = (
    "name",
    "aliases",
    "basedOn",
    "next",
    "link",
    "autoRedefine",
    "hidden",
    "uiPriority",
    "semiHidden",
    "unhideWhenUsed",
    "qFormat",
    "locked",
    "personal",
    "personalCompose",
    "personalReply",
    "rsid",
    "pPr",
    "rPr",
    "tblPr",
    "trPr",
    "tcPr",
    "tblStylePr",
)
TC_PR = (
    "cnfStyle",
    "tcW",
    "gridSpan",
    "hMerge",
    "vMerge",
    "tcBorders",
    "shd",
    "noWrap",
    "tcMar",
    "textDirection",
    "tcFitText",
    "vAlign",
    "hideMark",
    "headers",
    "cellIns",
    "cellDel",
    "cellMerge",
    "tcPrChange",
)
SETTINGS = (
    "writeProtection",
    "view",
    "zoom",
    "removePersonalInformation",
    "removeDateAndTime",
    "doNotDisplayPageBoundaries",
    "displayBackgroundShape",
    "printPostScriptOverText",
    "printFractionalCharacterWidth",
    "printFormsData",
    "embedTrueTypeFonts",
    "embedSystemFonts",
    "saveSubsetFonts",
    "saveFormsData",
    "mirrorMargins",
    "alignBordersAndEdges",
    "bordersDoNotSurroundHeader",
    "bordersDoNotSurroundFooter",
    "gutterAtTop",
    "hideSpellingErrors",
    "hideGrammaticalErrors",
    "activeWritingStyle",
    "proofState",
    "formsDesign",
    "attachedTemplate",
    "linkStyles",
    "stylePaneFormatFilter",
    "stylePaneSortMethod",
    "documentType",
    "mailMerge",
    "revisionView",
    "trackRevisions",
    "doNotTrackMoves",
    "doNotTrackFormatting",
    "documentProtection",
    "autoFormatOverride",
    "styleLockTheme",
    "styleLockQFSet",
    "defaultTabStop",
    "autoHyphenation",
    "consecutiveHyphenLimit",
    "hyphenationZone",
    "doNotHyphenateCaps",
    "showEnvelope",
    "summaryLength",
    "clickAndTypeStyle",
    "defaultTableStyle",
    "evenAndOddHeaders",
    "bookFoldRevPrinting",
    "bookFoldPrinting",
    "bookFoldPrintingSheets",
    "drawingGridHorizontalSpacing",
    "drawingGridVerticalSpacing",
    "displayHorizontalDrawingGridEvery",
    "displayVerticalDrawingGridEvery",
    "doNotUseMarginsForDrawingGridOrigin",
    "drawingGridHorizontalOrigin",
    "drawingGridVerticalOrigin",
    "doNotShadeFormData",
    "noPunctuationKerning",
    "characterSpacingControl",
    "printTwoOnOne",
    "strictFirstAndLastChars",
    "noLineBreaksAfter",
    "noLineBreaksBefore",
    "savePreviewPicture",
    "doNotValidateAgainstSchema",
    "saveInvalidXml",
    "ignoreMixedContent",
    "alwaysShowPlaceholderText",
    "doNotDemarcateInvalidXml",
    "saveXmlDataOnly",
    "useXSLTWhenSaving",
    "saveThroughXslt",
    "showXMLTags",
    "alwaysMergeEmptyNamespace",
    "updateFields",
    "hdrShapeDefaults",
    "footnotePr",
    "endnotePr",
    "compat",
    "docVars",
    "rsids",
    "m:mathPr",
    "attachedSchema",
    "themeFontLang",
    "clrSchemeMapping",
    "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures",
    "forceUpgrade",
    "captions",
    "readModeInkLockDown",
    "smartTagType",
    "sl:schemaLibrary",
    "shapeDefaults",
    "doNotEmbedSmartTags",
    "decimalSymbol",
    "listSeparator",
)


def _ranks(names: Sequence[str]) -> dict[str, int]:
    return {qn(n if ":" in n else f"w:{n}"): i for i, n in enumerate(names)}


_STYLE, _TC_PR, _SETTINGS = _ranks(STYLE), _ranks(TC_PR), _ranks(SETTINGS)


def _reorder(el: Element, ranks: dict[str, int]) -> None:
    children = list(el)
    last = -1
    keyed = []
    for child in children:
        # Unknown children (extensions, comments) travel with the known element before them.
        last = ranks.get(child.tag, last) if isinstance(child.tag, str) else last
        keyed.append((last, child))
    ordered = [c for _, c in sorted(keyed, key=lambda kc: kc[0])]
    if ordered != children:
        el[:] = ordered


def reorder_styles(styles_root: Element) -> None:
    """Schema order inside each ``w:style`` and every ``w:tcPr`` of the styles part."""
    for style in styles_root.iterfind(qn("w:style")):
        _reorder(style, _STYLE)
    for tcpr in styles_root.iter(qn("w:tcPr")):
        _reorder(tcpr, _TC_PR)


def reorder_settings(settings_root: Element) -> None:
    """Schema order of the settings part's children."""
    _reorder(settings_root, _SETTINGS)
