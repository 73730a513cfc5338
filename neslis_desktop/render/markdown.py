"""Pandoc-Markdown export of a project: the whole strategy as one readable, convertible file.

Users get a plain-text copy of their content that diffs well, pastes into other tools and
converts with Pandoc (``pandoc FILE.md -o deck.pptx`` or ``-o draft.docx``); the benchmarks
use it to time Pandoc on the same content as ``neslis build``.

Shape of the file:

* a YAML metadata block (title, subtitle, author = organisation, date, ``lang``, and the
  custom fields status, version, event, audience);
* ``# Section title`` per section, so Pandoc's slide level is 1 and each section starts a
  slide; text blocks share it, while a diagram, a grid or a block with a heading or notes
  is set off by a horizontal rule (``-----``), which starts a new slide in a deck and is a
  thin rule in a document;
* a block's heading as ``## heading``; cards as ``### title``; structure as a pipe table;
  timelines as a month | lane | milestone table plus a list of spans; org charts as a list
  nested by reporting line; process flows and questions as numbered lists;
* a chart as its headline, subtitle, its data as a pipe table, alt text and source line; a
  table as a pipe table (numbers right-aligned) with its caption and source; a picture as
  ``![alt](assets/file.png)`` with its caption (run Pandoc with ``--resource-path`` set to
  the project folder);
* a divider as its own ``# Questions?`` heading (a title-only slide);
* speaker notes as ``::: notes`` divs (Pandoc puts them in the deck's notes; note that its
  docx writer prints them as ordinary paragraphs).

Text keeps its ``**bold**``/``*italic*``; every other character Markdown or Pandoc's
extensions would read as syntax (``#``, ``|``, ``<``, ``_``, smart quotes and dashes...) is
backslash-escaped, so it comes out literally.
"""

from __future__ import annotations

import re
from pathlib import Path

from neslis_desktop.model import (
    Block,
    BulletItem,
    BulletsBlock,
    CardsBlock,
    DividerBlock,
    FlowBlock,
    OrgChartBlock,
    OrgNode,
    ParagraphBlock,
    Project,
    QuestionsBlock,
    Run,
    Section,
    StructureBlock,
    TargetsBlock,
    TimelineBlock,
    runs,
)
from neslis_desktop.model.evidence import EVIDENCE_KINDS, ChartBlock, PictureBlock, TableBlock, format_number
from neslis_desktop.model.month import Month
from neslis_desktop.store.atomic import atomic_write_bytes

INDENT = "    "
RULE = "-----"

# ASCII punctuation that is syntax anywhere in a line for Pandoc Markdown and its default
# extensions (emphasis, code, links, raw HTML, entities, tables, math, citations, sub- and
# superscript, attributes, smart quotes).
_ALWAYS = set("\\`*_{}[]<>#|~^$@&'\"")
# What only matters at the start of a line: list markers, definition lists, setext rules.
_LINE_START = re.compile(r"^([-+:=%])")
_ORDERED = re.compile(r"^(\(?)([0-9]+|[A-Za-z]|[ivxlcdmIVXLCDM]+)([.)])(?=\s|$)")
_BLANK_LINES = re.compile(r"\n[ \t]*\n\s*")


def write_markdown(project: Project, target: Path) -> None:
    """Write ``project`` as Pandoc Markdown to ``target``, atomically (UTF-8, LF line ends)."""
    atomic_write_bytes(Path(target), to_markdown(project).encode("utf-8"))


def to_markdown(project: Project) -> str:
    """The Pandoc Markdown text of ``project``."""
    parts = [_metadata(project)]
    for section in project.sections:
        parts.extend(_section(section))
    return "\n\n".join(p.rstrip("\n") for p in parts if p.strip()) + "\n"


# ----------------------------------------------------------------------------- text


def escape_plain(text: str) -> str:
    """``text`` escaped so that Pandoc reads it back literally (one line or several)."""
    out = []
    for ch in text:
        if ch in _ALWAYS:
            out.append("\\" + ch)
        elif ch == "\t":
            out.append(" ")
        else:
            out.append(ch)
    escaped = "".join(out)
    # Smart punctuation: "--" would become a dash and "..." an ellipsis.
    escaped = escaped.replace("--", "-\\-").replace("..", ".\\.")
    return escaped


def _escape_line_start(line: str) -> str:
    line = _LINE_START.sub(r"\\\1", line)
    return _ORDERED.sub(lambda m: ("\\(" if m.group(1) else "") + m.group(2) + "\\" + m.group(3), line)


def inline(text: str, *, breaks: bool = True) -> str:
    """One paragraph's worth of ``text`` as Markdown: emphasis kept, the rest escaped.

    Line breaks (and blank lines) become hard breaks (a backslash at the end of the line);
    with ``breaks`` false (table cells, headings) they become spaces.
    """
    return _from_runs(runs(text), breaks=breaks)


def _from_runs(pieces: list[Run], *, breaks: bool = True) -> str:
    out: list[str] = []
    for run in pieces:
        body = escape_plain(run.text)
        marker = "*" * ((2 if run.bold else 0) + (1 if run.italic else 0))
        stripped = body.strip()
        if marker and stripped:
            # Emphasis markers must touch the text: spaces and line breaks go outside them,
            # and each line is wrapped on its own so a marker never starts a line alone.
            lead = body[: len(body) - len(body.lstrip())]
            trail = body[len(body.rstrip()) :]
            lines = [line.strip() for line in stripped.split("\n")]
            inner = "\n".join(f"{marker}{line}{marker}" if line else "" for line in lines)
            body = f"{lead}{inner}{trail}"
        out.append(body)
    joined = "".join(out)
    lines = [line.strip() for line in _BLANK_LINES.sub("\n", joined).split("\n")]
    lines = [_escape_line_start(line) for line in lines if line]
    return ("\\\n" if breaks else " ").join(lines)


def _paragraphs(text: str) -> list[str]:
    """Top-level text: blank lines in it separate paragraphs (emphasis closed and reopened)."""
    paragraphs: list[list[Run]] = [[]]
    for run in runs(text):
        for i, chunk in enumerate(_BLANK_LINES.split(run.text)):
            if i:
                paragraphs.append([])
            if chunk:
                paragraphs[-1].append(Run(chunk, run.bold, run.italic))
    return [_from_runs(p) for p in paragraphs if any(r.text.strip() for r in p)]


def _cell(text: str | None) -> str:
    return inline(text, breaks=False) if text else ""


def _item(marker: str, text: str, depth: int) -> str:
    """A list item at ``depth`` (0 = top): continuation lines indented under the marker."""
    pad = INDENT * depth
    body = inline(text).replace("\n", "\n" + pad + INDENT)
    return f"{pad}{marker} {body}"


def _yaml_string(value: str) -> str:
    # Pandoc reads metadata strings as Markdown: escape for Markdown, then quote for YAML.
    return "'" + inline(value, breaks=False).replace("'", "''") + "'"


# ----------------------------------------------------------------------------- structure


def _metadata(project: Project) -> str:
    meta = project.meta
    fields: list[tuple[str, str | None]] = [
        ("title", meta.title),
        ("subtitle", meta.subtitle),
        ("author", meta.organisation),
        ("date", meta.date.isoformat() if meta.date else None),
        ("event", meta.event),
        ("audience", meta.audience),
        ("status", meta.status.value),
        ("version", meta.version),
    ]
    lines = ["---"]
    lines += [f"{key}: {_yaml_string(value)}" for key, value in fields if value]
    lines += [f"lang: {meta.language}", "---"]
    comment = (
        "<!-- Exported by NESLIS Desktop. Convert with Pandoc: "
        "pandoc FILE.md -o deck.pptx (one slide per section, a new slide at each rule) "
        "or pandoc FILE.md -o draft.docx -->"
    )
    return "\n".join(lines) + "\n\n" + comment


def _notes(text: str | None) -> str:
    if not text:
        return ""
    return "::: notes\n" + "\n\n".join(_paragraphs(text)) + "\n:::"


def _heading(level: int, text: str) -> str:
    return "#" * level + " " + inline(text, breaks=False)


_DIAGRAMS = (CardsBlock, StructureBlock, TargetsBlock, OrgChartBlock, TimelineBlock, FlowBlock, *EVIDENCE_KINDS)


def _new_slide(block: Block, previous: Block) -> bool:
    """Whether ``block`` starts a slide of its own after ``previous`` in the same section.

    Text blocks (paragraphs, bullets, questions) share a slide, as on the summit deck;
    diagrams and grids get a slide each, and so does a block with a heading or notes.
    """
    return bool(isinstance(block, _DIAGRAMS) or isinstance(previous, _DIAGRAMS) or block.heading or block.notes)


def _section(section: Section) -> list[str]:
    blocks = list(section.blocks)
    if blocks and isinstance(blocks[0], DividerBlock):
        # A divider section (such as 'Questions?') is its divider: one heading, not two.
        parts = [_heading(1, blocks[0].text), _notes(section.notes)]
    else:
        parts = [_heading(1, section.title), _notes(section.notes)]
    previous: Block | None = None
    for index, block in enumerate(blocks):
        if isinstance(block, DividerBlock):
            if index > 0:
                parts.append(_heading(1, block.text))
            if block.subtitle:
                parts.extend(_paragraphs(block.subtitle))
        else:
            if isinstance(previous, DividerBlock):
                # Content after a divider belongs to the section again: repeat its title.
                parts.append(_heading(1, section.title))
            elif previous is not None and _new_slide(block, previous):
                parts.append(RULE)
            if block.heading:
                parts.append(_heading(2, block.heading))
            parts.extend(_block(block))
        parts.append(_notes(block.notes))
        previous = block
    return parts


def _block(block: Block) -> list[str]:
    if isinstance(block, ParagraphBlock):
        return _paragraphs(block.text)
    if isinstance(block, BulletsBlock):
        return [*_opt_paragraphs(block.lead), _bullets(block.items, numbered=block.numbered)]
    if isinstance(block, CardsBlock):
        return _cards(block)
    if isinstance(block, StructureBlock):
        return [_structure(block)]
    if isinstance(block, TargetsBlock):
        return _targets(block)
    if isinstance(block, OrgChartBlock):
        return [_orgchart(block)]
    if isinstance(block, TimelineBlock):
        return _timeline(block)
    if isinstance(block, FlowBlock):
        return [_flow(block)]
    if isinstance(block, QuestionsBlock):
        return [*_opt_paragraphs(block.intro), _numbered(block.questions)]
    if isinstance(block, ChartBlock):
        return _chart(block)
    if isinstance(block, TableBlock):
        return _data_table(block)
    if isinstance(block, PictureBlock):
        return _picture(block)
    raise TypeError(f"no Markdown for block kind {block.kind!r}")  # pragma: no cover


def _opt_paragraphs(text: str | None) -> list[str]:
    return _paragraphs(text) if text else []


def _bullets(items: list[BulletItem], *, numbered: bool = False, depth: int = 0) -> str:
    lines: list[str] = []
    for n, item in enumerate(items, start=1):
        lines.append(_item(f"{n}." if numbered else "-", item.text, depth))
        if item.items:
            lines.append(_bullets(item.items, depth=depth + 1))
    return "\n".join(lines)


def _numbered(texts: list[str]) -> str:
    return "\n".join(_item(f"{n}.", text, 0) for n, text in enumerate(texts, start=1))


def _cards(block: CardsBlock) -> list[str]:
    """Cards with a title and a text as ``### title`` + text; simpler grids as a bullet list."""
    parts = [inline(line) for line in block.intro]
    if any(c.title and (c.body or c.bullets) for c in block.cards):
        for card in block.cards:
            if card.title:
                parts.append(_heading(3, card.title))
            parts.extend(_opt_paragraphs(card.body))
            if card.bullets:
                parts.append(_bullets(card.bullets))
    else:
        lines = []
        for card in block.cards:
            lines.append(_item("-", card.title or card.body or "", 0))
            if card.bullets:
                lines.append(_bullets(card.bullets, depth=1))
        parts.append("\n".join(lines))
    parts.extend(_opt_paragraphs(block.footer))
    return parts


def _table(header: list[str], rows: list[list[str]], widths: list[int] | None = None) -> str:
    """A pipe table; ``widths`` are relative column widths (Pandoc reads the rule's dashes)."""

    def row(cells: list[str]) -> str:
        return "| " + " | ".join(cells) + " |"

    rule = "|".join("-" * (3 * w) for w in (widths or [1] * len(header)))
    lines = [row(header), f"|{rule}|"]
    lines += [row(cells) for cells in rows]
    return "\n".join(lines)


def _structure(block: StructureBlock) -> str:
    """Columns side by side, as on the slide: one table column per structure column."""
    header = [_cell(c.title) for c in block.columns]
    rows: list[list[str]] = []
    if any(c.note for c in block.columns):
        rows.append([f"*{_cell(c.note)}*" if c.note else "" for c in block.columns])
    depth = max(len(c.items) for c in block.columns)
    for i in range(depth):
        cells = []
        for column in block.columns:
            if i >= len(column.items):
                cells.append("")
                continue
            item = column.items[i]
            label = _cell(item.label)
            cells.append(f"**{label}**: {_cell(item.aim)}" if item.aim else label)
        rows.append(cells)
    return _table(header, rows)


def _targets(block: TargetsBlock) -> list[str]:
    parts = _opt_paragraphs(block.goal)
    if block.label:
        parts.append(f"**{_cell(block.label)}**")
    lines = []
    for n, target in enumerate(block.targets, start=1):
        item = _item(f"{n}.", target.text, 0)
        if target.figure:
            item = item.replace(" ", f" **{_cell(target.figure)}**: ", 1)
        lines.append(item)
    parts.append("\n".join(lines))
    for line in block.footer:
        parts.extend(_paragraphs(line))
    return parts


def _orgchart(block: OrgChartBlock) -> str:
    lines: list[str] = []

    def node(n: OrgNode, depth: int) -> None:
        pad = INDENT * (depth + 1)
        head = f"**{_cell(n.title)}**"
        if n.side_label:
            head += f" (*{_cell(n.side_label)}*)"
        lines.append(f"{INDENT * depth}- {head}")
        for extra in (n.note, n.members_heading):
            if extra:
                lines[-1] += "\\\n" + pad + inline(extra).replace("\n", "\n" + pad)
        lines.extend(_item("-", member, depth + 1) for member in n.members)
        for child in block.children(n.id):
            node(child, depth + 1)

    for root in block.children(None):
        node(root, 0)
    return "\n".join(lines)


def _month(month: Month) -> str:
    return f"{month.name} {month.year}"


def _timeline(block: TimelineBlock) -> list[str]:
    """Every month shown, with its milestones lane by lane; then the spans as a list."""
    rows: list[list[str]] = []
    for month in block.months():
        hits = [
            [_month(month), _cell(lane.name), _cell(ms.text)]
            for lane in block.lanes
            for ms in lane.milestones
            if ms.month == month
        ]
        rows.extend(hits or [[_month(month), "", ""]])
    parts = [_table(["Month", "Lane", "Milestone"], rows, [4, 3, 9])]
    if block.spans:
        spans = []
        for span in block.spans:
            where = f"; {_cell(span.lane)}" if span.lane else ""
            spans.append(f"- {_cell(span.text)} ({_month(span.start)} to {_month(span.end)}{where})")
        parts.append("\n".join(spans))
    return parts


def _flow(block: FlowBlock) -> str:
    lines: list[str] = []
    for n, step in enumerate(block.steps, start=1):
        lines.append(_item(f"{n}.", step.title, 0))
        lines.extend(_item("-", note, 1) for note in step.notes)
    return "\n".join(lines)


def _aligned_table(header: list[str], rows: list[list[str]], aligns: list[str]) -> str:
    """A pipe table whose rule marks each column's alignment (``---:`` right, ``:--:`` centre)."""

    def row(cells: list[str]) -> str:
        return "| " + " | ".join(cells) + " |"

    marks = {"left": "---", "right": "--:", "center": ":-:"}
    lines = [row(header), "|" + "|".join(marks[a] for a in aligns) + "|"]
    lines += [row(cells) for cells in rows]
    return "\n".join(lines)


def _source_line(source: object) -> list[str]:
    if source is None:
        return []
    line = inline(source.line(), breaks=False)  # type: ignore[attr-defined]
    link = source.link  # type: ignore[attr-defined]
    return [f"{line} <{link}>" if link else line]


def _chart(block: ChartBlock) -> list[str]:
    """A chart as its headline, subtitle, data table, alt text and source (Markdown has no charts)."""
    parts = [f"**{_cell(block.title)}**"]
    if block.subtitle:
        parts.append(inline(block.subtitle))
    header = [""] + [_cell(s.name) for s in block.series]
    rows = [
        [_cell(cat)] + [escape_plain(format_number(s.values[i], s.number_format)) for s in block.series]
        for i, cat in enumerate(block.categories)
    ]
    parts.append(_aligned_table(header, rows, ["left"] + ["right"] * len(block.series)))
    parts.append(f"*{_cell(block.alt())}*")
    parts += _source_line(block.source)
    parts.extend(_opt_paragraphs(block.chart_notes))
    return parts


def _data_table(block: TableBlock) -> list[str]:
    rows = [[_cell(block.cell_text(r, i)) for i in range(len(block.columns))] for r in block.rows]
    if block.totals is not None:
        rows.append(
            [
                f"**{c}**" if c else c
                for c in (_cell(block.cell_text(block.totals, i)) for i in range(len(block.columns)))
            ]
        )
    header = [_cell(c.title) for c in block.columns]
    parts = [
        f"Table: {inline(block.caption, breaks=False)}",
        _aligned_table(header, rows, [c.alignment() for c in block.columns]),
    ]
    return parts + _source_line(block.source)


def _picture(block: PictureBlock) -> list[str]:
    alt = "" if block.decorative else _cell(block.alt_text)
    path = block.file.replace("\\", "/").replace(" ", "%20").replace(")", "%29")
    caption = " ".join(_cell(x) for x in (block.caption, block.credit) if x)
    parts = [f"![{alt}]({path})"]
    return parts + ([caption] if caption else [])
