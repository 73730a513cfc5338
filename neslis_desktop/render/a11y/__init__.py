"""An accessibility check for any deck or document: ours after every build, or a partner's.

:func:`check_file` opens a .pptx or .docx, runs the rules for its kind (:mod:`.pptx_rules`,
:mod:`.docx_rules`) and returns a :class:`Report` of findings, each with where it is and a
fix in plain words. The rules follow WCAG 2.2 AA as it applies to office files and the
checks of Microsoft's Accessibility Checker that can be made from the file alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from neslis_desktop.render.a11y.findings import RULES, Finding, Report, UnreadableFile
from neslis_desktop.render.a11y.package import kind_of, open_deck, open_document

__all__ = ["DEFAULT_MIN_SIZE", "RULES", "Finding", "Report", "UnreadableFile", "check_file"]

DEFAULT_MIN_SIZE = 12.0
"""Smallest body text, in points, that passes unless the caller states another size (GOV.UK's
guidance for documents asks for 12 pt or more; slides are read from further away, so a deck's
own rules may ask for more with ``--min-size``)."""


def check_file(
    path: Path,
    *,
    min_size: float = DEFAULT_MIN_SIZE,
    opened: Any = None,
    slide_keys: Sequence[tuple[bytes, bytes] | None] | None = None,
) -> Report:
    """Check the deck or document at ``path``; raises :class:`UnreadableFile` if it cannot be read.

    ``opened`` is the same file already open (a python-pptx ``Presentation`` or a python-docx
    ``Document``): a build that has just read its own deck for the slide inspector passes it, so
    the file is parsed once, and with it ``slide_keys``, the digests of its slides as they are
    now (:attr:`~neslis_desktop.render.deck.inspect.facts.SlideFacts.key`), so they are not
    taken again. Anyone else's file is opened here, with the package checks.
    """
    path = Path(path)
    kind = kind_of(path)
    report = Report(path, kind)
    if opened is None:
        opened = open_deck(path) if kind == "deck" else open_document(path)
    from docx.opc.exceptions import OpcError
    from docx.oxml.exceptions import XmlchemyError
    from pptx.exc import PythonPptxError

    try:
        if kind == "deck":
            from neslis_desktop.render.a11y.pptx_rules import check_deck

            check_deck(opened, report, min_size, slide_keys)
        else:
            from neslis_desktop.render.a11y.docx_rules import check_document

            check_document(opened, report, min_size)
    except (ValueError, LookupError, AttributeError, PythonPptxError, OpcError, XmlchemyError) as exc:
        # python-pptx and python-docx read parts lazily: a damaged part (a relationship to a
        # missing part, a required element gone, an unknown enumeration value) shows only now.
        raise UnreadableFile(f"{path}: damaged, so it could not be checked ({type(exc).__name__}: {exc}).") from None
    return report
