"""The Packs window: the decks and documents one project makes from its shared sections.

On the left the packs (a project that declares none makes the default deck and draft); on the
right the chosen pack's form: its name and kind, the sections it takes (ids, or ``tag: name``
for every section with that tag), its own title-page facts, template and file name. A second
tab tags sections. Every change is an undo step on the project's stack, like any other edit.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMenu,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from neslis_desktop.gui import commands as cmd
from neslis_desktop.gui import dialogs
from neslis_desktop.gui.document import ProjectDocument
from neslis_desktop.gui.editors import FormEditor
from neslis_desktop.gui.editors.fields import F
from neslis_desktop.model import plain_text
from neslis_desktop.model.packs import Pack, PackKind, TagPick, default_packs, pack_problems, pack_sections
from neslis_desktop.model.text import slugify
from neslis_desktop.store.snapshots import list_snapshots

TAG = "tag: "


def pack_data(pack: Pack) -> dict[str, Any]:
    """A pack as the form edits it: sections as lines, ``tag: name`` for a tag."""
    data = pack.model_dump(mode="json", exclude_none=True)
    if pack.sections is not None:
        data["sections"] = [f"{TAG}{p.tag}" if isinstance(p, TagPick) else p for p in pack.sections]
    return data


def pack_from_data(data: dict[str, Any]) -> Pack:
    """The pack the form shows (``ValidationError`` with the reason when it is not valid)."""
    data = dict(data)
    lines = data.pop("sections", None)
    if lines:
        data["sections"] = [{"tag": ln[len(TAG) :].strip()} if ln.startswith(TAG) else ln for ln in lines]
    return Pack.model_validate(data)


def pack_fields(snapshots: list[str]) -> list[F]:
    return [
        F("name", "Name", help="Such as 'Digital summit' or 'LEP Board briefing'"),
        F("kind", "Kind", "choice", choices=("deck", "document")),
        F(
            "sections",
            "Sections",
            "lines",
            optional=True,
            help="One section id per line, or 'tag: context' for every section tagged so; empty: all, in order",
        ),
        F("subtitle", "Subtitle", optional=True, help="The project's when empty"),
        F("event", "Event", optional=True, help="The project's when empty"),
        F("date", "Date", optional=True, help="YYYY-MM-DD; the project's when empty"),
        F("audience", "Audience", optional=True, help="The project's when empty"),
        F("template", "Template", optional=True, help="A .pptx/.potx or .docx/.dotx, relative to the project"),
        F("slug", "File name", optional=True, help="Without extension; '<project>-<name>' when empty"),
        F("changes_since", "Changes since snapshot", "choice", optional=True, choices=("", *snapshots)),
        F("what_we_heard", "Close with 'What we heard' from the feedback", "check"),
    ]


class PacksWindow(QWidget):
    """Add, rename, order and edit packs; tag sections."""

    def __init__(self, doc: ProjectDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.doc = doc
        self.setWindowTitle("Packs: the decks and documents of this project")
        self.editor: FormEditor | None = None
        self._editing = -1
        tabs = QTabWidget()
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)

        packs_tab = QWidget()
        row = QHBoxLayout(packs_tab)
        split = QSplitter()
        left = QWidget()
        left_col = QVBoxLayout(left)
        self.list = QListWidget()
        self.list.setAccessibleName("Packs")
        left_col.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        self.add_deck = QPushButton("Add &deck")
        self.add_document = QPushButton("Add d&ocument")
        self.remove = QPushButton("&Remove")
        self.up = QPushButton("\u25b2")
        self.up.setToolTip("Move the pack up")
        self.down = QPushButton("\u25bc")
        self.down.setToolTip("Move the pack down")
        for b in (self.add_deck, self.add_document, self.remove, self.up, self.down):
            buttons.addWidget(b)
        left_col.addLayout(buttons)
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #b00020;")
        left_col.addWidget(self.problems)
        split.addWidget(left)
        right = QWidget()
        right_col = QVBoxLayout(right)
        self.add_section = QPushButton("Add a &section or tag \u25be")
        self.add_section.setToolTip("Append a section (or every section with a tag) to this pack")
        self.section_menu = QMenu(self)
        self.add_section.setMenu(self.section_menu)
        self.section_menu.aboutToShow.connect(self._fill_section_menu)
        self.takes = QLabel()
        self.takes.setWordWrap(True)
        self.form_area = QScrollArea()
        self.form_area.setWidgetResizable(True)
        right_col.addWidget(self.add_section)
        right_col.addWidget(self.takes)
        right_col.addWidget(self.form_area, 1)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        split.setSizes([300, 680])
        row.addWidget(split)
        tabs.addTab(packs_tab, "&Packs")

        self.tags = QTableWidget(0, 2)
        self.tags.setHorizontalHeaderLabels(["Section", "Tags (separated by commas)"])
        self.tags.horizontalHeader().setStretchLastSection(True)
        self.tags.setColumnWidth(0, 320)
        tabs.addTab(self.tags, "Section &tags")

        self.add_deck.clicked.connect(lambda: self._add(PackKind.DECK))
        self.add_document.clicked.connect(lambda: self._add(PackKind.DOCUMENT))
        self.remove.clicked.connect(self._remove)
        self.up.clicked.connect(lambda: self._move(-1))
        self.down.clicked.connect(lambda: self._move(1))
        self.list.currentRowChanged.connect(lambda _row: self._show_form())
        self.tags.itemChanged.connect(self._tags_edited)
        doc.packs_changed.connect(self.refresh)
        doc.replaced.connect(self.refresh)
        doc.section_inserted.connect(self.refresh)
        doc.section_removed.connect(self.refresh)
        doc.section_changed.connect(self.refresh)
        screen = self.screen().availableGeometry()
        self.resize(min(980, int(screen.width() * 0.75)), min(680, int(screen.height() * 0.85)))
        self.refresh()

    # ----------------------------------------------------------------- state
    def packs(self) -> list[Pack]:
        """The packs as built: the declared ones, else the default deck and draft."""
        return list(self.doc.project.packs) or default_packs()

    def _declared(self) -> list[Pack]:
        # Editing the default packs declares them: from then on the project lists its packs.
        return [p.model_copy(deep=True) for p in self.packs()]

    def refresh(self, *_: object) -> None:
        """Show the packs, the chosen one's form and the section tags as the project has them now."""
        row = max(self.list.currentRow(), 0)
        self.list.blockSignals(True)
        self.list.clear()
        project = self.doc.project
        for pack in self.packs():
            count = len(pack_sections(pack, project.sections))
            self.list.addItem(f"{pack.name} ({pack.kind.value}, {count} sections)")
        self.list.setCurrentRow(min(row, self.list.count() - 1))
        self.list.blockSignals(False)
        problems = [message for _, message in pack_problems(project)]
        self.problems.setText("\n".join(problems))
        self.problems.setVisible(bool(problems))
        self._fill_tags()
        self._show_form()

    def _show_form(self) -> None:
        index = self.list.currentRow()
        packs = self.packs()
        if not 0 <= index < len(packs):
            return
        pack = packs[index]
        folder = self.doc.path
        snapshots = [s.name for s in list_snapshots(folder)] if folder is not None else []
        titles = [plain_text(s.title) for s in pack_sections(pack, self.doc.project.sections)]
        self.takes.setText("Takes: " + ("; ".join(titles) if titles else "no section yet"))
        same = self.editor is not None and self._editing == index
        if same and self.editor is not None and (self.editor.has_errors() or self.editor.last_valid == pack):
            return  # the form already shows it (or holds what the user is typing, in red): keep it
        editor = FormEditor(f"Pack: {pack.name}", pack_fields(snapshots), pack_from_data)
        editor.set_data(pack_data(pack))
        editor.edited.connect(lambda new, key, i=index: self._edited(i, new, key))
        self.editor, self._editing = editor, index
        self.form_area.setWidget(editor)

    def _push(self, packs: list[Pack], text: str, field: str = "") -> None:
        self.doc.undo.push(cmd.EditPacks(self.doc, packs, field, text))

    def _edited(self, index: int, pack: Pack, key: str) -> None:
        packs = self._declared()
        packs[index] = pack
        self._push(packs, f"Edit pack '{pack.name}'", f"{index}.{key}")

    # ----------------------------------------------------------------- actions
    def _add(self, kind: PackKind) -> None:
        packs = self._declared()
        taken = {p.name for p in packs}
        base = "New deck" if kind is PackKind.DECK else "New document"
        name, n = base, 2
        while name in taken:
            name, n = f"{base} {n}", n + 1
        packs.append(Pack(name=name, kind=kind, sections=[]))
        self._push(packs, f"Add pack '{name}'")
        self.list.setCurrentRow(len(packs) - 1)

    def _remove(self) -> None:
        index = self.list.currentRow()
        packs = self._declared()
        if not 0 <= index < len(packs):
            return
        if not dialogs.ask_yes_no(self, "Remove pack", f"Remove the pack '{packs[index].name}'? Its sections stay."):
            return
        gone = packs.pop(index)
        self._push(packs, f"Remove pack '{gone.name}'")

    def _move(self, step: int) -> None:
        index = self.list.currentRow()
        packs = self._declared()
        to = index + step
        if not (0 <= index < len(packs) and 0 <= to < len(packs)):
            return
        packs[index], packs[to] = packs[to], packs[index]
        self._push(packs, f"Move pack '{packs[to].name}'")
        self.list.setCurrentRow(to)

    def _fill_section_menu(self) -> None:
        self.section_menu.clear()
        for section in self.doc.project.sections:
            action = self.section_menu.addAction(plain_text(section.title))
            action.triggered.connect(lambda _=False, sid=section.id: self.append(sid))
        tags = sorted({t for s in self.doc.project.sections for t in s.tags})
        if tags:
            self.section_menu.addSeparator()
            for tag in tags:
                action = self.section_menu.addAction(f"Every section tagged '{tag}'")
                action.triggered.connect(lambda _=False, t=tag: self.append(TagPick(tag=t)))

    def append(self, pick: str | TagPick) -> None:
        """Add a section id (or a tag) at the end of the current pack's sections."""
        index = self.list.currentRow()
        packs = self._declared()
        if not 0 <= index < len(packs):
            return
        pack = packs[index]
        current = list(pack.sections) if pack.sections is not None else []
        if pick in current:
            return
        packs[index] = pack.model_copy(update={"sections": [*current, pick]})
        self._push(packs, f"Add to pack '{pack.name}'")

    def _fill_tags(self) -> None:
        self.tags.blockSignals(True)
        sections = self.doc.project.sections
        self.tags.setRowCount(len(sections))
        for i, section in enumerate(sections):
            title = QTableWidgetItem(plain_text(section.title))
            title.setFlags(title.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.tags.setItem(i, 0, title)
            self.tags.setItem(i, 1, QTableWidgetItem(", ".join(section.tags)))
        self.tags.blockSignals(False)

    def _tags_edited(self, item: QTableWidgetItem) -> None:
        if item.column() != 1:
            return
        index = item.row()
        tags = list(dict.fromkeys(slugify(t, fallback="") for t in item.text().split(",") if t.strip()))
        tags = [t for t in tags if t]
        try:
            if tags == list(self.doc.project.sections[index].tags):
                return
            self.doc.undo.push(cmd.SetSectionTags(self.doc, index, tags))
        except ValidationError as exc:
            dialogs.show_error(self, "Tag not kept", str(exc.errors(include_url=False)[0]["msg"]))
