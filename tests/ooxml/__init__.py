"""The project's own OOXML check: what PowerPoint and Word would "repair" in a .pptx or .docx.

Each XML part is validated against the ISO/IEC 29500 transitional schemas in ``xsd/`` (their
provenance is in ``xsd/SOURCES.md``) after Markup Compatibility is applied as Office applies
it (``compat.py``), and the package is checked for the integrity rules no schema holds
(``package.py``): relationship targets, content types, ``r:id`` references.

Tests call it through ``tests/office.py::ooxml_validate``. From the command line::

    PYTHONPATH=tests python -m ooxml out/north-east-lis-deck.pptx out/north-east-lis-draft.docx

It needs only lxml and never touches the network.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .package import check_package
from .report import Report, Violation, summary
from .schemas import SchemaError, load

__all__ = ["Report", "SchemaError", "Violation", "check", "check_package", "load", "summary"]


def check(paths: Iterable[Path], *, lenient: bool = False) -> list[Report]:
    """One report per package in ``paths``, in order (the schemas are compiled once per process)."""
    schemas = load()
    return [check_package(Path(path), lenient=lenient, schemas=schemas) for path in paths]
