"""The draft holds the deck's native chart: a chart part with its workbook, numbered, described, tabulated."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from docx import Document
from docx.oxml.ns import qn
from lxml import etree
from office import REPO, ooxml_validate

from neslis_desktop.model import Project
from neslis_desktop.model.evidence import ChartBlock, PictureBlock, TableBlock
from neslis_desktop.render.draft import write_draft
from neslis_desktop.render.markdown import to_markdown
from neslis_desktop.store import load_project

EXAMPLE = REPO / "content" / "evidence-example"
C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


@pytest.fixture(scope="module")
def example() -> Project:
    return load_project(EXAMPLE)


@pytest.fixture(scope="module")
def draft(example: Project, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("evidence-draft") / "draft.docx"
    write_draft(example, target)
    return target


def _charts(project: Project) -> list[ChartBlock]:
    return [b for s in project.sections for b in s.blocks if isinstance(b, ChartBlock)]


def _chart_parts(doc_path: Path) -> list[tuple[etree._Element, bytes]]:
    """Each chart the document body refers to, in order: its chart XML and its embedded workbook."""
    doc = Document(str(doc_path))
    out = []
    for ref in doc.element.body.iter(f"{{{C}}}chart"):
        part = doc.part.related_parts[ref.get(f"{{{R}}}id")]
        assert part.content_type == "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
        root = etree.fromstring(part.blob)
        rid = root.find(f"{{{C}}}externalData").get(f"{{{R}}}id")
        out.append((root, part.related_parts[rid].blob))
    return out


def test_each_chart_is_a_chart_part_whose_workbook_holds_the_same_numbers(example: Project, draft: Path) -> None:
    parts = _chart_parts(draft)
    blocks = _charts(example)
    assert len(parts) == len(blocks) == 3
    for (root, xlsx), block in zip(parts, blocks, strict=True):
        # The chart XML caches its numbers, for Word to draw before anyone edits the data.
        cached = [
            [float(v.text) for v in ser.find(f"{{{C}}}val").iter(f"{{{C}}}v")] for ser in root.iter(f"{{{C}}}ser")
        ]
        assert cached[: len(block.series)] == [s.values for s in block.series]
        sheet = openpyxl.load_workbook(io.BytesIO(xlsx)).worksheets[0]
        rows = list(sheet.iter_rows(values_only=True))
        assert [r[0] for r in rows[1:]] == block.categories
        for col, series in enumerate(block.series, start=1):
            assert rows[0][col] == series.name
            assert [r[col] for r in rows[1:]] == series.values


def test_charts_are_inline_described_and_captioned_as_figures(example: Project, draft: Path) -> None:
    doc = Document(str(draft))
    body = doc.element.body
    inlines = [i for i in body.iter(f"{{{WP}}}inline") if i.find(f".//{{{C}}}chart") is not None]
    blocks = _charts(example)
    assert [i.find(f"{{{WP}}}docPr").get("descr") for i in inlines] == [b.alt() for b in blocks]
    captions = [p for p in doc.paragraphs if p.style.name == "Caption"]
    figures = [p.text for p in captions if p.text.startswith("Figure")]
    assert figures[:3] == [f"Figure {n}: {b.title}" for n, b in enumerate(blocks, start=1)]
    for p in captions:
        assert p._p.pPr.find(qn("w:keepNext")) is not None or p.text.startswith("Figure 4")
        assert "SEQ" in "".join(t.text or "" for t in p._p.iter(qn("w:instrText")))


def test_beneath_each_chart_its_data_as_a_table_with_a_repeating_header(example: Project, draft: Path) -> None:
    doc = Document(str(draft))
    block = _charts(example)[0]
    table = doc.tables[0]
    assert table._tbl.tblPr.find(qn("w:tblCaption")).get(qn("w:val")).startswith("Data for Figure 1")
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert [c.text for c in table.rows[0].cells] == ["Category"] + [s.name for s in block.series]
    assert [c.text for c in table.rows[1].cells] == ["1996", "97.8", "100.5"]
    assert table.cell(1, 1).paragraphs[0].alignment == 2  # right


def test_tables_are_word_tables_numbered_with_numbers_right_aligned(example: Project, draft: Path) -> None:
    doc = Document(str(draft))
    blocks = [b for s in example.sections for b in s.blocks if isinstance(b, TableBlock)]
    captions = [t._tbl.tblPr.find(qn("w:tblCaption")).get(qn("w:val")) for t in doc.tables]
    for block in blocks:
        table = doc.tables[captions.index(block.caption)]
        assert table.style is not None and table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
        assert [c.text for c in table.rows[0].cells] == [c.title for c in block.columns]
        for i, col in enumerate(block.columns):
            assert (table.cell(1, i).paragraphs[0].alignment == 2) == (col.alignment() == "right")
    table_caps = [p.text for p in doc.paragraphs if p.style.name == "Caption" and p.text.startswith("Table")]
    assert table_caps == [f"Table {n}: {c}" for n, c in enumerate(captions, start=1)]


def test_pictures_are_inline_with_alt_text(example: Project, draft: Path) -> None:
    doc = Document(str(draft))
    pictures = [i for i in doc.element.body.iter(f"{{{WP}}}inline") if i.find(f".//{{{C}}}chart") is None]
    block = next(b for s in example.sections for b in s.blocks if isinstance(b, PictureBlock))
    # The cover's logo, then the picture.
    assert [p.find(f"{{{WP}}}docPr").get("descr") for p in pictures] == ["NESLIS Desktop example logo", block.alt_text]
    ids = [int(i.find(f"{{{WP}}}docPr").get("id")) for i in doc.element.body.iter(f"{{{WP}}}inline")]
    assert len(ids) == len(set(ids))


def test_the_draft_is_valid_and_its_package_is_complete(draft: Path) -> None:
    ooxml_validate(draft)
    with zipfile.ZipFile(draft) as z:
        types = z.read("[Content_Types].xml").decode()
        names = z.namelist()
    assert sum(n.startswith("word/charts/") and n.endswith(".xml") for n in names) == 3
    assert "drawingml.chart+xml" in types and "spreadsheetml.sheet" in types


@pytest.mark.slow
def test_pandoc_reference_docx_carries_the_charts(
    example: Project, pandoc_reference: Callable[[str], Path], tmp_path: Path
) -> None:
    target = tmp_path / "pandoc.docx"
    write_draft(example, target, template=pandoc_reference("docx"))
    ooxml_validate(target)
    assert len(_chart_parts(target)) == 3
    assert _cover_inlines(target) == ["NESLIS Desktop example logo"]  # the generator's own cover


def test_markdown_carries_tables_charts_as_data_and_pictures(example: Project) -> None:
    text = to_markdown(example)
    assert "| Region | 1996 | 2004 | Change (points) |\n|---|--:|--:|--:|" in text
    assert "|  | North East | England |" in text and "| 1996 | 97.8 | 100.5 |" in text
    assert "![A simple drawing of a green arch bridge" in text and "(assets/tyne-bridge-drawing.png)" in text
    assert text.count("Source: ") == 5


def _cover_inlines(doc_path: Path) -> list[str]:
    """Alt texts of the pictures before the first section break or page break (the cover)."""
    body = Document(str(doc_path)).element.body
    found: list[str] = []
    for p in body.iterchildren(qn("w:p")):
        found += [d.get("descr") for d in p.iter(f"{{{WP}}}docPr")]
        if (
            p.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None
            or p.find(f".//{qn('w:br')}[@{qn('w:type')}='page']") is not None
        ):
            break
    return found


def test_partner_logos_are_on_the_cover(draft: Path) -> None:
    assert _cover_inlines(draft) == ["NESLIS Desktop example logo"]
