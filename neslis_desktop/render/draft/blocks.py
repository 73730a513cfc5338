"""Each kind of block written the way a document shows it.

Slides lay content out in space; a document reads top to bottom. So card grids become
run-in headed paragraphs (the join read from the title, see ``runin``), a table of figures
(when every card is a figure), or a bullet list when the cards are one-liners; the structure
diagram and the targets become tables, the org chart becomes sentences ("X reports to Y")
plus a membership table, the timeline a table of months by lanes, the process flow numbered
steps. Questions are not written here: the document gathers them at its end. Every
paragraph inside a table is in the Table Text style (left aligned, no indents), whatever
the template does to its body text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from neslis_desktop.model import (
    BulletItem,
    BulletsBlock,
    CardsBlock,
    FlowBlock,
    Month,
    OrgChartBlock,
    ParagraphBlock,
    Run,
    StructureBlock,
    TargetsBlock,
    TimelineBlock,
    plain_text,
    runs,
)
from neslis_desktop.render.draft.columns import MIN_COLUMN, fit_widths, table_font
from neslis_desktop.render.draft.evidence import write_evidence
from neslis_desktop.render.draft.ooxml import Element, Table, add_runs, paragraph, table
from neslis_desktop.render.draft.runin import figure_grid, joiner
from neslis_desktop.render.draft.styles import TABLE_STYLE, TABLE_TEXT, StyleSheet
from neslis_desktop.render.draft.typography import span

if TYPE_CHECKING:
    from neslis_desktop.render.changes import ChangeTable

NORMAL = "Normal"
CELL = TABLE_TEXT
"""Paragraphs in table cells: a body style with a first-line indent or justification breaks
words in narrow columns ("Foundatio ns")."""
LEAD = "List Lead"
"""A line introducing a list or table ('It will:'): kept on the page of what it introduces."""
BULLETS = ("List Bullet", "List Bullet 2", "List Bullet 3")
NUMBERS = ("List Number", "List Number 2", "List Number 3")
SHORT_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def short_month(month: Month) -> str:
    """'Aug 2019'."""
    return f"{SHORT_MONTHS[month.month - 1]} {month.year}"


def long_month(month: Month) -> str:
    """'August 2019'."""
    return f"{month.name} {month.year}"


class BlockWriter:
    """Turns blocks into paragraphs and tables in the template's styles."""

    def __init__(self, styles: StyleSheet, width: int) -> None:
        self.styles = styles
        self.width = width
        self.font = table_font(styles, CELL, TABLE_STYLE)
        """The font and size the template gives table text: columns are widened to keep words whole."""

    # -- primitives --------------------------------------------------------------------------

    def para(self, text: str | None, style: str = NORMAL, num: tuple[int, int] | None = None) -> Element:
        """One paragraph of ``text`` in the named ``style``."""
        return paragraph(self.styles.id(style), text, num=num)

    def paras(self, text: str, style: str = NORMAL) -> list[Element]:
        """Paragraphs of ``text``: blank lines separate them, single line breaks stay breaks."""
        chunks = [c.strip("\n") for c in text.replace("\r\n", "\n").split("\n\n")]
        return [self.para(c, style) for c in chunks if c.strip()]

    def cell(self, text: str | None) -> Element:
        """One paragraph of a table cell, in the Table Text style."""
        return self.para(text, CELL)

    def headed(self, title: str | None, body: str | None, style: str = NORMAL) -> Element:
        """A paragraph led by ``title`` in the Strong character style, then ``body``.

        The join is read from the two (:func:`runin.joiner`): a sentence keeps its full stop,
        a label or figure takes a colon, or an en dash when the body carries on from it.
        """
        p = paragraph(self.styles.id(style))
        if title:
            add_runs(p, runs(title), self.styles.id("Strong"))
            if body:
                add_runs(p, [Run(joiner(title, body))])
        if body:
            add_runs(p, runs(body))
        return p

    def items(
        self, items: Sequence[BulletItem], numbered: bool = False, depth: int = 0, num_id: int | None = None
    ) -> list[Element]:
        """A (nested) list: List Bullet/List Number at the top, the 2 and 3 styles below."""
        names = NUMBERS if numbered else BULLETS
        if numbered and depth == 0 and num_id is None:
            num_id = self.styles.restart_list(NUMBERS[0]) or None
        out: list[Element] = []
        style = names[min(depth, 2)]
        num = None
        if num_id and (depth == 0 or self.styles.same_list(names[0], style)):
            level = self.styles.list_level(style)
            num = (num_id, level if level is not None else depth)
        for item in items:
            out.append(self.para(item.text, style, num))
            if item.items:
                out += self.items(item.items, numbered, depth + 1, num_id)
        return out

    def numbered(self, texts: Sequence[str], num_id: int | None) -> list[Element]:
        """List Number paragraphs in the list instance ``num_id`` (a restarted list)."""
        num = (num_id, 0) if num_id else None
        return [self.para(t, NUMBERS[0], num) for t in texts]

    def table(
        self,
        widths: Sequence[int],
        header: Sequence[Sequence[Element]],
        rows: Sequence[Sequence[Sequence[Element]]],
        caption: str,
    ) -> Element:
        """A full-width table in the Draft Table style; ``widths`` are shares scaled to the page."""
        total = sum(widths)
        scaled = fit_widths([max(MIN_COLUMN, w * self.width // total) for w in widths], header, rows, self.font)
        return table(
            Table(scaled, header, rows, plain_text(caption)), self.styles.id(TABLE_STYLE), self.styles.id(CELL)
        )

    # -- blocks ------------------------------------------------------------------------------

    def write(self, block: object, context: str) -> list[Element]:
        """The document form of ``block``; ``context`` names it for table captions."""
        evidence = write_evidence(self, block, context)
        if evidence is not None:
            return evidence
        writer: Callable[[object, str], list[Element]] | None = getattr(self, f"_{type(block).__name__}", None)
        return writer(block, context) if writer is not None else []

    def _ParagraphBlock(self, block: ParagraphBlock, context: str) -> list[Element]:
        return self.paras(block.text)

    def _BulletsBlock(self, block: BulletsBlock, context: str) -> list[Element]:
        out = self.paras(block.lead, LEAD) if block.lead else []
        return out + self.items(block.items, block.numbered)

    def _CardsBlock(self, block: CardsBlock, context: str) -> list[Element]:
        out = [p for line in block.intro for p in self.paras(line, LEAD)]
        if figure_grid(block.cards):
            rows = [[[self.headed(c.title, None, CELL)], [self.cell(c.body)]] for c in block.cards]
            out.append(
                self.table([1, 3], [[self.cell("Figure")], [self.cell("Detail")]], rows, block.heading or context)
            )
            return out + (self.paras(block.footer) if block.footer else [])
        headed = any(c.title and (c.body or c.bullets) for c in block.cards)
        for card in block.cards:
            if headed:
                out.append(self.headed(card.title, card.body))
                out += self.items(card.bullets)
            else:
                out.append(self.para(card.title or card.body, BULLETS[0]))
                out += self.items(card.bullets, depth=1)
        if block.footer:
            out += self.paras(block.footer)
        return out

    def _StructureBlock(self, block: StructureBlock, context: str) -> list[Element]:
        header, body = [], []
        for column in block.columns:
            cell = [self.cell(column.title)]
            if column.note:
                cell.append(self.cell(column.note))
            header.append(cell)
            items: list[Element] = []
            for item in column.items:
                items.append(self.headed(item.label, None, CELL))
                if item.aim:
                    items.append(self.cell(item.aim))
            body.append(items)
        return [self.table([1] * len(block.columns), header, [body], block.heading or context)]

    def _TargetsBlock(self, block: TargetsBlock, context: str) -> list[Element]:
        out = self.paras(block.goal, LEAD) if block.goal else []
        if block.label:
            out.append(self.para(block.label, "Caption"))
        rows = []
        for n, target in enumerate(block.targets, 1):
            shown = plain_text(target.text)
            text = target.text
            if target.figure and plain_text(target.figure) not in shown:
                text = f"**{target.figure}** {text}"
            rows.append([[self.cell(str(n))], [self.cell(text)]])
        out.append(
            self.table(
                [1, 9], [[self.cell("No.")], [self.cell("Target")]], rows, block.label or block.heading or context
            )
        )
        for line in block.footer:
            out += self.paras(line)
        return out

    def _OrgChartBlock(self, block: OrgChartBlock, context: str) -> list[Element]:
        by_id = {n.id: n for n in block.nodes}
        out: list[Element] = []
        for node in block.nodes:
            if node.parent is None:
                continue
            p = paragraph(self.styles.id(BULLETS[0]))
            add_runs(p, [*runs(node.title), Run(" reports to "), *runs(by_id[node.parent].title), Run(".")])
            out.append(p)
        roles = any(n.side_label for n in block.nodes)
        header = [[self.cell("Body")], *([[self.cell("Role")]] if roles else []), [self.cell("Members")]]
        rows = []
        for node in block.nodes:
            name = [self.cell(node.title)] + ([self.cell(node.note)] if node.note else [])
            members = [self.cell(node.members_heading)] if node.members_heading else []
            members += [self.para(m, BULLETS[0]) for m in node.members]
            role = [[self.cell(node.side_label)] if node.side_label else []] if roles else []
            rows.append([name, *role, members])
        widths = [4, 2, 4] if roles else [5, 5]
        out.append(self.table(widths, header, rows, block.heading or context))
        return out

    def _TimelineBlock(self, block: TimelineBlock, context: str) -> list[Element]:
        lanes = [lane.name for lane in block.lanes]
        cells: dict[tuple[Month, str], list[Element]] = {}
        for lane in block.lanes:
            for ms in lane.milestones:
                cells.setdefault((ms.month, lane.name), []).append(self.cell(ms.text))
        loose = []
        for item in block.spans:
            text = f"{span(short_month(item.start), short_month(item.end))}: {item.text}"
            if item.lane is None:
                loose.append(text)
            else:
                cells.setdefault((item.start, item.lane), []).append(self.cell(text))
        out: list[Element] = [self.para(t, BULLETS[0]) for t in loose]
        months = sorted({m for m, _ in cells})
        if lanes and months:
            # Short month names: "September" alone is wider than a narrow first column in some fonts.
            rows = [[[self.cell(short_month(m))], *[cells.get((m, lane), []) for lane in lanes]] for m in months]
            header = [[self.cell("Month")], *[[self.cell(lane)] for lane in lanes]]
            caption = f"{block.heading or context}: {long_month(block.start)} to {long_month(block.end)}"
            out.append(self.table([2] + [3] * len(lanes), header, rows, caption))
        return out

    def _FlowBlock(self, block: FlowBlock, context: str) -> list[Element]:
        num_id = self.styles.restart_list(NUMBERS[0]) or None
        out: list[Element] = []
        for step in block.steps:
            out += self.numbered([step.title], num_id)
            out += [self.para(note, BULLETS[1]) for note in step.notes]
        return out

    def _ChangeTable(self, block: ChangeTable, context: str) -> list[Element]:
        """The generated "Changes since" table (render/changes.py): a row per changed section."""
        header = [[self.para("Section")], [self.para("What changed")]]
        rows = [[[self.para(title)], [self.para(line, BULLETS[0]) for line in lines]] for title, lines in block.rows]
        return [self.table([3, 7], header, rows, block.caption)]
