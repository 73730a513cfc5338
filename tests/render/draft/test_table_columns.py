"""Draft table columns are widened to keep each word whole, at 12 pt (render/draft/columns.py).

An organisation chart's table is planned 4:2:4 (body, role, members). At 12 pt, a role of one
long word ("Internationalisation") is wider than two tenths of an A4 page, and Word and LibreOffice
break it mid-word. The middle column gets the word's width; the page width is kept.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from draftfixtures import need, to_pdf, with_document_xml

from neslis_desktop.model import OrgChartBlock, OrgNode, Project, Section
from neslis_desktop.render.draft import write_draft
from neslis_desktop.render.draft.columns import TableFont, fit_widths
from neslis_desktop.resources import bundled_project
from neslis_desktop.store import load_project

WORD = "Internationalisation"


def _project() -> Project:
    project = load_project(bundled_project())
    chart = OrgChartBlock(
        nodes=[
            OrgNode(id="board", title="Partnership Board", side_label=WORD, members=["Leaders of the councils"]),
            OrgNode(id="group", title="Working Group", parent="board", side_label="Advice"),
        ]
    )
    project.sections = [Section(id="governance", title="Governance", blocks=[chart])]
    return project


def _grid(path: Path) -> list[int]:
    doc = Document(str(path))
    table = next(t for t in doc.tables if t.rows[0].cells[1].text == "Role")
    return [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.iterchildren(qn("w:gridCol"))]


def test_a_long_word_widens_its_column_and_the_table_keeps_the_page_width(tmp_path: Path) -> None:
    target = tmp_path / "draft.docx"
    write_draft(_project(), target)
    grid = _grid(target)
    planned = [w * sum(grid) // 10 for w in (4, 2, 4)]
    assert grid[1] > planned[1] and abs(sum(grid) - sum(planned)) <= 2
    assert grid[0] < planned[0] and grid[2] < planned[2]  # the room comes from the wide columns


def test_columns_that_fit_keep_the_plan_and_words_that_cannot_fit_change_nothing() -> None:
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

    def cell(text: str) -> list[object]:
        return [parse_xml(f"<w:p {w}><w:r><w:t>{text}</w:t></w:r></w:p>")]

    font = TableFont("Calibri", 12.0)
    assert fit_widths([3000, 3000], [cell("Body"), cell("Role")], [], font) == [3000, 3000]
    hopeless = [cell("Supercalifragilisticexpialidocious" * 3)] * 3
    assert fit_widths([1000, 1000, 1000], hopeless, [], font) == [1000, 1000, 1000]


@pytest.mark.slow
def test_libreoffice_shows_the_long_word_whole(tmp_path: Path) -> None:
    need("soffice")
    target = tmp_path / "draft.docx"
    write_draft(_project(), target)
    # The control: the same draft with the planned 4:2:4 grid breaks the word.
    grid = _grid(target)
    planned = [w * sum(grid) // 10 for w in (4, 2, 4)]

    def planned_grid(xml: str) -> str:
        for old, new in zip(grid, planned, strict=True):
            xml = xml.replace(f'<w:gridCol w:w="{old}"/>', f'<w:gridCol w:w="{new}"/>', 1)
        return xml

    control = with_document_xml(target, tmp_path / "control" / "control.docx", planned_grid)

    def words(docx: Path, out: Path) -> list[str]:
        pdf = to_pdf(docx, out)
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True)
        return re.findall(r"[A-Za-z]+", text.stdout)

    assert WORD not in words(control, control.parent), "the control should break the word"
    assert WORD in words(target, tmp_path / "pdf")
