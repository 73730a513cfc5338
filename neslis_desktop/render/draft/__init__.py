"""The draft strategy document: headings, text and tables written with python-docx."""

from __future__ import annotations

from pathlib import Path

from neslis_desktop.model import Project


def write_draft(project: Project, target: Path, template: Path | None = None) -> list[str]:
    """Write the draft of ``project`` to ``target``; returns the adjustments made (to report).

    PLACEHOLDER until the document issue lands.
    """
    from docx import Document

    doc = Document(str(template)) if template else Document()
    doc.add_heading(project.meta.title, 0)
    for section in project.sections:
        doc.add_heading(section.title, 1)
    doc.save(str(target))
    return []
