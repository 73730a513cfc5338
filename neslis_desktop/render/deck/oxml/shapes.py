"""Shapes on a slide: the shape tree, shape ids, and shape XML written directly with lxml.

Setting fonts, fills and paragraph spacing through python-pptx properties costs an XPath
search and many namespace look-ups per property, and finding a free shape id scans the whole
slide per shape. A 25-slide deck took five times longer than the XML it writes needs. This
module writes the same elements python-pptx would (same templates, same schema order), from
pre-computed qualified names, with shape ids handed out by a per-slide counter. It is also
where the rest of the deck gets the XML behind a python-pptx object (:func:`element`,
:func:`sp_tree`), so no other module reaches into python-pptx's private attributes.
"""

from __future__ import annotations

import copy
from typing import Any, cast

from lxml import etree
from pptx.enum.shapes import MSO_SHAPE
from pptx.oxml.shapes.autoshape import CT_Shape
from pptx.oxml.shapes.connector import CT_Connector
from pptx.shapes.autoshape import AdjustmentCollection, AutoShapeType
from pptx.slide import Slide
from pptx.util import Pt

from neslis_desktop.render.deck.oxml.ns import NS, qn
from neslis_desktop.render.deck.plan import Rect, ThemeColour

A_PRSTGEOM, A_SOLID, A_NOFILL, A_SCHEME, A_LN = (
    qn(f"a:{t}") for t in ("prstGeom", "solidFill", "noFill", "schemeClr", "ln")
)
P_TXBODY, P_STYLE, P_EXTLST, P_CNVPR, P_SP = (qn(f"p:{t}") for t in ("txBody", "style", "extLst", "cNvPr", "sp"))
_FILLS = frozenset(qn(f"a:{t}") for t in ("noFill", "solidFill", "gradFill", "blipFill", "pattFill", "grpFill"))


def element(obj: Any) -> etree._Element:
    """The XML element behind a python-pptx object: a slide, layout, master, shape or presentation.

    A presentation gives its ``p:presentation`` root (the presentation part's element).
    """
    return cast(etree._Element, obj._element)


def sp_tree(slide: Slide) -> etree._Element:
    """The slide's shape tree (``p:cSld/p:spTree``), which its shapes are children of."""
    return cast(etree._Element, slide.shapes._spTree)


def set_shape_id(shape_element: etree._Element, shape_id: int) -> None:
    """Give a shape, picture or graphic frame the id ``shape_id`` (its ``p:cNvPr/@id``)."""
    c_nv_pr = shape_element.find("./*/" + P_CNVPR)
    assert c_nv_pr is not None
    c_nv_pr.set("id", str(shape_id))


def set_alt_text(shape_element: etree._Element, text: str) -> None:
    """Alt text (``descr``) on a shape, picture, connector or group."""
    c_nv_pr = shape_element.find("./*/p:cNvPr", NS)
    if c_nv_pr is not None:
        c_nv_pr.set("descr", text)


def remove_shape(sp: etree._Element) -> None:
    """Remove a shape (such as an unused placeholder) from its slide."""
    parent = sp.getparent()
    if parent is not None:
        parent.remove(sp)


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


def _without_style(shape: etree._Element) -> etree._Element:
    style = shape.find(P_STYLE)
    if style is not None:
        shape.remove(style)
    return shape


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
    shape = copy.deepcopy(proto)
    c_nv_pr = shape[0][0]
    c_nv_pr.set("id", str(shape_id))
    c_nv_pr.set("name", name)
    xfrm = shape[1][0]
    xfrm[0].set("x", str(x))
    xfrm[0].set("y", str(y))
    xfrm[1].set("cx", str(w))
    xfrm[1].set("cy", str(h))
    return shape


def append_shape(tree: etree._Element, shape: etree._Element) -> None:
    """Add ``shape`` on top of the shape tree (before any ``p:extLst``), as python-pptx does."""
    ext = tree.find(P_EXTLST)
    if ext is not None:
        ext.addprevious(shape)
    else:
        tree.append(shape)


def new_autoshape(shape_id: int, name: str, kind: str, box: Rect) -> etree._Element:
    """A preset-geometry ``p:sp`` without a theme style (so only its explicit fill and line apply)."""
    shape = _geometry(_AUTOSHAPE, shape_id, name, (box.x, box.y, box.w, box.h))
    shape[1].find(A_PRSTGEOM).set("prst", AUTOSHAPE_PRESETS[kind])
    return shape


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
        shape = _geometry(_CONNECTOR, shape_id, name, xywh)
        xfrm = shape[1][0]
        xfrm.set("rot", "5400000")
        if flip_h:
            xfrm.set("flipH", "1")
        if flip_v:
            xfrm.set("flipV", "1")
        shape[1].find(A_PRSTGEOM).set("prst", CONNECTOR_PRESETS[kind])
        return shape
    shape = _geometry(_CONNECTOR, shape_id, name, (min(x1, x2), min(y1, y2), abs(x2 - x1), abs(y2 - y1)))
    xfrm = shape[1][0]
    if x1 > x2:
        xfrm.set("flipH", "1")
    if y1 > y2:
        xfrm.set("flipV", "1")
    shape[1].find(A_PRSTGEOM).set("prst", CONNECTOR_PRESETS[kind])
    return shape


def set_adjustment(shape: etree._Element, value: float) -> None:
    """The first adjustment of a preset shape (python-pptx writes all of the preset's guides)."""
    adjustments = AdjustmentCollection(shape[1].find(A_PRSTGEOM))
    if len(adjustments) > 0:
        adjustments[0] = value


def scheme_fill(name: ThemeColour) -> etree._Element:
    """An ``a:solidFill`` of the theme colour ``name``."""
    fill = etree.Element(A_SOLID)
    etree.SubElement(fill, A_SCHEME).set("val", name)
    return fill


def set_fill(shape: etree._Element, colour: ThemeColour | None) -> None:
    """A theme-colour fill on the shape, or no fill."""
    sp_pr = shape[1]
    for old in [c for c in sp_pr if c.tag in _FILLS]:
        sp_pr.remove(old)
    fill = scheme_fill(colour) if colour else etree.Element(A_NOFILL)
    geometry = sp_pr.find(A_PRSTGEOM)
    assert geometry is not None
    geometry.addnext(fill)


def set_line(shape: etree._Element, colour: ThemeColour | None, width_pt: float = 0.0) -> None:
    """A theme-colour outline ``width_pt`` wide, or no line when ``colour`` is ``None``."""
    ln = etree.SubElement(shape[1], A_LN)
    if colour is None:
        etree.SubElement(ln, A_NOFILL)
        return
    ln.set("w", str(int(Pt(width_pt))))
    ln.append(scheme_fill(colour))
