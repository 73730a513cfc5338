"""Decks and documents made at test time to break one accessibility rule each.

Every maker starts from python-pptx's or python-docx's own default file (made by neither us
nor the checker) and changes one thing, so a test can check that exactly that is flagged and
that the fixed variant is not.
"""

from __future__ import annotations

import copy
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
from docx.oxml.ns import qn as wqn
from docx.shared import Pt as DocxPt
from docx.shared import RGBColor as DocxRGB
from lxml import etree
from PIL import Image
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE
from pptx.oxml.ns import qn
from pptx.util import Inches, Pt

TITLE_ONLY = 5
BLANK = 6


def png() -> io.BytesIO:
    data = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 60, 60)).save(data, "PNG")
    data.seek(0)
    return data


# ----------------------------------------------------------------------------- decks


def deck(*, title: str | None = "A deck") -> Any:
    """python-pptx's default presentation, with the file's title set unless ``title`` is None."""
    prs = Presentation()
    if title is not None:
        prs.core_properties.title = title
    return prs


def titled_slide(prs: Any, title: str = "A slide") -> Any:
    slide = prs.slides.add_slide(prs.slide_layouts[TITLE_ONLY])
    slide.shapes.title.text = title
    return slide


def text_box(
    slide: Any, text: str, *, top: float = 2.0, left: float = 1.0, size: float = 20, colour: str | None = None
) -> Any:
    box = slide.shapes.add_textbox(Inches(left), Inches(top), Inches(6), Inches(1))
    run = box.text_frame.paragraphs[0].add_run()
    run.text = text
    run.font.size = Pt(size)
    if colour:
        run.font.color.rgb = RGBColor.from_string(colour)
    return box


def save(prs_or_doc: Any, path: Path) -> Path:
    prs_or_doc.save(path)
    return path


DeckMaker = Callable[[bool], Any]


def deck_no_title(fixed: bool) -> Any:
    prs = deck()
    if fixed:
        titled_slide(prs, "Our plan")
    else:
        slide = prs.slides.add_slide(prs.slide_layouts[BLANK])
        text_box(slide, "Our plan")
    return prs


def deck_duplicate_titles(fixed: bool) -> Any:
    prs = deck()
    titled_slide(prs, "Our plan")
    titled_slide(prs, "Our plan (2 of 2)" if fixed else "Our  plan")
    return prs


def deck_title_read_late(fixed: bool) -> Any:
    prs = deck()
    slide = titled_slide(prs, "Our plan")
    text_box(slide, "First point", top=2)
    if not fixed:
        tree = slide.shapes._spTree
        title = slide.shapes.title.element
        tree.remove(title)
        tree.append(title)  # the title is now the last shape read
    return prs


def deck_body_out_of_order(fixed: bool) -> Any:
    prs = deck()
    slide = titled_slide(prs, "Our plan")
    if fixed:
        text_box(slide, "Upper", top=2)
        text_box(slide, "Lower", top=4)
    else:
        text_box(slide, "Lower", top=4)
        text_box(slide, "Upper", top=2)
    return prs


def deck_picture_alt(descr: str | None, decorative: bool = False) -> Any:
    prs = deck()
    slide = titled_slide(prs, "A picture")
    pic = slide.shapes.add_picture(png(), Inches(1), Inches(2))
    c_nv = pic._element.nvPicPr.cNvPr
    c_nv.attrib.pop("descr", None)
    if descr is not None:
        c_nv.set("descr", descr)
    if decorative:
        ext_lst = etree.SubElement(c_nv, qn("a:extLst"))
        ext = etree.SubElement(ext_lst, qn("a:ext"), uri="{C183D7F6-B498-43B3-948B-1728B52AA6E4}")
        etree.SubElement(ext, "{http://schemas.microsoft.com/office/drawing/2017/decorative}decorative", val="1")
    return prs


def deck_chart_alt(fixed: bool) -> Any:
    prs = deck()
    slide = titled_slide(prs, "A chart")
    data = CategoryChartData()
    data.categories = ["2019", "2020"]
    data.add_series("Jobs", (10, 12))
    frame = slide.shapes.add_chart(XL_CHART_TYPE.COLUMN_CLUSTERED, Inches(1), Inches(2), Inches(5), Inches(3), data)
    if fixed:
        frame._element.nvGraphicFramePr.cNvPr.set("descr", "Jobs rose from 10 in 2019 to 12 in 2020")
    return prs


def deck_contrast(colour: str, size: float = 12, bold: bool = False) -> Any:
    prs = deck()
    slide = titled_slide(prs, "Contrast")
    box = text_box(slide, "Grey words on white", size=size, colour=colour)
    box.text_frame.paragraphs[0].runs[0].font.bold = bold
    return prs


def deck_theme_contrast(fixed: bool) -> Any:
    """White text (the theme's bg1, through the master's colour map) on a shape filled with the
    theme's accent1 made 80% lighter (lumMod 20%, lumOff 80%)."""
    prs = deck()
    slide = titled_slide(prs, "Theme colours")
    shape = slide.shapes.add_shape(1, Inches(1), Inches(2), Inches(6), Inches(1.5))
    sp_pr = shape._element.spPr
    fill = etree.SubElement(sp_pr, qn("a:solidFill"))
    prst = sp_pr.find(qn("a:prstGeom"))
    prst.addnext(fill)
    clr = etree.SubElement(fill, qn("a:schemeClr"), val="accent1")
    etree.SubElement(clr, qn("a:lumMod"), val="20000")
    etree.SubElement(clr, qn("a:lumOff"), val="80000")
    run = shape.text_frame.paragraphs[0].add_run()
    run.text = "Words on a pale box"
    run.font.size = Pt(14)
    rpr = run._r.get_or_add_rPr()
    solid = etree.SubElement(rpr, qn("a:solidFill"))
    etree.SubElement(solid, qn("a:schemeClr"), val="tx1" if fixed else "bg1")
    return prs


def deck_dark_background(fixed: bool) -> Any:
    prs = deck()
    slide = titled_slide(prs, "Dark slide")
    fill = slide.background.fill
    fill.solid()
    fill.fore_color.rgb = RGBColor(0x10, 0x10, 0x30)
    box = text_box(slide, "Words on the dark background", size=20)
    if fixed:
        box.text_frame.paragraphs[0].runs[0].font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
        slide.shapes.title.text_frame.paragraphs[0].runs[0].font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    return prs


def deck_small_text(fixed: bool) -> Any:
    prs = deck()
    slide = titled_slide(prs, "Small print")
    text_box(slide, "Fine print", size=14 if fixed else 10)
    return prs


def deck_table(first_row: bool, rows: int = 3, cols: int = 3) -> Any:
    prs = deck()
    slide = titled_slide(prs, "A table")
    frame = slide.shapes.add_table(rows, cols, Inches(1), Inches(2), Inches(6), Inches(2))
    for r in range(rows):
        for c in range(cols):
            frame.table.cell(r, c).text = f"r{r}c{c}"
    frame.table.first_row = first_row
    return prs


def deck_empty_paragraphs(fixed: bool) -> Any:
    prs = deck()
    slide = titled_slide(prs, "Spacing")
    box = text_box(slide, "First", size=20)
    frame = box.text_frame
    if not fixed:
        frame.add_paragraph()
    second = frame.add_paragraph()
    second.text = "Second"
    second.runs[0].font.size = Pt(20)
    return prs


def deck_link(text: str) -> Any:
    prs = deck()
    slide = titled_slide(prs, "A link")
    box = text_box(slide, text, size=20)
    box.text_frame.paragraphs[0].runs[0].hyperlink.address = "https://www.example.org/annual-report-2024.pdf"
    return prs


def deck_no_language(fixed: bool) -> Any:
    prs = deck()
    titled_slide(prs, "Words")
    for part in [prs.part, *(s.part for s in prs.slides)]:
        for el in part._element.iter(qn("a:defRPr"), qn("a:rPr"), qn("a:endParaRPr")):
            el.attrib.pop("lang", None)
    if fixed:
        prs.core_properties.language = "en-GB"
    else:
        prs.core_properties.language = ""
    return prs


def deck_colour_only(fixed: bool) -> Any:
    prs = deck()
    slide = titled_slide(prs, "Status")
    box = text_box(slide, "Late items are marked: ", size=20, colour="1F1F1F")
    run = box.text_frame.paragraphs[0].add_run()
    run.text = "Item A"
    run.font.size = Pt(20)
    run.font.color.rgb = RGBColor.from_string("C00000")
    run.font.bold = fixed
    return prs


# ----------------------------------------------------------------------------- documents


def document(*, title: str | None = "A document") -> Any:
    doc = docx.Document()
    if title is not None:
        doc.core_properties.title = title
    # python-docx's default Normal is 11 pt, and its Heading 2 and 3 (13 and 11 pt bold in the
    # theme's accent1, #4F81BD) are 4.03:1 on white: the rules' tests start from a passing file.
    doc.styles["Normal"].font.size = DocxPt(12)
    for name in ("Heading 2", "Heading 3"):
        doc.styles[name].font.color.rgb = DocxRGB(0x1F, 0x38, 0x64)
    return doc


def doc_heading_skip(fixed: bool) -> Any:
    doc = document()
    doc.add_heading("Plan", level=1)
    doc.add_paragraph("Text.")
    doc.add_heading("Detail", level=2 if fixed else 3)
    doc.add_paragraph("More text.")
    return doc


def doc_picture(descr: str | None) -> Any:
    doc = document()
    doc.add_paragraph("Before.")
    doc.add_picture(png())
    doc_pr = doc.element.body.find(
        ".//" + "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"
    )
    if descr is not None:
        doc_pr.set("descr", descr)
    return doc


def doc_table(header: bool, rows: int = 3) -> Any:
    doc = document()
    doc.add_paragraph("A table follows.")
    table = doc.add_table(rows=rows, cols=3)
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row.cells):
            cell.text = f"r{r}c{c}"
    if header:
        tr_pr = table.rows[0]._tr.get_or_add_trPr()
        etree.SubElement(tr_pr, wqn("w:tblHeader"))
    return doc


def doc_nested_table(fixed: bool) -> Any:
    doc = doc_table(header=True)
    if not fixed:
        inner = doc.tables[0].cell(1, 1).add_table(rows=2, cols=2)
        inner.cell(0, 0).text = "inside"
    return doc


def doc_empty_paragraphs(fixed: bool) -> Any:
    doc = document()
    doc.add_paragraph("First.")
    if not fixed:
        doc.add_paragraph("")
        doc.add_paragraph("")
    doc.add_paragraph("Second.")
    return doc


def _hyperlink(paragraph: Any, text: str, url: str, underline: bool = True, colour: str = "0563C1") -> None:
    rid = paragraph.part.relate_to(
        url, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink", is_external=True
    )
    link = etree.SubElement(paragraph._p, wqn("w:hyperlink"))
    link.set("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id", rid)
    run = etree.SubElement(link, wqn("w:r"))
    rpr = etree.SubElement(run, wqn("w:rPr"))
    etree.SubElement(rpr, wqn("w:color")).set(wqn("w:val"), colour)
    if underline:
        etree.SubElement(rpr, wqn("w:u")).set(wqn("w:val"), "single")
    etree.SubElement(run, wqn("w:t")).text = text


def doc_link(text: str, underline: bool = True, colour: str = "0563C1") -> Any:
    doc = document()
    p = doc.add_paragraph("The report is online: ")
    _hyperlink(p, text, "https://www.example.org/annual-report-2024.pdf", underline, colour)
    return doc


def doc_contrast(
    colour: str | None = None, theme: tuple[str, str] | None = None, size: float = 12, shading: str | None = None
) -> Any:
    doc = document()
    run = doc.add_paragraph().add_run("Grey words")
    run.font.size = DocxPt(size)
    if colour:
        run.font.color.rgb = DocxRGB.from_string(colour)
    if theme:
        color = run._r.get_or_add_rPr().get_or_add_color()
        color.set(wqn("w:val"), "000000")
        color.set(wqn("w:themeColor"), theme[0])
        color.set(wqn("w:themeTint"), theme[1])
    if shading:
        shd = etree.SubElement(run._r.get_or_add_rPr(), wqn("w:shd"))
        shd.set(wqn("w:val"), "clear")
        shd.set(wqn("w:fill"), shading)
    return doc


def doc_small_text(fixed: bool) -> Any:
    doc = document()
    run = doc.add_paragraph().add_run("Fine print")
    run.font.size = DocxPt(12 if fixed else 9)
    return doc


def doc_no_language(fixed: bool) -> Any:
    doc = document()
    doc.add_paragraph("Words.")
    for el in list(doc.styles.element.iter(wqn("w:lang"))):
        el.getparent().remove(el)
    doc.core_properties.language = "en-GB" if fixed else ""
    return doc


def doc_colour_only(fixed: bool) -> Any:
    doc = document()
    p = doc.add_paragraph()
    first = p.add_run("Late items are marked: ")
    first.font.color.rgb = DocxRGB.from_string("1F1F1F")
    marked = p.add_run("Item A")
    marked.font.color.rgb = DocxRGB.from_string("C00000")
    marked.bold = fixed
    return doc


def copy_of(prs_or_doc: Any) -> Any:
    return copy.deepcopy(prs_or_doc)


def deck_table_merged(fixed: bool) -> Any:
    prs = deck_table(first_row=True)
    if not fixed:
        table = next(s for s in prs.slides[0].shapes if s.has_table).table
        table.cell(1, 0).merge(table.cell(2, 0))
    return prs


def doc_table_merged(fixed: bool) -> Any:
    doc = doc_table(header=True)
    if not fixed:
        doc.tables[0].cell(1, 0).merge(doc.tables[0].cell(1, 1))
    return doc


def deck_table_blank(fixed: bool) -> Any:
    prs = deck_table(first_row=True)
    if not fixed:
        table = next(s for s in prs.slides[0].shapes if s.has_table).table
        for c in range(3):
            table.cell(2, c).text = ""  # a blank last row, for spacing
    return prs


def doc_table_blank(fixed: bool) -> Any:
    doc = doc_table(header=True)
    if not fixed:
        for row in doc.tables[0].rows:
            row.cells[1].text = ""  # an empty middle column
    return doc


def deck_highlight(fixed: bool) -> Any:
    """White words highlighted in dark teal (fixed) or pale yellow (broken), on a white slide."""
    prs = deck()
    slide = titled_slide(prs, "Highlight")
    box = text_box(slide, "Marked words", size=20, colour="FFFFFF")
    rpr = box.text_frame.paragraphs[0].runs[0]._r.get_or_add_rPr()
    mark = etree.SubElement(rpr, qn("a:highlight"))
    etree.SubElement(mark, qn("a:srgbClr"), val="0D5C73" if fixed else "FFF2A8")
    return prs


def doc_table_style(style: str) -> Any:
    """A table in one of python-docx's built-in table styles, its header row marked."""
    doc = doc_table(header=True)
    doc.tables[0].style = doc.styles[style]
    return doc


def deck_spaces(fixed: bool) -> Any:
    prs = deck()
    slide = titled_slide(prs, "Contacts")
    text_box(slide, "Name: Jo Bloggs" if fixed else "Name:      Jo Bloggs", size=20)
    return prs


def doc_tabs(fixed: bool) -> Any:
    doc = document()
    doc.add_paragraph("Name:\tJo Bloggs" if fixed else "Name:\t\tJo Bloggs")
    return doc
