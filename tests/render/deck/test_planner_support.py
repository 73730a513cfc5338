"""Shared pieces of the planner tests: slide sizes, small projects, and the checks every plan must pass.

The checks are what a person looks for on a slide: everything inside the body area, no text
box over another, every text fitting its box at the size planned, nothing smaller than the
floors, unique titles. They are used by test_planner.py and the test_layouts_*.py files.
"""

from __future__ import annotations

import datetime as dt

from neslis_desktop.model.blocks import Block
from neslis_desktop.model.project import Project, ProjectMeta, Section
from neslis_desktop.render.deck.plan import EMU_PER_INCH, Frame, Rect, Shape, SlidePlan, TextStyle, ThemeFonts
from neslis_desktop.render.deck.planner import plan_deck
from neslis_desktop.render.deck.textfit import INSET, Measurer, measurer

FONTS = ThemeFonts()
CM = 360_000
SLIDE_SIZES = {
    "16:9": (int(13.333 * EMU_PER_INCH), int(7.5 * EMU_PER_INCH)),
    "4:3": (10 * EMU_PER_INCH, int(7.5 * EMU_PER_INCH)),
    "LibreOffice 28x15.75cm": (28 * CM, int(15.75 * CM)),
}
BODY_FLOOR = 12.0
TIMELINE_FLOOR = 10.0
TITLE_FLOOR = 20.0


def default_frames(slide_w: int = 12_192_000, slide_h: int = 6_858_000) -> dict[str, Frame]:
    """Frames like Office's default layouts for a slide size, for planning without a template.

    The title sits in the top fifth, the body below it, with margins of 7% of the width.
    """
    mx = int(slide_w * 0.07)
    w = slide_w - 2 * mx
    title = Rect(mx, int(slide_h * 0.05), w, int(slide_h * 0.17))
    body_top = title.bottom + int(slide_h * 0.03)
    body = Rect(mx, body_top, w, int(slide_h * 0.90) - body_top)
    cover_title = Rect(mx, int(slide_h * 0.22), w, int(slide_h * 0.28))
    cover_sub = Rect(mx, cover_title.bottom + int(slide_h * 0.03), w, int(slide_h * 0.25))
    section_title = Rect(mx, int(slide_h * 0.3), w, int(slide_h * 0.25))
    section_sub = Rect(mx, section_title.bottom + int(slide_h * 0.02), w, int(slide_h * 0.15))
    return {
        "title": Frame(slide_w, slide_h, cover_title, cover_sub),
        "section": Frame(slide_w, slide_h, section_title, section_sub),
        "content": Frame(slide_w, slide_h, title, body),
        "title_only": Frame(slide_w, slide_h, title, body),
        "blank": Frame(slide_w, slide_h, title, Rect(mx, title.y, w, body.bottom - title.y)),
    }


def frames(size: str) -> dict[str, Frame]:
    return default_frames(*SLIDE_SIZES[size])


def project_of(*blocks: Block, title: str = "A section") -> Project:
    """A project with one section holding ``blocks``."""
    return Project(
        meta=ProjectMeta(title="Test strategy", organisation="North East LEP", date=dt.date(2020, 1, 23)),
        sections=[Section(id="s", title=title, blocks=list(blocks))],
    )


def plan_blocks(size: str, *blocks: Block) -> list[SlidePlan]:
    """The section's slides (the title slide dropped), checked."""
    fr = frames(size)
    slides = plan_deck(project_of(*blocks), fr, FONTS)
    check_deck(slides, fr)
    return slides[1:]


def _inside(box: Rect, area: Rect) -> bool:
    return area.x <= box.x and area.y <= box.y and box.right <= area.right and box.bottom <= area.bottom


def _overlap(a: Rect, b: Rect) -> bool:
    return a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom


def problems(slide: SlidePlan, frame: Frame) -> list[str]:
    """Everything wrong with ``slide`` drawn in ``frame``: an empty list when it is right."""
    m = measurer(FONTS)
    out: list[str] = []
    floor = TIMELINE_FLOOR if any(s.name.startswith("Month ") for s in slide.shapes) else BODY_FLOOR
    ts = slide.title_style
    if ts is None or ts.size_pt < TITLE_FLOOR:
        out.append(f"title size {ts}")
    elif not slide.adjustments and m.box_height(_tf(slide.title, ts), frame.title.w) > frame.title.h:
        out.append(f"title '{slide.title}' does not fit at {ts.size_pt}")
    if slide.body is not None:
        st = slide.body_style
        assert st is not None
        if st.size_pt < BODY_FLOOR:
            out.append(f"body at {st.size_pt} pt")
        need = m.text_height(slide.body, frame.body.w - 2 * INSET, st.size_pt, space_before_pt=st.space_before_pt)
        if need + 2 * INSET > frame.body.h and not any("cut" in a for a in slide.adjustments):
            out.append(f"body needs {need + 2 * INSET} EMU, has {frame.body.h}")
    texts = []
    for shape in slide.shapes:
        box = shape.box
        if shape.kind in ("line", "elbow"):
            for x, y in ((box.x, box.y), (box.right, box.bottom)):
                if not _inside(Rect(x, y, 0, 0), frame.body):
                    out.append(f"{shape.name} end ({x}, {y}) outside the body area")
            continue
        if box.w <= 0 or box.h <= 0:
            out.append(f"{shape.name} has no size: {box}")
        if not _inside(box, frame.body):
            out.append(f"{shape.name} {box} outside the body area {frame.body}")
        if shape.text is not None:
            texts.append(shape)
            size = shape.text.style.size_pt
            if size < floor:
                out.append(f"{shape.name} text at {size} pt")
            need = m.box_height(shape.text, box.w, strict=True)  # an ordinary word never breaks
            if need > box.h:
                out.append(f"{shape.name} text needs {need} EMU, box has {box.h}: {shape.text.paras[0].text[:40]!r}")
    for i, a in enumerate(texts):
        for b in texts[i + 1 :]:
            if _overlap(a.box, b.box) and not _label_on(a, b, m) and not _label_on(b, a, m):
                out.append(f"{a.name} overlaps {b.name}")
    return out


def _label_on(outer: Shape, inner: Shape, m: Measurer) -> bool:
    """Whether ``inner`` is a label inside ``outer`` clear of ``outer``'s own text (a tile's figure)."""
    if inner.kind != "text" or not _inside(inner.box, outer.box) or outer.text is None:
        return False
    need = m.box_height(outer.text, outer.box.w)
    anchor = outer.text.style.anchor
    if anchor == "bottom":
        ink = Rect(outer.box.x, outer.box.bottom - need, outer.box.w, need)
    elif anchor == "top":
        ink = Rect(outer.box.x, outer.box.y, outer.box.w, need)
    else:
        return False
    return not _overlap(ink, inner.box)


def _tf(text: str, st: TextStyle):  # type: ignore[no-untyped-def]
    from neslis_desktop.render.deck.layouts import para
    from neslis_desktop.render.deck.plan import TextFrame

    return TextFrame(para(text), st)


def check_deck(slides: list[SlidePlan], fr: dict[str, Frame]) -> None:
    """Fails with every problem of every slide, and on repeated titles."""
    found = []
    for n, slide in enumerate(slides):
        for p in problems(slide, fr[slide.layout]):
            found.append(f"slide {n + 1} '{slide.title}': {p}")
    titles = [s.title.casefold() for s in slides]
    dupes = sorted({t for t in titles if titles.count(t) > 1})
    if dupes:
        found.append(f"repeated titles: {dupes}")
    assert not found, "\n".join(found)
