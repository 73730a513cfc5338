"""The Word style sheet remembers, per style, what every paragraph and run of it inherits; that
changes nothing it resolves.

For every run of real documents (our drafts of three projects through the bundled template and
Pandoc's reference.docx, and the checker's own test documents, each breaking one rule), the
look (colour, size, bold, italic, underline) and each paragraph's heading level must be the
same as a style sheet that remembers nothing reads them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import a11y_files as f
import pytest
from memos import Forgetful

from neslis_desktop.render.a11y.docx_style import StyleSheet, W
from neslis_desktop.render.draft import build_draft
from neslis_desktop.store import load_project

TESTS = Path(__file__).resolve().parents[2]
PROJECTS = {
    "evidence": TESTS.parent / "content" / "evidence-example",
    "stress": TESTS / "render" / "deck" / "data" / "stress-lis",
}


def _readings(doc: Any, styles: StyleSheet) -> list[object]:
    out: list[object] = []
    for p in doc.element.body.iter(f"{W}p"):
        table = styles.table_layers(next(p.iterancestors(f"{W}tc"), None))
        out.append(("heading", styles.heading_level(p)))
        out += [styles.look(p, run, table) for run in p.iter(f"{W}r")]
    return out


def _test_documents() -> dict[str, Any]:
    docs = {
        f"{maker.__name__}({fixed})": maker(fixed)
        for maker in (
            f.doc_heading_skip,
            f.doc_nested_table,
            f.doc_empty_paragraphs,
            f.doc_small_text,
            f.doc_no_language,
            f.doc_colour_only,
            f.doc_table_merged,
            f.doc_table_blank,
            f.doc_tabs,
        )
        for fixed in (False, True)
    }
    docs["doc_link"] = f.doc_link("click here", underline=False)
    docs["doc_contrast"] = f.doc_contrast(theme=("text1", "99"), shading="FFFF00")
    for style in ("Light Grid Accent 1", "Medium Shading 1 Accent 2", "Table Grid"):
        docs[f"doc_table_style({style})"] = f.doc_table_style(style)
    return docs


@pytest.mark.slow
def test_remembering_changes_no_look(bundled_dir: Path, pandoc_reference: Callable[[str], Path]) -> None:
    docs = _test_documents()
    for name, folder in {"bundled": bundled_dir, **PROJECTS}.items():
        project = load_project(folder)
        for template in (None, pandoc_reference("docx")):
            docs[f"{name} draft through {template.name if template else 'the bundled template'}"] = build_draft(
                project, template
            )[0]
    runs = 0
    for name, doc in docs.items():
        remembering = StyleSheet(doc)
        forgetting = StyleSheet(doc)
        forgetting._looks, forgetting._heading_levels = Forgetful(), Forgetful()  # type: ignore[assignment]
        forgetting._tables, forgetting._places, forgetting._table_parts = Forgetful(), Forgetful(), Forgetful()  # type: ignore[assignment]
        seen = _readings(doc, remembering)
        assert seen == _readings(doc, forgetting), name
        runs += len(seen)
        assert remembering._looks, f"{name}: nothing was remembered"
        if "table" in name or "draft" in name:
            assert remembering._table_parts, f"{name}: no table part was remembered"
    assert runs > 3000


@pytest.mark.parametrize("name", ["doc_table_merged(False)", "doc_table_style(Light Grid Accent 1)"])
def test_each_cell_is_placed_where_a_search_of_its_table_finds_it(name: str, bundled_dir: Path) -> None:
    """The cells of a table are placed all at once; each must be at the row and column (and in a
    table of the size) that searching its own table and row gives."""
    docs = _test_documents()
    docs["evidence draft"] = build_draft(load_project(PROJECTS["evidence"]), None)[0]
    for doc in (docs[name], docs["evidence draft"]):
        styles = StyleSheet(doc)
        cells = list(doc.element.body.iter(f"{W}tc"))
        assert cells
        for cell in cells:
            styles.table_layers(cell)
            row = cell.getparent()
            rows, in_row = row.getparent().findall(f"{W}tr"), row.findall(f"{W}tc")
            assert styles._places[cell] == (rows.index(row), in_row.index(cell), len(rows), len(in_row))
