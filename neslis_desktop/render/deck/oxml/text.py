"""Text in shapes: a frame's ``p:txBody``, its paragraphs, bullets and runs, and their language.

python-pptx has no call for a paragraph's bullet and writes runs without a language; and
setting paragraph and run properties through its API is slow (see :mod:`.shapes`). The
paragraphs here are written directly with lxml, each edit schema-ordered (``a:pPr``'s
children by :func:`insert_ordered`) and checked by the OOXML validator in the tests.
"""

from __future__ import annotations

from typing import cast

from lxml import etree
from pptx.oxml.text import CT_RegularTextRun
from pptx.text.text import TextFrame as PptxTextFrame
from pptx.util import Pt

from neslis_desktop.render.deck.oxml.ns import NS, qn
from neslis_desktop.render.deck.oxml.shapes import scheme_fill
from neslis_desktop.render.deck.plan import LEVEL_INDENT, Para, TextFrame, TextStyle, marker_margin

A_P, A_PPR, A_R, A_RPR, A_T, A_BR, A_FLD = (qn(f"a:{t}") for t in ("p", "pPr", "r", "rPr", "t", "br", "fld"))
A_END, A_SPCBEF, A_SPCPTS, A_LATIN = qn("a:endParaRPr"), qn("a:spcBef"), qn("a:spcPts"), qn("a:latin")
A_BODYPR, A_PRSTTXWARP, A_NOAUTOFIT = qn("a:bodyPr"), qn("a:prstTxWarp"), qn("a:noAutofit")
_CONTENT = frozenset((A_R, A_BR, A_FLD))
_AUTOFIT = frozenset(qn(f"a:{t}") for t in ("noAutofit", "normAutofit", "spAutoFit"))
_ALIGN = {"left": "l", "center": "ctr", "right": "r"}
_ANCHOR = {"top": "t", "middle": "ctr", "bottom": "b"}
_THEME_FONT = {"major": "+mj-lt", "minor": "+mn-lt"}
_DEFAULT_LR_INSET, _DEFAULT_TB_INSET = 91440, 45720

# Children of a:pPr in schema order (CT_TextParagraphProperties).
_PPR_ORDER = [
    "lnSpc",
    "spcBef",
    "spcAft",
    "buClrTx",
    "buClr",
    "buSzTx",
    "buSzPct",
    "buSzPts",
    "buFontTx",
    "buFont",
    "buNone",
    "buAutoNum",
    "buChar",
    "buBlip",
    "tabLst",
    "defRPr",
    "extLst",
]
_PPR_RANK = {qn(f"a:{name}"): rank for rank, name in enumerate(_PPR_ORDER)}
_BULLET_TAGS = ("buNone", "buAutoNum", "buChar", "buBlip", "buFontTx", "buFont")
_BULLET_QNAMES = frozenset(qn(f"a:{name}") for name in _BULLET_TAGS)


def text_body(frame: PptxTextFrame) -> etree._Element:
    """The ``p:txBody`` (or ``a:txBody``) element of a python-pptx text frame."""
    return cast(etree._Element, frame._txBody)


def _ppr(paragraph: etree._Element) -> etree._Element:
    ppr = paragraph.find("a:pPr", NS)
    if ppr is None:
        ppr = etree.Element(qn("a:pPr"))
        paragraph.insert(0, ppr)
    return ppr


def insert_ordered(ppr: etree._Element, child: etree._Element) -> None:
    """Insert ``child`` into ``a:pPr`` at its place in the schema sequence."""
    rank = _PPR_RANK.get(child.tag, len(_PPR_RANK))
    for i, existing in enumerate(ppr):
        if _PPR_RANK.get(existing.tag, len(_PPR_RANK)) > rank:
            ppr.insert(i, child)
            return
    ppr.append(child)


def set_bullet(paragraph: etree._Element, para: Para, size_pt: float, *, placeholder: bool) -> None:
    """Give ``paragraph`` the bullet, number or none that ``para`` asks for, with the planner's indents.

    Margins follow the plan's contract (``marL`` = level x LEVEL_INDENT plus
    :func:`marker_margin`, in which the marker hangs) so text wraps where the planner measured. In a body
    placeholder the bullet character is the template's own; in a drawn text box, which
    inherits none, it is written here.
    """
    ppr = _ppr(paragraph)
    for old in [c for c in ppr if c.tag in _BULLET_QNAMES]:
        ppr.remove(old)
    level_margin = para.level * LEVEL_INDENT
    if para.bullet == "none":
        ppr.set("marL", str(level_margin))
        ppr.set("indent", "0")
        insert_ordered(ppr, etree.Element(qn("a:buNone")))
        return
    hang = marker_margin(para.bullet, size_pt)
    ppr.set("marL", str(level_margin + hang))
    ppr.set("indent", str(-hang))
    if para.bullet == "number":
        number = etree.Element(qn("a:buAutoNum"))
        number.set("type", "arabicPeriod")
        insert_ordered(ppr, number)
        return
    if placeholder:
        return
    font = etree.Element(qn("a:buFont"))
    font.set("typeface", "Arial")
    insert_ordered(ppr, font)
    char = etree.Element(qn("a:buChar"))
    char.set("char", "•" if para.level % 2 == 0 else "–")
    insert_ordered(ppr, char)


def set_language(root: etree._Element, lang: str) -> None:
    """Set ``lang`` on every run, field and end-of-paragraph property under ``root``."""
    for tag in ("a:rPr", "a:endParaRPr"):
        for el in root.iter(qn(tag)):
            el.set("lang", lang)
    for run in root.iter(qn("a:r"), qn("a:fld")):
        if run.find("a:rPr", NS) is None:
            rpr = etree.Element(qn("a:rPr"))
            rpr.set("lang", lang)
            run.insert(0, rpr)  # a:rPr comes first in both a:r and a:fld


def style_body(tx_body: etree._Element, text: TextFrame) -> None:
    """Wrap, no autofit, insets and anchor of a drawn text frame (defaults left unwritten)."""
    body_pr = tx_body.find(A_BODYPR)
    assert body_pr is not None
    body_pr.set("wrap", "square")
    for old in [c for c in body_pr if c.tag in _AUTOFIT]:
        body_pr.remove(old)
    no_autofit = etree.Element(A_NOAUTOFIT)
    if len(body_pr) and body_pr[0].tag == A_PRSTTXWARP:
        body_pr[0].addnext(no_autofit)
    else:
        body_pr.insert(0, no_autofit)
    for attr, value, default in (
        ("lIns", text.inset, _DEFAULT_LR_INSET),
        ("rIns", text.inset, _DEFAULT_LR_INSET),
        ("tIns", text.inset // 2, _DEFAULT_TB_INSET),
        ("bIns", text.inset // 2, _DEFAULT_TB_INSET),
    ):
        if value == default:
            body_pr.attrib.pop(attr, None)
        else:
            body_pr.set(attr, str(value))
    body_pr.set("anchor", _ANCHOR[text.style.anchor])


def fill_paras(
    tx_body: etree._Element,
    paras: list[Para],
    style: TextStyle | None,
    *,
    placeholder: bool,
    bulleted: frozenset[int] = frozenset(),
) -> None:
    """Paragraphs with levels, bullets and emphasis; ``style`` sizes (and, outside placeholders, colours) them."""
    old_paras = tx_body.findall(A_P)
    for extra in old_paras[1:]:
        tx_body.remove(extra)
    first = old_paras[0] if old_paras else etree.SubElement(tx_body, A_P)
    for child in [c for c in first if c.tag in _CONTENT]:
        first.remove(child)
    size = style.size_pt if style is not None else 18.0
    run_size = str(Pt(style.size_pt).centipoints) if style is not None else None
    colour = style.colour if style is not None and not placeholder else None
    font = _THEME_FONT[style.font] if style is not None and not placeholder else None
    for i, para in enumerate(paras):
        paragraph = first if i == 0 else etree.SubElement(tx_body, A_P)
        ppr = paragraph.find(A_PPR)
        if ppr is None:
            ppr = etree.Element(A_PPR)
            paragraph.insert(0, ppr)
        level = min(max(para.level, 0), 8)
        if level:
            ppr.set("lvl", str(level))
        else:
            ppr.attrib.pop("lvl", None)
        # A placeholder's own bullet is kept where its template defines one for the level.
        set_bullet(paragraph, para, size, placeholder=placeholder and para.level in bulleted)
        if style is not None:
            _set_space_before(ppr, style.space_before_pt if i else 0)
            if not placeholder:
                ppr.set("algn", _ALIGN[style.align])
        end = paragraph.find(A_END)
        for piece in para.runs:
            run = etree.Element(A_R)
            rpr = etree.SubElement(run, A_RPR)
            if run_size is not None:
                rpr.set("sz", run_size)
            if piece.bold or (style is not None and style.bold):
                rpr.set("b", "1")
            if piece.italic:
                rpr.set("i", "1")
            if colour is not None:
                rpr.append(scheme_fill(colour))
            if font is not None:
                etree.SubElement(rpr, A_LATIN).set("typeface", font)
            etree.SubElement(run, A_T).text = CT_RegularTextRun._escape_ctrl_chars(piece.text)
            if end is not None:
                end.addprevious(run)
            else:
                paragraph.append(run)
        if style is not None:
            if end is None:
                end = etree.SubElement(paragraph, A_END)
            end.set("sz", str(round(style.size_pt * 100)))


def _set_space_before(ppr: etree._Element, points: float) -> None:
    for old in ppr.findall(A_SPCBEF):
        ppr.remove(old)
    spacing = etree.Element(A_SPCBEF)
    etree.SubElement(spacing, A_SPCPTS).set("val", str(Pt(points).centipoints))
    insert_ordered(ppr, spacing)
