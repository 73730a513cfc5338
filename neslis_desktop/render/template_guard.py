"""Checks a user-picked template before python-pptx or python-docx opens it.

Templates arrive by email from partners. Before parsing, the file must be a zip package of
the expected kind, within size limits (a zip bomb is refused from the sizes in the zip
directory, before anything is inflated), without macros, DTDs or external entities, not
encrypted (password-protected), with every XML part well-formed and every internal
relationship pointing at a part that exists, and with what the writers need (a slide
layout with a title placeholder; a styles part). Each refusal is a
:class:`~neslis_desktop.errors.TemplateError` naming the template and why, so no parser
error ever reaches the user as a traceback.

``.potx``/``.dotx`` templates are accepted (the deck and draft writers retype their main
part, as python-pptx and python-docx accept only the document content type).
"""

from __future__ import annotations

import posixpath
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal
from urllib.parse import unquote

from neslis_desktop.errors import TemplateError

Kind = Literal["pptx", "docx"]
Tree = Any
"""An lxml element (lxml is imported only when a template is checked)."""
ContentTypes = Callable[[str], str]

MAX_PART_BYTES = 64 * 1024 * 1024
"""Largest uncompressed size of one part; real templates' biggest parts are images of a few MB."""
MAX_TOTAL_BYTES = 256 * 1024 * 1024
MAX_PARTS = 5_000
MAX_RATIO = 200
"""Largest compression ratio of an XML part over 1 MB; zip bombs run to thousands."""

_SUFFIXES: dict[Kind, tuple[str, ...]] = {"pptx": (".pptx", ".potx"), "docx": (".docx", ".dotx")}
_MACRO_SUFFIXES = {".pptm", ".potm", ".ppsm", ".docm", ".dotm"}
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_WHAT = {"pptx": "PowerPoint presentation or template", "docx": "Word document or template"}

_OOXML = "application/vnd.openxmlformats-officedocument."
_DOCUMENT_TYPE: dict[Kind, str] = {
    "pptx": _OOXML + "presentationml.presentation.main+xml",
    "docx": _OOXML + "wordprocessingml.document.main+xml",
}
_TEMPLATE_TYPE: dict[Kind, str] = {
    "pptx": _OOXML + "presentationml.template.main+xml",
    "docx": _OOXML + "wordprocessingml.template.main+xml",
}
_MACRO_TYPES = {
    "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml",
    "application/vnd.ms-powerpoint.template.macroEnabled.main+xml",
    "application/vnd.ms-powerpoint.slideshow.macroEnabled.main+xml",
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
}
_OTHER_KIND: dict[Kind, Kind] = {"pptx": "docx", "docx": "pptx"}
_STYLES_TYPE = _OOXML + "wordprocessingml.styles+xml"
_LAYOUT_TYPE = _OOXML + "presentationml.slideLayout+xml"

_CT_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_P_NS = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
_OFFICE_DOCUMENT = "/officeDocument"


def check_template(path: Path, kind: Kind) -> None:
    """Refuse ``path`` with a clear :class:`TemplateError` unless it is a safe ``kind`` package.

    A template that passed is remembered by its path, size and modification time, so that
    building again (the app's Generate, the preview) does not parse every part again; any
    change to the file checks it afresh. Across runs it is remembered by its content's hash
    in the user's cache folder (:mod:`neslis_desktop.store.cache`), so the next
    ``neslis build`` with the same template skips the parsing too.
    """
    path = Path(path)
    try:
        stat = path.stat()
        key: tuple[str, str, int, int] | None = (str(path.resolve()), kind, stat.st_size, stat.st_mtime_ns)
    except OSError:
        key = None
    if key is not None and key in _PASSED:
        return
    from neslis_desktop.store import cache

    content = cache.file_key(path, "template-guard", kind, path.suffix.lower())
    if content is None or not cache.has_mark("templates", content):
        _inspect(path, kind)
        if content is not None:
            cache.leave_mark("templates", content)
    if key is not None:
        if len(_PASSED) >= 64:
            _PASSED.clear()
        _PASSED.add(key)


_PASSED: set[tuple[str, str, int, int]] = set()
"""Templates that passed, by (resolved path, kind, size, modification time in ns)."""


def _inspect(path: Path, kind: Kind) -> str:
    """Every check; the main part's content type."""
    what = _WHAT[kind]
    if not path.is_file():
        raise TemplateError(f"The template {path} does not exist or is not a file.")
    suffix = path.suffix.lower()
    if suffix in _MACRO_SUFFIXES:
        raise TemplateError(
            f"The template {path.name} is macro-enabled ({suffix}). Macros are never run; save it as "
            f"{' or '.join(_SUFFIXES[kind])} (without macros) in Office and pick that file."
        )
    try:
        with open(path, "rb") as handle:
            head = handle.read(8)
    except OSError as exc:
        raise TemplateError(f"The template {path.name} could not be read: {exc.strerror or exc}.") from None
    if head == _OLE_MAGIC:
        raise TemplateError(
            f"The template {path.name} is password-protected or in the old binary Office format; "
            f"open it in Office, remove the password or save it as {' or '.join(_SUFFIXES[kind])}, and pick it again."
        )
    if suffix not in _SUFFIXES[kind]:
        raise TemplateError(f"The template {path.name} is not a {what}: pick a {' or '.join(_SUFFIXES[kind])} file.")
    try:
        with zipfile.ZipFile(path) as package:
            return _check_package(package, path, kind)
    except zipfile.BadZipFile as exc:
        raise TemplateError(
            f"The template {path.name} is not a {what}: the file is damaged or of another kind ({exc})."
        ) from None
    except (OSError, EOFError, ValueError, RuntimeError, NotImplementedError, KeyError) as exc:
        raise TemplateError(f"The template {path.name} could not be read; it is damaged ({exc}).") from None


def _check_package(package: zipfile.ZipFile, path: Path, kind: Kind) -> str:
    name = path.name
    infos = package.infolist()
    if len(infos) > MAX_PARTS:
        raise TemplateError(f"The template {name} holds {len(infos):,} parts, more than any real template.")
    _check_sizes(infos, name)
    names = {info.filename for info in infos}
    if "[Content_Types].xml" not in names:
        raise TemplateError(f"The template {name} is not a {_WHAT[kind]}: it has no [Content_Types].xml part.")
    # Every part is read once: a bad CRC or an unreadable compression shows here, not in python-pptx.
    trees: dict[str, Tree] = {}
    for info in infos:
        if info.filename.endswith("/"):
            continue
        if info.filename.endswith((".xml", ".rels")):
            trees[info.filename] = _parse_part(package, info, name)
        else:
            with package.open(info) as part:
                while part.read(1 << 20):
                    pass
    types = _content_types(trees["[Content_Types].xml"])
    main = _main_part(trees, names, name, kind)
    main_type = types(main)
    if main_type in _MACRO_TYPES:
        raise TemplateError(
            f"The template {name} is macro-enabled (its main part is of type {main_type}). Macros are "
            f"never run; save it as {' or '.join(_SUFFIXES[kind])} (without macros) in Office and pick that file."
        )
    other = _OTHER_KIND[kind]
    if main_type in (_DOCUMENT_TYPE[other], _TEMPLATE_TYPE[other]):
        raise TemplateError(f"The template {name} is a {_WHAT[other]}, not a {_WHAT[kind]}.")
    if main_type not in (_DOCUMENT_TYPE[kind], _TEMPLATE_TYPE[kind]):
        raise TemplateError(
            f"The template {name} is not a {_WHAT[kind]}: its main part {main} is of type {main_type or 'none'}."
        )
    _check_relationships(trees, names, name)
    if kind == "pptx":
        _check_layouts(trees, types, name)
    elif not any(types(part) == _STYLES_TYPE for part in names):
        raise TemplateError(
            f"The template {name} has no styles part (word/styles.xml), so headings and body text "
            "cannot be styled; open it in Word and save it again as .docx or .dotx."
        )
    return main_type


def _check_sizes(infos: list[zipfile.ZipInfo], name: str) -> None:
    """Refuse from the zip directory's sizes alone: nothing is inflated before this passes."""
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise TemplateError(
                f"The template {name} is password-protected (its part {info.filename} is encrypted); "
                "remove the password in Office and pick it again."
            )
        if info.file_size > MAX_PART_BYTES:
            raise TemplateError(
                f"The template {name} holds a part ({info.filename}) of {info.file_size:,} bytes, over the "
                f"{MAX_PART_BYTES:,}-byte limit; it may be a zip bomb and was not opened."
            )
        if info.file_size > 1_000_000 and info.filename.endswith((".xml", ".rels")):
            ratio = info.file_size / max(info.compress_size, 1)
            if ratio > MAX_RATIO:
                raise TemplateError(
                    f"The template {name} has a part ({info.filename}) that inflates {ratio:,.0f} times; "
                    "it may be a zip bomb and was not opened."
                )
        if "vbaproject" in info.filename.lower() or info.filename.lower().endswith("vbadata.xml"):
            raise TemplateError(
                f"The template {name} contains macros ({info.filename}). Macros are never run; save it "
                "without macros in Office and pick it again."
            )
        total += info.file_size
    if total > MAX_TOTAL_BYTES:
        raise TemplateError(
            f"The template {name} would unpack to {total:,} bytes, over the {MAX_TOTAL_BYTES:,}-byte limit; "
            "it may be a zip bomb and was not opened."
        )


def _parse_part(package: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> Tree:
    """The part's element tree, parsed without DTDs, entities or network; refuses a DTD."""
    from lxml import etree

    with package.open(info) as part:
        data = part.read(MAX_PART_BYTES + 1)
    refusal = TemplateError(
        f"The template {name} has a document type declaration in {info.filename}, which Office never "
        "writes; it was refused because it could make the program read other files."
    )
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise refusal
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False, huge_tree=False
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise TemplateError(
            f"The template {name} is damaged: its part {info.filename} is not well-formed XML ({exc})."
        ) from None
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None or docinfo.externalDTD is not None:
        raise refusal  # a declaration in another encoding (UTF-16) slips past the byte check
    return root


def _content_types(tree: Tree) -> ContentTypes:
    """A function from part name to content type, per [Content_Types].xml."""
    defaults = {(e.get("Extension") or "").lower(): e.get("ContentType", "") for e in tree.iter(f"{_CT_NS}Default")}
    overrides = {
        (e.get("PartName") or "").lstrip("/"): e.get("ContentType", "") for e in tree.iter(f"{_CT_NS}Override")
    }

    def content_type(part: str) -> str:
        if part in overrides:
            return overrides[part]
        return defaults.get(part.rsplit(".", 1)[-1].lower(), "")

    return content_type


def _main_part(trees: dict[str, Tree], names: set[str], name: str, kind: Kind) -> str:
    rels = trees.get("_rels/.rels")
    if rels is not None:
        for rel in rels.iter(f"{_REL_NS}Relationship"):
            if (rel.get("Type") or "").endswith(_OFFICE_DOCUMENT) and rel.get("TargetMode") != "External":
                target = posixpath.normpath(unquote(rel.get("Target") or "").lstrip("/"))
                if target in names:
                    return target
    raise TemplateError(f"The template {name} is not a {_WHAT[kind]}: it has no main document part.")


def _check_relationships(trees: dict[str, Tree], names: set[str], name: str) -> None:
    """Every internal relationship of an existing part points at a part that exists."""
    for rels_name, tree in trees.items():
        if not rels_name.endswith(".rels"):
            continue
        folder, rels_file = posixpath.split(rels_name)
        base = posixpath.dirname(folder)  # 'ppt/slides/_rels' -> 'ppt/slides'
        source = posixpath.join(base, rels_file[: -len(".rels")])
        if rels_name != "_rels/.rels" and source not in names:
            continue
        for rel in tree.iter(f"{_REL_NS}Relationship"):
            if rel.get("TargetMode") == "External":
                _check_external(rel.get("Type") or "", rel.get("Target") or "", source or rels_name, name)
                continue
            raw = unquote(rel.get("Target") or "")
            target = posixpath.normpath(raw.lstrip("/") if raw.startswith("/") else posixpath.join(base, raw))
            if target not in names:
                raise TemplateError(
                    f"The template {name} is damaged: {source or 'the package'} refers to a part {target} "
                    "that is missing; open it in Office and save it again."
                )


def _check_external(rel_type: str, target: str, source: str, name: str) -> None:
    """Refuse a link Office would follow by itself to another computer when the output is opened.

    A remote attached template or linked picture makes Word or PowerPoint fetch it, and on
    Windows a ``\\\\server`` path sends the user's sign-in to that server ("template injection").
    Hyperlinks are followed only when clicked, and local paths stay on the machine.
    """
    if rel_type.endswith("/hyperlink"):
        return
    remote = target.strip().lower().replace("\\", "/")
    if remote.startswith(("http:", "https:", "ftp:", "//", "mhtml:", "smb:", "webdav")) or (
        remote.startswith("file://") and not remote.startswith(("file:///", "file://localhost/"))
    ):
        kind = rel_type.rsplit("/", 1)[-1] or "link"
        raise TemplateError(
            f"The template {name} links its {source} to {target} on another computer ({kind}), which "
            "Office would fetch when the output is opened; it was refused. Save a copy without the link "
            "(for an attached template: Developer > Document Template in Word) and pick that."
        )


def _check_layouts(trees: dict[str, Tree], types: ContentTypes, name: str) -> None:
    layouts = [part for part in trees if types(part) == _LAYOUT_TYPE]
    if not layouts:
        raise TemplateError(f"The template {name} has no slide layouts, so no slide can be made from it.")
    for part in layouts:
        for ph in trees[part].iter(f"{_P_NS}ph"):
            if ph.get("type") in ("title", "ctrTitle"):
                return
    raise TemplateError(
        f"The template {name} has no slide layout with a title placeholder, so slide titles have "
        "nowhere to go; add a Title layout in PowerPoint's Slide Master view and pick it again."
    )
