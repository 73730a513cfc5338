"""The live comparison of the open project with a snapshot, as marks for the outline.

While the user compares with a snapshot ("sent to Steering Group, 12 March"), the outline marks
every section and block that differs from it. The marks are worked out here, not in a widget:
:class:`Comparison` holds the snapshot's project, diffs it against the document's project a
moment after each edit (:mod:`neslis_desktop.model.diff` does the comparing) and announces
:attr:`Comparison.marks_changed`; the outline model reads :meth:`Comparison.section_mark` and
:meth:`Comparison.block_mark`. Sections are keyed by id and blocks by their place in the
section now, which is what the outline shows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from pydantic import BaseModel
from PySide6.QtCore import QObject, QTimer, Signal

from neslis_desktop.model import Project
from neslis_desktop.model.diff import ProjectDiff, diff_projects
from neslis_desktop.render.diff_report import phrase, section_lines

REFRESH_DEBOUNCE_MS = 300
"""The marks are worked out again this long after the last edit (typing is never held up)."""

_HERE = ("added", "changed", "moved", "moved-here")
"""Kinds of block change whose block is in the section now (removed ones are not)."""


@dataclass
class _Marks:
    sections: dict[str, list[str]] = field(default_factory=dict)
    """Section id -> what changed in it, as sentences."""
    blocks: dict[tuple[str, int], list[str]] = field(default_factory=dict)
    """(section id, block index now) -> what changed in the block."""


def marks_of(diff: ProjectDiff) -> _Marks:
    """The outline's marks for ``diff``: changed sections, and their changed blocks where they are now."""
    marks = _Marks()
    for section in diff.sections:
        if section.status == "removed" or not section.changed:
            continue
        lines = section_lines(section)
        for change in section.changes:
            # Blocks are the changes that carry a block (notes and tags carry no value).
            is_block = isinstance(change.value, BaseModel) and hasattr(change.value, "kind")
            if is_block and change.kind in _HERE and change.position > 0:
                marks.blocks.setdefault((section.id, change.position - 1), []).append(phrase(change, brief=True))
            lines.append(phrase(change, brief=True))
        marks.sections[section.id] = lines
    return marks


class Comparison(QObject):
    """What the open project is compared with (a snapshot's project), and the marks that follow.

    ``current`` gives the document's project as it is now; :meth:`schedule` is called after
    every edit and works the marks out again once the edits pause.
    """

    marks_changed = Signal()
    """The marks changed: comparison started, stopped, or an edit changed what differs."""

    def __init__(self, current: Callable[[], Project], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._current = current
        self._base: Project | None = None
        self.name = ""
        """The snapshot's name, for 'changed since <name>'; empty when not comparing."""
        self.diff: ProjectDiff | None = None
        self._marks = _Marks()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DEBOUNCE_MS)
        self._timer.timeout.connect(self.refresh)

    @property
    def active(self) -> bool:
        return self._base is not None

    def start(self, base: Project, name: str) -> None:
        """Compare with ``base`` (the snapshot called ``name``) from now on."""
        self._base, self.name = base, name
        self.refresh()

    def stop(self) -> None:
        """Stop comparing: every mark goes."""
        self._timer.stop()
        self._base, self.name, self.diff = None, "", None
        self._marks = _Marks()
        self.marks_changed.emit()

    def schedule(self) -> None:
        """The project changed: work the marks out again shortly (nothing when not comparing)."""
        if self._base is not None:
            self._timer.start()

    def refresh(self) -> None:
        """Work the marks out now."""
        self._timer.stop()
        if self._base is None:
            return
        self.diff = diff_projects(self._base, self._current())
        self._marks = marks_of(self.diff)
        self.marks_changed.emit()

    def section_mark(self, section_id: str) -> str | None:
        """The tooltip of a changed section ('changed since …' and what changed); None when unchanged."""
        lines = self._marks.sections.get(section_id)
        return None if lines is None else self._tip(lines)

    def block_mark(self, section_id: str, index: int) -> str | None:
        """The tooltip of a changed block; None when unchanged (or not comparing)."""
        lines = self._marks.blocks.get((section_id, index))
        return None if lines is None else self._tip(lines)

    def _tip(self, lines: list[str]) -> str:
        shown = lines[:8] + ([f"… and {len(lines) - 8} more"] if len(lines) > 8 else [])
        return "\n".join([f'Changed since "{self.name}"', *(f"• {line}" for line in shown)])
