"""The few slide XML edits python-pptx has no API for.

python-pptx leaves out a layout's date, footer and slide-number placeholders when it adds a
slide, has no call for a paragraph's bullet or for a shape's alt text, and writes runs
without a language. Each edit here is small, schema-ordered and checked by the OOXML
validator in the tests.
"""

from __future__ import annotations

import uuid

from lxml import etree
from pptx.oxml.ns import qn
from pptx.slide import Slide, SlideLayout

from neslis_desktop.render.deck.plan import LEVEL_INDENT, Para, marker_margin

_NS = {
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
}
FOOTER_TYPES = ("dt", "ftr", "sldNum")

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


def ph_type(sp: etree._Element) -> str | None:
    """The placeholder type of shape element ``sp`` (``obj`` when unstated), ``None`` if not one."""
    ph = sp.find("./*/p:nvPr/p:ph", _NS)
    return None if ph is None else ph.get("type", "obj")


def _next_shape_id(slide: Slide) -> int:
    ids = [int(v) for v in slide._element.xpath("//p:cNvPr/@id") if str(v).isdigit()]
    return max(ids, default=1) + 1


def add_footer_placeholders(
    slide: Slide,
    layout: SlideLayout,
    footer: str | None,
    date: str | None,
    number: int,
    *,
    first_id: int | None = None,
) -> list[str]:
    """Clone ``layout``'s date, footer and slide-number placeholders onto ``slide``, filled.

    The slide number is a ``slidenum`` field (so it stays right when slides are moved), with
    ``number`` as its cached text. Placeholders with nothing to show are left out. Returns the
    types added. ``first_id`` is the first free shape id when the caller already counts them.
    """
    added = []
    shape_id = _next_shape_id(slide) - 1 if first_id is None else first_id - 1
    tree = slide.shapes._spTree
    for sp in layout._element.iterfind("p:cSld/p:spTree/p:sp", _NS):
        kind = ph_type(sp)
        if kind not in FOOTER_TYPES:
            continue
        text = {"dt": date, "ftr": footer, "sldNum": str(number)}[kind]
        if not text:
            continue
        source_ph = sp.find("./*/p:nvPr/p:ph", _NS)
        assert source_ph is not None
        name = {"dt": "Date Placeholder", "ftr": "Footer Placeholder", "sldNum": "Slide Number Placeholder"}[kind]
        shape_id += 1
        ph_attrs = "".join(
            f' {key}="{source_ph.get(key)}"' for key in ("type", "orient", "sz", "idx") if source_ph.get(key)
        )
        if kind == "sldNum":
            field_id = "{" + str(uuid.uuid5(uuid.NAMESPACE_OID, f"neslis-slidenum-{number}")).upper() + "}"
            para = f'<a:fld id="{field_id}" type="slidenum">{_FOOT_RPR}<a:t>{number}</a:t></a:fld>'
        else:
            para = f"<a:r>{_FOOT_RPR}<a:t>{_escape(text)}</a:t></a:r>"
        xml = (
            f'<p:sp xmlns:p="{_NS["p"]}" xmlns:a="{_NS["a"]}"><p:nvSpPr><p:cNvPr id="{shape_id}" '
            f'name="{name} {shape_id}"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph{ph_attrs}/>'
            f"</p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/><a:p>{para}</a:p></p:txBody></p:sp>"
        )
        tree.append(etree.fromstring(xml))
        added.append(kind)
    return added


_FOOT_RPR = '<a:rPr lang="en-GB"><a:latin typeface="+mn-lt"/></a:rPr>'
"""Footer runs name the theme's body font: LibreOffice does not inherit it for footer placeholders."""


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _ppr(paragraph: etree._Element) -> etree._Element:
    ppr = paragraph.find("a:pPr", _NS)
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


def set_alt_text(shape_element: etree._Element, text: str) -> None:
    """Alt text (``descr``) on a shape, picture, connector or group."""
    c_nv_pr = shape_element.find("./*/p:cNvPr", _NS)
    if c_nv_pr is not None:
        c_nv_pr.set("descr", text)


def set_language(root: etree._Element, lang: str) -> None:
    """Set ``lang`` on every run, field and end-of-paragraph property under ``root``."""
    for tag in ("a:rPr", "a:endParaRPr"):
        for el in root.iter(qn(tag)):
            el.set("lang", lang)
    for run in root.iter(qn("a:r"), qn("a:fld")):
        if run.find("a:rPr", _NS) is None:
            rpr = etree.Element(qn("a:rPr"))
            rpr.set("lang", lang)
            run.insert(0, rpr)  # a:rPr comes first in both a:r and a:fld


def remove_shape(sp: etree._Element) -> None:
    """Remove a shape (such as an unused placeholder) from its slide."""
    parent = sp.getparent()
    if parent is not None:
        parent.remove(sp)
