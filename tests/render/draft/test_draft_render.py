"""The bundled draft as LibreOffice lays it out, and the bundled template as its script makes it."""

# ruff: noqa: F401, F811 - fixtures are imported to be registered in this module

from __future__ import annotations

import importlib.util
import io
import re
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from docx.document import Document
from draftfixtures import bundled_draft, bundled_project_loaded, need, to_pdf
from draftread import all_text, headings, open_docx

from neslis_desktop.model import Project
from neslis_desktop.render.draft import write_draft
from neslis_desktop.resources import bundled_doc_template, templates_dir


def _page_texts(pdf: Path) -> list[str]:
    pdftotext = need("pdftotext")
    out = subprocess.run([pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return out.split("\f")[:-1] if out.endswith("\f") else out.split("\f")


@pytest.mark.slow
def test_libreoffice_lays_out_the_draft_without_orphan_headings(bundled_draft: Path, tmp_path: Path) -> None:
    pdf = to_pdf(bundled_draft, tmp_path)
    pages = _page_texts(pdf)
    assert len(pages) >= 5
    cover = pages[0]
    assert "North East Local Industrial Strategy" in cover and "Draft" in cover
    assert "Contents" in pages[1] and "Consultation questions" in pages[1]
    doc = open_docx(bundled_draft)
    titles = {" ".join(text.split()) for _, text in headings(doc)}
    for number, page in enumerate(pages[2:], 3):
        lines = [ln.strip() for ln in page.splitlines() if ln.strip()]
        body = [ln for ln in lines if not re.match(r"^(Version \S+\s+Page \d+ of \d+|North East Local Industrial)", ln)]
        assert body, f"page {number} is empty"
        last = " ".join(body[-1].split())
        assert not any(t.endswith(last) or t == re.sub(r"^[\d.]+\s+", "", last) for t in titles), (
            f"page {number} ends with the heading line '{last}'"
        )
    assert all(re.search(r"Page \d+ of \d+", page) for page in pages[1:])
    assert set(re.findall(r"[A-Za-z]+", "\n".join(pages))) - _vocabulary(doc) == set(), "a word is broken"


def _vocabulary(doc: Document) -> set[str]:
    """Every word a reader can see in the document: body, tables, headers and footers."""
    furniture = [p.text for s in doc.sections for part in (s.header, s.footer) for p in part.paragraphs]
    return set(re.findall(r"[A-Za-z]+", "\n".join([all_text(doc), *furniture])))


@pytest.mark.slow
def test_libreoffice_lays_out_the_pandoc_template_draft_with_page_furniture(
    bundled_project_loaded: Project, pandoc_reference: Callable[[str], Path], tmp_path: Path
) -> None:
    target = tmp_path / "pandoc-draft.docx"
    write_draft(bundled_project_loaded, target, pandoc_reference("docx"))
    pages = _page_texts(to_pdf(target, tmp_path))
    assert len(pages) >= 5
    assert "Page " not in pages[0] and "Draft 0.1" not in pages[0]  # the cover stays clean
    for number, page in enumerate(pages[1:], 2):
        lines = [" ".join(ln.split()) for ln in page.splitlines() if ln.strip()]
        assert lines[0] == "North East Local Industrial Strategy", f"page {number} has no header"
        assert re.fullmatch(
            rf"Draft 0\.1 \u2014 North East Local Industrial Strategy Page {number} of {len(pages)}", lines[-1]
        ), f"page {number} ends with '{lines[-1]}'"
    assert set(re.findall(r"[A-Za-z]+", "\n".join(pages))) - _vocabulary(open_docx(target)) == set()


def _load_maker() -> object:
    spec = importlib.util.spec_from_file_location("make_draft_template", templates_dir() / "make_draft_template.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_bundled_template_is_what_its_script_builds() -> None:
    built = _load_maker().build()  # type: ignore[attr-defined]
    with zipfile.ZipFile(io.BytesIO(built)) as fresh, zipfile.ZipFile(bundled_doc_template()) as committed:
        assert fresh.namelist() == committed.namelist()
        for name in fresh.namelist():
            assert fresh.read(name) == committed.read(name), f"{name} differs; rerun make_draft_template.py"


def test_bundled_template_carries_no_stale_copy_of_its_styles() -> None:
    # python-docx's default template has Word 2010's stylesWithEffects.xml; the script drops it
    with zipfile.ZipFile(bundled_doc_template()) as z:
        names = z.namelist()
        listed = z.read("[Content_Types].xml") + z.read("word/_rels/document.xml.rels")
    assert "word/styles.xml" in names
    assert "word/stylesWithEffects.xml" not in names and b"stylesWithEffects" not in listed
