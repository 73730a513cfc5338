"""The picture field: the file's path in the project, a Choose button that copies a picture in,
and a thumbnail, so an officer sees which picture a block shows without opening the folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from neslis_desktop.errors import NeslisError
from neslis_desktop.gui import dialogs
from neslis_desktop.store.assets import copy_into_assets, picture_size

THUMBNAIL = 160


class PictureField(QWidget):
    """A picture path (inside the project) with Choose… and a thumbnail."""

    changed = Signal(str)

    def __init__(self, value: str, folder: Callable[[], Path | None]) -> None:
        super().__init__()
        self._folder = folder
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.path = QLineEdit(value)
        self.path.setPlaceholderText("assets/photo.png")
        self.choose = QPushButton("C&hoose picture…")
        row.addWidget(self.path, 1)
        row.addWidget(self.choose)
        layout.addLayout(row)
        self.thumbnail = QLabel()
        self.thumbnail.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.thumbnail.setAccessibleName("Thumbnail of the picture")
        layout.addWidget(self.thumbnail)
        self.path.textEdited.connect(self._typed)
        self.choose.clicked.connect(self.pick)
        self._show(value)

    def _typed(self, text: str) -> None:
        self._show(text)
        self.changed.emit(text)

    def _show(self, value: str) -> None:
        folder = self._folder()
        if folder is None or not value:
            self.thumbnail.setText("Save the project to choose pictures." if folder is None else "")
            self.thumbnail.setPixmap(QPixmap())
            return
        path = folder / value
        try:
            picture_size(path, where=path, field="")  # never decode a file before its size is checked
        except NeslisError as exc:
            self.thumbnail.setText(str(exc).split(": ", 1)[-1])
            return
        pixmap = QPixmap(str(path))
        if pixmap.isNull():
            self.thumbnail.setText("This file cannot be shown.")
            return
        self.thumbnail.setPixmap(
            pixmap.scaled(
                THUMBNAIL * 2, THUMBNAIL, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
        )

    def pick(self) -> None:
        """Choose a picture file and copy it into the project's assets/ folder."""
        rel = choose_picture(self, self._folder())
        if rel is not None:
            self.path.setText(rel)
            self._typed(rel)


def choose_picture(parent: QWidget, folder: Path | None) -> str | None:
    """Ask for a picture and copy it into ``folder``'s assets/; its path as content files write it.

    ``None`` when cancelled or refused (the user was told why); ``folder`` is ``None`` for a
    project that is not saved (or is open read-only), which cannot hold pictures yet.
    """
    if folder is None:
        why = "Pictures are kept in the project's folder; save the project (not read-only) first."
        dialogs.show_error(parent, "Save the project first", why)
        return None
    chosen = dialogs.ask_open_file(parent, "Choose a picture", "Pictures (*.png *.jpg *.jpeg *.gif)")
    if chosen is None:
        return None
    try:
        return copy_into_assets(chosen, folder)
    except NeslisError as exc:
        dialogs.show_error(parent, "Picture not added", str(exc))
        return None
