"""The org chart: boxes top-down from the tree, connectors parent to child, side labels, member lists."""

from __future__ import annotations

import pytest
from test_planner_support import SLIDE_SIZES, plan_blocks

from neslis_desktop.model.blocks import OrgChartBlock, OrgNode

SEED = OrgChartBlock(
    nodes=[
        OrgNode(id="sos", title="Secretary of State for Business, Energy and Industrial Strategy"),
        OrgNode(id="board", title="North East LEP Board", parent="sos", side_label="Decision making"),
        OrgNode(
            id="steering",
            title="North East LIS Steering Group",
            parent="board",
            members_heading="Representatives from:",
            members=[
                "Government",
                "North East LEP",
                "North East Combined Authority",
                "North of Tyne Combined Authority",
                "Newcastle University",
            ],
        ),
        OrgNode(
            id="working",
            title="North East LIS Working Group",
            note="(on behalf of four universities)",
            parent="steering",
            side_label="Advisory",
        ),
    ]
)
WIDE = OrgChartBlock(
    nodes=[
        OrgNode(id="board", title="Board"),
        *[
            OrgNode(id=f"g{i}", title=f"Group {i}", parent="board", side_label="Advisory" if i == 1 else None)
            for i in range(1, 5)
        ],
        *[OrgNode(id=f"t{i}", title=f"Team {i}", parent="g2") for i in range(1, 4)],
    ]
)
TWO_ROOTS = OrgChartBlock(
    nodes=[OrgNode(id="a", title="Alpha"), OrgNode(id="b", title="Beta"), OrgNode(id="c", title="Child", parent="a")]
)
BLOCKS = {"seed": SEED, "wide": WIDE, "two roots": TWO_ROOTS}


@pytest.mark.parametrize("size", list(SLIDE_SIZES))
@pytest.mark.parametrize("name", list(BLOCKS))
def test_org_charts_fit_inside_the_body_without_overlap(size: str, name: str) -> None:
    (slide,) = plan_blocks(size, BLOCKS[name])
    boxes = [sh for sh in slide.shapes if sh.name.startswith("Box ")]
    assert len(boxes) == len(BLOCKS[name].nodes)


@pytest.mark.parametrize("size", list(SLIDE_SIZES))
@pytest.mark.parametrize("name", list(BLOCKS))
def test_connectors_run_from_parent_bottom_to_child_top(size: str, name: str) -> None:
    block = BLOCKS[name]
    (slide,) = plan_blocks(size, block)
    boxes = {
        node.id: sh.box
        for node, sh in zip(block.nodes, [s for s in slide.shapes if s.name.startswith("Box ")], strict=True)
    }
    connectors = [sh for sh in slide.shapes if sh.kind in ("line", "elbow")]
    assert len(connectors) == sum(1 for n in block.nodes if n.parent)
    for node in block.nodes:
        if node.parent is None:
            continue
        c = next(s for s in connectors if s.name.endswith(f" to {node.id}"))
        parent, child = boxes[node.parent], boxes[node.id]
        assert (c.box.x, c.box.y) == (parent.x + parent.w // 2, parent.bottom)
        assert (c.box.right, c.box.bottom) == (child.x + child.w // 2, child.y)
        assert child.y > parent.bottom


def test_members_and_side_labels_show_where_they_belong() -> None:
    (slide,) = plan_blocks("16:9", SEED)
    by_name = {sh.name: sh for sh in slide.shapes}
    steering = by_name["Box 3"].text
    assert steering is not None
    texts = [p.text for p in steering.paras]
    assert texts[:2] == ["North East LIS Steering Group", "Representatives from:"]
    assert "Newcastle University" in " ".join(texts)
    label, box = by_name["Label 2"], by_name["Box 2"]
    assert label.text is not None and label.text.paras[0].text == "Decision making"
    assert label.box.x >= box.box.right and label.box.y == box.box.y


def _big_chart(n: int) -> OrgChartBlock:
    return OrgChartBlock(
        nodes=[
            OrgNode(
                id=f"n{i}",
                title=f"Body number {i} with a long name",
                members=["Member one", "Member two"],
                parent=None if i == 0 else f"n{(i - 1) // 3}",
            )
            for i in range(n)
        ]
    )


@pytest.mark.parametrize("size", SLIDE_SIZES)
def test_a_chart_too_big_for_one_slide_continues_by_subtree(size: str) -> None:
    block = _big_chart(20)
    slides = plan_blocks(size, block)  # checks every box's text fits without breaking words
    assert len(slides) > 1
    shown = {sh.text.paras[0].text for s in slides for sh in s.shapes if sh.name.startswith("Box ") and sh.text}
    assert shown == {node.title for node in block.nodes}
    assert any("spread over" in a for s in slides for a in s.adjustments)
    assert slides[1].title.endswith("(continued)")
