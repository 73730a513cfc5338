"""An accessibility check for any deck or document: ours after every build, or a partner's.

:func:`check_file` opens a .pptx or .docx, runs the rules for its kind (:mod:`.pptx_rules`,
:mod:`.docx_rules`) and returns a :class:`Report` of findings, each with where it is and a
fix in plain words. The rules follow WCAG 2.2 AA as it applies to office files and the
checks of Microsoft's Accessibility Checker that can be made from the file alone.
"""

from __future__ import annotations

from pathlib import Path

from neslis_desktop.render.a11y.findings import RULES, Finding, Report, UnreadableFile
from neslis_desktop.render.a11y.package import kind_of, open_deck, open_document

__all__ = ["DEFAULT_MIN_SIZE", "RULES", "Finding", "Report", "UnreadableFile", "check_file"]

DEFAULT_MIN_SIZE = 12.0
"""Smallest body text, in points, that passes unless the caller states another size (GOV.UK's
guidance for documents asks for 12 pt or more; slides are read from further away, so a deck's
own rules may ask for more with ``--min-size``)."""


def check_file(path: Path, *, min_size: float = DEFAULT_MIN_SIZE) -> Report:
    """Check the deck or document at ``path``; raises :class:`UnreadableFile` if it cannot be read."""
    path = Path(path)
    kind = kind_of(path)
    report = Report(path, kind)
    if kind == "deck":
        from neslis_desktop.render.a11y.pptx_rules import check_deck

        check_deck(open_deck(path), report, min_size)
    else:
        from neslis_desktop.render.a11y.docx_rules import check_document

        check_document(open_document(path), report, min_size)
    return report
