"""What a written slide really shows, as plain data: boxes, resolved text, fills, backgrounds.

The inspector judges the slide PowerPoint will draw, not the plan that made it. These classes
hold what :mod:`.read` found in the file once every property was resolved (:mod:`.inherit`):
each shape's true box, its paragraphs with the size, font and colour they will really have,
its insets and autofit, its fill, and the slide's background.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from neslis_desktop.render.deck.inspect.colour import RGB
from neslis_desktop.render.deck.oxml.placeholders import MASTER_TYPE
from neslis_desktop.render.deck.plan import Rect

_TITLES = ("title", "ctrTitle")
_MASTER_TYPE = MASTER_TYPE  # the writer's table: one rule for both
FOOTERS = ("dt", "ftr", "sldNum", "hdr")


@dataclass
class RunFacts:
    """One run as shown: its text, size, weight and family, and colour (``None``: unknown)."""

    text: str
    size: float
    bold: bool
    italic: bool
    family: str
    colour: RGB | None


@dataclass
class ParaFacts:
    """One paragraph: runs and the spacing and margins it is set with (EMU and points)."""

    runs: list[RunFacts]
    level: int = 0
    margin: int = 0
    space_before: float = 0.0
    space_after: float = 0.0
    line: float = 1.0
    """Line spacing as a multiple of single spacing, or, when negative, minus fixed points."""

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)

    @property
    def size(self) -> float:
        return max((r.size for r in self.runs if r.text.strip()), default=self.runs[0].size if self.runs else 18.0)


@dataclass
class BodyFacts:
    """The text frame's insets (EMU), wrapping, anchor and autofit."""

    insets: tuple[int, int, int, int] = (91_440, 45_720, 91_440, 45_720)
    wrap: bool = True
    anchor: str = "t"
    autofit: str = "none"  # "none", "norm" (shrink on overflow), "shape" (box grows)
    font_scale: float = 1.0
    line_reduction: float = 0.0


@dataclass
class Fill:
    """A fill: solid colours (one, or a gradient's stops), ``picture``, or none."""

    colours: list[RGB] = field(default_factory=list)
    picture: bool = False
    alpha: float = 1.0
    """How opaque a solid fill is (``a:alpha``): below 1, what lies under it shows through."""

    @property
    def opaque(self) -> bool:
        return bool(self.colours) or self.picture


@dataclass
class CellFacts:
    """One cell of a native table as shown: its place in the grid, its text and margins (EMU)."""

    row: int
    col: int
    paras: list[ParaFacts]
    margins: tuple[int, int, int, int] = (91_440, 45_720, 91_440, 45_720)
    """Left, top, right, bottom (``marL``, ``marT``, ``marR``, ``marB``), as a text box's insets."""
    span: int = 1
    """Grid columns the cell covers (``gridSpan``)."""
    row_span: int = 1

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paras).strip()


@dataclass
class TableFacts:
    """A native table (``a:tbl``): its grid as written and the cells that show (merged ones left out)."""

    col_widths: list[int]
    row_heights: list[int]
    cells: list[CellFacts]
    first_row: bool = False
    """The first row is the header (``firstRow``): the table style sets it apart, bold."""


@dataclass
class ShapeFacts:
    """One shape as shown on the slide, in drawing order (``layer``: master, layout or slide)."""

    name: str
    shape_id: int
    layer: str
    kind: str  # "placeholder", "text", "shape", "connector", "picture", "other"
    rect: Rect
    ph_type: str | None = None
    fill: Fill = field(default_factory=Fill)
    paras: list[ParaFacts] = field(default_factory=list)
    body: BodyFacts = field(default_factory=BodyFacts)
    element: etree._Element | None = None
    table: TableFacts | None = None
    """The native table a graphic frame holds (``kind`` is then ``"table"``)."""

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paras).strip()

    @property
    def is_footer(self) -> bool:
        return self.ph_type in FOOTERS


@dataclass
class SlideFacts:
    """A slide: its number, title, size, background and every shape it shows."""

    number: int
    title: str
    width: int
    height: int
    background: Fill
    shapes: list[ShapeFacts]
    layout_name: str
    notes: str = ""
    key: tuple[bytes, bytes] | None = field(default=None, repr=False, compare=False)
    """Digests of the slide's XML and of what it inherits, as read (:mod:`...slide_memo`): the
    shapes and background follow from these; the inspector's findings from these with the
    slide's number, size and notes."""
    fits: dict[int, Any] = field(default_factory=dict, repr=False, compare=False)
    """Measured text by ``id`` of a shape (:class:`~.measure.TextFit`), filled by the checks: the
    repairs and the inspection measure the same shapes, so each is measured once per reading."""
