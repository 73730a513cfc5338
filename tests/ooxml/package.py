"""A whole .pptx/.docx package checked: every XML part by the schemas, and the package's integrity.

Integrity here means the rules of Open Packaging Conventions (ISO/IEC 29500-2) that no schema
holds but whose breach makes Office offer a repair:

- every part has a content type, from an Override or a Default for its extension (OPC M2.4),
  no Default or Override is given twice (M2.5), and no Office part (a slide, a style sheet...)
  is left with the generic ``application/xml`` of the ``xml`` Default;
- no two zip entries name the same part, ignoring case;
- every internal relationship targets a part that is in the package;
- every ``r:id``, ``r:embed``... in a part names a relationship in that part's ``.rels``.

An Override for a part that is not in the package is allowed by OPC, so it is only a warning.
"""

from __future__ import annotations

import posixpath
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import etree

from .names import CT, PR, RELATIONSHIPS_TYPE, ROOT_FOR_TYPE, short
from .parts import Reference, check_part, parse
from .report import Report
from .schemas import Schemas, load

_XML_TYPES = ("application/xml", "text/xml")
_OFFICE_ROOTS = frozenset(ROOT_FOR_TYPE.values()) - {f"{{{PR}}}Relationships"}


def check_package(path: Path, *, lenient: bool = False, schemas: Schemas | None = None) -> Report:
    """Check the package at ``path``; the report lists what Office would object to."""
    schemas = schemas or load()
    report = Report(Path(path), lenient)
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as exc:
        report.add("(package)", 0, f"[opc] cannot open as a zip: {exc}")
        return report
    with archive:
        _Package(archive, report, schemas).check()
    return report


def part_name(entry: str) -> str:
    """The OPC part name of a zip entry: ``ppt/slides/slide1.xml`` is ``/ppt/slides/slide1.xml``."""
    return "/" + entry.lstrip("/")


def rels_part_for(part: str) -> str:
    """The relationships part of ``part``: ``/word/document.xml`` has ``/word/_rels/document.xml.rels``."""
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")


def source_of_rels(rels_part: str) -> str | None:
    """The part a relationships part belongs to (``/`` for the package's own), None if it is not one."""
    folder, name = posixpath.split(rels_part)
    if posixpath.basename(folder) != "_rels" or not name.endswith(".rels"):
        return None
    return posixpath.join(posixpath.dirname(folder), name.removesuffix(".rels"))


def resolve_target(source: str, target: str) -> str:
    """The part name a relationship of ``source`` with ``Target=target`` points to."""
    target = unquote(urlsplit(target).path)
    if target.startswith("/"):
        return posixpath.normpath(target)
    return posixpath.normpath(posixpath.join(posixpath.dirname(source), target))


class _Package:
    """The state of one package's check: its entries, content types and relationships."""

    def __init__(self, archive: zipfile.ZipFile, report: Report, schemas: Schemas) -> None:
        self.archive = archive
        self.report = report
        self.schemas = schemas
        self.entries = [name for name in archive.namelist() if not name.endswith("/")]
        self.parts = {part_name(name).lower() for name in self.entries}
        self.defaults: dict[str, str] = {}
        self.overrides: dict[str, str] = {}
        self.relationship_ids: dict[str, set[str]] = {}  # source part (lower case) -> its relationship ids
        self.references: list[Reference] = []

    def check(self) -> None:
        self._duplicate_entries()
        if "[Content_Types].xml" not in self.entries:
            self.report.add("/[Content_Types].xml", 0, "[opc] the package has no [Content_Types].xml")
            return
        self._content_types()
        for entry in self.entries:
            if entry != "[Content_Types].xml":
                self._entry(entry)
        for ref in self.references:
            if ref.value not in self.relationship_ids.get(ref.part.lower(), set()):
                self.report.add(
                    ref.part,
                    ref.line,
                    f'[rel] {ref.attribute}="{ref.value}" has no matching Relationship in '
                    f"{rels_part_for(ref.part)} (at {ref.path})",
                )

    def _read(self, entry: str) -> bytes | None:
        try:
            return self.archive.read(entry)
        except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError) as exc:
            self.report.add(part_name(entry), 0, f"[opc] cannot read the zip entry: {exc}")
            return None

    def _duplicate_entries(self) -> None:
        seen: set[str] = set()
        for entry in self.entries:
            if entry.lower() in seen:
                self.report.add(part_name(entry), 0, "[opc] two zip entries name this part (ignoring case)")
            seen.add(entry.lower())

    def _content_types(self) -> None:
        data = self._read("[Content_Types].xml")
        if data is None:
            return
        root = check_part(self.report, "/[Content_Types].xml", data, f"{{{CT}}}Types", self.schemas, compat=False)
        for el in root if root is not None else ():
            if el.tag == f"{{{CT}}}Default":
                key, table, what = (el.get("Extension") or "").lower(), self.defaults, "Default for extension"
            elif el.tag == f"{{{CT}}}Override":
                key, table, what = (el.get("PartName") or "").lower(), self.overrides, "Override for"
                if key not in self.parts:
                    self.report.warn("/[Content_Types].xml", el.sourceline, f"[opc] Override for absent part {key}")
            else:
                continue
            if key in table:
                self.report.add("/[Content_Types].xml", el.sourceline, f"[opc] a second {what} '{key}' (OPC M2.5)")
            table[key] = el.get("ContentType") or ""

    def content_type(self, part: str) -> str | None:
        """The content type of ``part`` by its Override, else by the Default for its extension."""
        key = part.lower()
        if key in self.overrides:
            return self.overrides[key]
        name = key.rpartition("/")[2]
        return self.defaults.get(name.rpartition(".")[2] if "." in name else "")

    def _entry(self, entry: str) -> None:
        part = part_name(entry)
        content_type = self.content_type(part)
        if content_type is None:
            self.report.add(part, 0, "[opc] part has no content type (no Override, no Default for its extension; M2.4)")
        if entry.endswith(".rels") or content_type == RELATIONSHIPS_TYPE:
            self._relationships(entry)
            return
        if content_type is None:
            return
        expected = ROOT_FOR_TYPE.get(content_type)
        if expected is None:
            if content_type.endswith("+xml") or content_type in _XML_TYPES:
                self._well_formed(entry, content_type)
            return
        data = self._read(entry)
        if data is not None:
            check_part(self.report, part, data, expected, self.schemas, references=self.references)

    def _relationships(self, entry: str) -> None:
        data = self._read(entry)
        if data is None:
            return
        part = part_name(entry)
        root = check_part(self.report, part, data, f"{{{PR}}}Relationships", self.schemas, compat=False)
        source = source_of_rels(part)
        if root is None or source is None:
            return
        ids = self.relationship_ids.setdefault(source.lower(), set())
        for rel in root.iter(f"{{{PR}}}Relationship"):
            ids.add(rel.get("Id") or "")
            target = rel.get("Target")
            if rel.get("TargetMode") == "External" or not target:
                continue
            resolved = resolve_target(source, target)
            if resolved.lower() not in self.parts:
                message = f"[opc] relationship {rel.get('Id')} targets {resolved}, which is not in the package"
                self.report.add(part, rel.sourceline, message)

    def _well_formed(self, entry: str, content_type: str) -> None:
        """A part of an XML content type no schema here covers: it must parse, and not be an Office part.

        A slide or a style sheet whose Override is missing falls back to the ``xml`` Default
        (``application/xml``); Office then does not know what the part is.
        """
        data = self._read(entry)
        if data is None:
            return
        try:
            root = parse(data)
        except etree.XMLSyntaxError as exc:
            self.report.parts_checked += 1
            self.report.add(part_name(entry), exc.lineno, f"not well-formed XML: {exc.msg}")
            return
        if content_type in _XML_TYPES and root.tag in _OFFICE_ROOTS:
            self.report.parts_checked += 1
            message = f"[opc] a {short(root.tag)} part with the generic content type {content_type} (no Override?)"
            self.report.add(part_name(entry), root.sourceline, message)
