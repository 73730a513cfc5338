"""Charts, tables and pictures in the draft: the deck's native chart in Word, numbered and accessible.

A chart is drawn by the same engine as the deck's (:mod:`neslis_desktop.render.charts`) on a
scratch slide, and its chart part and embedded workbook are moved into the Word package, so
the document holds a native chart that Word edits ("Edit data" opens its numbers). It is
inline, under a "Figure N: title" caption in the Caption style (kept with the chart), with
its source line under it, alt text on the drawing (``wp:docPr/@descr``), and its data beneath
as a table with a marked, repeating header row, as government statistics guidance asks, so a
screen-reader user gets the numbers. Tables are Word tables in the draft's table style with
numbers right-aligned, captioned "Table N"; pictures are inline with alt text and a caption.
"""

from __future__ import annotations

import weakref
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, cast

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.ns import qn
from docx.shared import Emu
from lxml import etree
from pptx import Presentation
from pptx.parts.chart import ChartPart
from pptx.slide import Slide

from neslis_desktop.model.evidence import ChartBlock, Logo, PictureBlock, TableBlock, format_number
from neslis_desktop.model.inline import Run, plain_text
from neslis_desktop.render.chart_colours import series_colours
from neslis_desktop.render.chart_look import ChartLook, needs_colours
from neslis_desktop.render.charts import add_chart
from neslis_desktop.render.deck.oxml.parts import take_off
from neslis_desktop.render.draft.ooxml import Element, add_runs, field_char, instr_text, paragraph, sub
from neslis_desktop.render.draft.theme import body_font, doc_palette, doc_theme
from neslis_desktop.render.pictures import upright_image

if TYPE_CHECKING:
    from neslis_desktop.render.draft.blocks import BlockWriter

NORMAL = "Normal"

CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
CT_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CHART_URI = "http://schemas.openxmlformats.org/drawingml/2006/chart"
_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
DRAFT_LOOK = ChartLook(font_pt=10.0, line_pt=2.25, marker=6)
"""Chart text at 10 pt, as the document's body text is read at arm's length."""
TWIPS_TO_EMU = 635
CAPTION = "Caption"


@dataclass
class _State:
    """Per-document counters and the scratch presentation the charts are drawn on."""

    doc: Document
    figures: int = 0
    tables: int = 0
    charts: int = 0
    next_id: int = 0
    scratch: Slide | None = None
    palette: dict[str, str] = field(default_factory=dict)
    look: ChartLook = DRAFT_LOOK


_STATES: weakref.WeakKeyDictionary[BlockWriter, _State] = weakref.WeakKeyDictionary()


def _state(writer: BlockWriter) -> _State:
    state = _STATES.get(writer)
    if state is None:
        doc: Document = writer.styles.doc  # the StyleSheet's document: the package charts are added to
        ids = [int(v) for v in doc.element.xpath("//wp:docPr/@id") if str(v).isdigit()]
        theme = doc_theme(doc)
        state = _State(doc, next_id=max(ids, default=0) + 1, palette=doc_palette(theme), look=_look(doc, theme))
        _STATES[writer] = state
    return state


def _look(doc: Document, theme: etree._Element | None) -> ChartLook:
    """The draft's chart look in the body text's font, by name: not every Word reader resolves a theme
    font reference (``+mn-lt``) inside a chart (LibreOffice draws such a chart in its default serif)."""
    face = body_font(doc, theme)
    return replace(DRAFT_LOOK, font=face) if face else DRAFT_LOOK


def write_evidence(writer: BlockWriter, block: object, context: str) -> list[Element] | None:
    """The document form of an evidence block; ``None`` for any other block (the draft's hook)."""
    if isinstance(block, ChartBlock):
        return _chart(writer, block)
    if isinstance(block, TableBlock):
        return _table(writer, block)
    if isinstance(block, PictureBlock):
        return _picture(writer, block)
    return None


# -- captions and small lines ---------------------------------------------------------------------


def _caption(writer: BlockWriter, label: str, number: int, title: str) -> Element:
    """'Figure 3: title' with a SEQ field holding the number, kept with what follows."""
    p = paragraph(writer.styles.id(CAPTION))
    sub(p.find(qn("w:pPr")), "w:keepNext")
    add_runs(p, [Run(f"{label} ")])
    field_char(p, "begin")
    instr_text(p, f" SEQ {label} \\* ARABIC ")
    field_char(p, "separate")
    add_runs(p, [Run(str(number))])
    field_char(p, "end")
    add_runs(p, [Run(f": {title}")])
    return p


def _keep_next(p: Element) -> Element:
    ppr = p.find(qn("w:pPr"))
    if ppr is None:
        ppr = etree.Element(qn("w:pPr"))
        p.insert(0, ppr)
    keep = etree.SubElement(ppr, qn("w:keepNext"))
    style = ppr.find(qn("w:pStyle"))
    if style is not None:  # pStyle comes first in w:pPr
        ppr.remove(keep)
        style.addnext(keep)
    return p


def _align(p: Element, how: str) -> Element:
    if how != "left":
        ppr = p.find(qn("w:pPr"))
        if ppr is None:
            ppr = etree.Element(qn("w:pPr"))
            p.insert(0, ppr)
        jc = etree.SubElement(ppr, qn("w:jc"))
        jc.set(qn("w:val"), "right" if how == "right" else "center")
    return p


def _cell(writer: BlockWriter, text: str, align: str, *, bold: bool = False) -> Element:
    """A cell paragraph holding ``text`` literally (figures and names are not markup)."""
    p = paragraph(writer.styles.id(NORMAL))
    if text:
        add_runs(p, [Run(text, bold, False)])
    return _align(p, align)


def _data_table(
    writer: BlockWriter,
    header: list[str],
    rows: list[list[str]],
    aligns: Sequence[str],
    caption: str,
    *,
    bold_last: bool = False,
) -> Element:
    """A table in the draft's table style (``BlockWriter.table``: header row marked and repeating)."""
    head = [[_cell(writer, h, a)] for h, a in zip(header, aligns, strict=True)]
    body = [
        [[_cell(writer, c, a, bold=bold_last and n == len(rows) - 1)] for c, a in zip(row, aligns, strict=True)]
        for n, row in enumerate(rows)
    ]
    return writer.table([3 if a == "left" else 2 for a in aligns], head, body, caption)


# -- charts -------------------------------------------------------------------------------------------


def _scratch_chart(state: _State, block: ChartBlock, w: int, h: int) -> tuple[bytes, bytes]:
    """The chart XML and workbook bytes, drawn by python-pptx on a scratch slide.

    One slide serves every chart of the document: each chart is taken off it again once its
    bytes are read, so its parts leave the scratch package. Left there (a slide per chart),
    python-pptx's search for a free part name walked every earlier chart for each new one,
    and the build held every chart twice: a draft of 500 charts took 18 s rather than 5.
    """
    if state.scratch is None:
        prs = Presentation()
        state.scratch = prs.slides.add_slide(prs.slide_layouts[6])
    slide = state.scratch
    colours, _ = series_colours(state.palette, needs_colours(block))
    frame = add_chart(slide.shapes, block, (0, 0, w, h), colours, state.look)
    chart_part = cast(ChartPart, frame.chart.part)
    xlsx = chart_part.chart_workbook.xlsx_part
    assert xlsx is not None
    blobs = chart_part.blob, xlsx.blob
    take_off(slide, frame)
    return blobs


def _chart(writer: BlockWriter, block: ChartBlock) -> list[Element]:
    state = _state(writer)
    state.figures += 1
    state.charts += 1
    width = writer.width * TWIPS_TO_EMU
    height = int(width * 0.6)
    chart_xml, xlsx_blob = _scratch_chart(state, block, width, height)
    package = state.doc.part.package
    n = state.charts
    xlsx_part = Part(PackURI(f"/word/embeddings/Microsoft_Excel_Worksheet_neslis{n}.xlsx"), CT_XLSX, xlsx_blob, package)
    root = etree.fromstring(chart_xml)
    chart_part = Part(PackURI(f"/word/charts/chart_neslis{n}.xml"), CT_CHART, b"", package)
    xlsx_rid = chart_part.relate_to(xlsx_part, RT.PACKAGE)
    external = root.find(f"{{{_C}}}externalData")
    if external is not None:
        external.set(f"{{{_R}}}id", xlsx_rid)
    chart_part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    rid = state.doc.part.relate_to(chart_part, RT.CHART)

    title = plain_text(block.title)
    out = [_caption(writer, "Figure", state.figures, title)]
    if block.subtitle:
        out.append(_keep_next(writer.para(block.subtitle)))
    p = _keep_next(paragraph(None))
    p.append(_inline(state, rid, (width, height), block.alt(), f"Chart {n}: {title[:60]}"))
    out.append(p)
    lines = ([block.source.line()] if block.source else []) + ([block.chart_notes] if block.chart_notes else [])
    out += [writer.para(line) for line in lines]
    # The chart's data as a table beneath it, for screen readers and for anyone checking the figures.
    state.tables += 1
    header = [""] + [plain_text(s.name) for s in block.series]
    units = block.series[0].units
    header[0] = "Category"
    rows = [
        [plain_text(cat)] + [format_number(s.values[i], s.number_format) for s in block.series]
        for i, cat in enumerate(block.categories)
    ]
    caption = f"Data for Figure {state.figures}" + (f" ({plain_text(units)})" if units else "")
    out.append(_caption(writer, "Table", state.tables, caption))
    out.append(_data_table(writer, header, rows, ["left"] + ["right"] * len(block.series), caption))
    return out


def _inline(state: _State, rid: str, size: tuple[int, int], alt: str, name: str) -> Element:
    """A ``w:r`` holding the chart inline (``wp:inline`` with its ``c:chart`` reference), ``size`` in EMU."""
    cx, cy = size
    doc_id = state.next_id
    state.next_id += 1
    xml = (
        f'<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:wp="{_WP}" '
        f'xmlns:a="{_A}" xmlns:c="{_C}" xmlns:r="{_R}"><w:drawing>'
        f'<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{cx}" cy="{cy}"/>'
        f'<wp:effectExtent l="0" t="0" r="0" b="0"/><wp:docPr id="{doc_id}" name=""/>'
        f'<wp:cNvGraphicFramePr/><a:graphic><a:graphicData uri="{CHART_URI}">'
        f'<c:chart r:id="{rid}"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>'
    )
    run = etree.fromstring(xml)
    doc_pr = run.find(f".//{{{_WP}}}docPr")
    doc_pr.set("name", name)
    doc_pr.set("descr", alt)
    return run


# -- tables and pictures -------------------------------------------------------------------------------


def _table(writer: BlockWriter, block: TableBlock) -> list[Element]:
    state = _state(writer)
    state.tables += 1
    caption = plain_text(block.caption)
    header = [plain_text(c.title) for c in block.columns]
    rows = [[block.cell_text(r, i) for i in range(len(block.columns))] for r in block.rows]
    if block.totals is not None:
        rows.append([block.cell_text(block.totals, i) for i in range(len(block.columns))])
    aligns = [c.alignment() for c in block.columns]
    out = [
        _caption(writer, "Table", state.tables, caption),
        _data_table(writer, header, rows, aligns, caption, bold_last=block.totals is not None),
    ]
    if block.source:
        out.append(writer.para(block.source.line()))
    return out


def _picture(writer: BlockWriter, block: PictureBlock) -> list[Element]:
    state = _state(writer)
    if block.path is None or block.pixels is None:
        return [writer.para(f"[Picture {block.file} was not found in the project.]")]
    width = writer.width * TWIPS_TO_EMU
    pw, ph = block.pixels
    w = width
    h = int(width * ph / pw)
    if h > width:  # a tall picture: no taller than the text is wide
        h, w = width, int(width * pw / ph)
    inline = state.doc.part.new_pic_inline(upright_image(block.path), Emu(w), Emu(h))
    doc_pr = inline.find(qn("wp:docPr"))
    doc_pr.set("id", str(state.next_id))
    state.next_id += 1
    doc_pr.set("descr", "" if block.decorative else (block.alt_text or ""))
    p = paragraph(None)
    r = sub(p, "w:r")
    sub(r, "w:drawing").append(inline)
    out = [_keep_next(p) if (block.caption or block.credit) else p]
    if block.caption or block.credit:
        state.figures += 1
        text = " ".join(plain_text(x) for x in (block.caption, block.credit) if x)
        cap = _caption(writer, "Figure", state.figures, text)
        cap.find(qn("w:pPr")).remove(cap.find(qn("w:pPr")).find(qn("w:keepNext")))
        out.append(cap)
    return out


LOGO_HEIGHT_EMU = 540_000  # 1.5 cm


def cover_logos(writer: BlockWriter, logos: list[Logo] | None) -> list[Element]:
    """The partners' logos in one paragraph on the cover, each 1.5 cm high and described."""
    found = [logo for logo in logos or [] if logo.path is not None and logo.pixels is not None]
    if not found:
        return []
    state = _state(writer)
    width = writer.width * TWIPS_TO_EMU
    ratios = [logo.pixels[0] / logo.pixels[1] for logo in found if logo.pixels]
    h = min(LOGO_HEIGHT_EMU, int(width * 0.9 / sum(ratios)))
    p = paragraph(writer.styles.id(NORMAL))
    for n, (logo, ratio) in enumerate(zip(found, ratios, strict=True)):
        assert logo.path is not None
        if n:
            sub(sub(p, "w:r"), "w:t").text = " "
            p[-1][-1].set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        inline = state.doc.part.new_pic_inline(upright_image(logo.path), Emu(int(h * ratio)), Emu(h))
        doc_pr = inline.find(qn("wp:docPr"))
        doc_pr.set("id", str(state.next_id))
        state.next_id += 1
        doc_pr.set("descr", logo.alt_text)
        sub(sub(p, "w:r"), "w:drawing").append(inline)
    return [p]


def logos_on_own_cover(anchor: Element | None, logos: list[Element]) -> list[Element]:
    """Put the logo paragraph on a template's own cover; returns what is left for the content.

    A template's cover often ends with a section break in its last field's paragraph, just
    before ``{{content}}``: the logos then go after that paragraph and take over its section
    break, so they stay on the cover. Otherwise they simply lead the content.
    """
    previous = anchor.getprevious() if anchor is not None else None
    ppr = previous.find(qn("w:pPr")) if previous is not None and previous.tag == qn("w:p") else None
    sect = ppr.find(qn("w:sectPr")) if ppr is not None else None
    if not logos or previous is None or sect is None:
        return logos
    for p in reversed(logos):
        previous.addnext(p)
    last_ppr = logos[-1].find(qn("w:pPr"))
    if last_ppr is None:
        last_ppr = etree.SubElement(logos[-1], qn("w:pPr"))
        logos[-1].insert(0, last_ppr)
    last_ppr.append(sect)  # w:sectPr is the last child a w:pPr may hold before a change record
    return []
