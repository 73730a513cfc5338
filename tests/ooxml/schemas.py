"""The ISO/IEC 29500 transitional schemas in ``xsd/``, compiled once into one validator, offline.

The schema files import one another by file name and, for Dublin Core, by dublincore.org URLs.
Every import is answered from the ``xsd/`` folder; one that is not found there is refused
rather than fetched, so the check never touches the network.
"""

from __future__ import annotations

import functools
import posixpath
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from lxml import etree

XSD_DIR = Path(__file__).resolve().parent / "xsd"

# Compiled in this order into one driver schema. xml.xsd comes first so that the later
# namespace-only imports of the xml namespace (no schemaLocation, as in the ECMA files) find
# it already loaded.
SCHEMA_FILES = (
    "xml.xsd",
    "opc-contentTypes.xsd",
    "opc-relationships.xsd",
    "opc-coreProperties.xsd",
    "shared-commonSimpleTypes.xsd",
    "shared-relationshipReference.xsd",
    "shared-documentPropertiesExtended.xsd",
    "shared-documentPropertiesCustom.xsd",
    "shared-documentPropertiesVariantTypes.xsd",
    "shared-customXmlDataProperties.xsd",
    "shared-customXmlSchemaProperties.xsd",
    "shared-bibliography.xsd",
    "shared-additionalCharacteristics.xsd",
    "shared-math.xsd",
    "dml-main.xsd",
    "dml-picture.xsd",
    "dml-chart.xsd",
    "dml-chartDrawing.xsd",
    "dml-diagram.xsd",
    "dml-lockedCanvas.xsd",
    "dml-wordprocessingDrawing.xsd",
    "dml-spreadsheetDrawing.xsd",
    "vml-main.xsd",
    "vml-officeDrawing.xsd",
    "vml-wordprocessingDrawing.xsd",
    "vml-presentationDrawing.xsd",
    "vml-spreadsheetDrawing.xsd",
    "pml.xsd",
    "wml.xsd",
    "sml.xsd",
)
# Reached only through opc-coreProperties.xsd's dublincore.org imports.
IMPORTED_FILES = ("dc.xsd", "dcterms.xsd", "dcmitype.xsd")


class SchemaError(Exception):
    """The schema folder is incomplete or its files do not compile: the check cannot run."""


@dataclass(frozen=True)
class Schemas:
    """The compiled validator and the namespaces it covers (the ones Markup Compatibility "understands")."""

    validator: etree.XMLSchema
    namespaces: frozenset[str]


class _LocalOnly(etree.Resolver):
    """Answers every schemaLocation with the file of that name in the schema folder, or refuses it."""

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder
        self.refused: list[str] = []

    def resolve(self, system_url: str, public_id: str, context: object) -> object:
        name = posixpath.basename(urlsplit(system_url).path or system_url)
        local = self.folder / name
        if name and local.is_file():
            return self.resolve_filename(str(local), context)
        self.refused.append(system_url)
        # a well-formed answer that is no schema makes libxml2 fail the import loudly
        return self.resolve_string("<refused-non-local-schema/>", context)


@functools.cache
def load(folder: Path = XSD_DIR) -> Schemas:
    """The schemas of ``folder`` compiled (once per process; about 0.2 s)."""
    missing = [name for name in SCHEMA_FILES + IMPORTED_FILES if not (folder / name).is_file()]
    if missing:
        raise SchemaError(f"schema files missing from {folder}: {', '.join(missing)}")
    namespaces = set()
    imports = []
    for name in SCHEMA_FILES + IMPORTED_FILES:
        target = etree.parse(str(folder / name)).getroot().get("targetNamespace")
        if target:
            namespaces.add(target)
        if name in SCHEMA_FILES:
            imports.append(f'<xs:import namespace="{target}" schemaLocation="{name}"/>')
    driver = (
        '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:x-neslis:ooxml-driver">'
        + "".join(imports)
        + "</xs:schema>"
    )
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    resolver = _LocalOnly(folder)
    parser.resolvers.add(resolver)
    doc = etree.fromstring(driver.encode(), parser, base_url=str(folder / "_driver.xsd"))
    try:
        validator = etree.XMLSchema(etree.ElementTree(doc))
    except etree.XMLSchemaParseError as exc:
        refused = f" (imports refused, never fetched: {', '.join(resolver.refused)})" if resolver.refused else ""
        raise SchemaError(f"the schemas in {folder} do not compile: {exc}{refused}") from exc
    if resolver.refused:
        raise SchemaError(f"schema imports not in {folder} (never fetched): {', '.join(resolver.refused)}")
    return Schemas(validator, frozenset(namespaces))
