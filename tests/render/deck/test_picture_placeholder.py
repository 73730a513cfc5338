"""Pictures go in the template's picture placeholder when it has one, fitted, not cropped or stretched.

The template is the bundled one with a "Picture with Caption" layout added at test time: a
copy of its Title Only layout given a picture placeholder (``p:ph type="pic"``) on the left
and a caption (``type="body"``) placeholder on the right.
"""

from __future__ import annotations

import copy
import shutil
from pathlib import Path

from lxml import etree
from office import REPO, ooxml_validate
from PIL import Image
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.packuri import PackURI
from pptx.parts.slide import SlideLayoutPart

from neslis_desktop.model.evidence import PictureBlock
from neslis_desktop.model.inline import plain_text
from neslis_desktop.render.deck import write_deck
from neslis_desktop.render.deck.inspect import inspect_deck
from neslis_desktop.resources import bundled_deck_template
from neslis_desktop.store import load_project

EXAMPLE = REPO / "content" / "evidence-example"
P = "http://schemas.openxmlformats.org/presentationml/2006/main"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
PIC_BOX = (457200, 1600200, 6400800, 4572000)  # x, y, w, h in EMU (a 7:5 box)
CAPTION_BOX = (7315200, 1600200, 4419600, 4572000)


def _placeholder(sp_id: int, name: str, kind: str, idx: int, box: tuple[int, int, int, int]) -> etree._Element:
    x, y, w, h = box
    return etree.fromstring(
        f'<p:sp xmlns:p="{P}" xmlns:a="{A}"><p:nvSpPr><p:cNvPr id="{sp_id}" name="{name}"/>'
        f'<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="{kind}" idx="{idx}"/></p:nvPr>'
        f'</p:nvSpPr><p:spPr><a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{w}" cy="{h}"/></a:xfrm></p:spPr>'
        '<p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:endParaRPr lang="en-GB"/></a:p></p:txBody></p:sp>'
    )


def picture_template(target: Path) -> Path:
    """The bundled template with a "Picture with Caption" layout (a picture and a caption placeholder)."""
    prs = Presentation(str(bundled_deck_template()))
    master = prs.slide_master
    source = next(layout for layout in prs.slide_layouts if layout.name == "Title Only")
    element = copy.deepcopy(source.element)
    element.find(f"{{{P}}}cSld").set("name", "Picture with Caption")
    tree = element.find(f"{{{P}}}cSld/{{{P}}}spTree")
    tree.append(_placeholder(90, "Picture Placeholder 2", "pic", 13, PIC_BOX))
    tree.append(_placeholder(91, "Text Placeholder 3", "body", 14, CAPTION_BOX))
    part = SlideLayoutPart(
        PackURI("/ppt/slideLayouts/slideLayout99.xml"), source.part.content_type, prs.part.package, element
    )
    part.relate_to(master.part, RT.SLIDE_MASTER)
    r_id = master.part.relate_to(part, RT.SLIDE_LAYOUT)
    id_list = master.element.find(f"{{{P}}}sldLayoutIdLst")
    ids = [int(e.get("id")) for e in id_list] + [
        int(e.get("id")) for e in prs.part._element.iter(f"{{{P}}}sldMasterId")
    ]
    entry = etree.SubElement(id_list, f"{{{P}}}sldLayoutId")
    entry.set("id", str(max(ids) + 1))
    entry.set("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id", r_id)
    prs.save(str(target))
    return target


def _project(tmp_path: Path, size: tuple[int, int]) -> tuple[Path, object]:
    folder = tmp_path / "ex"
    shutil.copytree(EXAMPLE, folder)
    image = Image.new("RGB", size, "red")
    image.save(folder / "assets" / "photo.png")
    place = folder / "sections" / "place.yaml"
    place.write_text(place.read_text("utf-8").replace("tyne-bridge-drawing.png", "photo.png"), "utf-8")
    return folder, load_project(folder)


def test_a_picture_goes_in_the_layouts_picture_placeholder_with_its_caption(tmp_path: Path) -> None:
    template = picture_template(tmp_path / "pictures.pptx")
    _, project = _project(tmp_path, (300, 600))  # a tall picture in a wide placeholder
    deck = tmp_path / "deck.pptx"
    write_deck(project, deck, template=template)  # type: ignore[arg-type]
    ooxml_validate(deck)  # raises on a schema violation
    prs = Presentation(str(deck))
    (slide,) = [s for s in prs.slides if s.slide_layout.name == "Picture with Caption"]
    (pic,) = [sh for sh in slide.placeholders if sh.placeholder_format.type == PP_PLACEHOLDER.PICTURE]
    assert pic.placeholder_format.idx == 13  # in the layout's picture placeholder
    assert pic.image.size == (300, 600)
    assert abs(pic.width / pic.height - 0.5) < 0.01  # its own proportions: not stretched
    assert (pic.crop_left, pic.crop_right, pic.crop_top, pic.crop_bottom) == (0, 0, 0, 0)  # nothing cropped away
    x, y, w, h = PIC_BOX
    assert x <= pic.left and pic.left + pic.width <= x + w and y <= pic.top and pic.top + pic.height <= y + h
    assert abs(pic.height - h) <= 2  # as large as fits (a tall picture takes the full height), centred across
    assert abs((pic.left - x) - (x + w - pic.left - pic.width)) <= 2
    block = next(b for s in project.sections for b in s.blocks if isinstance(b, PictureBlock))  # type: ignore[attr-defined]
    caption = next(sh for sh in slide.placeholders if sh.placeholder_format.idx == 14)
    assert plain_text(block.caption) in caption.text_frame.text
    assert pic.element.find(f"./*/{{{P}}}cNvPr").get("descr") == block.alt_text
    assert not [f for f in inspect_deck(deck).findings if f.slide == prs.slides.index(slide) + 1]


def test_without_a_picture_placeholder_the_picture_is_drawn_in_the_body_area(tmp_path: Path) -> None:
    _, project = _project(tmp_path, (600, 300))
    deck = tmp_path / "deck.pptx"
    write_deck(project, deck)  # type: ignore[arg-type]
    prs = Presentation(str(deck))
    pictures = [sh for s in list(prs.slides)[1:] for sh in s.shapes if sh.shape_type == 13]
    assert len(pictures) == 1 and not pictures[0].is_placeholder
    assert abs(pictures[0].width / pictures[0].height - 2.0) < 0.01
