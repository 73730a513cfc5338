"""The org chart: boxes top-down from the reporting tree, with connectors and side labels.

Every subtree gets a share of the width in proportion to its leaves; a box sits centred over
its share, its side label (such as "Decision making") to its right. Levels are as tall as
their tallest box; the height left over goes between levels. Connectors run from a parent's
bottom centre to a child's top centre: straight when aligned, elbowed otherwise.
"""

from __future__ import annotations

from neslis_desktop.model.blocks import OrgChartBlock, OrgNode
from neslis_desktop.model.inline import Run
from neslis_desktop.render.deck.layouts import (
    BODY_FLOOR,
    GAP,
    MAX_CONTINUATIONS,
    Ctx,
    Page,
    box_shape,
    inch,
    need,
    para,
    sizes,
    style,
)
from neslis_desktop.render.deck.plan import Para, Rect, Shape, ShapeKind, TextStyle

START = 18.0
MIN_LEVEL_GAP = inch(0.3)
MAX_BOX_W = inch(5.0)
WIDE_BOX_W = inch(8.0)
SMALL_LEVEL_GAP = inch(0.15)
LABEL_W = inch(1.7)
LABEL_INSET = inch(0.05)


def node_paras(node: OrgNode, inline: bool = False, label_inside: bool = False) -> list[Para]:
    """The box's text; ``inline`` runs the members together in one paragraph to save height;
    ``label_inside`` puts the side label above the title where there is no room beside the box."""
    out = []
    if label_inside and node.side_label:
        out += [Para([Run(r.text, True, True) for r in p.runs], p.level, p.bullet) for p in para(node.side_label)]
    out += para(node.title, bold=True)
    if node.note:
        out += [Para([Run(r.text, r.bold, True) for r in p.runs], p.level, p.bullet) for p in para(node.note)]
    if inline and node.members:
        lead = f"{node.members_heading} " if node.members_heading else ""
        out += para(lead + " · ".join(node.members))
        return out
    if node.members_heading:
        out += para(node.members_heading)
    for member in node.members:
        out += para(member, bullet="bullet")
    return out


def node_style(size: float, top: bool) -> TextStyle:
    return style(size, "bg1" if top else "tx1", align="left", anchor="middle", space=2.0)


def _leaves(block: OrgChartBlock, node_id: str | None) -> int:
    kids = block.children(node_id)
    return max(1, sum(_leaves(block, k.id) for k in kids)) if kids else 1


def _spans(block: OrgChartBlock, area: Rect) -> tuple[dict[str, tuple[int, int]], dict[str, int]]:
    """Horizontal share (x, w) and depth of every node."""
    spans: dict[str, tuple[int, int]] = {}
    depth: dict[str, int] = {}

    def place(parent: str | None, x: int, w: int, d: int) -> None:
        kids = block.children(parent)
        total = sum(_leaves(block, k.id) for k in kids) or 1
        cx = x
        for k in kids:
            kw = w * _leaves(block, k.id) // total
            spans[k.id] = (cx, kw)
            depth[k.id] = d
            place(k.id, cx, kw, d + 1)
            cx += kw

    place(None, area.x, area.w, 0)
    return spans, depth


def _boxes(
    block: OrgChartBlock, spans: dict[str, tuple[int, int]], m_label: dict[str, int], wide: bool = False
) -> dict[str, tuple[int, int, int | None, int]]:
    """Per node: box x, box width, label x (or None) and label width, all inside its share."""
    out: dict[str, tuple[int, int, int | None, int]] = {}
    for node in block.nodes:
        sx, sw = spans[node.id]
        lw = m_label.get(node.id, 0)
        if wide:  # as wide as the share allows, leaving room for side labels (same for all)
            widest = max(m_label.values(), default=0)
            bw = min(WIDE_BOX_W, sw - GAP - (2 * (widest + GAP) if widest else 0))
            bw = max(bw, min(MAX_BOX_W, sw - GAP))
        else:
            bw = min(MAX_BOX_W, sw * 2 // 5 if sw > 3 * MAX_BOX_W // 2 else sw - GAP)
        bx = sx + (sw - bw) // 2
        lx: int | None = None
        if lw:
            if sx + sw - (bx + bw) - GAP >= lw:
                lx = bx + bw + GAP
            else:
                # Not enough room on the right: the box moves left and narrows, so that the
                # label keeps the width its words need (a box no narrower than an inch).
                bw = max(min(bw, sw - lw - 2 * GAP), min(inch(1.0), sw // 2))
                bx = sx + GAP // 2
                lx = bx + bw + GAP
                if sx + sw - GAP // 2 - lx < lw:
                    lx, bw, bx = None, sw - GAP, sx + GAP // 2  # no room beside: inside the box
                else:
                    lw = sx + sw - GAP // 2 - lx
        out[node.id] = (bx, bw, lx, lw)
    return out


def layout_orgchart(block: OrgChartBlock, area: Rect, ctx: Ctx) -> list[Page]:
    """The chart inside ``area``: one page, or the top levels on one page and each subtree
    below them on a page of its own (its top box repeated, so every page reads on its own)."""
    page, fits = _layout_page(block, area, ctx)
    if fits:
        return [page]
    depth = _spans(block, area)[1]
    for cut in range(max(depth.values()) - 1, -1, -1):
        kept = [n for n in block.nodes if depth[n.id] <= cut]
        roots = [n for n in kept if depth[n.id] == cut and block.children(n.id)]
        continued = {n.id for n in roots}
        top = [_marked(n) if n.id in continued else n for n in kept]
        top_page, top_fits = _layout_page(block.model_copy(update={"nodes": top}), area, ctx)
        if not top_fits:
            continue
        pages = [top_page]
        for root in roots:
            subtree = _subtree(block, root)
            if len(subtree.nodes) == len(block.nodes):
                break  # the whole chart again: splitting cannot help
            pages += layout_orgchart(subtree, area, ctx)
        else:
            top_page.adjustments.append(
                ctx.say(f"org chart of {len(block.nodes)} boxes spread over {len(pages)} slides")
            )
            return pages[: MAX_CONTINUATIONS + 1]
    return _by_siblings(block, area, ctx) or [page]


def _by_siblings(block: OrgChartBlock, area: Rect, ctx: Ctx) -> list[Page] | None:
    """A chart too wide for one slide: its top box over each share of its children, slide by slide.

    Eight boards under one panel will not sit side by side at a readable size; four and four
    (the panel repeated on each slide) do. Shares are as even as the count allows; ``None``
    when no share fits.
    """
    roots = [n for n in block.nodes if n.parent is None]
    if len(roots) != 1:
        return None
    root = roots[0]
    kids = block.children(root.id)
    for parts in range(2, min(len(kids), MAX_CONTINUATIONS) + 1):
        size = -(-len(kids) // parts)
        shares = [kids[i : i + size] for i in range(0, len(kids), size)]
        pages: list[Page] = []
        for share in shares:
            ids = {root.id} | {n.id for k in share for n in _subtree(block, k).nodes}
            part = block.model_copy(update={"nodes": [n for n in block.nodes if n.id in ids]})
            page, fits = _layout_page(part, area, ctx)
            if not fits:
                break
            pages.append(page)
        else:
            pages[0].adjustments.append(
                ctx.say(f"org chart of {len(block.nodes)} boxes spread over {len(pages)} slides")
            )
            return pages
    return None


def _marked(node: OrgNode) -> OrgNode:
    """``node`` with a note saying its boxes below continue on a later slide."""
    note = f"{node.note} (continued on a later slide)" if node.note else "(continued on a later slide)"
    return node.model_copy(update={"note": note})


def _subtree(block: OrgChartBlock, root: OrgNode) -> OrgChartBlock:
    """The chart of ``root`` and everything below it, ``root`` at the top."""
    ids = {root.id}
    changed = True
    while changed:
        changed = False
        for node in block.nodes:
            if node.parent in ids and node.id not in ids:
                ids.add(node.id)
                changed = True
    nodes = [root.model_copy(update={"parent": None}) if n.id == root.id else n for n in block.nodes if n.id in ids]
    return block.model_copy(update={"nodes": nodes, "heading": None})


def _layout_page(block: OrgChartBlock, area: Rect, ctx: Ctx) -> tuple[Page, bool]:
    """One page: the chart inside ``area``, and whether its text fits."""
    m = ctx.m
    spans, depth = _spans(block, area)
    levels = max(depth.values()) + 1
    label_st = style(14.0, "tx2", bold=True, anchor="middle")
    labels: dict[str, int] = {}
    for node in block.nodes:
        if node.side_label:
            w = int(m.width_pt(node.side_label, 14.0, bold=True) * 12_700) + 2 * LABEL_INSET + 12_700 * 2
            labels[node.id] = min(w, LABEL_W)
    # Ways to make the chart fit, gentlest first: wider boxes, then members run together
    # on one line, then closer levels. Within each group the largest text wins.
    narrow, wide = _boxes(block, spans, labels), _boxes(block, spans, labels, wide=True)
    groups = [
        [(narrow, False, MIN_LEVEL_GAP), (wide, False, MIN_LEVEL_GAP)],
        [(wide, True, MIN_LEVEL_GAP), (wide, False, SMALL_LEVEL_GAP), (wide, True, SMALL_LEVEL_GAP)],
    ]
    chosen: tuple[float, list[int], bool] | None = None
    boxes, min_gap = narrow, MIN_LEVEL_GAP
    for group in groups:
        for s in sizes(START, BODY_FLOOR):
            for cand_boxes, inline, cand_gap in group:
                heights = [0] * levels
                for node in block.nodes:
                    st = node_style(s, depth[node.id] == 0)
                    inside = cand_boxes[node.id][2] is None
                    h = need(m, node_paras(node, inline, inside), cand_boxes[node.id][1], st)
                    heights[depth[node.id]] = max(heights[depth[node.id]], h)
                if sum(heights) + (levels - 1) * cand_gap <= area.h:
                    chosen, boxes, min_gap = (s, heights, inline), cand_boxes, cand_gap
                    break
            if chosen is not None:
                break
        if chosen is not None:
            break
    page = Page()
    inline = False
    if chosen is None:
        size = BODY_FLOOR
        boxes, min_gap = wide, SMALL_LEVEL_GAP
        share = (area.h - (levels - 1) * min_gap) // levels
        heights = [share] * levels
        page.adjustments.append(ctx.say("the org chart holds too much text to fit; shorten member lists"))
    else:
        size, heights, inline = chosen
        if inline:
            page.adjustments.append(ctx.say("org chart members listed on one line per box to fit"))
        if size < 14:
            page.adjustments.append(ctx.say(f"org chart text set at {size:g} pt to fit"))
    gap = (area.h - sum(heights)) // (levels - 1) if levels > 1 else 0
    gap = max(min_gap, min(gap, inch(0.9)))
    used = sum(heights) + (levels - 1) * gap
    y0 = area.y + max(0, (area.h - used) // 2)
    tops = []
    y = y0
    for h in heights:
        tops.append(y)
        y += h + gap
    rects: dict[str, Rect] = {}
    shapes: list[Shape] = []
    for i, node in enumerate(block.nodes):
        d = depth[node.id]
        bx, bw, lx, lw = boxes[node.id]
        rect = Rect(bx, tops[d], bw, heights[d])
        rects[node.id] = rect
        shapes.append(
            box_shape(
                f"Box {i + 1}",
                rect,
                node_paras(node, inline, lx is None),
                node_style(size, d == 0),
                fill="accent1" if d == 0 else "bg2",
                line="accent1",
                line_pt=1.0,
            )
        )
        if node.side_label and lx is not None and lw > 0:
            lp = para(node.side_label, bold=True)
            lbox = Rect(lx, rect.y, lw, rect.h)
            lst = label_st
            for ls in sizes(14.0, BODY_FLOOR):
                lst = style(ls, "tx2", bold=True, anchor="middle")
                if need(m, lp, lw, lst, LABEL_INSET) <= rect.h:
                    break
            shapes.append(box_shape(f"Label {i + 1}", lbox, lp, lst, kind="text", inset=LABEL_INSET))
    connectors: list[Shape] = []
    for node in block.nodes:
        if node.parent is None:
            continue
        p, c = rects[node.parent], rects[node.id]
        px, cx = p.x + p.w // 2, c.x + c.w // 2
        kind: ShapeKind = "line" if abs(px - cx) < 12_700 else "elbow"
        connectors.append(
            Shape(
                kind,
                Rect(px, p.bottom, cx - px, c.y - p.bottom),
                f"Connector {node.parent} to {node.id}",
                line="tx2",
                line_pt=1.5,
            )
        )
    page.shapes = connectors + shapes
    return page, chosen is not None
