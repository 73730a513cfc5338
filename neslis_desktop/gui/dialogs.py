"""Every modal dialog the app shows, as small functions that tests replace with monkeypatch.

No other module opens a QMessageBox or QFileDialog directly, so no test ever waits on a modal
and each question the app asks is written once, in plain words.
"""

from __future__ import annotations

import platform
import sys
from enum import Enum
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget


class InvalidChoice(Enum):
    """Answer to 'a field in red cannot be kept: go to it?'."""

    GO_TO = "go to"
    PROCEED = "proceed"
    CANCEL = "cancel"


class BrokenChoice(Enum):
    """Answer to 'some files of this project cannot be read'."""

    OPEN_REST = "open the rest"
    OPEN_TEXT = "open the files as text"
    RESTORE = "restore the recovery copy"
    CANCEL = "cancel"


class SaveChoice(Enum):
    """Answer to 'save your changes?'."""

    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def ask_open_folder(parent: QWidget | None, start: str = "") -> Path | None:
    """A project folder to open, or None."""
    folder = QFileDialog.getExistingDirectory(parent, "Open project folder", start)
    return Path(folder) if folder else None


def ask_save_folder(parent: QWidget | None, start: str = "") -> Path | None:
    """A folder to save the project into (created or empty, or an existing project), or None."""
    folder = QFileDialog.getExistingDirectory(parent, "Save project in folder", start)
    return Path(folder) if folder else None


def ask_output_folder(parent: QWidget | None, start: str = "") -> Path | None:
    """The folder generated files go to, or None."""
    folder = QFileDialog.getExistingDirectory(parent, "Folder for the generated deck and document", start)
    return Path(folder) if folder else None


def ask_template_file(parent: QWidget | None, kind: str, start: str = "") -> Path | None:
    """A .pptx or .docx template, or None."""
    filters = "PowerPoint presentations (*.pptx)" if kind == "pptx" else "Word documents (*.docx)"
    name, _ = QFileDialog.getOpenFileName(parent, f"Choose a {kind} template", start, filters)
    return Path(name) if name else None


def ask_save_changes(parent: QWidget | None, title: str) -> SaveChoice:
    """Save, discard or cancel before closing or replacing a project with unsaved changes."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Unsaved changes")
    box.setText(f"Save the changes to '{title}' before closing?")
    box.setInformativeText("If you don't save, your changes since the last save will be lost.")
    save = box.addButton("&Save", QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton("&Don't save", QMessageBox.ButtonRole.DestructiveRole)
    box.addButton("&Cancel", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(save)
    box.exec()
    if box.clickedButton() is save:
        return SaveChoice.SAVE
    if box.clickedButton() is discard:
        return SaveChoice.DISCARD
    return SaveChoice.CANCEL


_ACTION_WORDS = {
    "save": ("Save", "&Save the rest"),
    "generate": ("Generate", "&Generate from the rest"),
    "close": ("Close", "&Drop what I typed"),
}


def ask_invalid_field(parent: QWidget | None, action: str, item: str, where: str, message: str) -> InvalidChoice:
    """A field shown in red cannot be kept: go to it, go ahead without it, or cancel.

    ``action`` is 'save', 'generate' or 'close'; ``item`` names the form ('Org chart'),
    ``where`` the field ('Box 2 › Identifier') and ``message`` what is wrong with it.
    """
    verb, proceed_text = _ACTION_WORDS.get(action, (action.capitalize(), "&Go ahead"))
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(f"{verb}: a field has a problem")
    box.setText(f"{item} › {where}: {message}")
    box.setInformativeText(
        "What is typed there is not valid, so it is kept nowhere yet: the project still holds that "
        "field's last valid value."
    )
    go_to = box.addButton("&Go to the field", QMessageBox.ButtonRole.AcceptRole)
    proceed = box.addButton(proceed_text, QMessageBox.ButtonRole.DestructiveRole)
    box.addButton("&Cancel", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(go_to)
    box.exec()
    if box.clickedButton() is go_to:
        return InvalidChoice.GO_TO
    if box.clickedButton() is proceed:
        return InvalidChoice.PROCEED
    return InvalidChoice.CANCEL


def ask_broken_project(parent: QWidget | None, folder: Path, listing: str, can_restore: bool) -> BrokenChoice:
    """Some section files of ``folder`` cannot be read (``listing``: one 'file: message' a line).

    Offers to open the rest, to open the broken files as text to repair them, or, when there is
    one, to restore the recovery copy.
    """
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Some of the project cannot be read")
    box.setText(f"These files in {folder} could not be read:\n\n{listing}")
    box.setInformativeText(
        "The rest opens as a project not saved yet, so the files stay as they are. "
        "Or open the files as text to repair them, then open the project again."
    )
    rest = box.addButton("Open the &rest", QMessageBox.ButtonRole.AcceptRole)
    text = box.addButton("Open the files as &text", QMessageBox.ButtonRole.ActionRole)
    restore = box.addButton("Restore the recovery &copy", QMessageBox.ButtonRole.ActionRole) if can_restore else None
    box.addButton("&Cancel", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(rest)
    box.exec()
    clicked = box.clickedButton()
    if clicked is rest:
        return BrokenChoice.OPEN_REST
    if clicked is text:
        return BrokenChoice.OPEN_TEXT
    if restore is not None and clicked is restore:
        return BrokenChoice.RESTORE
    return BrokenChoice.CANCEL


def ask_yes_no(parent: QWidget | None, title: str, text: str) -> bool:
    """A yes/no question (restore a recovery copy, reload a changed project...)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setText(text)
    yes = box.addButton("&Yes", QMessageBox.ButtonRole.YesRole)
    no = box.addButton("&No", QMessageBox.ButtonRole.NoRole)
    box.setDefaultButton(no)
    box.exec()
    return box.clickedButton() is yes


NONINTERACTIVE = [False]
"""Set for --screenshot runs: errors are printed instead of shown in a modal box."""


def show_error(parent: QWidget | None, title: str, text: str, details: str = "") -> None:
    """An error, in words a user can act on; technical details folded away."""
    if NONINTERACTIVE[0]:
        if sys.stderr is not None:
            sys.stderr.write(f"{title}: {text}\n{details}\n")
        return
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(title)
    box.setText(text)
    if details:
        box.setDetailedText(details)
    box.exec()


def versions() -> dict[str, str]:
    """Versions of the app and the libraries it runs on, for the About box and bug reports."""
    from importlib.metadata import PackageNotFoundError, version

    import PySide6
    from PySide6.QtCore import qVersion

    import neslis_desktop

    out = {
        "NESLIS Desktop": neslis_desktop.__version__,
        "Python": platform.python_version(),
        "Qt": qVersion(),
        "PySide6": PySide6.__version__,
    }
    for label, dist in (("python-pptx", "python-pptx"), ("python-docx", "python-docx"), ("pydantic", "pydantic")):
        try:
            out[label] = version(dist)
        except PackageNotFoundError:
            out[label] = "(bundled)"
    out["System"] = f"{platform.system()} {platform.release()} ({sys.platform})"
    return out


def about_text() -> str:
    rows = "".join(f"<tr><td>{k}</td><td>&nbsp;{v}</td></tr>" for k, v in versions().items())
    return (
        "<h3>NESLIS Desktop</h3><p>Edit the Local Industrial Strategy offline and generate "
        f"engagement decks and draft documents.</p><table>{rows}</table>"
    )


def show_about(parent: QWidget | None) -> None:
    QMessageBox.about(parent, "About NESLIS Desktop", about_text())


def ask_open_file(parent: QWidget | None, title: str, filters: str, start: str = "") -> Path | None:
    """A file to read (a survey export, a returned draft); ``None`` when cancelled."""
    name, _ = QFileDialog.getOpenFileName(parent, title, start, filters)
    return Path(name) if name else None


def ask_text(parent: QWidget | None, title: str, label: str, start: str = "") -> str | None:
    """A line of text (a snapshot's name); ``None`` when cancelled or left empty."""
    text, ok = QInputDialog.getText(parent, title, label, text=start)
    return text.strip() or None if ok else None


def show_report(parent: QWidget | None, title: str, text: str, lines: list[str]) -> None:
    """What a long operation did, with every line of its report in a scrollable details box."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(title)
    box.setText(text)
    if lines:
        box.setDetailedText("\n".join(lines))
    box.exec()


def ask_sections(parent: QWidget | None, source: str, titles: list[str]) -> list[int]:
    """Which of ``titles`` (sections of the project at ``source``) to copy; ``[]`` when cancelled."""
    from PySide6.QtWidgets import QAbstractItemView, QDialog, QDialogButtonBox, QLabel, QListWidget, QVBoxLayout

    dialog = QDialog(parent)
    dialog.setWindowTitle("Copy sections from another project")
    layout = QVBoxLayout(dialog)
    layout.addWidget(QLabel(f"Sections of {source}: choose one or more (Ctrl or Shift to choose several)."))
    listing = QListWidget()
    listing.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    listing.addItems(titles)
    layout.addWidget(listing)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Copy into this project")
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("&Cancel")
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return []
    return sorted(listing.row(item) for item in listing.selectedItems())
