"""What an accessibility check found: one :class:`Finding` per problem, and the report of a file.

Every finding names where it is (a slide, or a paragraph of a document and the heading it
sits under), says what is wrong and how to fix it in plain words, so an officer who did not
make the file can act on it. The rule ids are stable: tools reading ``--json`` may key on them.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from neslis_desktop.errors import NeslisError

RULES = {
    "title-missing": "Slide without a title",
    "title-duplicate": "Two slides with the same title",
    "reading-order": "Reading order differs from the visual order",
    "alt-text": "Picture, chart or object without alternative text",
    "contrast": "Text contrast below WCAG AA",
    "text-size": "Body text smaller than the stated size",
    "heading-skip": "Heading level skipped",
    "table-header": "Table without a marked header row",
    "layout-table": "Table used for layout",
    "table-merged": "Table with merged cells",
    "table-blank": "Table with blank rows or columns",
    "empty-paragraph": "Empty paragraphs used for spacing",
    "blank-characters": "Repeated spaces or tabs used for spacing",
    "link-text": "Link text that does not say where it goes",
    "doc-title": "Document title not set",
    "doc-language": "Document language not set",
    "colour-only": "Colour as the only cue",
}
"""Every rule's id and its short name, in the order reports list them."""


class UnreadableFile(NeslisError):
    """The file to check is not a deck or document this checker can open."""


@dataclass(frozen=True)
class Finding:
    """One accessibility problem.

    ``slide`` is the 1-based slide number (decks), ``paragraph`` the 1-based paragraph of the
    document body (documents); either is ``None`` for a problem of the whole file.
    """

    rule: str
    location: str
    message: str
    fix: str
    slide: int | None = None
    paragraph: int | None = None

    def line(self) -> str:
        return f"{self.location}: {self.message}. Fix: {self.fix}"


@dataclass
class Report:
    """The findings of one file, in reading order."""

    path: Path
    kind: str  # "deck" or "document"
    findings: list[Finding] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not self.findings

    def add(self, finding: Finding) -> None:
        self.findings.append(finding)

    def sorted(self) -> list[Finding]:
        order = list(RULES)

        def key(f: Finding) -> tuple[int, int, int]:
            place = f.slide if f.slide is not None else f.paragraph
            return (place if place is not None else 0, order.index(f.rule) if f.rule in order else 99, 0)

        return sorted(self.findings, key=key)

    def text(self) -> str:
        """The report as lines a person reads; a clean file says so."""
        if self.clean:
            return f"{self.path}: no accessibility problems found"
        n = len(self.findings)
        lines = [f"{self.path}: {n} accessibility problem{'s' if n != 1 else ''}"]
        lines += [f"  {f.line()}" for f in self.sorted()]
        return "\n".join(lines)

    def as_json(self) -> dict[str, Any]:
        return {
            "file": str(self.path),
            "kind": self.kind,
            "clean": self.clean,
            "findings": [asdict(f) | {"name": RULES.get(f.rule, f.rule)} for f in self.sorted()],
        }
