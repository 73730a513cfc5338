"""The engagement deck: a slide plan computed from content and template, drawn with python-pptx."""

from __future__ import annotations

from pathlib import Path

from neslis_desktop.model import Project


def write_deck(project: Project, target: Path, template: Path | None = None) -> list[str]:
    """Write the deck of ``project`` to ``target``; returns the adjustments made (to report).

    PLACEHOLDER until the deck issue lands: a title slide and one title slide per section.
    """
    from pptx import Presentation

    prs = Presentation(str(template)) if template else Presentation()
    layout = prs.slide_layouts[0]
    slide = prs.slides.add_slide(layout)
    slide.shapes.title.text = project.meta.title
    for section in project.sections:
        s = prs.slides.add_slide(prs.slide_layouts[5])
        s.shapes.title.text = section.title
    prs.save(str(target))
    return []
