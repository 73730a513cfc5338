"""Each kind of block as HTML, through a registry, so a new kind needs one function.

A renderer takes the block and a :class:`Context` (the heading level below the current one,
ids for anchors) and returns HTML. Register it with ``@renders("kind")``. A kind with no
renderer is still shown: :func:`_generic` lists every text it holds, so nothing is lost while
its own renderer is being written.

Diagrams become what they mean in prose: the structure as headed lists, the org chart as
lists nested by reporting line, the timeline as a table of months by lanes plus a table of
spans, the process flow as an ordered list.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from html import unescape
from typing import Any

from pydantic import BaseModel

from neslis_desktop.model import (
    Block,
    BulletItem,
    BulletsBlock,
    CardsBlock,
    FlowBlock,
    OrgChartBlock,
    OrgNode,
    ParagraphBlock,
    StructureBlock,
    TargetsBlock,
    TimelineBlock,
    plain_text,
)
from neslis_desktop.model.month import Month
from neslis_desktop.render.html.text import attr, inline, paragraphs


@dataclass
class Context:
    """Where a block is written: the level its inner headings take, and a unique id prefix."""

    level: int
    prefix: str
    counter: list[int] = field(default_factory=lambda: [0])

    def heading(self, text: str, css: str = "") -> str:
        level = min(self.level, 6)
        cls = f' class="{css}"' if css else ""
        return f"<h{level}{cls}>{inline(text)}</h{level}>"

    def new_id(self, what: str) -> str:
        self.counter[0] += 1
        return f"{self.prefix}-{what}-{self.counter[0]}"


Renderer = Callable[[Any, Context], str]
RENDERERS: dict[str, Renderer] = {}
"""Block renderers by ``kind``; :func:`renders` adds one."""


def renders(kind: str) -> Callable[[Renderer], Renderer]:
    """Register the decorated function as the HTML of blocks of ``kind``."""

    def register(fn: Renderer) -> Renderer:
        RENDERERS[kind] = fn
        return fn

    return register


def render_block(block: Block, ctx: Context) -> str:
    """The HTML of ``block``: its registered renderer, else every text it holds."""
    fn = RENDERERS.get(getattr(block, "kind", ""), _generic)
    return fn(block, ctx)


def _join(parts: list[str]) -> str:
    return "\n".join(p for p in parts if p)


def bullet_list(items: list[BulletItem], numbered: bool = False) -> str:
    tag = "ol" if numbered else "ul"
    lines = [f'<{tag} class="list{" list-number" if numbered else " list-bullet"}">']
    for item in items:
        inner = bullet_list(item.items) if item.items else ""
        lines.append(f"<li>{inline(item.text)}{inner}</li>")
    lines.append(f"</{tag}>")
    return "".join(lines)


@renders("paragraph")
def _paragraph(block: ParagraphBlock, ctx: Context) -> str:
    return _join(paragraphs(block.text))


@renders("bullets")
def _bullets(block: BulletsBlock, ctx: Context) -> str:
    return _join([*paragraphs(block.lead, "lead"), bullet_list(block.items, block.numbered)])


@renders("cards")
def _cards(block: CardsBlock, ctx: Context) -> str:
    parts = [f'<p class="lead">{inline(line)}</p>' for line in block.intro]
    if any(c.title and (c.body or c.bullets) for c in block.cards):
        cards = []
        for card in block.cards:
            inner = [ctx.heading(card.title, "card-title") if card.title else "", *paragraphs(card.body)]
            if card.bullets:
                inner.append(bullet_list(card.bullets))
            css = "card" + (" card-highlight" if card.highlight else "") + (" card-wide" if card.wide else "")
            # The highlight is drawn as a heavier box; a screen reader hears it said.
            said = '<span class="visually-hidden">Key point: </span>' if card.highlight else ""
            cards.append(f'<li class="{css}">{said}{_join(inner)}</li>')
        parts.append('<ul class="cards">' + "".join(cards) + "</ul>")
    else:
        items = []
        for card in block.cards:
            text = inline(card.title or card.body or "")
            if card.title and card.body:
                text = f"<strong>{inline(card.title)}</strong> {inline(card.body)}"
            items.append(f"<li>{text}{bullet_list(card.bullets) if card.bullets else ''}</li>")
        parts.append('<ul class="list list-bullet">' + "".join(items) + "</ul>")
    parts += paragraphs(block.footer)
    return _join(parts)


@renders("structure")
def _structure(block: StructureBlock, ctx: Context) -> str:
    columns = []
    for column in block.columns:
        items = "".join(
            f"<li><strong>{inline(i.label)}</strong>{': ' + inline(i.aim) if i.aim else ''}</li>" for i in column.items
        )
        note = f'<p class="secondary">{inline(column.note)}</p>' if column.note else ""
        columns.append(
            f'<div class="column">{ctx.heading(column.title)}{note}<ul class="list list-bullet">{items}</ul></div>'
        )
    return '<div class="columns">' + "".join(columns) + "</div>"


@renders("targets")
def _targets(block: TargetsBlock, ctx: Context) -> str:
    parts = paragraphs(block.goal, "lead")
    if block.label:
        parts.append(f'<p class="label"><strong>{inline(block.label)}</strong></p>')
    items = []
    for target in block.targets:
        figure = f'<span class="figure">{inline(target.figure)}</span> ' if target.figure else ""
        items.append(f"<li>{figure}{inline(target.text)}</li>")
    parts.append('<ol class="targets">' + "".join(items) + "</ol>")
    for line in block.footer:
        parts += paragraphs(line)
    return _join(parts)


@renders("orgchart")
def _orgchart(block: OrgChartBlock, ctx: Context) -> str:
    def node(n: OrgNode) -> str:
        head = f"<strong>{inline(n.title)}</strong>"
        if n.side_label:
            head += f' <span class="secondary">({inline(n.side_label)})</span>'
        inner = [head]
        if n.note:
            inner.append(f'<br><span class="secondary">{inline(n.note)}</span>')
        if n.members_heading:
            inner.append(f"<p>{inline(n.members_heading)}</p>")
        if n.members:
            inner.append(
                '<ul class="list list-bullet">' + "".join(f"<li>{inline(m)}</li>" for m in n.members) + "</ul>"
            )
        children = block.children(n.id)
        if children:
            inner.append('<p class="secondary">Reporting to it:</p>')
            inner.append('<ul class="org">' + "".join(node(c) for c in children) + "</ul>")
        return "<li>" + "".join(inner) + "</li>"

    return '<ul class="org org-top">' + "".join(node(root) for root in block.children(None)) + "</ul>"


def _month(month: Month) -> str:
    return f"{month.name} {month.year}"


def _label(header_html: str) -> str:
    """A header cell's words, for the ``data-label`` shown beside a cell when rows stack."""
    return attr(unescape(re.sub(r"<[^>]+>", "", header_html)))


def data_table(
    caption: str,
    header: list[str],
    rows: list[list[str]],
    ctx: Context,
    *,
    row_headers: bool,
    numeric: list[bool] | None = None,
    totals: list[str] | None = None,
) -> str:
    """A data table (cells already HTML): caption, header row, numbers right-aligned, totals last.

    Each cell carries its column's header as ``data-label``: on a narrow screen the style sheet
    stacks a table of three or more columns into one block per row, each cell with its label,
    so nothing scrolls sideways at 320 px. The table markup (and so what a screen reader hears)
    stays the same. The box around it still scrolls, focusable, if a table cannot fit.
    """
    cap_id = ctx.new_id("table")
    numeric = numeric or [False] * len(header)
    labels = [_label(h) for h in header]

    def css(i: int) -> str:
        return ' class="numeric"' if numeric[i] else ""

    def row_html(row: list[str]) -> str:
        first = f' data-label="{labels[0]}"'
        cells = [
            f'<th scope="row"{css(0)}{first}>{row[0]}</th>' if row_headers else f"<td{css(0)}{first}>{row[0]}</td>"
        ]
        cells += [f'<td{css(i)} data-label="{labels[i]}">{c}</td>' for i, c in enumerate(row[1:], start=1)]
        return "<tr>" + "".join(cells) + "</tr>"

    head = "".join(f'<th scope="col"{css(i)}>{h}</th>' for i, h in enumerate(header))
    body = "".join(row_html(row) for row in rows)
    foot = f'<tfoot class="totals">{row_html(totals)}</tfoot>' if totals else ""
    reflow = " reflow" if len(header) >= 3 else ""
    return (
        f'<div class="table-wrap{reflow}" role="region" aria-labelledby="{cap_id}" tabindex="0">'
        f'<table><caption id="{cap_id}">{caption}</caption><thead><tr>{head}</tr></thead>'
        f"<tbody>{body}</tbody>{foot}</table></div>"
    )


@renders("timeline")
def _timeline(block: TimelineBlock, ctx: Context) -> str:
    lanes = block.lanes
    what = plain_text(block.heading) if block.heading else "Timeline"
    caption = attr(f"{what}: {_month(block.start)} to {_month(block.end)}")
    rows = []
    for month in block.months():
        cells = [_month(month)]
        for lane in lanes:
            hits = [inline(ms.text) for ms in lane.milestones if ms.month == month]
            cells.append("<br>".join(hits))
        if any(cells[1:]) or not lanes:
            rows.append(cells)
    header = ["Month", *(inline(lane.name) for lane in lanes)]
    parts = [data_table(caption, header, rows, ctx, row_headers=True)] if lanes else []
    if block.spans:
        span_rows = [
            [inline(s.text), _month(s.start), _month(s.end), inline(s.lane) if s.lane else "All"] for s in block.spans
        ]
        parts.append(
            data_table(
                attr(f"{what}: work running over several months"),
                ["Work", "From", "To", "Lane"],
                span_rows,
                ctx,
                row_headers=True,
            )
        )
    return _join(parts)


@renders("flow")
def _flow(block: FlowBlock, ctx: Context) -> str:
    steps = []
    for step in block.steps:
        notes = "".join(f"<li>{inline(n)}</li>" for n in step.notes)
        steps.append(
            f"<li><strong>{inline(step.title)}</strong>"
            + (f'<ul class="list list-bullet">{notes}</ul>' if notes else "")
            + "</li>"
        )
    return '<ol class="list list-number flow">' + "".join(steps) + "</ol>"


def _generic(block: Block, ctx: Context) -> str:
    """Every text in a block of a kind without a renderer, in field order."""
    texts: list[str] = []

    def walk(value: Any) -> None:
        if isinstance(value, BaseModel):
            for name in type(value).model_fields:
                if name not in ("kind", "heading", "notes"):
                    walk(getattr(value, name))
        elif isinstance(value, str):
            if value.strip():
                texts.append(value)
        elif isinstance(value, list | tuple):
            for item in value:
                walk(item)

    walk(block)
    if not texts:
        return ""
    return '<ul class="list list-bullet">' + "".join(f"<li>{inline(t)}</li>" for t in texts) + "</ul>"
