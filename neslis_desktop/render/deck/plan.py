"""The slide plan: every box, text and style of a slide, computed before anything is drawn.

The planner (content + template geometry -> plan) and the pptx writer (plan -> slides) are
separate so that the desktop app's preview can draw exactly what the deck will hold, with
QPainter, without building a ``.pptx``. Plans are plain data: no python-pptx objects, no Qt.

Geometry is in EMU (914,400 to the inch, 12,700 to the point) from the slide's top-left.
Colours are theme colour names (``"accent1"``, ``"tx1"``, ``"bg1"`` ...) so the template's theme
decides the actual colour; :func:`neslis_desktop.render.deck.oxml.theme.palette` resolves them for
a preview.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from neslis_desktop.model.inline import Run

EMU_PER_PT = 12_700
EMU_PER_INCH = 914_400
BULLET_MARGIN = EMU_PER_INCH // 4
"""Left margin (EMU) of a bullet or numbered paragraph at level 0; the marker hangs in it."""
LEVEL_INDENT = EMU_PER_INCH // 2
"""Extra left margin (EMU) per list level. Writers use marL = level * LEVEL_INDENT +
:func:`marker_margin` and indent = -marker_margin: the planner measured so."""


def marker_margin(bullet: str, size_pt: float) -> int:
    """Room (EMU) a bullet or number hangs in at ``size_pt``; 0 without a marker.

    A bullet needs at least 1.1 em; a number such as "10." about 1.8 em, or its text touches
    the number.
    """
    if bullet == "none":
        return 0
    ems = 1.8 if bullet == "number" else 1.1
    return max(BULLET_MARGIN, int(size_pt * ems * EMU_PER_PT))


ThemeColour = Literal["tx1", "tx2", "bg1", "bg2", "accent1", "accent2", "accent3", "accent4", "accent5", "accent6"]
LayoutRole = Literal["title", "section", "content", "title_only", "blank", "picture"]
"""Which kind of template layout a slide asks for; the template module finds a match
("picture" only when the template has a layout with a picture placeholder)."""
ShapeKind = Literal["rect", "rounded", "chevron", "pentagon", "arrow_right", "ellipse", "line", "elbow", "text"]


@dataclass(frozen=True)
class Rect:
    """A box in EMU."""

    x: int
    y: int
    w: int
    h: int

    @property
    def right(self) -> int:
        return self.x + self.w

    @property
    def bottom(self) -> int:
        return self.y + self.h


@dataclass
class Para:
    """A paragraph: runs with emphasis, a list level (0 = top) and a bullet or number."""

    runs: list[Run]
    level: int = 0
    bullet: Literal["none", "bullet", "number"] = "none"

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


@dataclass
class TextStyle:
    """How a text box's text looks; ``size_pt`` is after any shrinking to fit."""

    size_pt: float
    colour: ThemeColour = "tx1"
    bold: bool = False
    align: Literal["left", "center", "right"] = "left"
    anchor: Literal["top", "middle", "bottom"] = "top"
    font: Literal["major", "minor"] = "minor"
    space_before_pt: float = 0.0
    """Space before every paragraph but the first (the planner measured with it)."""


@dataclass
class TextFrame:
    """Text inside a shape or placeholder."""

    paras: list[Para]
    style: TextStyle
    inset: int = 91_440  # 0.1 inch, python-pptx's and PowerPoint's default


@dataclass
class Shape:
    """A drawn element: a box (with optional text), a line, or a connector between boxes."""

    kind: ShapeKind
    box: Rect
    name: str
    fill: ThemeColour | None = None
    line: ThemeColour | None = None
    line_pt: float = 0.0
    text: TextFrame | None = None
    # For connectors ("line", "elbow"): box.x/y is the start, box.right/bottom the end.
    alt_text: str | None = None
    adjust: float | None = None
    """First shape adjustment (python-pptx ``shape.adjustments[0]``) when set: for
    "chevron"/"pentagon" the point depth as a fraction of the height (0.25 = a shallow point)."""


@dataclass
class SlidePlan:
    """One slide: which layout, its title, body placeholder text or drawn shapes, and notes."""

    layout: LayoutRole
    title: str
    subtitle: str | None = None
    body: list[Para] | None = None
    """Text for the layout's body placeholder (text slides), ``None`` when shapes are drawn."""
    body_style: TextStyle | None = None
    shapes: list[Shape] = field(default_factory=list)
    notes: str | None = None
    section_id: str | None = None
    adjustments: list[str] = field(default_factory=list)
    """What was changed to fit (shrunk, re-flowed, continued), for the build report."""
    title_style: TextStyle | None = None
    """The title's size after fitting it to the title box (``None``: the layout's own)."""
    subtitle_style: TextStyle | None = None
    """The subtitle's size after fitting (title and section layouts), or ``None``."""
    block: int | None = None
    """Index in its section of the (first) block this slide shows, so a slide problem can select it."""
    layout_part: str | None = None
    """The part name of the template layout to draw on, when not the one chosen for ``layout``:
    a section re-planned onto another layout of the template (see :mod:`.replan`)."""


@dataclass(frozen=True)
class Frame:
    """The geometry a template gives a slide: its size, title area and body area (EMU)."""

    slide_w: int
    slide_h: int
    title: Rect
    body: Rect
    caption: Rect | None = None
    """The caption's box, in a picture layout (see :mod:`.picture_layout`) that has one."""


@dataclass(frozen=True)
class ThemeFonts:
    """The template theme's fonts: ``major`` for titles and headings, ``minor`` for body text."""

    major: str = "Calibri Light"
    minor: str = "Calibri"
