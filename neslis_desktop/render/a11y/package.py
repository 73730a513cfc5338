"""Opening a deck or document to check: any .pptx/.potx/.ppsx or .docx/.dotx, from anyone.

Files come from partners, so they are opened with care: the zip directory's sizes are read
before anything is inflated (a zip bomb is refused), templates and slide shows are relabelled
as documents so python-pptx/python-docx open them, and every failure becomes one
:class:`~neslis_desktop.render.a11y.findings.UnreadableFile` naming the file and why.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any, Literal

from neslis_desktop.render.a11y.findings import UnreadableFile
from neslis_desktop.render.package import relabel_main_part

Kind = Literal["deck", "document"]

DECK_SUFFIXES = (".pptx", ".potx", ".ppsx")
DOCUMENT_SUFFIXES = (".docx", ".dotx")
MAX_TOTAL_BYTES = 512 * 1024 * 1024
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_OOXML = "application/vnd.openxmlformats-officedocument."
_PRESENTATION = _OOXML + "presentationml.presentation.main+xml"
_PRESENTATION_LIKE = (_OOXML + "presentationml.template.main+xml", _OOXML + "presentationml.slideshow.main+xml")
_DOCUMENT = _OOXML + "wordprocessingml.document.main+xml"
_DOCUMENT_LIKE = (_OOXML + "wordprocessingml.template.main+xml",)


def kind_of(path: Path) -> Kind:
    """Whether ``path`` names a deck or a document, from its suffix; refuses other files."""
    suffix = path.suffix.lower()
    if suffix in DECK_SUFFIXES:
        return "deck"
    if suffix in DOCUMENT_SUFFIXES:
        return "document"
    if suffix in (".ppt", ".doc", ".pptm", ".docm", ".odp", ".odt"):
        raise UnreadableFile(
            f"{path}: {suffix} files are not checked; open it in PowerPoint, Word or LibreOffice and "
            "save it as .pptx or .docx, then check that copy."
        )
    raise UnreadableFile(f"{path}: not a PowerPoint (.pptx) or Word (.docx) file.")


def _read(path: Path) -> bytes:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableFile(f"{path}: could not be read ({exc.strerror or exc}).") from None
    if data[:8] == _OLE_MAGIC:
        raise UnreadableFile(
            f"{path}: password-protected or in the old binary Office format; remove the password or "
            "save it as .pptx/.docx, then check it again."
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            infos = package.infolist()
    except zipfile.BadZipFile:
        raise UnreadableFile(f"{path}: damaged or not an Office file (it is not a zip package).") from None
    if sum(i.file_size for i in infos) > MAX_TOTAL_BYTES:
        raise UnreadableFile(f"{path}: would unpack to more than {MAX_TOTAL_BYTES:,} bytes; not opened.")
    if any(i.flag_bits & 0x1 for i in infos):
        raise UnreadableFile(f"{path}: password-protected; remove the password and check it again.")
    return data


def open_deck(path: Path) -> Any:
    """``path`` as a python-pptx ``Presentation``."""
    from pptx import Presentation

    data = relabel_main_part(_read(path), _PRESENTATION_LIKE, _PRESENTATION)
    try:
        return Presentation(io.BytesIO(data))
    except Exception as exc:  # python-pptx raises many kinds on damaged or foreign files
        raise UnreadableFile(f"{path}: not a PowerPoint presentation that can be opened ({exc}).") from None


def open_document(path: Path) -> Any:
    """``path`` as a python-docx ``Document``."""
    import docx

    data = relabel_main_part(_read(path), _DOCUMENT_LIKE, _DOCUMENT)
    try:
        return docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many kinds on damaged or foreign files
        raise UnreadableFile(f"{path}: not a Word document that can be opened ({exc}).") from None
