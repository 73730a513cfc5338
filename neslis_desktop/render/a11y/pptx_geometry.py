"""Where shapes sit on a slide, and which of two reads first by position.

Positions come from a shape's own ``xfrm`` (turned boxes swapped round their centre); the
rules fall back to the layout's or master's placeholder for shapes that inherit theirs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from neslis_desktop.render.a11y.pptx_style import A, P

Element = Any
_TOLERANCE = 91440  # a tenth of an inch, in EMU: shapes this close count as level


@dataclass
class Box:
    """A shape's place on the slide, in EMU."""

    left: int
    top: int
    width: int
    height: int

    @property
    def right(self) -> int:
        return self.left + self.width

    @property
    def bottom(self) -> int:
        return self.top + self.height

    def contains(self, x: float, y: float) -> bool:
        return self.left <= x <= self.right and self.top <= y <= self.bottom


def own_box(shape_el: Element) -> Box | None:
    """Where ``shape_el`` says it is, or ``None`` when it does not say (it inherits its place)."""
    xfrm = next((el for el in shape_el.iterchildren() if el.tag in _PR_TAGS), None)
    xfrm = xfrm.find(f"{A}xfrm") if xfrm is not None and xfrm.tag != P + "xfrm" else xfrm
    if xfrm is None:
        return None
    off, ext = xfrm.find(f"{A}off"), xfrm.find(f"{A}ext")
    if off is None or ext is None:
        return None
    try:
        box = Box(int(off.get("x", "0")), int(off.get("y", "0")), int(ext.get("cx", "0")), int(ext.get("cy", "0")))
        turn = int(xfrm.get("rot", "0")) / 60000 % 180
    except ValueError:
        return None
    if 45 < turn < 135:  # turned on its side: the box it covers is the other way round
        cx, cy = box.left + box.width / 2, box.top + box.height / 2
        box = Box(int(cx - box.height / 2), int(cy - box.width / 2), box.height, box.width)
    return box


_PR_TAGS = {P + "spPr", P + "grpSpPr", P + "xfrm"}


def precedes(b: Box, a: Box) -> bool:
    """Whether ``b`` reads before ``a`` on the slide: wholly above it in the same column, or
    wholly left of it in the same row."""
    overlap_x = min(a.right, b.right) - max(a.left, b.left)
    overlap_y = min(a.bottom, b.bottom) - max(a.top, b.top)
    if b.bottom <= a.top + _TOLERANCE and overlap_x > _TOLERANCE:
        return True
    same_row = overlap_y > 0.5 * min(a.height, b.height)
    return same_row and b.right <= a.left + _TOLERANCE
