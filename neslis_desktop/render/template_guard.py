"""Checks a user-picked template before python-pptx or python-docx opens it.

Templates arrive by email from partners. Before parsing, the file must be a zip package of
the expected kind, within size limits (a zip bomb is refused before anything is inflated),
without macros, DTDs or external entities, and not an encrypted (password-protected) file.
Each refusal is a :class:`~neslis_desktop.errors.TemplateError` naming the template and why.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Literal

from neslis_desktop.errors import TemplateError

Kind = Literal["pptx", "docx"]

MAX_PART_BYTES = 64 * 1024 * 1024
"""Largest uncompressed size of one part; real templates' biggest parts are images of a few MB."""
MAX_TOTAL_BYTES = 256 * 1024 * 1024
MAX_RATIO = 200
"""Largest compression ratio of an XML part over 1 MB; zip bombs run to thousands."""

_SUFFIXES: dict[Kind, tuple[str, ...]] = {"pptx": (".pptx", ".potx"), "docx": (".docx", ".dotx")}
_MACRO_SUFFIXES = {".pptm", ".potm", ".docm", ".dotm"}
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_WHAT = {"pptx": "PowerPoint presentation or template", "docx": "Word document or template"}


def check_template(path: Path, kind: Kind) -> None:
    """Refuse ``path`` with a clear :class:`TemplateError` unless it is a safe ``kind`` package."""
    path = Path(path)
    what = _WHAT[kind]
    if not path.is_file():
        raise TemplateError(f"The template {path} does not exist or is not a file.")
    suffix = path.suffix.lower()
    if suffix in _MACRO_SUFFIXES:
        raise TemplateError(
            f"The template {path.name} is macro-enabled ({suffix}). Macros are never run; save it as "
            f"{' or '.join(_SUFFIXES[kind])} (without macros) in Office and pick that file."
        )
    with open(path, "rb") as handle:
        head = handle.read(8)
    if head == _OLE_MAGIC:
        raise TemplateError(
            f"The template {path.name} is password-protected or in the old binary Office format; "
            f"open it in Office, remove the password or save it as {' or '.join(_SUFFIXES[kind])}, and pick it again."
        )
    if suffix not in _SUFFIXES[kind]:
        raise TemplateError(
            f"The template {path.name} is not a {what}: pick a {' or '.join(_SUFFIXES[kind])} file."
        )
    try:
        with zipfile.ZipFile(path) as package:
            _check_package(package, path, kind)
    except zipfile.BadZipFile:
        raise TemplateError(
            f"The template {path.name} is not a {what}: the file is damaged or of another kind."
        ) from None
    except (OSError, EOFError, ValueError) as exc:
        raise TemplateError(f"The template {path.name} could not be read: {exc}.") from None


def _check_package(package: zipfile.ZipFile, path: Path, kind: Kind) -> None:
    names = package.namelist()
    main = "ppt/presentation.xml" if kind == "pptx" else "word/document.xml"
    if "[Content_Types].xml" not in names or main not in names:
        raise TemplateError(f"The template {path.name} is not a {_WHAT[kind]}: it has no {main} part.")
    total = 0
    for info in package.infolist():
        if info.file_size > MAX_PART_BYTES:
            raise TemplateError(
                f"The template {path.name} holds a part ({info.filename}) of {info.file_size:,} bytes, over the "
                f"{MAX_PART_BYTES:,}-byte limit; it may be a zip bomb and was not opened."
            )
        is_big_xml = info.file_size > 1_000_000 and info.filename.endswith((".xml", ".rels"))
        if is_big_xml and info.compress_size and info.file_size / info.compress_size > MAX_RATIO:
            raise TemplateError(
                f"The template {path.name} has a part ({info.filename}) that inflates "
                f"{info.file_size // max(info.compress_size, 1):,} times; it may be a zip bomb and was not opened."
            )
        total += info.file_size
        if "vbaProject" in info.filename:
            raise TemplateError(
                f"The template {path.name} contains macros ({info.filename}). Macros are never run; save it "
                "without macros in Office and pick it again."
            )
    if total > MAX_TOTAL_BYTES:
        raise TemplateError(
            f"The template {path.name} would unpack to {total:,} bytes, over the {MAX_TOTAL_BYTES:,}-byte limit."
        )
    for name in names:
        if not name.endswith((".xml", ".rels")):
            continue
        with package.open(name) as part:
            head = part.read(4096)
        if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
            raise TemplateError(
                f"The template {path.name} has a document type declaration in {name}, which Office never "
                "writes; it was refused because it could make the program read other files."
            )
