"""Geometry of written shapes: overlaps, and where a connector's path really runs.

A connector is stored as a box with flips, a rotation and a preset path (``line``,
``bentConnector3`` ...); its ends and segments follow from those, as PowerPoint draws them.
An elbow that starts horizontally from the bottom of a box and ends horizontally on the top
of another runs along their edges: its vertical drop lands between the boxes, not on them.
"""

from __future__ import annotations

from neslis_desktop.render.deck.inspect.facts import ShapeFacts
from neslis_desktop.render.deck.oxml.ns import NS
from neslis_desktop.render.deck.plan import EMU_PER_PT, Rect

NEAR = 3 * EMU_PER_PT
"""A connector's end within this (3 pt) of a box's edge meets it."""

Point = tuple[float, float]


def intersect(a: Rect, b: Rect) -> Rect | None:
    x, y = max(a.x, b.x), max(a.y, b.y)
    right, bottom = min(a.right, b.right), min(a.bottom, b.bottom)
    if right <= x or bottom <= y:
        return None
    return Rect(x, y, right - x, bottom - y)


def path(s: ShapeFacts) -> list[Point]:
    """The points a connector's line passes through, in slide EMU, start first."""
    el = s.element
    r = s.rect
    xfrm = el.find("p:spPr/a:xfrm", NS) if el is not None else None
    flip_h = xfrm is not None and xfrm.get("flipH") in ("1", "true")
    flip_v = xfrm is not None and xfrm.get("flipV") in ("1", "true")
    rot = int(xfrm.get("rot", "0")) / 60_000 % 360 if xfrm is not None else 0.0
    geom = el.find("p:spPr/a:prstGeom", NS) if el is not None else None
    preset = geom.get("prst", "line") if geom is not None else "line"
    adj = 0.5
    if geom is not None:
        gd = geom.find("a:avLst/a:gd", NS)
        if gd is not None and gd.get("fmla", "").startswith("val "):
            adj = int(gd.get("fmla")[4:]) / 100_000
    w, h = r.w, r.h
    if preset == "bentConnector3":
        local = [(0.0, 0.0), (adj * w, 0.0), (adj * w, h), (w, h)]
    elif preset == "bentConnector2":
        local = [(0.0, 0.0), (w, 0.0), (w, h)]
    else:
        local = [(0.0, 0.0), (w, h)]
    pts = [((w - x) if flip_h else x, (h - y) if flip_v else y) for x, y in local]
    cx, cy = w / 2, h / 2
    turns = round(rot / 90) % 4
    out = []
    for x, y in pts:
        dx, dy = x - cx, y - cy
        for _ in range(turns):  # clockwise quarter turns, y pointing down
            dx, dy = -dy, dx
        out.append((r.x + cx + dx, r.y + cy + dy))
    return out


def _edge(p: Point, box: Rect) -> str | None:
    """Which edge of ``box`` the point ``p`` lies on (``"top"``, ``"left"`` ...), or ``None``."""
    x, y = p
    within_x = box.x - NEAR <= x <= box.right + NEAR
    within_y = box.y - NEAR <= y <= box.bottom + NEAR
    candidates = []
    if within_x:
        candidates += [(abs(y - box.y), "top"), (abs(y - box.bottom), "bottom")]
    if within_y:
        candidates += [(abs(x - box.x), "left"), (abs(x - box.right), "right")]
    near = [c for c in candidates if c[0] <= NEAR]
    return min(near)[1] if near else None


def connector_problem(s: ShapeFacts, boxes: list[ShapeFacts]) -> str | None:
    """What is wrong with where connector ``s`` runs, in words, or ``None``."""
    pts = path(s)
    if len(pts) < 2:
        return None
    for end, p, q in (("start", pts[0], pts[1]), ("end", pts[-1], pts[-2])):
        hits = [(b, e) for b in boxes if (e := _edge(p, b.rect)) is not None]
        if not hits:
            return f"has its {end} in empty space, meeting no box; redraw it to join the boxes"
        b, e = hits[0]
        vertical = abs(p[0] - q[0]) < EMU_PER_PT
        horizontal = abs(p[1] - q[1]) < EMU_PER_PT
        if e in ("top", "bottom") and not vertical and horizontal:
            return f"runs along the {e} edge of '{b.name}' instead of dropping onto it; draw the elbow vertical first"
        if e in ("left", "right") and not horizontal and vertical:
            return f"runs along the {e} edge of '{b.name}' instead of meeting it; draw the elbow horizontal first"
    return None
