"""The template corpus of the inspector's tests, made at test time from templates we did not write.

Sources: the bundled template, Pandoc's reference.pptx, python-pptx's default, and every
LibreOffice Impress template installed (converted once per session). Mutations of the
first three imitate what partners send: dark themes, pale accents, tiny or misplaced body
boxes, titles mid-slide, a fixed "Confidential" box over the title, layouts named in German
or the way Keynote and Google Slides name them, and 4:3, 16:10, A4 and odd slide sizes.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.presentation import Presentation as PresentationObj
from pptx.util import Inches, Pt

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
P = "http://schemas.openxmlformats.org/presentationml/2006/main"
NS = {"a": A, "p": P}
LO_DIR = Path("/usr/lib/libreoffice/share/template/common/presnt")


def _masters_and_layouts(prs: PresentationObj) -> list[etree._Element]:
    out = []
    for master in prs.slide_masters:
        out.append(master._element)
        out += [layout._element for layout in master.slide_layouts]
    return out


def _theme(prs: PresentationObj) -> etree._Element:
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT

    for rel in prs.slide_master.part.rels.values():
        if rel.reltype == RT.THEME:
            return rel.target_part  # type: ignore[no-any-return]
    raise LookupError("no theme")


def _set_theme_colours(prs: PresentationObj, colours: dict[str, str]) -> None:
    part = _theme(prs)
    root = etree.fromstring(part.blob)  # type: ignore[attr-defined]
    scheme = root.find("a:themeElements/a:clrScheme", NS)
    for slot, value in colours.items():
        el = scheme.find(f"a:{slot}", NS)
        for child in list(el):
            el.remove(child)
        etree.SubElement(el, f"{{{A}}}srgbClr").set("val", value)
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)  # type: ignore[attr-defined]


def _solid_bg(owner: etree._Element, value: str) -> None:
    c_sld = owner.find("p:cSld", NS)
    old = c_sld.find("p:bg", NS)
    if old is not None:
        c_sld.remove(old)
    bg = etree.Element(f"{{{P}}}bg")
    pr = etree.SubElement(bg, f"{{{P}}}bgPr")
    fill = etree.SubElement(pr, f"{{{A}}}solidFill")
    etree.SubElement(fill, f"{{{A}}}srgbClr").set("val", value)
    etree.SubElement(pr, f"{{{A}}}effectLst")
    c_sld.insert(0, bg)


def dark(prs: PresentationObj) -> None:
    """A dark theme done properly: the colour map swaps text and background, the master is navy."""
    for master in prs.slide_masters:
        clr_map = master._element.find("p:clrMap", NS)
        clr_map.set("bg1", "dk1")
        clr_map.set("tx1", "lt1")
        clr_map.set("bg2", "dk2")
        clr_map.set("tx2", "lt2")
        _solid_bg(master._element, "0B1A33")
    for el in _masters_and_layouts(prs)[1:]:
        bg = el.find("p:cSld/p:bg", NS)
        if bg is not None:
            bg.getparent().remove(bg)


def dark_background_only(prs: PresentationObj) -> None:
    """A near-black background with the theme's dark text left as it was (a careless template)."""
    for el in _masters_and_layouts(prs):
        _solid_bg(el, "111111")


def pale_accents(prs: PresentationObj) -> None:
    _set_theme_colours(
        prs,
        {
            "accent1": "DDDDDD",
            "accent2": "A6E6F0",
            "accent3": "EEEEEE",
            "accent4": "F2F2C0",
            "accent5": "DDEEFF",
            "accent6": "E8F8E8",
        },
    )


def _layout(prs: PresentationObj, *names: str) -> list[etree._Element]:
    keys = {n.lower() for n in names}
    return [lay._element for m in prs.slide_masters for lay in m.slide_layouts if lay.name.lower() in keys]


def _ph(owner: etree._Element, kinds: tuple[str, ...]) -> list[etree._Element]:
    out = []
    for sp in owner.iterfind("p:cSld/p:spTree/p:sp", NS):
        ph = sp.find("p:nvSpPr/p:nvPr/p:ph", NS)
        if ph is not None and ph.get("type", "obj") in kinds:
            out.append(sp)
    return out


def _set_xfrm(sp: etree._Element, x: int, y: int, w: int, h: int) -> None:
    sp_pr = sp.find("p:spPr", NS)
    xfrm = sp_pr.find("a:xfrm", NS)
    if xfrm is None:
        xfrm = etree.Element(f"{{{A}}}xfrm")
        sp_pr.insert(0, xfrm)
        etree.SubElement(xfrm, f"{{{A}}}off")
        etree.SubElement(xfrm, f"{{{A}}}ext")
    xfrm.find("a:off", NS).attrib.update({"x": str(x), "y": str(y)})
    xfrm.find("a:ext", NS).attrib.update({"cx": str(w), "cy": str(h)})


def tiny_body(prs: PresentationObj) -> None:
    """Keynote-style: the content layout's body box is 2% of the slide; the two-content layout is fine."""
    w, h = int(prs.slide_width), int(prs.slide_height)
    for lay in _layout(prs, "Title and Content", "Title, Content"):
        for sp in _ph(lay, ("body", "obj")):
            _set_xfrm(sp, w // 2, h // 2, w // 7, h // 7)


def body_over_title(prs: PresentationObj) -> None:
    w, h = int(prs.slide_width), int(prs.slide_height)
    for lay in _layout(prs, "Title and Content", "Title, Content"):
        for sp in _ph(lay, ("body", "obj")):
            _set_xfrm(sp, w // 14, h // 20, w * 6 // 7, h * 4 // 5)


def title_mid_slide(prs: PresentationObj) -> None:
    w, h = int(prs.slide_width), int(prs.slide_height)
    for lay in _layout(prs, "Title and Content", "Title Only", "Title, Content"):
        for sp in _ph(lay, ("title",)):
            _set_xfrm(sp, w // 14, h * 2 // 5, w * 6 // 7, h // 6)


def confidential_box(prs: PresentationObj) -> None:
    """A fixed "Confidential" text box on the master, over the right end of the title area."""
    from pptx.oxml.shapes.autoshape import CT_Shape

    master = prs.slide_master
    w = int(prs.slide_width)
    sp = CT_Shape.new_textbox_sp(9000, "Confidential", w - Inches(3), Inches(0.3), Inches(2.6), Inches(0.6))
    body = sp.find("p:txBody", NS)
    p = body.find("a:p", NS)
    run = etree.SubElement(p, f"{{{A}}}r")
    etree.SubElement(run, f"{{{A}}}rPr").set("sz", str(Pt(14).centipoints))
    etree.SubElement(run, f"{{{A}}}t").text = "CONFIDENTIAL – NOT FOR CIRCULATION"
    master._element.find("p:cSld/p:spTree", NS).append(sp)


def _rename(prs: PresentationObj, names: dict[str, str]) -> None:
    for master in prs.slide_masters:
        for layout in master.slide_layouts:
            new = names.get(layout.name.lower())
            if new:
                layout._element.find("p:cSld", NS).set("name", new)


_BASE = ("title slide", "title and content", "title only", "blank", "section header", "title, content", "blank slide")


def german(prs: PresentationObj) -> None:
    _rename(
        prs,
        dict(
            zip(
                _BASE,
                (
                    "Titelfolie",
                    "Titel und Inhalt",
                    "Nur Titel",
                    "Leer",
                    "Abschnittsüberschrift",
                    "Titel, Inhalt",
                    "Leere Folie",
                ),
                strict=True,
            )
        ),
    )


def keynote_names(prs: PresentationObj) -> None:
    _rename(
        prs,
        dict(
            zip(
                _BASE,
                (
                    "Title - Center",
                    "Title & Bullets",
                    "Title - Top",
                    "Blank",
                    "Title & Subtitle",
                    "Title & Bullets",
                    "Blank",
                ),
                strict=True,
            )
        ),
    )


def google_names(prs: PresentationObj) -> None:
    _rename(
        prs,
        dict(
            zip(
                _BASE,
                ("TITLE", "TITLE_AND_BODY", "TITLE_ONLY", "BLANK", "SECTION_HEADER", "TITLE_AND_BODY", "BLANK"),
                strict=True,
            )
        ),
    )


def _resize(width: int, height: int) -> Callable[[PresentationObj], None]:
    def mutate(prs: PresentationObj) -> None:
        sx, sy = width / int(prs.slide_width), height / int(prs.slide_height)
        for el in _masters_and_layouts(prs):
            for xfrm in el.iter(f"{{{A}}}xfrm"):
                off, ext = xfrm.find("a:off", NS), xfrm.find("a:ext", NS)
                if off is not None:
                    off.set("x", str(round(int(off.get("x")) * sx)))
                    off.set("y", str(round(int(off.get("y")) * sy)))
                if ext is not None:
                    ext.set("cx", str(round(int(ext.get("cx")) * sx)))
                    ext.set("cy", str(round(int(ext.get("cy")) * sy)))
        prs.slide_width, prs.slide_height = width, height

    return mutate


MUTATIONS: dict[str, Callable[[PresentationObj], None]] = {
    "dark": dark,
    "dark-background-only": dark_background_only,
    "pale-accents": pale_accents,
    "tiny-body": tiny_body,
    "body-over-title": body_over_title,
    "title-mid-slide": title_mid_slide,
    "confidential-box": confidential_box,
    "german-names": german,
    "keynote-names": keynote_names,
    "google-names": google_names,
    "4x3": _resize(9_144_000, 6_858_000),
    "16x10": _resize(12_192_000, 7_620_000),
    "a4": _resize(9_906_000, 6_858_000),
    "odd-wide": _resize(16_000_000, 5_400_000),
    "odd-tall": _resize(7_000_000, 8_000_000),
}


def mutate(source: Path, name: str, target: Path) -> Path:
    """``source`` with mutation ``name`` applied, saved as ``target``."""
    prs = Presentation(io.BytesIO(source.read_bytes()))
    MUTATIONS[name](prs)
    prs.save(str(target))
    return target
