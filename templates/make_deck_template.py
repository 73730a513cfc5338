"""Builds ``templates/neslis-deck.pptx``, the bundled 16:9 deck template, reproducibly.

The template is our own design (no logos): a white master with a teal accent bar, a navy
title slide, a section divider with a teal band, and footer, date and slide-number
placeholders on every layout. It starts from python-pptx's default template, keeps the five
layouts the deck uses (standard Office names), and replaces the master's and layouts' shape
trees, the text styles and the theme's colours and fonts with the XML below.

Run from the repository root::

    .venv/bin/python templates/make_deck_template.py

Everything is a pure function of this file, so running it twice gives the same parts.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.opc.package import Part
from pptx.util import Emu

HERE = Path(__file__).resolve().parent
TARGET = HERE / "neslis-deck.pptx"

IN = 914_400
W, H = 12_192_000, 6_858_000  # 13.333 x 7.5 in
MARGIN = int(0.6 * IN)
CONTENT_W = W - 2 * MARGIN

NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
NS_P = "http://schemas.openxmlformats.org/presentationml/2006/main"
NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NSDECL = f'xmlns:a="{NS_A}" xmlns:r="{NS_R}" xmlns:p="{NS_P}"'

COLOURS = {
    "dk1": "1B1F24",  # near-black text
    "lt1": "FFFFFF",
    "dk2": "14284B",  # deep navy: titles, title slide
    "lt2": "E6EDF3",  # pale blue-grey: panels
    "accent1": "00778A",  # strong teal
    "accent2": "C0561C",  # warm burnt orange
    "accent3": "5B3F8C",  # plum
    "accent4": "2E7D4F",  # green
    "accent5": "1F5FA8",  # blue
    "accent6": "A23B5C",  # raspberry
    "hlink": "1F5FA8",
    "folHlink": "5B3F8C",
}
"""Every accent carries white text at 4.5:1 or better, and dark text on lt1/lt2 far more."""

MAJOR_FONT, MINOR_FONT = "Calibri Light", "Calibri"
KEEP_LAYOUTS = ("Title Slide", "Title and Content", "Section Header", "Title Only", "Blank")


# --- XML snippets -----------------------------------------------------------------------------


def xfrm(x: int, y: int, w: int, h: int) -> str:
    return f'<a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{w}" cy="{h}"/></a:xfrm>'


def fill(colour: str) -> str:
    return f'<a:solidFill><a:schemeClr val="{colour}"/></a:solidFill>'


def rect(sid: int, name: str, box: tuple[int, int, int, int], colour: str) -> str:
    """A decorative filled rectangle, marked decorative for screen readers."""
    return (
        f'<p:sp><p:nvSpPr><p:cNvPr id="{sid}" name="{name}" descr="Decorative"/><p:cNvSpPr/><p:nvPr userDrawn="1"/>'
        f'</p:nvSpPr><p:spPr>{xfrm(*box)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>{fill(colour)}'
        "<a:ln><a:noFill/></a:ln></p:spPr>"
        '<p:txBody><a:bodyPr rtlCol="0" anchor="ctr"/><a:lstStyle/><a:p><a:endParaRPr lang="en-GB"/></a:p>'
        "</p:txBody></p:sp>"
    )


def placeholder(  # noqa: PLR0917 - read as a table of placeholders below
    sid: int,
    name: str,
    ph: str,
    box: tuple[int, int, int, int] | None = None,
    body_pr: str = "<a:bodyPr/>",
    lst_style: str = "",
    prompt: str = "",
) -> str:
    """A placeholder; without ``box`` it inherits its position from the master."""
    sp_pr = f"<p:spPr>{xfrm(*box)}</p:spPr>" if box else "<p:spPr/>"
    if 'type="sldNum"' in ph:
        para = (
            '<a:p><a:fld id="{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}" type="slidenum"><a:rPr lang="en-GB"/>'
            '<a:t>‹#›</a:t></a:fld><a:endParaRPr lang="en-GB"/></a:p>'
        )
    elif prompt:
        para = f'<a:p><a:r><a:rPr lang="en-GB"/><a:t>{prompt}</a:t></a:r><a:endParaRPr lang="en-GB"/></a:p>'
    else:
        para = '<a:p><a:endParaRPr lang="en-GB"/></a:p>'
    return (
        f'<p:sp><p:nvSpPr><p:cNvPr id="{sid}" name="{name}"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr>'
        f"<p:nvPr>{ph}</p:nvPr></p:nvSpPr>{sp_pr}<p:txBody>{body_pr}<a:lstStyle>{lst_style}</a:lstStyle>"
        f"{para}</p:txBody></p:sp>"
    )


def sp_tree(*shapes: str) -> str:
    return (
        '<p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>'
        '<p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/>'
        '<a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>' + "".join(shapes) + "</p:spTree>"
    )


def lvl(n: int, size: int, colour: str, extra: str = "", ppr: str = "", *, font: str = "+mn") -> str:
    return (
        f'<a:lvl{n}pPr {ppr}>{extra}<a:defRPr sz="{size}" kern="1200">{fill(colour)}'
        f'<a:latin typeface="{font}-lt"/><a:ea typeface="{font}-ea"/><a:cs typeface="{font}-cs"/>'
        f"</a:defRPr></a:lvl{n}pPr>"
    )


def single_level(size: int, colour: str, algn: str = "l", font: str = "+mn", bold: bool = False) -> str:
    """A ``lvl1pPr`` for a layout placeholder: no bullet, one size and colour."""
    b = ' b="1"' if bold else ""
    return (
        f'<a:lvl1pPr marL="0" indent="0" algn="{algn}"><a:buNone/><a:defRPr sz="{size}"{b}>{fill(colour)}'
        f'<a:latin typeface="{font}-lt"/></a:defRPr></a:lvl1pPr>'
    )


# --- the master -------------------------------------------------------------------------------

TITLE_BOX = (MARGIN, int(0.32 * IN), CONTENT_W, int(0.95 * IN))
BODY_BOX = (MARGIN, int(1.55 * IN), CONTENT_W, int(5.15 * IN))
FOOT_Y, FOOT_H = int(6.95 * IN), int(0.35 * IN)
DATE_BOX = (MARGIN, FOOT_Y, int(2.5 * IN), FOOT_H)
FOOTER_BOX = ((W - 6 * IN) // 2, FOOT_Y, 6 * IN, FOOT_H)
NUMBER_BOX = (W - MARGIN - int(1.5 * IN), FOOT_Y, int(1.5 * IN), FOOT_H)
INSETS = 'lIns="91440" tIns="45720" rIns="91440" bIns="45720" rtlCol="0"'


def foot_style(algn: str) -> str:
    return (
        f'<a:lvl1pPr algn="{algn}"><a:defRPr sz="1000">{fill("tx2")}<a:latin typeface="+mn-lt"/></a:defRPr></a:lvl1pPr>'
    )


MASTER_TREE = sp_tree(
    rect(7, "Accent Bar", (0, 0, W, int(0.1 * IN)), "accent1"),
    placeholder(
        2,
        "Title Placeholder 1",
        '<p:ph type="title"/>',
        TITLE_BOX,
        f'<a:bodyPr vert="horz" {INSETS} anchor="b"><a:noAutofit/></a:bodyPr>',
        prompt="Click to edit Master title style",
    ),
    rect(8, "Title Rule", (MARGIN + 91440, int(1.33 * IN), IN, int(0.06 * IN)), "accent1"),
    placeholder(
        3,
        "Text Placeholder 2",
        '<p:ph type="body" idx="1"/>',
        BODY_BOX,
        f'<a:bodyPr vert="horz" {INSETS}><a:noAutofit/></a:bodyPr>',
        prompt="Click to edit Master text styles",
    ),
    placeholder(
        4,
        "Date Placeholder 3",
        '<p:ph type="dt" sz="half" idx="2"/>',
        DATE_BOX,
        f'<a:bodyPr vert="horz" {INSETS} anchor="ctr"/>',
        foot_style("l"),
    ),
    placeholder(
        5,
        "Footer Placeholder 4",
        '<p:ph type="ftr" sz="quarter" idx="3"/>',
        FOOTER_BOX,
        f'<a:bodyPr vert="horz" {INSETS} anchor="ctr"/>',
        foot_style("ctr"),
    ),
    placeholder(
        6,
        "Slide Number Placeholder 5",
        '<p:ph type="sldNum" sz="quarter" idx="4"/>',
        NUMBER_BOX,
        f'<a:bodyPr vert="horz" {INSETS} anchor="ctr"/>',
        foot_style("r"),
    ),
)

_PPR = 'algn="l" defTabSz="914400" rtl="0" eaLnBrk="1" latinLnBrk="0" hangingPunct="1"'
_SPC = '<a:lnSpc><a:spcPct val="100000"/></a:lnSpc><a:spcBef><a:spcPts val="{}"/></a:spcBef>'
_BULLET = '<a:buClr><a:schemeClr val="accent1"/></a:buClr><a:buFont typeface="Arial"/><a:buChar char="{}"/>'

TX_STYLES = (
    "<p:txStyles><p:titleStyle>"
    + lvl(
        1,
        3600,
        "tx2",
        '<a:lnSpc><a:spcPct val="90000"/></a:lnSpc><a:spcBef><a:spcPct val="0"/></a:spcBef><a:buNone/>',
        _PPR,
        font="+mj",
    )
    + "</p:titleStyle><p:bodyStyle>"
    + lvl(1, 2200, "tx1", _SPC.format(1000) + _BULLET.format("•"), f'marL="285750" indent="-285750" {_PPR}')
    + lvl(2, 2000, "tx1", _SPC.format(500) + _BULLET.format("–"), f'marL="685800" indent="-228600" {_PPR}')
    + lvl(3, 1800, "tx1", _SPC.format(500) + _BULLET.format("•"), f'marL="1085850" indent="-228600" {_PPR}')
    + "".join(
        lvl(
            n,
            1600,
            "tx1",
            _SPC.format(500) + _BULLET.format("–"),
            f'marL="{1485900 + (n - 4) * 400050}" indent="-228600" {_PPR}',
        )
        for n in range(4, 10)
    )
    + "</p:bodyStyle><p:otherStyle>"
    + '<a:defPPr><a:defRPr lang="en-GB"/></a:defPPr>'
    + "".join(lvl(n, 1800, "tx1", "", f'marL="{(n - 1) * 457200}" {_PPR}') for n in range(1, 10))
    + "</p:otherStyle></p:txStyles>"
)


# --- layouts ----------------------------------------------------------------------------------


def footers(first_id: int, colour: str | None = None) -> list[str]:
    """Date, footer and slide-number placeholders at the master's positions."""
    styles = [foot_style(a).replace(fill("tx2"), fill(colour)) if colour else "" for a in ("l", "ctr", "r")]
    return [
        placeholder(first_id, "Date Placeholder", '<p:ph type="dt" sz="half" idx="10"/>', lst_style=styles[0]),
        placeholder(
            first_id + 1, "Footer Placeholder", '<p:ph type="ftr" sz="quarter" idx="11"/>', lst_style=styles[1]
        ),
        placeholder(
            first_id + 2, "Slide Number Placeholder", '<p:ph type="sldNum" sz="quarter" idx="12"/>', lst_style=styles[2]
        ),
    ]


TITLE_X = int(0.8 * IN)
TITLE_W = W - 2 * TITLE_X

LAYOUTS: dict[str, tuple[str, str, str]] = {
    # name: (attributes of p:sldLayout, background XML or "", shape tree)
    "Title Slide": (
        'type="title" preserve="1" showMasterSp="0"',
        f"<p:bg><p:bgPr>{fill('tx2')}<a:effectLst/></p:bgPr></p:bg>",
        sp_tree(
            rect(2, "Accent Bar", (TITLE_X + 91440, int(2.3 * IN), int(1.4 * IN), int(0.09 * IN)), "accent1"),
            placeholder(
                3,
                "Title 1",
                '<p:ph type="ctrTitle"/>',
                (TITLE_X, int(2.5 * IN), TITLE_W, int(1.45 * IN)),
                '<a:bodyPr anchor="t"><a:noAutofit/></a:bodyPr>',
                single_level(4400, "bg1", font="+mj"),
                prompt="Click to edit Master title style",
            ),
            placeholder(
                4,
                "Subtitle 2",
                '<p:ph type="subTitle" idx="1"/>',
                (TITLE_X, int(4.1 * IN), TITLE_W, int(1.8 * IN)),
                "<a:bodyPr><a:noAutofit/></a:bodyPr>",
                single_level(2200, "bg2"),
                prompt="Click to edit Master subtitle style",
            ),
            *footers(5, colour="bg2"),
        ),
    ),
    "Title and Content": (
        'type="obj" preserve="1"',
        "",
        sp_tree(
            placeholder(2, "Title 1", '<p:ph type="title"/>', prompt="Click to edit Master title style"),
            placeholder(3, "Content Placeholder 2", '<p:ph idx="1"/>', prompt="Click to edit Master text styles"),
            *footers(4),
        ),
    ),
    "Section Header": (
        'type="secHead" preserve="1" showMasterSp="0"',
        "",
        sp_tree(
            rect(2, "Accent Band", (0, 0, int(0.35 * IN), H), "accent1"),
            placeholder(
                3,
                "Title 1",
                '<p:ph type="title"/>',
                (TITLE_X, int(2.1 * IN), TITLE_W, int(1.8 * IN)),
                '<a:bodyPr anchor="b"><a:noAutofit/></a:bodyPr>',
                single_level(4000, "tx2", font="+mj"),
                prompt="Click to edit Master title style",
            ),
            rect(4, "Section Rule", (TITLE_X + 91440, int(4.02 * IN), IN, int(0.06 * IN)), "accent2"),
            placeholder(
                5,
                "Text Placeholder 2",
                '<p:ph type="body" idx="1"/>',
                (TITLE_X, int(4.2 * IN), TITLE_W, int(1.5 * IN)),
                '<a:bodyPr anchor="t"><a:noAutofit/></a:bodyPr>',
                single_level(2000, "accent1"),
                prompt="Click to edit Master text styles",
            ),
            *footers(6),
        ),
    ),
    "Title Only": (
        'type="titleOnly" preserve="1"',
        "",
        sp_tree(
            placeholder(2, "Title 1", '<p:ph type="title"/>', prompt="Click to edit Master title style"), *footers(3)
        ),
    ),
    "Blank": ('type="blank" preserve="1"', "", sp_tree(*footers(2))),
}


def layout_xml(name: str) -> bytes:
    attrs, bg, tree = LAYOUTS[name]
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<p:sldLayout {NSDECL} {attrs}>'
        f'<p:cSld name="{name}">{bg}{tree}</p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>'
    ).encode()


# --- theme ------------------------------------------------------------------------------------


def themed(theme_xml: bytes) -> bytes:
    """The default theme with our colour scheme, font scheme and name."""
    text = theme_xml.decode("utf-8")
    scheme = "".join(f'<a:{k}><a:srgbClr val="{v}"/></a:{k}>' for k, v in COLOURS.items())
    text = re.sub(
        r"<a:clrScheme .*?</a:clrScheme>", f'<a:clrScheme name="NESLIS">{scheme}</a:clrScheme>', text, flags=re.S
    )
    text = re.sub(r'(<a:majorFont><a:latin typeface=")[^"]*', rf"\g<1>{MAJOR_FONT}", text)
    text = re.sub(r'(<a:minorFont><a:latin typeface=")[^"]*', rf"\g<1>{MINOR_FONT}", text)
    text = text.replace('<a:fontScheme name="Office">', '<a:fontScheme name="NESLIS">')
    text = text.replace('name="Office Theme"', 'name="NESLIS"', 1)
    return text.encode("utf-8")


def replace_children(element: etree._Element, xml: bytes, tag: str) -> None:
    """Swap ``element``'s child ``tag`` for the same child parsed out of ``xml``."""
    new = etree.fromstring(xml).find(tag)
    old = element.find(tag)
    assert new is not None and old is not None
    old.getparent().replace(old, new)


def build(target: Path = TARGET) -> Path:
    prs = Presentation()
    prs.slide_width, prs.slide_height = Emu(W), Emu(H)
    prs.part._element.find(f"{{{NS_P}}}sldSz").set("type", "custom")  # no 'screen4x3' label
    for layout in list(prs.slide_layouts):
        if layout.name not in KEEP_LAYOUTS:
            prs.slide_layouts.remove(layout)

    master = prs.slide_master
    m_el = master._element
    master_xml = (
        f'<p:sldMaster {NSDECL}><p:cSld><p:bg><p:bgRef idx="1001"><a:schemeClr val="bg1"/></p:bgRef></p:bg>'
        f"{MASTER_TREE}</p:cSld>{TX_STYLES}</p:sldMaster>"
    ).encode()
    replace_children(m_el, master_xml, f"{{{NS_P}}}cSld")
    replace_children(m_el, master_xml, f"{{{NS_P}}}txStyles")

    # Order the layouts as a user sees them in PowerPoint's New Slide menu.
    by_name = {layout.name: layout for layout in prs.slide_layouts}
    id_lst = m_el.find(f"{{{NS_P}}}sldLayoutIdLst")
    ids = {el.get(f"{{{NS_R}}}id"): el for el in id_lst}
    for name in KEEP_LAYOUTS:
        layout = by_name[name]
        fresh = etree.fromstring(layout_xml(name))
        for child in list(layout._element):
            layout._element.remove(child)
        for attr in list(layout._element.attrib):
            del layout._element.attrib[attr]
        for key, value in fresh.attrib.items():
            layout._element.set(key, value)
        for child in fresh:
            layout._element.append(child)
        rid = next(r for r, rel in master.part.rels.items() if rel.target_part is layout.part)
        id_lst.append(ids[rid])

    theme_part = next(rel.target_part for rel in master.part.rels.values() if rel.reltype.endswith("/theme"))
    assert isinstance(theme_part, Part)
    theme_part._blob = themed(theme_part.blob)

    # Language and size labels of the package.
    for el in prs.part._element.iter(f"{{{NS_A}}}defRPr"):
        if el.get("lang"):
            el.set("lang", "en-GB")
    package = prs.part.package
    for rid, rel in list(package._rels.items()):
        if rel.reltype.endswith("/thumbnail"):  # a picture of python-pptx's blank default slide
            package.drop_rel(rid)
        elif rel.reltype.endswith("/extended-properties"):
            app = rel.target_part
            app._blob = (
                app.blob.replace(b"On-screen Show (4:3)", b"Widescreen")
                .replace(b"Microsoft Macintosh PowerPoint", b"NESLIS Desktop")
                .replace(b"Office Theme", b"NESLIS")
            )

    core = prs.core_properties
    core.title = "NESLIS engagement deck template"
    core.author = "NESLIS Desktop"
    core.last_modified_by = "NESLIS Desktop"
    core.subject = "16:9 template for Local Industrial Strategy engagement decks"
    core.language = "en-GB"
    core.revision = 1
    core.created = core.modified = dt.datetime(2026, 1, 1)
    prs.save(str(target))
    return target


if __name__ == "__main__":
    print(build())
