"""The pack panel: choose templates and an output folder, Generate (F5), then open the results.

Templates are the bundled ones unless the user picks a file; a picked file is checked with
``render.template_guard.check_template`` at once, so a bad template is refused with a clear
message before anything is built. Choices are remembered per project (QSettings keyed by
the project folder). Building runs in a :class:`GenerateJob` thread; the UI stays live.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from neslis_desktop.errors import NeslisError
from neslis_desktop.gui import dialogs, settings
from neslis_desktop.gui.elided_label import ElidedLabel
from neslis_desktop.gui.generate_worker import GenerateJob
from neslis_desktop.model import Project
from neslis_desktop.model.packs import Pack
from neslis_desktop.render.a11y.command import build_summary
from neslis_desktop.render.packs import PacksResult, main_packs


def open_path(path: Path) -> bool:
    """Open a file or folder with the system's application (PowerPoint, Word, Explorer)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class PackPanel(QGroupBox):
    """Template and folder choices, the Generate button, progress and the results."""

    generated = Signal(object)
    """A finished build's PacksResult."""
    template_changed = Signal()
    problem_chosen = Signal(object)
    """A slide problem in the list was clicked: its :class:`Finding` (section, slide, shape, box)."""
    """The deck or document template changed (the preview follows the deck template)."""

    def __init__(
        self, project: Callable[[], Project], project_path: Callable[[], Path | None], parent: QWidget | None = None
    ):
        super().__init__("Generate the pack", parent)
        self._project, self._project_path = project, project_path
        self.deck_template: Path | None = None
        self.doc_template: Path | None = None
        self.out_dir: Path | None = None
        self.job: GenerateJob | None = None
        self.result: PacksResult | None = None

        layout = QVBoxLayout(self)
        form = QFormLayout()
        # In a narrow column (1366x768 at 150%) a field goes under its label rather than squeezed beside it.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.deck_label, deck_row = self._chooser("pptx")
        self.doc_label, doc_row = self._chooser("docx")
        form.addRow("Deck template:", deck_row)
        form.addRow("Document template:", doc_row)
        out_row = QWidget()
        out_line = QHBoxLayout(out_row)
        out_line.setContentsMargins(0, 0, 0, 0)
        self.out_label = ElidedLabel(mode=Qt.TextElideMode.ElideMiddle)  # a path: keep its drive and its last folder
        change_out = QPushButton("Change…")
        change_out.setAccessibleName("Change output folder")
        change_out.clicked.connect(self.choose_output)
        out_line.addWidget(self.out_label, 1)
        out_line.addWidget(change_out)
        form.addRow("Output folder:", out_row)
        self.which = QComboBox()
        self.which.setAccessibleName("Packs to build")
        self.which.setToolTip("The main deck and draft, one pack, or every pack (Project ▸ Packs lists them)")
        self.which.view().setTextElideMode(Qt.TextElideMode.ElideRight)
        # Long pack names must not widen the right-hand column and squeeze the editor.
        self.which.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.which.setMinimumContentsLength(12)
        form.addRow("&Build:", self.which)
        self.also_pdf = QCheckBox("Also save tagged &PDF")
        self.also_pdf.setToolTip("Needs LibreOffice; without it the build says what to install and goes on")
        self.also_html = QCheckBox("Also save an &HTML edition")
        form.addRow("", self.also_pdf)
        form.addRow("", self.also_html)
        layout.addLayout(form)

        buttons = QHBoxLayout()
        self.generate_button = QPushButton("&Generate deck and document (F5)")
        self.generate_button.setAccessibleName("Generate deck and document")
        self.generate_button.setDefault(True)
        self.generate_button.clicked.connect(self.generate)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setAccessibleName("Cancel generating")
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        buttons.addWidget(self.generate_button, 1)
        buttons.addWidget(self.cancel_button)
        layout.addLayout(buttons)
        self.progress = QProgressBar()
        self.progress.setAccessibleName("Generation progress")
        self.progress.setTextVisible(True)
        self.progress.hide()
        layout.addWidget(self.progress)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

        results = QHBoxLayout()
        self.open_deck = QPushButton("Open &deck")
        self.open_doc = QPushButton("Open doc&ument")
        self.show_folder = QPushButton("Show in f&older")
        for button in (self.open_deck, self.open_doc, self.show_folder):
            button.setEnabled(False)
            button.setAccessibleName(button.text().replace("&", ""))
            results.addWidget(button)
        self.open_deck.clicked.connect(lambda: self._open(self.result.deck if self.result else None, "deck"))
        self.open_doc.clicked.connect(lambda: self._open(self.result.draft if self.result else None, "document"))
        self.show_folder.clicked.connect(lambda: self._open(self.out_dir, "folder"))
        layout.addLayout(results)
        self.messages = QListWidget()
        self.messages.setAccessibleName("Build messages")
        self.messages.setWordWrap(True)  # a long message wraps; it never needs a sideways scroll
        self.messages.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.messages.setMaximumHeight(110)
        self.messages.hide()
        self.messages.itemClicked.connect(self._message_clicked)
        self.messages.itemActivated.connect(self._message_clicked)
        layout.addWidget(self.messages)
        self.load_choices()

    # ------------------------------------------------------------------ choices
    def _chooser(self, kind: str) -> tuple[QLabel, QWidget]:
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        label = ElidedLabel("Bundled")
        pick = QPushButton("Choose…")
        pick.setAccessibleName(f"Choose {'deck' if kind == 'pptx' else 'document'} template")
        pick.clicked.connect(lambda: self.choose_template(kind))
        reset = QPushButton("Bundled")
        reset.setAccessibleName(f"Use the bundled {'deck' if kind == 'pptx' else 'document'} template")
        reset.clicked.connect(lambda: self.set_template(kind, None))
        line.addWidget(label, 1)
        line.addWidget(pick)
        line.addWidget(reset)
        return label, row

    def load_choices(self) -> None:
        """Read this project's remembered templates and output folder."""
        path = self._project_path()
        deck = settings.project_value(path, "deck_template")
        doc = settings.project_value(path, "doc_template")
        out = settings.project_value(path, "out_dir")
        self.deck_template = Path(deck) if deck and Path(deck).is_file() else None
        self.doc_template = Path(doc) if doc and Path(doc).is_file() else None
        self.out_dir = Path(out) if out else self.default_out_dir()
        self._show_choices()
        self.refresh_packs()

    def default_out_dir(self) -> Path:
        path = self._project_path()
        if path is not None:
            return path.parent / f"{path.name}-output"
        docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(docs or Path.home()) / "NESLIS output"

    def _show_choices(self) -> None:
        self.deck_label.setText(self.deck_template.name if self.deck_template else "Bundled NESLIS deck")
        self.deck_label.setToolTip(str(self.deck_template or self.deck_label.text()))
        self.doc_label.setText(self.doc_template.name if self.doc_template else "Bundled NESLIS document")
        self.doc_label.setToolTip(str(self.doc_template or self.doc_label.text()))
        self.out_label.setText(str(self.out_dir))

    def choose_template(self, kind: str) -> None:
        path = dialogs.ask_template_file(self, kind)
        if path is not None:
            self.set_template(kind, path)

    def set_template(self, kind: str, path: Path | None) -> bool:
        """Use ``path`` (checked first) or the bundled template (None); False when refused."""
        if path is not None:
            from neslis_desktop.render.template_guard import check_template

            try:
                check_template(path, "pptx" if kind == "pptx" else "docx")
            except NeslisError as exc:
                dialogs.show_error(self, "Template refused", str(exc))
                return False
        if kind == "pptx":
            self.deck_template = path
        else:
            self.doc_template = path
        name = "deck_template" if kind == "pptx" else "doc_template"
        settings.set_project_value(self._project_path(), name, str(path) if path else None)
        self._show_choices()
        self.template_changed.emit()
        return True

    def remember_for(self, project_path: Path | None) -> None:
        """Keep the current choices for ``project_path`` (after Save As gives a project a folder)."""
        for name, path in (("deck_template", self.deck_template), ("doc_template", self.doc_template)):
            settings.set_project_value(project_path, name, str(path) if path else None)

    def choose_output(self) -> None:
        folder = dialogs.ask_output_folder(self, str(self.out_dir or ""))
        if folder is not None:
            self.set_output(folder)

    def refresh_packs(self) -> None:
        """List the project's packs in the Build choice, keeping the choice when it still exists."""
        keep = self.which.currentText()
        packs = self._project().all_packs()
        main = " and ".join(p.name for p in main_packs(self._project()))
        self.which.blockSignals(True)
        self.which.clear()
        self.which.addItem(f"Main packs: {main}", None)
        for index, pack in enumerate(packs):
            self.which.addItem(f"{pack.name} ({pack.kind.value})", index)
        if len(packs) > 2:
            self.which.addItem(f"Every pack ({len(packs)})", -1)
        found = self.which.findText(keep)
        self.which.setCurrentIndex(max(found, 0))
        self.which.blockSignals(False)

    def chosen_packs(self) -> list[Pack] | None:
        """The packs the Build choice names; ``None`` for the main deck and draft."""
        choice = self.which.currentData()
        packs = self._project().all_packs()
        if choice is None:
            return None
        if choice == -1:
            return packs
        return [packs[choice]] if 0 <= choice < len(packs) else None

    def set_output(self, folder: Path) -> None:
        self.out_dir = folder
        settings.set_project_value(self._project_path(), "out_dir", str(folder))
        self._show_choices()

    # ------------------------------------------------------------------ building
    def generate(self) -> None:
        if self.job is not None:
            return
        assert self.out_dir is not None
        self.result = None
        for button in (self.open_deck, self.open_doc, self.show_folder):
            button.setEnabled(False)
        self.messages.clear()
        self.messages.hide()
        self.job = GenerateJob(
            self._project(),
            self.out_dir,
            self.deck_template,
            self.doc_template,
            self,
            folder=self._project_path(),
            packs=self.chosen_packs(),
            pdf=self.also_pdf.isChecked(),
            html=self.also_html.isChecked(),
        )
        self.job.progress.connect(self._progress)
        self.job.succeeded.connect(self._succeeded)
        self.job.failed.connect(self._failed)
        self.job.cancelled.connect(lambda: self.status.setText("Cancelled; no files were changed."))
        self.job.finished.connect(self._finished)
        self.generate_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.status.setText("Starting…")
        self.job.start()

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.status.setText("Cancelling…")

    def _progress(self, step: int, steps: int, what: str) -> None:
        self.progress.setRange(0, steps)
        self.progress.setValue(step)
        self.status.setText(what + "…")

    def _succeeded(self, result: PacksResult) -> None:
        self.result = result
        names = ", ".join(p.name for p in [*result.paths, *result.extras])
        self.status.setText(f"Done: {names}")
        self.open_deck.setEnabled(result.deck is not None)
        self.open_doc.setEnabled(result.draft is not None)
        self.show_folder.setEnabled(True)
        # The slide inspector's problems first: each needs a hand fix or a change in the content.
        # Each knows its section, slide and shape, so a click selects the block and marks the box.
        for problem in result.problems:
            item = QListWidgetItem(f"Slide problem: {problem}")
            item.setData(Qt.ItemDataRole.UserRole, problem)
            item.setToolTip("Click to select this block in the outline and mark the box in the preview")
            self.messages.addItem(item)
        lines = [*result.messages, *build_summary(result.accessibility)]
        self.messages.addItems(list(dict.fromkeys(lines)))  # each shown once
        if self.messages.count():
            self.messages.show()
        self.generated.emit(result)

    def _message_clicked(self, item: QListWidgetItem) -> None:
        problem = item.data(Qt.ItemDataRole.UserRole)
        if problem is not None:
            self.problem_chosen.emit(problem)

    def _open(self, path: Path | None, what: str) -> None:
        if path is None:
            return
        if not open_path(path):
            dialogs.show_error(
                self,
                f"Could not open the {what}",
                f"The system has no application to open {path}. Open it from your file manager instead.",
            )

    def _failed(self, message: str, details: str) -> None:
        self.status.setText("Generating failed; nothing was changed.")
        dialogs.show_error(self, "Could not generate the pack", message, details)

    def _finished(self) -> None:
        self.progress.hide()
        self.generate_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        job, self.job = self.job, None
        if job is not None:
            job.deleteLater()
