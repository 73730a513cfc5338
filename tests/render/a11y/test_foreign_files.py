"""The check on files no one here made: what it finds is tested against what the file holds,
read independently with python-pptx/python-docx, not against a list written down here."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest
from pptx import Presentation

from neslis_desktop.render.a11y import check_file
from neslis_desktop.render.a11y.text_rules import normalise

pytestmark = pytest.mark.slow

P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"


def _titles(path: Path) -> list[str | None]:
    """Each slide's title text ('' when empty), or None when it has no title placeholder."""
    out: list[str | None] = []
    for slide in Presentation(str(path)).slides:
        title = slide.shapes.title
        out.append(None if title is None else title.text_frame.text.strip())
    return out


def _expected_title_findings(path: Path) -> tuple[set[int], set[int]]:
    missing, duplicate = set(), set()
    seen: set[str] = set()
    for n, title in enumerate(_titles(path), start=1):
        if not title:
            missing.add(n)
        elif normalise(title) in seen:
            duplicate.add(n)
        else:
            seen.add(normalise(title))
    return missing, duplicate


def _assert_titles_match(path: Path) -> None:
    report = check_file(path)
    missing, duplicate = _expected_title_findings(path)
    assert {f.slide for f in report.findings if f.rule == "title-missing"} == missing, path.name
    assert {f.slide for f in report.findings if f.rule == "title-duplicate"} == duplicate, path.name


def _pictures_without_alt(path: Path) -> int:
    xml = Presentation(str(path)).slides
    count = 0
    for slide in xml:
        for pic in slide.shapes._spTree.iter(P + "pic"):
            c_nv = next(pic.iter(P + "cNvPr"))
            count += not (c_nv.get("descr") or c_nv.get("title") or "").strip()
    return count


def test_libreoffice_impress_templates(libreoffice_decks: list[Path]) -> None:
    rules: set[str] = set()
    for path in libreoffice_decks:
        report = check_file(path)
        rules |= {f.rule for f in report.findings}
        _assert_titles_match(path)
        flagged = sum(1 for f in report.findings if f.rule == "alt-text" and "picture" in f.message)
        assert flagged == _pictures_without_alt(path), path.name
        for finding in report.findings:
            assert finding.slide is not None and finding.location.startswith(f"slide {finding.slide}")
            if finding.rule == "contrast":
                ratio = float(re.search(r"contrast ([\d.]+):1", finding.message).group(1))
                needed = float(re.search(r"at least ([\d.]+):1", finding.message).group(1))
                assert ratio < needed
    # The templates are sample decks full of placeholder text on coloured shapes: several rules
    # fire somewhere among them (each was looked at on a rendered slide while writing the rules).
    assert {"title-missing", "contrast", "reading-order", "alt-text"} <= rules


def test_libreoffice_writer_templates_and_samples(libreoffice_documents: list[Path]) -> None:
    for path in libreoffice_documents:
        report = check_file(path)
        doc = docx.Document(str(path))
        has_title = bool((doc.core_properties.title or "").strip())
        assert ("doc-title" in {f.rule for f in report.findings}) == (not has_title), path.name
        for finding in report.findings:
            assert finding.location.startswith(("paragraph ", "the document")), finding.location
    sample = next(p for p in libreoffice_documents if p.stem == "idxexample")
    alt = [f for f in check_file(sample).findings if f.rule == "alt-text"]
    assert len(alt) == 1 and "'Graphic1' has no alternative text" in alt[0].message  # its only picture


def test_pandoc_deck_from_our_markdown(pandoc_outputs: dict[str, Path]) -> None:
    path = pandoc_outputs["pptx"]
    _assert_titles_match(path)
    missing, _ = _expected_title_findings(path)
    assert missing, "Pandoc starts a title-less slide at each horizontal rule"


def test_pandoc_document_from_our_markdown(pandoc_outputs: dict[str, Path]) -> None:
    report = check_file(pandoc_outputs["docx"])
    rules = {f.rule for f in report.findings}
    # Pandoc sets the title and language from the metadata block, marks table header rows and
    # writes headings in order (# to ###), so none of these may be reported.
    assert not rules & {"doc-title", "doc-language", "heading-skip", "table-header"}, report.text()


def test_python_pptx_default_is_clean(library_defaults: dict[str, Path]) -> None:
    report = check_file(library_defaults["pptx"])
    assert [f.rule for f in report.findings] == ["doc-title"]  # python-pptx leaves the title empty


def test_python_docx_default_headings_fail_contrast(library_defaults: dict[str, Path]) -> None:
    report = check_file(library_defaults["docx"])
    by_rule = {f.rule: f for f in report.findings}
    # Its Heading 2 is 13 pt bold in the theme's accent1 (#4F81BD): 4.03:1, and 13 pt bold is
    # not 'large' (that starts at 14 pt bold), so it needs 4.5:1. Its Normal is 11 pt.
    assert set(by_rule) == {"doc-title", "contrast", "text-size"}, report.text()
    assert "#4F81BD on #FFFFFF has contrast 4.03:1; 13 pt bold" in by_rule["contrast"].message
    assert "11 pt" in by_rule["text-size"].message
