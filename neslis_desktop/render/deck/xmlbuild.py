"""Shape and paragraph XML written directly with lxml, the fast path of the deck writer.

Setting fonts, fills and paragraph spacing through python-pptx properties costs an XPath
search and many namespace look-ups per property, and finding a free shape id scans the whole
slide per shape. A 25-slide deck took five times longer than the XML it writes needs. This
module writes the same elements python-pptx would (same templates, same schema order), from
pre-computed qualified names, with shape ids handed out by a per-slide counter.
"""

from __future__ import annotations

import copy

from lxml import etree
from pptx.enum.shapes import MSO_SHAPE
from pptx.oxml.shapes.autoshape import CT_Shape
from pptx.oxml.shapes.connector import CT_Connector
from pptx.oxml.text import CT_RegularTextRun
from pptx.shapes.autoshape import AdjustmentCollection, AutoShapeType
from pptx.util import Pt

from neslis_desktop.render.deck import ooxml
from neslis_desktop.render.deck.plan import Para, Rect, TextFrame, TextStyle, ThemeColour

_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
A_P, A_PPR, A_R, A_RPR, A_T, A_BR, A_FLD = (_A + t for t in ("p", "pPr", "r", "rPr", "t", "br", "fld"))
A_END, A_SPCBEF, A_SPCPTS = _A + "endParaRPr", _A + "spcBef", _A + "spcPts"
A_SOLID, A_NOFILL, A_SCHEME, A_LATIN, A_LN = (_A + t for t in ("solidFill", "noFill", "schemeClr", "latin", "ln"))
A_BODYPR, A_PRSTGEOM, A_PRSTTXWARP = _A + "bodyPr", _A + "prstGeom", _A + "prstTxWarp"
P_TXBODY, P_SPPR, P_STYLE, P_EXTLST, P_CNVPR = (_P + t for t in ("txBody", "spPr", "style", "extLst", "cNvPr"))
_CONTENT = frozenset((A_R, A_BR, A_FLD))
_AUTOFIT = frozenset(_A + t for t in ("noAutofit", "normAutofit", "spAutoFit"))
_FILLS = frozenset(_A + t for t in ("noFill", "solidFill", "gradFill", "blipFill", "pattFill", "grpFill"))

AUTOSHAPE_PRESETS: dict[str, str] = {
    kind: AutoShapeType(member).prst
    for kind, member in {
        "rect": MSO_SHAPE.RECTANGLE,
        "rounded": MSO_SHAPE.ROUNDED_RECTANGLE,
        "chevron": MSO_SHAPE.CHEVRON,
        "pentagon": MSO_SHAPE.PENTAGON,
        "arrow_right": MSO_SHAPE.RIGHT_ARROW,
        "ellipse": MSO_SHAPE.OVAL,
    }.items()
}
CONNECTOR_PRESETS = {"line": "line", "elbow": "bentConnector3"}
_ALIGN = {"left": "l", "center": "ctr", "right": "r"}
_ANCHOR = {"top": "t", "middle": "ctr", "bottom": "b"}
_THEME_FONT = {"major": "+mj-lt", "minor": "+mn-lt"}
_DEFAULT_LR_INSET, _DEFAULT_TB_INSET = 91440, 45720


def _without_style(element: etree._Element) -> etree._Element:
    style = element.find(P_STYLE)
    if style is not None:
        element.remove(style)
    return element


# python-pptx's own templates, parsed once; copies keep its element classes.
_AUTOSHAPE = _without_style(CT_Shape.new_autoshape_sp(0, "", "rect", 0, 0, 0, 0))
_TEXTBOX = CT_Shape.new_textbox_sp(0, "", 0, 0, 0, 0)
_CONNECTOR = _without_style(CT_Connector.new_cxnSp(0, "", "line", 0, 0, 0, 0, False, False))


class ShapeIds:
    """Free shape ids of one slide: one scan for the largest id in use, then counting up."""

    def __init__(self, slide_element: etree._Element) -> None:
        used = [int(v) for v in slide_element.xpath("//@id") if str(v).isdigit()]
        self._last = max(used, default=0)

    def next(self) -> int:
        self._last += 1
        return self._last


def _geometry(proto: etree._Element, shape_id: int, name: str, xywh: tuple[int, int, int, int]) -> etree._Element:
    x, y, w, h = xywh
    element = copy.deepcopy(proto)
    c_nv_pr = element[0][0]
    c_nv_pr.set("id", str(shape_id))
    c_nv_pr.set("name", name)
    xfrm = element[1][0]
    xfrm[0].set("x", str(x))
    xfrm[0].set("y", str(y))
    xfrm[1].set("cx", str(w))
    xfrm[1].set("cy", str(h))
    return element


def append_shape(tree: etree._Element, element: etree._Element) -> None:
    """Add ``element`` on top of the shape tree (before any ``p:extLst``), as python-pptx does."""
    ext = tree.find(P_EXTLST)
    if ext is not None:
        ext.addprevious(element)
    else:
        tree.append(element)


def new_autoshape(shape_id: int, name: str, kind: str, box: Rect) -> etree._Element:
    """A preset-geometry ``p:sp`` without a theme style (so only its explicit fill and line apply)."""
    element = _geometry(_AUTOSHAPE, shape_id, name, (box.x, box.y, box.w, box.h))
    element[1].find(A_PRSTGEOM).set("prst", AUTOSHAPE_PRESETS[kind])
    return element


def new_textbox(shape_id: int, name: str, box: Rect) -> etree._Element:
    """A text box ``p:sp``."""
    return _geometry(_TEXTBOX, shape_id, name, (box.x, box.y, box.w, box.h))


def _vertical_elbow(x1: int, y1: int, x2: int, y2: int) -> tuple[tuple[int, int, int, int], bool, bool]:
    """Box, flipH and flipV of a ``bentConnector3`` turned a quarter, so it runs vertical first.

    Unturned, the preset runs horizontally from its start, so an org chart's drop would land
    beside the child box. Turned 90 degrees about its centre (flips apply before the turn) its
    first and last segments are vertical: down from the parent, across, down onto the child.
    """
    cx, cy = (x1 + x2) / 2, (y1 + y2) / 2
    w, h = abs(y2 - y1), abs(x2 - x1)
    for flip_h, flip_v in ((False, False), (False, True), (True, False), (True, True)):
        lx = w / 2 if flip_h else -w / 2
        ly = h / 2 if flip_v else -h / 2
        sx, sy = cx - ly, cy + lx  # a clockwise quarter turn of (lx, ly), y pointing down
        if abs(sx - x1) <= 1 and abs(sy - y1) <= 1:
            return (round(cx - w / 2), round(cy - h / 2), w, h), flip_h, flip_v
    return (min(x1, x2), min(y1, y2), abs(x2 - x1), abs(y2 - y1)), x1 > x2, y1 > y2


def new_connector(shape_id: int, name: str, kind: str, box: Rect) -> etree._Element:
    """A ``p:cxnSp`` from the box's top-left to its bottom-right, flipped where the box is negative.

    An ``elbow`` runs vertically first and last (see :func:`_vertical_elbow`), as the plan and
    the preview draw it.
    """
    x1, y1, x2, y2 = box.x, box.y, box.right, box.bottom
    if kind == "elbow" and x1 != x2 and y1 != y2:
        xywh, flip_h, flip_v = _vertical_elbow(x1, y1, x2, y2)
        element = _geometry(_CONNECTOR, shape_id, name, xywh)
        xfrm = element[1][0]
        xfrm.set("rot", "5400000")
        if flip_h:
            xfrm.set("flipH", "1")
        if flip_v:
            xfrm.set("flipV", "1")
        element[1].find(A_PRSTGEOM).set("prst", CONNECTOR_PRESETS[kind])
        return element
    element = _geometry(_CONNECTOR, shape_id, name, (min(x1, x2), min(y1, y2), abs(x2 - x1), abs(y2 - y1)))
    xfrm = element[1][0]
    if x1 > x2:
        xfrm.set("flipH", "1")
    if y1 > y2:
        xfrm.set("flipV", "1")
    element[1].find(A_PRSTGEOM).set("prst", CONNECTOR_PRESETS[kind])
    return element


def set_adjustment(element: etree._Element, value: float) -> None:
    """The first adjustment of a preset shape (python-pptx writes all of the preset's guides)."""
    adjustments = AdjustmentCollection(element[1].find(A_PRSTGEOM))
    if len(adjustments) > 0:
        adjustments[0] = value


def _scheme_fill(name: ThemeColour) -> etree._Element:
    fill = etree.Element(A_SOLID)
    etree.SubElement(fill, A_SCHEME).set("val", name)
    return fill


def set_fill(element: etree._Element, colour: ThemeColour | None) -> None:
    """A theme-colour fill on the shape, or no fill."""
    sp_pr = element[1]
    for old in [c for c in sp_pr if c.tag in _FILLS]:
        sp_pr.remove(old)
    fill = _scheme_fill(colour) if colour else etree.Element(A_NOFILL)
    geometry = sp_pr.find(A_PRSTGEOM)
    assert geometry is not None
    geometry.addnext(fill)


def set_line(element: etree._Element, colour: ThemeColour | None, width_pt: float = 0.0) -> None:
    """A theme-colour outline ``width_pt`` wide, or no line when ``colour`` is ``None``."""
    ln = etree.SubElement(element[1], A_LN)
    if colour is None:
        etree.SubElement(ln, A_NOFILL)
        return
    ln.set("w", str(int(Pt(width_pt))))
    ln.append(_scheme_fill(colour))


def style_body(tx_body: etree._Element, text: TextFrame) -> None:
    """Wrap, no autofit, insets and anchor of a drawn text frame (defaults left unwritten)."""
    body_pr = tx_body.find(A_BODYPR)
    assert body_pr is not None
    body_pr.set("wrap", "square")
    for old in [c for c in body_pr if c.tag in _AUTOFIT]:
        body_pr.remove(old)
    no_autofit = etree.Element(_A + "noAutofit")
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
        ooxml.set_bullet(paragraph, para, size, placeholder=placeholder and para.level in bulleted)
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
                rpr.append(_scheme_fill(colour))
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
    ooxml.insert_ordered(ppr, spacing)
