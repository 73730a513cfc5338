"""Slides: adding them fast, removing a template's own, and the footers python-pptx leaves out.

python-pptx's ``add_slide`` searches every existing slide twice (for a free part name and a
free relationship id) and looks every layout placeholder up again, which made big decks
quadratic; :class:`SlideMaker` adds the same parts, relationships and slide ids directly.
python-pptx also leaves out a layout's date, footer and slide-number placeholders, so
:func:`add_footer_placeholders` clones them; and it has no call to remove a slide, so
:func:`remove_slides` takes the ids, relationships, sections and custom shows away.
"""

from __future__ import annotations

import copy
import uuid

from lxml import etree
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.parts.slide import SlidePart
from pptx.presentation import Presentation as PresentationObj
from pptx.slide import Slide, SlideLayout

from neslis_desktop.render.deck.oxml.ns import NS, qn
from neslis_desktop.render.deck.oxml.placeholders import FOOTER_TYPES, ph_type
from neslis_desktop.render.deck.oxml.shapes import append_shape, element, sp_tree


class SlideMaker:
    """Adds slides, cloning each layout's placeholders once and copying them for later slides.

    python-pptx's ``add_slide`` looks every placeholder up again per slide; on a new slide the
    clones depend only on the layout, so the first slide's are copied (same ids and names).
    """

    def __init__(self, prs: PresentationObj) -> None:
        self.prs = prs
        self.clones: dict[int, list[etree._Element]] = {}
        self.last_id = 0  # the highest slide id given so far (python-pptx searches them all)

    def add(self, layout: SlideLayout) -> Slide:
        slides = self.prs.slides
        cached = self.clones.get(id(element(layout)))
        if cached is None:
            slide: Slide = slides.add_slide(layout)
            self.clones[id(element(layout))] = [copy.deepcopy(sp) for sp in sp_tree(slide)[2:]]
            self.last_id = max(self.last_id, int(slides._sldIdLst[-1].id))
            return slide
        self.last_id += 1
        slide = add_slide_part(self.prs, layout, self.last_id)
        tree = sp_tree(slide)
        for sp in cached:
            append_shape(tree, copy.deepcopy(sp))
        return slide


def add_slide_part(prs: PresentationObj, layout: SlideLayout, slide_id: int) -> Slide:
    """A new, empty slide of ``layout`` at the end of ``prs``, with the slide id ``slide_id``.

    python-pptx's own ``add_slide`` without its two searches of every existing slide: the
    relationship to a brand-new part cannot exist yet, and the caller knows the next id.
    """
    presentation_part = prs.slides.part
    slide_part = SlidePart.new(presentation_part._next_slide_partname, presentation_part.package, layout.part)
    r_id = presentation_part._rels._add_relationship(RT.SLIDE, slide_part)
    prs.slides._sldIdLst._add_sldId(id=slide_id, rId=r_id)
    slide: Slide = slide_part.slide
    return slide


def remove_slides(prs: PresentationObj) -> int:
    """Remove every slide of ``prs``: their ids and relationships, so no part is left behind.

    Slide sections and custom shows name slides by id; they are dropped with the slides, or
    PowerPoint would find them pointing at nothing and offer to repair the file.
    """
    id_list = prs.slides._sldIdLst
    removed = 0
    for sld_id in list(id_list):
        rid = sld_id.get(qn("r:id"))
        id_list.remove(sld_id)
        if rid:
            prs.part.drop_rel(rid)
        removed += 1
    root = element(prs)
    for shows in root.findall("p:custShowLst", NS):
        root.remove(shows)
    for ext in root.findall("p:extLst/p:ext", NS):
        if ext.find("p14:sectionLst", NS) is not None:
            ext.getparent().remove(ext)
    for ext_list in root.findall("p:extLst", NS):
        if len(ext_list) == 0:
            root.remove(ext_list)
    return removed


def _next_shape_id(slide: Slide) -> int:
    ids = [int(v) for v in element(slide).xpath("//p:cNvPr/@id") if str(v).isdigit()]
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
    tree = sp_tree(slide)
    for sp in element(layout).iterfind("p:cSld/p:spTree/p:sp", NS):
        kind = ph_type(sp)
        if kind not in FOOTER_TYPES:
            continue
        text = {"dt": date, "ftr": footer, "sldNum": str(number)}[kind]
        if not text:
            continue
        source_ph = sp.find("./*/p:nvPr/p:ph", NS)
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
            f'<p:sp xmlns:p="{NS["p"]}" xmlns:a="{NS["a"]}"><p:nvSpPr><p:cNvPr id="{shape_id}" '
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
