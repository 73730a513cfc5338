"""Through a template whose body text is indented, justified and lets headings end a page.

The template is Pandoc's reference.docx changed at test time: Normal gets a first-line indent
and justification (as many corporate templates have), Heading 1-3 lose keep-with-next. Table
cells must still read whole words, headings must still be numbered and kept with their text,
and the build must say what it changed.
"""

from __future__ import annotations

import re
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from docx.document import Document
from docx.oxml.ns import qn
from docx.table import Table
from draftfixtures import need, to_pdf, with_document_xml
from draftread import all_text, blocks, headings, open_docx

from neslis_desktop.model import Project, Section, StructureBlock, StructureColumn, StructureItem
from neslis_desktop.render.draft import write_draft
from neslis_desktop.resources import bundled_project
from neslis_desktop.store import load_project

# Five columns of words that fit a column of Pandoc's page whole, in bold, unless indented.
WORDS = ("Foundations", "Challenges", "Partnership", "Innovation", "Prosperity")


@pytest.fixture(scope="module")
def indented_template(pandoc_reference: Callable[[str], Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Pandoc's reference.docx with an indented, justified Normal and headings that do not keep with next."""
    source = pandoc_reference("docx")
    target = tmp_path_factory.mktemp("templates") / "indented.docx"
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            blob = src.read(info.filename)
            if info.filename == "word/styles.xml":
                text = blob.decode("utf-8")
                text, n = re.subn(
                    r'(<w:style w:type="paragraph" w:default="1" w:styleId="Normal">\s*'
                    r'<w:name w:val="Normal" />\s*<w:qFormat />)',
                    r'\1<w:pPr><w:ind w:firstLine="1134" /><w:jc w:val="both" /></w:pPr>',
                    text,
                )
                assert n == 1, "Pandoc's Normal style changed shape; update this fixture"
                for level in (1, 2, 3):
                    text = re.sub(rf'(w:styleId="Heading{level}">.*?)<w:keepNext />', r"\1", text, count=1, flags=re.S)
                blob = text.encode("utf-8")
            dst.writestr(info, blob)
    return target


def _project() -> Project:
    project = load_project(bundled_project())
    narrow = StructureBlock(
        heading="Five narrow columns",
        columns=[
            StructureColumn(title=word, items=[StructureItem(label=word, aim=f"{word} and {word.lower()}")])
            for word in WORDS
        ],
    )
    project.sections.insert(3, Section(id="narrow", title="Narrow columns", blocks=[narrow]))
    return project


@pytest.fixture(scope="module")
def built(indented_template: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    target = tmp_path_factory.mktemp("indented") / "north-east-lis-draft.docx"
    return target, write_draft(_project(), target, indented_template)


def _resolved(doc: Document, style_name: str, tag: str) -> dict[str, str] | None:
    """The attributes of pPr child ``tag`` that ``style_name`` sets or inherits."""
    style = next(s for s in doc.styles if s.name == style_name)
    while style is not None:
        found = style.element.find(f"{qn('w:pPr')}/{qn(tag)}")
        if found is not None:
            return {k.split("}")[1]: v for k, v in found.attrib.items()}
        style = style.base_style
    return None


def test_cells_are_in_table_text_left_aligned_without_indent(
    built: tuple[Path, list[str]], validate: Callable[..., str]
) -> None:
    target, messages = built
    validate(target)
    assert "Template indented.docx lacks style 'Table Text'; added from the bundled template." in messages
    doc = open_docx(target)
    tables = [b for b in blocks(doc) if isinstance(b, Table)]
    assert len(tables) >= 5
    for table in tables:
        for row in table.rows:
            for cell in row.cells:
                for p in cell.paragraphs:
                    assert p.style.name in ("Table Text", "List Bullet"), (p.style.name, p.text)
    assert _resolved(doc, "Normal", "w:ind") == {"firstLine": "1134"}  # the template's body text is kept
    assert _resolved(doc, "Table Text", "w:ind") == {"left": "0", "right": "0", "firstLine": "0"}
    assert _resolved(doc, "Table Text", "w:jc") == {"val": "left"}


def test_headings_are_numbered_and_kept_with_next(built: tuple[Path, list[str]]) -> None:
    target, messages = built
    assert (
        "Template indented.docx has unnumbered headings; numbered them 1, 1.1, 1.1.1 as in the bundled template."
    ) in messages
    assert (
        "Template indented.docx's Heading 1, Heading 2, Heading 3 did not keep with the next paragraph; "
        "set keep-with-next on them so that a heading never ends a page."
    ) in messages
    doc = open_docx(target)
    for level in (1, 2, 3):
        name = next(s.name for s in doc.styles if s.name.lower() == f"heading {level}")
        assert _resolved(doc, name, "w:keepNext") is not None
        assert _resolved(doc, name, "w:numPr") is not None
        # The number's hanging indent is in the style, so the indented Normal cannot move it.
        assert _resolved(doc, name, "w:ind") == {
            "left": str((567, 709, 851)[level - 1]),
            "hanging": str((567, 709, 851)[level - 1]),
        }
    assert _resolved(doc, "List Bullet", "w:ind") == {"left": "360", "hanging": "360"}


def test_pandocs_own_headings_keep_with_next_but_its_caption_is_made_to(
    pandoc_reference: Callable[[str], Path], tmp_path: Path
) -> None:
    from draftfixtures import sample_project

    target = tmp_path / "d.docx"
    messages = write_draft(sample_project(), target, pandoc_reference("docx"))
    assert not any("Heading" in m and "keep-with-next" in m for m in messages)
    # Pandoc's Caption does not keep with next: the targets' label could end a page, apart from its table.
    assert (
        "Template reference.docx's Caption did not keep with the next paragraph; set keep-with-next on it so "
        "that it stays on the page of what it introduces."
    ) in messages
    doc = open_docx(target)
    assert _resolved(doc, "Caption", "w:keepNext") is not None
    label = next(p for p in doc.paragraphs if p.text == "6 Targets")
    assert label.style.name == "Caption"


def _pages(pdf: Path) -> list[str]:
    out = subprocess.run([need("pdftotext"), str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return out.split("\f")


def _whole(text: str) -> dict[str, int]:
    """How often each of WORDS appears whole in ``text``."""
    words = re.findall(r"[A-Za-z]+", text)
    return {w: words.count(w) for w in WORDS}


def _vocabulary(doc: Document) -> set[str]:
    """The words of the body, tables, headers and footers: all a reader can see, unbroken."""
    furniture = [p.text for s in doc.sections for part in (s.header, s.footer) for p in part.paragraphs]
    return set(re.findall(r"[A-Za-z]+", "\n".join([all_text(doc), *furniture])))


@pytest.mark.slow
def test_libreoffice_shows_whole_words_in_narrow_cells_and_no_heading_ends_a_page(
    built: tuple[Path, list[str]], tmp_path: Path
) -> None:
    target, _ = built
    doc = open_docx(target)
    written, vocabulary = _whole(all_text(doc)), _vocabulary(doc)
    # The control: the same draft with its cells put back in the body style breaks words,
    # so the checks below can see a broken word when there is one.
    control = with_document_xml(
        target,
        tmp_path / "control" / "control.docx",
        lambda xml: xml.replace('<w:pStyle w:val="TableText"/>', '<w:pStyle w:val="Normal"/>'),
    )
    shown = "\n".join(_pages(to_pdf(control, control.parent)))
    assert _whole(shown) != written, f"the control broke no word: {_whole(shown)}"
    assert set(re.findall(r"[A-Za-z]+", shown)) - vocabulary, "the control shows no word the draft lacks"

    pages = _pages(to_pdf(target, tmp_path))
    assert _whole("\n".join(pages)) == written
    # No word anywhere is broken: every word LibreOffice shows is a word the document holds.
    assert set(re.findall(r"[A-Za-z]+", "\n".join(pages))) - vocabulary == set()
    titles = {" ".join(text.split()) for _, text in headings(doc)}
    furniture = re.compile(r"^(Draft 0\.1 \u2014|Page \d+ of|North East Local Industrial Strategy$)")
    for number, page in enumerate(pages[2:-1], 3):
        lines = [" ".join(ln.split()) for ln in page.splitlines() if ln.strip()]
        body = [ln for ln in lines if not furniture.match(ln)]
        assert body, f"page {number} is empty"
        last = re.sub(r"^[\d.]+\s+", "", body[-1])
        assert last not in titles, f"page {number} ends with the heading '{last}'"
