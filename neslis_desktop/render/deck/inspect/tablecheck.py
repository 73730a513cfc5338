"""Checking native tables on a written slide: each cell measured as PowerPoint sets it, and the table's real height.

PowerPoint sets each cell like a small text box: the cell's margins inside the width of the
grid columns it spans, a word wider than that broken mid-word; and a row is never shorter
than its tallest cell, so rows grow past their written height and the table with them,
whatever its frame says. Each cell (read by :mod:`.tables`) is measured with the same
measurer as every other shape's text (:func:`.measure.fit`). :class:`TableCheck` reports
cells that break words, text below the body floor, and a table that, grown to its text,
runs past the slide's bottom or over the source line or another shape below it.

Lines are 1.2 times the size, as in text boxes: PowerPoint's figure. LibreOffice sets table
cells tighter (1.0 times the size), so it draws grown rows shorter than PowerPoint does, and
is the milder judge of a table's height.
"""

from __future__ import annotations

from dataclasses import dataclass

from neslis_desktop.render.deck.inspect.checks import BODY_FLOOR, TOLERANCE, SlideCheck, _quote
from neslis_desktop.render.deck.inspect.facts import BodyFacts, CellFacts, ShapeFacts, TableFacts
from neslis_desktop.render.deck.inspect.geometry import intersect
from neslis_desktop.render.deck.inspect.measure import TextFit, fit
from neslis_desktop.render.deck.plan import EMU_PER_PT, Rect


@dataclass
class _Measured:
    """One cell's text measured in its column: the fit, and the height its row needs for it (EMU)."""

    cell: CellFacts
    fit: TextFit
    need: int


class TableCheck:
    """The checks of every native table on one slide, reported through the slide's :class:`.SlideCheck`."""

    def __init__(self, check: SlideCheck) -> None:
        self.check = check

    def run(self) -> None:
        for s in self.check.slide.shapes:
            if s.layer == "slide" and s.table is not None and s.table.cells:
                self.table(s, s.table)

    def measure(self, table: TableFacts, cell: CellFacts) -> _Measured:
        width = sum(table.col_widths[cell.col : cell.col + cell.span])
        left, top, right, bottom = cell.margins
        body = BodyFacts(insets=(left, top, right, bottom))
        # A stand-in text box the cell's size: the same measuring as every other shape's text.
        f = fit(ShapeFacts("cell", 0, "slide", "text", Rect(0, 0, width, 0), paras=cell.paras, body=body))
        return _Measured(cell, f, f.need + top + bottom)

    def where(self, table: TableFacts, cell: CellFacts) -> str:
        """Where a cell is, in words: "row 3, column 'Partner'" (body rows counted under the header)."""
        if table.first_row:
            row = "the header row" if cell.row == 0 else f"row {cell.row}"
            head = next((c for c in table.cells if c.row == 0 and c.col == cell.col), None)
            name = _quote(head.text, 30) if head is not None and head.text else ""
        else:
            row, name = f"row {cell.row + 1}", ""
        return f"{row}, column '{name}'" if name else f"{row}, column {cell.col + 1}"

    def table(self, s: ShapeFacts, table: TableFacts) -> None:
        what = f"the table '{s.name.removeprefix('Table: ')}'"
        measured = [self.measure(table, c) for c in table.cells if c.paras and c.text]
        self.broken_words(s, table, what, measured)
        self.small_text(s, table, what)
        self.height(s, table, what, measured)

    def broken_words(self, s: ShapeFacts, table: TableFacts, what: str, measured: list[_Measured]) -> None:
        """One finding per table: the first cell with a word wider than its column, and how many more columns."""
        broken = [m for m in measured if m.fit.broken_word]
        if not broken:
            return
        first = broken[0]
        others = len({m.cell.col for m in broken} - {first.cell.col})
        more = f" (and in {others} more column{'s' if others > 1 else ''})" if others else ""
        self.check.say(
            s,
            "broken-word",
            f"{what} is too narrow in {self.where(table, first.cell)}{more} for a word of "
            f"'{_quote(first.cell.text)}', which breaks across lines; shorten the cell text "
            "(or abbreviate the word) or give the table fewer columns.",
        )

    def small_text(self, s: ShapeFacts, table: TableFacts, what: str) -> None:
        sized = [(r.size, c) for c in table.cells for p in c.paras for r in p.runs if r.text.strip()]
        if not sized:
            return
        size, cell = min(sized, key=lambda x: x[0])
        if size < BODY_FLOOR - 0.05:
            self.check.say(
                s,
                "small-text",
                f"{what} sets its text at {size:g} pt ({self.where(table, cell)}), below the {BODY_FLOOR:g} pt "
                "floor for body text; shorten the cell text or split the table over more slides.",
            )

    def height(self, s: ShapeFacts, table: TableFacts, what: str, measured: list[_Measured]) -> None:
        """The table with each row grown to its tallest cell, against the slide's bottom and the shapes below."""
        grown = list(table.row_heights)
        tallest: dict[int, _Measured] = {}
        for m in measured:
            if m.cell.row_span == 1 and m.need > grown[m.cell.row]:
                grown[m.cell.row] = m.need
                tallest[m.cell.row] = m
        drawn = Rect(s.rect.x, s.rect.y, sum(table.col_widths) or s.rect.w, sum(grown))
        hit = self.below(s, drawn)
        past = drawn.bottom > self.check.slide.height + TOLERANCE
        if hit is None and not past:
            return
        over = " and ".join(
            ([f"over {hit}"] if hit is not None else []) + (["past the slide's bottom"] if past else [])
        )
        taller = drawn.h - s.rect.h
        grows = (
            f"grows to fit its text to about {taller / EMU_PER_PT:.0f} pt taller than its frame and runs {over}"
            if taller > TOLERANCE
            else f"runs {over}"
        )
        worst = max(tallest.values(), key=lambda m: m.need - table.row_heights[m.cell.row], default=None)
        if worst is not None:
            fix = f"shorten the cell text in {self.where(table, worst.cell)} or split the table"
        else:
            fix = "move it up, give it fewer rows or split the table"
        self.check.say(s, "overflow", f"{what} {grows}; {fix}.")

    def below(self, s: ShapeFacts, drawn: Rect) -> str | None:
        """The first shape under the table's top that the grown table covers, named, or ``None``."""
        for other in self.check.slide.shapes:
            if other is s or other.rect.y < s.rect.y:
                continue
            if other.text:
                if other not in self.check.texts:
                    continue
                box = self.check.ink(other)
            elif other.fill.opaque or other.kind in ("picture", "table", "other"):
                box = other.rect
            else:
                continue
            area = intersect(drawn, box)
            if area is not None and area.w > TOLERANCE and area.h > TOLERANCE:
                if other.text.startswith("Source"):
                    return "the source line"
                return f"'{other.name}'"
        return None
