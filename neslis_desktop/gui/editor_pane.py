"""The centre pane: the form of the item selected in the outline, kept in step with the document.

The pane shows the form (:mod:`editors`) of the project details, a section or a block; pushes
each valid value the form emits as an undo command on the document; and follows the document's
signals, so that undo, redo and changes elsewhere show in the form without taking the focus.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QScrollArea, QWidget

from neslis_desktop.gui import commands as cmd
from neslis_desktop.gui import kinds
from neslis_desktop.gui.document import ProjectDocument
from neslis_desktop.gui.editors import FormEditor, block_editor, meta_editor, section_editor
from neslis_desktop.model import Block, ProjectMeta
from neslis_desktop.model.edits import block_data
from neslis_desktop.model.packs import pack_sections

Target = tuple[str, int, int]
"""What the form shows: ("meta", -1, -1), ("section", si, -1) or ("block", si, bi)."""


class EditorPane(QScrollArea):
    """Hosts the form of the current item; ``current`` says which item that is."""

    shown = Signal()
    """A form is shown (another item was selected) or its fields were made again."""
    validity_changed = Signal(bool)
    """The form holds a field in red (True) or none any more (False)."""

    def __init__(self, doc: ProjectDocument, current: Callable[[], Target], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setAccessibleName("Editor")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the form's fields, not the frame
        self.doc, self._current = doc, current
        self.editor: FormEditor | None = None
        self._editing: Target | None = None
        # Bound methods, not lambdas: Qt drops them when the pane goes, even while the
        # document is still emitting during destruction.
        for structural in (
            doc.section_inserted,
            doc.section_removed,
            doc.section_moved,
            doc.block_inserted,
            doc.block_removed,
            doc.block_moved,
        ):
            structural.connect(self._structure_changed)
        doc.block_changed.connect(self._block_changed)
        doc.section_changed.connect(self._section_changed)
        doc.meta_changed.connect(self._meta_changed)

    def show_current(self) -> None:
        """Build and show the form of the current item."""
        target = self._current()
        project = self.doc.project
        if target[0] == "meta":
            editor = meta_editor(project.meta)
            editor.edited.connect(self._meta_edited)
        elif target[0] == "section":
            section = project.sections[target[1]]
            editor = section_editor(section)
            editor.edited.connect(self._section_edited)
            labels = ", ".join(kinds.label(b.kind).lower() for b in section.blocks) or "none yet"
            used = [
                p.name
                for p in project.all_packs()
                if any(s.id == section.id for s in pack_sections(p, project.sections))
            ]
            editor.set_hint(
                f"This section's slides are shown on the right. Its blocks: {labels}. "
                f"In packs: {', '.join(used) if used else 'none (Project ▸ Packs chooses)'}. "
                "Select a block in the outline to edit it, or add one with Insert ▸ Add block."
            )
        else:
            editor = block_editor(project.sections[target[1]].blocks[target[2]], self.doc.path)
            editor.edited.connect(self._block_edited)
        editor.validity_changed.connect(self.validity_changed)
        editor.rebuilt.connect(self.shown)
        self.editor, self._editing = editor, target
        self.setWidget(editor)
        self.validity_changed.emit(editor.has_errors())
        self.shown.emit()

    def go_to_problem(self) -> None:
        """Put the cursor in the form's first field in red, scrolled into view."""
        widget = self.editor.go_to_problem() if self.editor is not None else None
        if widget is not None:
            self.ensureWidgetVisible(widget)

    # ------------------------------------------------------------------ following the document
    def _value(self, target: Target) -> object:
        p = self.doc.project
        if target[0] == "meta":
            return p.meta
        if target[0] == "section":
            s = p.sections[target[1]]
            return (s.title, s.notes)
        return p.sections[target[1]].blocks[target[2]]

    def _follow(self, target: Target) -> None:
        """The document changed ``target``: the form shows the new value if it is the one edited."""
        if self.editor is None or target != self._editing:
            return
        value = self._value(target)
        if self.editor.last_valid != value:  # changed by undo/redo: show it, keep the focus
            self.editor.set_data(_editor_data(value))

    def _structure_changed(self, *_: object) -> None:
        # Rows moved under the selection: the form follows the item it now points at.
        if self._current() != self._editing:
            self.show_current()
        else:
            self._follow(self._current())

    def _block_changed(self, si: int, bi: int) -> None:
        self._follow(("block", si, bi))

    def _section_changed(self, si: int) -> None:
        self._follow(("section", si, -1))

    def _meta_changed(self) -> None:
        self._follow(("meta", -1, -1))

    # ------------------------------------------------------------------ edits made in the form
    def _block_edited(self, block: Block, key: str) -> None:
        target = self._current()
        if target[0] == "block":
            self.doc.undo.push(cmd.ReplaceBlock(self.doc, target[1], target[2], block, key))

    def _section_edited(self, value: tuple[str, str | None], key: str) -> None:
        target = self._current()
        if target[0] == "section":
            self.doc.undo.push(cmd.EditSectionHead(self.doc, target[1], value[0], value[1], key))

    def _meta_edited(self, meta: ProjectMeta, key: str) -> None:
        self.doc.undo.push(cmd.EditMeta(self.doc, meta, key))


def _editor_data(value: object) -> dict[str, object]:
    """The plain data a form shows for a value of the project (meta, section head or block)."""
    if isinstance(value, ProjectMeta):
        return value.model_dump(mode="json", exclude_none=True)
    if isinstance(value, tuple):
        return {k: v for k, v in (("title", value[0]), ("notes", value[1])) if v is not None}
    return dict(block_data(value))  # type: ignore[arg-type]
