"""The Markdown export: what Pandoc reads back from it, and what its .docx and .pptx hold.

The export is checked through Pandoc itself (the program users will feed it to): the
document structure from ``pandoc -t json``, the text of Pandoc-made Word and PowerPoint files
opened with python-docx and python-pptx, and literal special characters surviving intact.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pptx
import pytest
from office import require_tool
from projects import every_kind_project
from seedcheck import fold, missing_lines

from neslis_desktop.cli import main as cli_main
from neslis_desktop.errors import OutputError
from neslis_desktop.model import (
    DividerBlock,
    ParagraphBlock,
    Project,
    ProjectMeta,
    Section,
    plain_text,
)
from neslis_desktop.model.evidence import PictureBlock
from neslis_desktop.render.markdown import to_markdown, write_markdown

# Texts full of characters Markdown, Pandoc's extensions or smart punctuation would eat.
# In content files a literal asterisk is written \* (model/inline.py).
SPECIAL = [
    r"R&D costs \*5 and _snake_case_ #1 | pipe <b>tag</b> 🚀 emoji",
    "Price $5 and $6, email @someone, H~2~O and x^2^ [link](http://x.org) {#id}",
    "Dashes -- and --- and dots... 'single' and \"double\" quotes &amp; entity",
    "- not a bullet",
    "1. not a numbered item",
    "#not a heading and a back\\slash",
    ": not a definition\nA. not a letter list\n+ not a plus list",
    "`code` and ~~strike~~ and <!-- not a comment -->",
]


def _special_project() -> Project:
    """The project with every block kind (tests/projects.py), special characters in its text.

    A divider in the middle of a section is added, after which the section's title comes again.
    """
    s = SPECIAL
    project = every_kind_project(
        {
            "section notes": "Say hello; mention " + s[0],
            "paragraph": s[1] + " with **bold** and *italic* words",
            "aim": s[2],
            "second bullet": s[3],
            "sub-bullet": s[4],
            "sub-sub-bullet": s[5],
            "bullet": s[6],
            "card body": s[7],
            "card title": "Card *one*",
            "member": "Newcastle University",
        }
    )
    project.meta = ProjectMeta(
        title="Strategy #1: R&D | *growth*",
        subtitle="Sub_title <with> 'quotes'",
        organisation="North East LEP & Partners",
        event="LIS Summit",
        date=dt.date(2019, 10, 1),
        version="0.3",
    )
    project.sections[0].title = "What *is* it? #1 | R&D"
    governance = project.section("governance")
    governance.blocks = [
        *governance.blocks,
        DividerBlock(text="Break", subtitle="Ten minutes"),
        ParagraphBlock(text="After the break"),
    ]
    return project


def level1_count(project: Project) -> int:
    """How many level-1 headings the export should have: one per section, plus, for a divider
    inside a section, its own and the section's title again when blocks follow it."""
    count = 0
    for section in project.sections:
        count += 1
        for index, block in enumerate(section.blocks):
            following = section.blocks[index + 1] if index + 1 < len(section.blocks) else None
            if isinstance(block, DividerBlock):
                count += index > 0
                count += following is not None and not isinstance(following, DividerBlock)
    return count


# ----------------------------------------------------------------------------- helpers


def _pandoc(*args: str, stdin: str | None = None) -> str:
    pandoc = require_tool("pandoc")
    proc = subprocess.run([pandoc, *args], check=False, input=stdin, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, f"pandoc {' '.join(args)} failed:\n{proc.stderr}"
    return proc.stdout


def _ast(markdown: str) -> dict[str, Any]:
    ast: dict[str, Any] = json.loads(_pandoc("-f", "markdown", "-t", "json", stdin=markdown))
    return ast


_INLINE_TEXT: dict[str, Callable[[Any], str]] = {
    "Str": lambda c: c,
    "Space": lambda c: " ",
    "SoftBreak": lambda c: " ",
    "LineBreak": lambda c: "\n",
    "Strong": lambda c: _stringify(c),
    "Emph": lambda c: _stringify(c),
}


def _stringify(inlines: list[dict[str, Any]]) -> str:
    """Text of Pandoc inlines; anything but text and emphasis shows as <Kind>, failing matches."""
    return "".join(_INLINE_TEXT[i["t"]](i.get("c")) if i["t"] in _INLINE_TEXT else f"<{i['t']}>" for i in inlines)


_INLINE_KINDS = {
    "Str",
    "Space",
    "SoftBreak",
    "LineBreak",
    "Strong",
    "Emph",
    "Quoted",
    "Code",
    "Math",
    "Cite",
    "Link",
    "Span",
    "RawInline",
    "Subscript",
    "Superscript",
    "Strikeout",
    "Note",
    "Image",
}


def _texts(node: Any) -> list[str]:
    """Every run of inline text in a Pandoc AST, in document order."""
    if isinstance(node, list):
        if node and all(isinstance(i, dict) and i.get("t") in _INLINE_KINDS for i in node):
            return [_stringify(node)]
        return [t for child in node for t in _texts(child)]
    if isinstance(node, dict):
        return [t for child in node.values() for t in _texts(child)]
    return []


def _kinds(node: Any) -> list[str]:
    """Every AST element kind (``t``) used in ``node``."""
    if isinstance(node, list):
        return [k for child in node for k in _kinds(child)]
    if isinstance(node, dict):
        own = [node["t"]] if isinstance(node.get("t"), str) else []
        return own + [k for child in node.values() for k in _kinds(child)]
    return []


def _headers(ast: dict[str, Any], level: int) -> list[str]:
    return [_stringify(b["c"][2]) for b in ast["blocks"] if b["t"] == "Header" and b["c"][0] == level]


def _docx_text(path: Path) -> str:
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


# ----------------------------------------------------------------------------- bundled project


@pytest.fixture(scope="module")
def bundled_outputs(tmp_path_factory: pytest.TempPathFactory, bundled_dir: Path) -> dict[str, Path]:
    """The bundled project exported by the CLI and converted by Pandoc to .docx and .pptx."""
    from neslis_desktop.store import load_project

    folder = tmp_path_factory.mktemp("md-bundled")
    md = folder / "north-east-lis.md"
    assert cli_main(["export", str(bundled_dir), "--markdown", "-o", str(md)]) == 0
    _pandoc(str(md), "-o", str(folder / "x.docx"))
    _pandoc(str(md), "-o", str(folder / "x.pptx"))
    load_project(bundled_dir)  # the project is valid: a failure here is not the export's
    return {"md": md, "docx": folder / "x.docx", "pptx": folder / "x.pptx"}


def test_pandoc_docx_of_bundled_project_carries_the_seed_text(
    bundled_outputs: dict[str, Path], seed_lines: list[str]
) -> None:
    missing = missing_lines(_docx_text(bundled_outputs["docx"]), seed_lines)
    assert len(missing) <= 0.1 * len(seed_lines), f"{len(missing)} seed lines missing, e.g. {missing[:5]}"


def test_pandoc_pptx_of_bundled_project_has_a_slide_per_section(
    bundled_outputs: dict[str, Path], project: Project
) -> None:
    deck = pptx.Presentation(str(bundled_outputs["pptx"]))
    titles = [s.shapes.title.text for s in deck.slides if s.shapes.title is not None]
    assert titles[0] == plain_text(project.meta.title)  # Pandoc's title slide from the metadata
    for section in project.sections:
        first = section.blocks[0] if section.blocks else None
        expected = first.text if isinstance(first, DividerBlock) else section.title
        assert plain_text(expected) in titles
    # Slide level 1: no section-title-only slides doubling the deck.
    assert len(deck.slides) <= 1 + 2 * sum(max(1, len(s.blocks)) for s in project.sections)


def test_bundled_markdown_has_one_level1_heading_per_section(
    bundled_outputs: dict[str, Path], project: Project
) -> None:
    ast = _ast(bundled_outputs["md"].read_text("utf-8"))
    assert len(_headers(ast, 1)) == level1_count(project)
    assert _headers(ast, 1)[0] == plain_text(project.sections[0].title)
    assert "en-GB" in json.dumps(ast["meta"]["lang"])


# ----------------------------------------------------------------------------- structure


@pytest.fixture(scope="module")
def special() -> Project:
    return _special_project()


@pytest.fixture(scope="module")
def special_ast(special: Project) -> dict[str, Any]:
    return _ast(to_markdown(special))


def test_level1_headings_are_sections_and_dividers(special_ast: dict[str, Any]) -> None:
    # Sections, the divider section once, the mid-section divider, and the section's title
    # again after it (its timeline is a new slide under the section's title).
    assert _headers(special_ast, 1) == [
        "What is it? #1 | R&D",
        "Questions?",
        "Cards",
        "Structure",
        "Targets",
        "Governance",
        "Break",
        "Governance",
        "Progress",
        "Discussion questions",
        "Next steps",
    ]
    assert _headers(special_ast, 2) == ["Numbered", "Grid"]
    assert _headers(special_ast, 3) == ["Card one", "Second card"]


def test_metadata_block(special_ast: dict[str, Any]) -> None:
    meta = special_ast["meta"]
    assert _stringify(meta["title"]["c"]) == "Strategy #1: R&D | growth"
    assert _stringify(meta["subtitle"]["c"]) == "Sub_title <with> 'quotes'"
    assert _stringify(meta["author"]["c"]) == "North East LEP & Partners"
    assert _stringify(meta["date"]["c"]) == "2019-10-01"
    assert _stringify(meta["status"]["c"]) == "Draft"
    assert _stringify(meta["version"]["c"]) == "0.3"
    assert "en-GB" in json.dumps(meta["lang"])


def test_special_characters_round_trip_as_literal_text(special_ast: dict[str, Any]) -> None:
    text = fold("\n".join(_texts(special_ast["blocks"])))
    for raw in SPECIAL:
        for line in plain_text(raw).split("\n"):
            assert fold(line) in text, f"{line!r} did not come back literally"
    kinds = _kinds(special_ast["blocks"])
    # Nothing became a link, code, math, citation, quote, sub/superscript or raw HTML; the
    # one raw block is the export's own comment on how to convert the file.
    assert set(kinds).isdisjoint(
        {
            "Link",
            "Code",
            "Math",
            "Cite",
            "Quoted",
            "Subscript",
            "Superscript",
            "Strikeout",
            "RawInline",
            "CodeBlock",
            "DefinitionList",
            "BlockQuote",
        }
    ), kinds
    assert kinds.count("RawBlock") == 1


def test_emphasis_passes_through(special_ast: dict[str, Any]) -> None:
    blocks = json.dumps(special_ast["blocks"])
    assert '{"t": "Strong", "c": [{"t": "Str", "c": "bold"}]}' in blocks
    assert '{"t": "Emph", "c": [{"t": "Str", "c": "italic"}]}' in blocks
    assert '{"t": "Emph", "c": [{"t": "Str", "c": "one"}]}' in blocks  # inside a card title


def test_emphasis_across_line_breaks_and_paragraphs() -> None:
    project = Project(
        meta=ProjectMeta(title="T", organisation="O"),
        sections=[
            Section(
                id="s",
                title="S",
                blocks=[
                    ParagraphBlock(text="**bold line\nnext line** plain\n\n*italic para\n\nsecond* end"),
                ],
            )
        ],
    )
    blocks = _ast(to_markdown(project))["blocks"]
    paras = [b for b in blocks if b["t"] == "Para"]
    assert [_stringify(p["c"]) for p in paras] == ["bold line\nnext line plain", "italic para", "second end"]
    dumped = json.dumps(paras)
    assert '"Strong", "c": [{"t": "Str", "c": "next"}' in dumped
    assert '"Emph", "c": [{"t": "Str", "c": "second"}' in dumped
    assert "*" not in "".join(_texts(paras))  # no marker left over as a literal asterisk


def test_lists_tables_and_notes(special_ast: dict[str, Any]) -> None:
    blocks = special_ast["blocks"]
    kinds = [b["t"] for b in blocks]
    tables = [b for b in blocks if b["t"] == "Table"]
    assert len(tables) == 4  # structure, timeline, the chart's data, the table
    md = to_markdown(_special_project())
    # Charts as their data tables with the alt text and source; tables as tables; pictures as images.
    assert "|  | North East | England excluding London |\n|---|--:|--:|\n| 2015 | 86.5 | 97.0 |" in md
    assert "Source: Test Statistics, Sample release (2019)" in md
    assert "Table: Jobs by area" in md and "| **Total** | **2,000** |" in md
    assert "![The Quayside at dusk](assets/quayside.png)" in md
    assert "| Month | Lane | Milestone |" in md
    assert "| September 2019 | Evidence | Review commissioned |" in md
    assert "| October 2019 |  |  |" in md  # every month shown, as on the slide
    assert "| Foundations | Grand Challenges | Sector Deals |" in md
    assert "- Evidence work (October 2019 to March 2020; Evidence)" in md
    # Nested bullets three deep, four-space indentation.
    assert "\n- \\- not a bullet\n    - 1\\. not a numbered item\n        - \\#not a heading" in md
    # Org chart nested by reporting line, with side labels and members.
    assert "- **Secretary of State**\n    - **LEP Board** (*Decision making*)\n        - **Steering Group**" in md
    assert "            - Newcastle University" in md
    # Process flow numbered, notes as sub-bullets; questions numbered.
    assert "1. Draft\n    - Reviewed by the board\n2. Publish" in md
    assert "1. First question?\n2. Second question?" in md
    # Speaker notes as notes divs.
    notes = [b for b in blocks if b["t"] == "Div" and "notes" in b["c"][0][1]]
    assert [fold(" ".join(_texts(n))) for n in notes][1] == "Hidden note"
    assert len(notes) == 2
    assert kinds.count("HorizontalRule") >= 3  # cards, targets, flow -> questions start new slides


def test_pandoc_makes_docx_and_pptx_of_every_block_kind(tmp_path: Path, special: Project) -> None:
    md = tmp_path / "special.md"
    write_markdown(special, md)
    picture = next(b for s in special.sections for b in s.blocks if isinstance(b, PictureBlock))
    assert picture.path is not None
    assets = f"--resource-path={picture.path.parents[1]}"  # the project folder its path is relative to
    _pandoc(str(md), assets, "-o", str(tmp_path / "s.docx"))
    _pandoc(str(md), assets, "-o", str(tmp_path / "s.pptx"))
    with zipfile.ZipFile(tmp_path / "s.docx") as docx_zip:
        assert any(n.startswith("word/media/") for n in docx_zip.namelist())  # the picture, as an image
    text = _docx_text(tmp_path / "s.docx")
    for needle in ("Steering Group", "Review commissioned", "Reviewed by the board", "R&D costs *5", "🚀"):
        assert needle in text
    deck = pptx.Presentation(str(tmp_path / "s.pptx"))
    titles = [s.shapes.title.text for s in deck.slides if s.shapes.title is not None]
    assert "Questions?" in titles and "Next steps" in titles
    notes = [s.notes_slide.notes_text_frame.text for s in deck.slides if s.has_notes_slide]
    assert any("Say hello" in n for n in notes)


# ----------------------------------------------------------------------------- writing


def test_write_is_utf8_and_replaces_the_old_file(tmp_path: Path, special: Project) -> None:
    target = tmp_path / "out.md"
    target.write_text("old", "utf-8")
    write_markdown(special, target)
    text = target.read_text("utf-8")
    assert text.startswith("---\ntitle: ")
    assert "🚀" in text and "\r" not in text
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.md"]  # no temporary file left


def test_unwritable_target_is_a_clear_error(tmp_path: Path, special: Project) -> None:
    target = tmp_path / "missing-folder" / "out.md"
    with pytest.raises(OutputError, match=re.escape(str(target))):
        write_markdown(special, target)
    assert not target.parent.exists()


def test_cli_export_reports_a_bad_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main(["export", str(tmp_path / "nope"), "--markdown", "-o", str(tmp_path / "x.md")]) == 2
    assert "nope" in capsys.readouterr().err
    assert not (tmp_path / "x.md").exists()
