"""Reading a generated deck back as a person would: slide titles, all text, shape boxes.

Shared by the deck writer, template and acceptance tests, which reopen what was written
with python-pptx rather than trusting the writer.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path

import ooxml
from pptx import Presentation
from pptx.presentation import Presentation as PresentationObj
from pptx.shapes.base import BaseShape
from pptx.shapes.group import GroupShape
from pptx.slide import Slide

from neslis_desktop.model.inline import Run
from neslis_desktop.render.deck.plan import Frame, LayoutRole, Para, Rect, Shape, SlidePlan, TextFrame, TextStyle


def open_deck(path: Path) -> PresentationObj:
    return Presentation(str(path))


def walk(shapes: object) -> Iterator[BaseShape]:
    """Every shape, descending into groups."""
    for shape in shapes:  # type: ignore[attr-defined]
        yield shape
        if isinstance(shape, GroupShape):
            yield from walk(shape.shapes)


def slide_text(slide: Slide) -> str:
    """All text on a slide (placeholders, shapes, groups), one line per paragraph."""
    lines = []
    for shape in walk(slide.shapes):
        if shape.has_text_frame:
            lines += [p.text for p in shape.text_frame.paragraphs]  # type: ignore[attr-defined]
    return "\n".join(lines)


def deck_text(prs: PresentationObj) -> str:
    return "\n".join(slide_text(s) for s in prs.slides)


def title_of(slide: Slide) -> str:
    title = slide.shapes.title
    return title.text_frame.text if title is not None else ""


def para(text: str, level: int = 0, bullet: str = "bullet", bold: bool = False) -> Para:
    return Para(runs=[Run(text, bold=bold)], level=level, bullet=bullet)  # type: ignore[arg-type]


def sample_plans(frames: Mapping[LayoutRole, Frame] | None = None) -> list[SlidePlan]:
    """Hand-made plans covering every layout role and every shape kind.

    Shapes are placed on a 12 x 5 grid over the title-only body area of ``frames`` (the
    bundled template's geometry by default), so they fit any template.
    """
    body = frames["title_only"].body if frames else Rect(548_640, 1_417_320, 11_094_720, 4_846_320)

    def grid(x: float, y: float, w: float, h: float) -> Rect:
        u, v = body.w / 12, body.h / 5
        return Rect(body.x + round(x * u), body.y + round(y * v), round(w * u), round(h * v))

    box_style = TextStyle(size_pt=16, colour="bg1", bold=True, align="center", anchor="middle")
    return [
        SlidePlan(
            layout="title",
            title="North East Local Industrial Strategy",
            subtitle="Summit engagement pack\n2026",
            title_style=TextStyle(size_pt=40, font="major"),
            subtitle_style=TextStyle(size_pt=22),
        ),
        SlidePlan(layout="section", title="Our economy", subtitle="Section 1", notes="Welcome everyone."),
        SlidePlan(
            layout="content",
            title="Key facts",
            body=[
                Para(runs=[Run("Productivity is "), Run("below", bold=True), Run(" the "), Run("UK", italic=True)]),
                para("Second level point", level=1),
                para("Numbered one", bullet="number"),
                para("Plain paragraph", bullet="none"),
            ],
            body_style=TextStyle(size_pt=20, space_before_pt=6),
            notes="Speaker notes for key facts.\nSecond line.",
        ),
        SlidePlan(
            layout="title_only",
            title="How it fits together",
            shapes=[
                Shape(
                    "rect",
                    grid(0, 0.5, 3, 1),
                    "Box A",
                    fill="accent1",
                    text=TextFrame([para("Plain box", bullet="none")], box_style),
                ),
                Shape(
                    "rounded",
                    grid(4, 0.5, 3, 1),
                    "Box B",
                    fill="accent2",
                    line="tx2",
                    line_pt=1,
                    text=TextFrame([para("Rounded", bullet="none")], box_style),
                ),
                Shape(
                    "chevron",
                    grid(0, 3, 2, 1),
                    "Step 1",
                    fill="accent3",
                    adjust=0.25,
                    text=TextFrame([para("Chevron", bullet="none")], box_style),
                ),
                Shape(
                    "pentagon",
                    grid(2, 3, 2, 1),
                    "Step 2",
                    fill="accent4",
                    text=TextFrame([para("Pentagon", bullet="none")], box_style),
                ),
                Shape("arrow_right", grid(5, 3, 2, 1), "Arrow", fill="accent5"),
                Shape("ellipse", grid(8, 3, 1, 1), "Dot", fill="accent6", alt_text="A marker"),
                Shape("line", grid(3, 1, 1, 0), "Link", line="tx2", line_pt=2),
                Shape("elbow", grid(1, 1.5, 4, 1.5), "Elbow", line="accent1", line_pt=1.5),
                Shape(
                    "text",
                    grid(8, 0.5, 4, 1.5),
                    "Note",
                    text=TextFrame(
                        [para("A bullet in a box"), para("A sub point", level=1)], TextStyle(size_pt=14, colour="tx1")
                    ),
                ),
            ],
            notes="Diagram notes.",
        ),
        SlidePlan(
            layout="blank",
            title="Blank with title",
            shapes=[
                Shape(
                    "text",
                    grid(0, 1, 8, 1),
                    "Quote",
                    text=TextFrame(
                        [para("A closing thought", bullet="none")], TextStyle(size_pt=24, colour="tx2", font="major")
                    ),
                )
            ],
        ),
    ]


def violations(path: Path) -> set[tuple[str, str]]:
    """The OOXML check's violations in ``path`` as (part, message at xpath), without line numbers."""
    return {(v.part, v.message) for v in ooxml.check_package(path).violations}


def new_violations(template: Path, output: Path) -> set[tuple[str, str]]:
    """Violations in ``output`` that its template did not already have (foreign templates carry their own)."""
    return violations(output) - violations(template)


def off_slide(prs: PresentationObj) -> list[tuple[int, str]]:
    """(slide number, shape name) of every shape whose box is not wholly on its slide."""
    width, height = int(prs.slide_width or 0), int(prs.slide_height or 0)
    outside = []
    for number, slide in enumerate(prs.slides, start=1):
        for shape in walk(slide.shapes):
            if shape.left is None or shape.top is None or shape.width is None or shape.height is None:
                continue
            if not (
                0 <= shape.left <= shape.left + shape.width <= width
                and 0 <= shape.top <= shape.top + shape.height <= height
            ):
                outside.append((number, shape.name))
    return outside
