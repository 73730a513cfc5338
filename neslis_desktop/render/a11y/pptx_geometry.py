"""Where shapes sit on a slide, and which of two reads first by position.

Positions come from a shape's own ``xfrm`` (turned boxes swapped round their centre); the
rules fall back to the layout's or master's placeholder for shapes that inherit theirs.
"""

from __future__ import annotations

from collections.abc import Callable
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


Transform = Callable[[Box], Box]


def _group_transform(group: Element, outer: Transform) -> Transform:
    """How a group maps its children's boxes (in its child space) onto the slide."""
    xfrm = group.find(f"{P}grpSpPr/{A}xfrm")
    if xfrm is None:
        return outer
    parts = [xfrm.find(f"{A}{t}") for t in ("off", "ext", "chOff", "chExt")]
    if any(p is None for p in parts):
        return outer
    off, ext, ch_off, ch_ext = parts
    try:
        ox, oy, cx, cy = (
            int(off.get("x", "0")),
            int(off.get("y", "0")),
            int(ext.get("cx", "0")),
            int(ext.get("cy", "0")),
        )
        kx, ky = int(ch_off.get("x", "0")), int(ch_off.get("y", "0"))
        kw, kh = int(ch_ext.get("cx", "0")) or 1, int(ch_ext.get("cy", "0")) or 1
    except ValueError:
        return outer

    def inner(box: Box) -> Box:
        sx, sy = cx / kw, cy / kh
        return outer(
            Box(
                int(ox + (box.left - kx) * sx), int(oy + (box.top - ky) * sy), int(box.width * sx), int(box.height * sy)
            )
        )

    return inner


def flatten(shapes: list[Element], box_of: Callable[[Element], Box | None]) -> list[tuple[Element, Box | None]]:
    """``shapes`` in drawing order with groups opened up, each with its box on the slide."""
    out: list[tuple[Element, Box | None]] = []

    def walk(elements: list[Element], transform: Transform | None) -> None:
        for el in elements:
            if el.tag == P + "grpSp":
                outer: Transform = transform or (lambda b: b)
                walk([c for c in el.iterchildren() if c.tag in SHAPE_TAGS], _group_transform(el, outer))
                continue
            if transform is None:
                out.append((el, box_of(el)))
            else:
                box = own_box(el)
                out.append((el, transform(box) if box is not None else None))

    walk(shapes, None)
    return out


SHAPE_TAGS = {P + t for t in ("sp", "pic", "graphicFrame", "grpSp", "cxnSp", "contentPart")}
"""The elements of a shape tree that draw something."""
