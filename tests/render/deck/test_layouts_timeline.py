"""The timeline: month columns with headers, lanes with labels, milestones in their month, spans as bars."""

from __future__ import annotations

import itertools

import pytest
from test_planner_support import FONTS, SLIDE_SIZES, plan_blocks

from neslis_desktop.model.blocks import TimelineBlock, TimelineLane, TimelineMilestone, TimelineSpan
from neslis_desktop.model.month import Month
from neslis_desktop.render.deck.layouts.timeline import month_label
from neslis_desktop.render.deck.textfit import measurer

M = measurer(FONTS)


def ms(month: str, text: str) -> TimelineMilestone:
    return TimelineMilestone(month=Month.parse(month), text=text)


SEED = TimelineBlock(
    start=Month(2019, 8),
    end=Month(2020, 7),
    lanes=[
        TimelineLane(
            name="LEP Board",
            milestones=[
                ms("2019-09", "LEP Board approves approach"),
                ms("2019-11", "LEP Board reviews progress"),
                ms("2020-01", "LEP Board reviews initial evidence"),
                ms("2020-05", "LEP Board agrees vision and reviews initial strategy"),
            ],
        ),
        TimelineLane(
            name="Evidence",
            milestones=[
                ms("2019-09", "Review of North East productivity commissioned"),
                ms(
                    "2019-10",
                    "North East's approach to developing evidence base reviewed by cross-Whitehall "
                    "LIS Analytical Panel",
                ),
                ms("2019-12", "Review of North East sectors, assets and competencies commissioned"),
                ms("2020-03", "Our Economy published"),
                ms("2020-05", "North East evidence base reviewed by cross-Whitehall LIS Analytical Panel"),
            ],
        ),
        TimelineLane(
            name="Engagement",
            milestones=[
                ms("2019-10", "Strategic Economic Plan engagement event"),
                ms("2020-01", "Engagement event to consider implications of productivity review"),
                ms("2020-04", "Discussions with LA7 Economic Directors"),
                ms("2020-07", "LIS Summit"),
            ],
        ),
        TimelineLane(
            name="Other",
            milestones=[
                ms("2019-11", "Secretary of State announces government will work with North East to develop LIS"),
                ms("2020-02", "Policy meetings with government departments"),
                ms("2020-03", "Launch of refreshed Strategic Economic Plan"),
            ],
        ),
    ],
    spans=[
        TimelineSpan(
            text="Monthly meeting of Steering Group and Working Group", start=Month(2019, 8), end=Month(2020, 7)
        ),
        TimelineSpan(text="Development of evidence base", start=Month(2019, 9), end=Month(2020, 6), lane="Evidence"),
        TimelineSpan(
            text="Ongoing discussions with government", start=Month(2019, 11), end=Month(2020, 7), lane="Other"
        ),
    ],
)
STACKED = TimelineBlock(
    start=Month(2020, 1),
    end=Month(2020, 6),
    lanes=[TimelineLane(name="Busy", milestones=[ms("2020-03", f"Event {i}") for i in range(4)])],
)
LONG = TimelineBlock(
    start=Month(2019, 1),
    end=Month(2021, 12),
    lanes=[
        TimelineLane(
            name=f"Lane {i}",
            milestones=[
                ms(f"{2019 + (j % 3)}-{(j * 5) % 12 + 1:02d}", "A milestone with several words") for j in range(6)
            ],
        )
        for i in range(8)
    ],
    spans=[TimelineSpan(text="Top", start=Month(2019, 1), end=Month(2019, 3))],
)
BLOCKS = {"seed": SEED, "stacked": STACKED, "36 months 8 lanes": LONG}


@pytest.mark.parametrize("size", list(SLIDE_SIZES))
@pytest.mark.parametrize("name", list(BLOCKS))
def test_timelines_fit_inside_the_body_without_overlap(size: str, name: str) -> None:
    slides = plan_blocks(size, BLOCKS[name])
    milestones = [sh for s in slides for sh in s.shapes if " milestone " in sh.name]
    assert len(milestones) == sum(len(lane.milestones) for lane in BLOCKS[name].lanes)


def test_month_headers_show_the_year_on_the_first_month_and_january() -> None:
    assert [month_label(m, i == 0) for i, m in enumerate(SEED.months()[:7])] == [
        "Aug 2019",
        "Sep",
        "Oct",
        "Nov",
        "Dec",
        "Jan 2020",
        "Feb",
    ]


@pytest.mark.parametrize("size", list(SLIDE_SIZES))
def test_milestones_start_in_their_month_within_their_lane(size: str) -> None:
    slides = plan_blocks(size, SEED)
    months = SEED.months()
    for slide in slides:
        by_name = {sh.name: sh for sh in slide.shapes}
        headers = [by_name[f"Month {i + 1}"].box for i in range(len(months))]
        for li, lane in enumerate(SEED.lanes):
            band = by_name.get(f"Lane {li + 1} band")
            if band is None:
                continue
            for m in lane.milestones:
                col = months.index(m.month)
                box = by_name[f"Lane {li + 1} milestone {col + 1}.1"].box
                assert band.box.y <= box.y and box.bottom <= band.box.bottom
                # It starts in its month (or, only when nothing else fits, one month earlier).
                assert headers[max(0, col - 1)].x - 1 <= box.x <= headers[col].right
                assert box.right > headers[col].x


def test_several_milestones_in_one_month_stack() -> None:
    (slide,) = plan_blocks("16:9", STACKED)
    boxes = sorted((sh.box for sh in slide.shapes if " milestone " in sh.name), key=lambda b: b.y)
    assert len({b.x for b in boxes}) == 1
    assert all(a.bottom <= b.y for a, b in itertools.pairwise(boxes))


def test_spans_cover_their_months_in_their_lane_or_on_top() -> None:
    (slide,) = plan_blocks("16:9", SEED)
    by_name = {sh.name: sh for sh in slide.shapes}
    months = SEED.months()
    top = by_name["Top span 1.1"]
    assert top.kind == "rounded"
    assert top.box.x >= by_name["Month 1"].box.x and top.box.right <= by_name[f"Month {len(months)}"].box.right
    assert top.box.bottom <= by_name["Lane 1 band"].box.y
    evidence = by_name["Lane 2 span 1.1"]
    band = by_name["Lane 2 band"].box
    assert band.y <= evidence.box.y and evidence.box.bottom <= band.bottom
    assert by_name["Month 2"].box.x <= evidence.box.x < by_name["Month 3"].box.x


def test_timeline_text_never_goes_below_10_pt_and_lanes_continue_when_needed() -> None:
    slides = plan_blocks("4:3", LONG)
    sizes = [sh.text.style.size_pt for s in slides for sh in s.shapes if sh.text]
    assert min(sizes) >= 10
    if len(slides) > 1:
        assert slides[1].title.endswith("(continued)")


@pytest.mark.parametrize(("size", "block", "full"), [("16:9", SEED, True)])
def test_month_names_are_written_out_when_every_one_fits(size: str, block: TimelineBlock, full: bool) -> None:
    slides = plan_blocks(size, block)
    headers = [sh.text.paras[0].text for sh in slides[0].shapes if sh.name.startswith("Month ") and sh.text]
    assert len(headers) == len(block.months())
    expected = [month_label(m, i == 0, full) for i, m in enumerate(block.months())]
    assert headers == expected
    if full:
        assert "September" in headers and headers[0] == "August 2019"


def test_a_long_timeline_spreads_its_months_over_slides_without_breaking_words() -> None:
    slides = plan_blocks("4:3", LONG)
    assert len(slides) > 1
    headers = [
        [sh.text.paras[0].text for sh in slide.shapes if sh.name.startswith("Month ") and sh.text] for slide in slides
    ]
    # Every month shown exactly once, in order, each slide opening with its year.
    flat = [h.split()[0] for hs in headers for h in hs]
    assert flat == [m.name[: len(h)] for m, h in zip(LONG.months(), flat, strict=True)]
    assert all(len(hs[0].split()) == 2 for hs in headers)
    # No ordinary word is broken: every box's text fits under the strict measure.
    for slide in slides:
        for sh in slide.shapes:
            if sh.text is not None:
                assert M.box_height(sh.text, sh.box.w, strict=True) <= sh.box.h + 1, (slide.title, sh.name)


SHORT_SPANS = TimelineBlock(
    start=Month(2019, 1),
    end=Month(2020, 12),
    lanes=[
        TimelineLane(name="Delivery", milestones=[ms("2019-03", "Board sign-off"), ms("2019-06", "Launch event")]),
        TimelineLane(name="Evidence", milestones=[ms("2019-09", "Audit published")]),
    ],
    spans=[
        TimelineSpan(text="Commercialisation consultation", start=Month(2019, 4), end=Month(2019, 4), lane="Delivery"),
        TimelineSpan(text="Internationalisation", start=Month(2019, 8), end=Month(2019, 8)),
        TimelineSpan(text="Evidence review", start=Month(2019, 10), end=Month(2020, 3), lane="Evidence"),
    ],
)


@pytest.mark.parametrize("size", list(SLIDE_SIZES))
def test_a_label_too_long_for_its_bar_goes_beside_it_not_over_a_milestone(size: str) -> None:
    """A one-month bar with a long word: the label sits next to the bar, in its row, in its box."""
    slides = plan_blocks(size, SHORT_SPANS)
    assert len(slides) == 1  # the label no longer forces the months over several slides
    shapes = slides[0].shapes
    by_name = {sh.name: sh for sh in shapes}
    m = measurer(FONTS)
    for name in ("Lane 1 span 1.1", "Top span 1.1"):
        bar, label = by_name[name], by_name[f"{name} text"]
        assert bar.text is None and label.text is not None
        assert label.box.x >= bar.box.right  # beside it, to the right (the months there are free)
        assert label.box.y <= bar.box.y and bar.box.bottom <= label.box.bottom
        assert m.box_height(label.text, label.box.w, strict=True) <= label.box.h  # the label fits its box
    # The long enough bar keeps its label inside, on at most two lines.
    inside = by_name["Lane 2 span 1.1"]
    assert inside.text is not None and "Lane 2 span 1.1 text" not in by_name
    milestones = [sh.box for sh in shapes if " milestone " in sh.name]
    labels = [sh.box for sh in shapes if sh.name.endswith(" text")]
    for lb in labels:
        assert all(lb.bottom <= mb.y or mb.bottom <= lb.y or lb.right <= mb.x or mb.right <= lb.x for mb in milestones)
    sizes = {sh.text.style.size_pt for sh in shapes if sh.text and " milestone " in sh.name}
    assert sizes == {12.0}
