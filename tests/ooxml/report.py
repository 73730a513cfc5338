"""What a check of one package found, and how it is written out (one line per violation)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .names import C, W, short

# Deviations from the schemas that Office itself writes and opens without offering a repair.
# They count as violations unless the check is lenient; then they are listed apart.
OFFICE_TOLERATED = (
    # Office for Mac 2011 wrote negative (signed 32-bit) chart axis ids, and python-pptx's chart
    # writer copies such values. MS-OI29500 2.1.1432 / 2.1.1446 only says Office caps the value.
    (
        re.compile(
            rf"Element '\{{{re.escape(C)}\}}(axId|crossAx)', attribute 'val': '-\d+' is not a valid value "
            r"of the atomic type 'xs:unsignedInt'"
        ),
        "negative c:axId/c:crossAx (written by Office; the schema says unsignedInt)",
    ),
    # MS-OI29500 2.1.427: "Word does not always require this attribute."
    (
        re.compile(rf"Element '\{{{re.escape(W)}\}}zoom': The attribute '\{{{re.escape(W)}\}}percent' is required"),
        "w:zoom without w:percent (MS-OI29500 2.1.427: Word does not require it)",
    ),
)


@dataclass(frozen=True)
class Violation:
    """One rule a part breaks: the part's name in the package, the line (0 when none), the message."""

    part: str
    line: int
    message: str


@dataclass
class Report:
    """The outcome of checking one package: violations, and what was tolerated or only warned about."""

    path: Path
    lenient: bool = False
    violations: list[Violation] = field(default_factory=list)
    tolerated: list[Violation] = field(default_factory=list)  # known Office deviations, when lenient
    warnings: list[Violation] = field(default_factory=list)  # reported, never counted
    parts_checked: int = 0

    def add(self, part: str, line: int | None, message: str) -> None:
        """Record a violation (or, when lenient and Office writes it too, a tolerated deviation)."""
        found = Violation(part, line or 0, short(message))
        if self.lenient and any(pattern.search(message) for pattern, _ in OFFICE_TOLERATED):
            self.tolerated.append(found)
        else:
            self.violations.append(found)

    def warn(self, part: str, line: int | None, message: str) -> None:
        """Record something worth a look that Office accepts."""
        self.warnings.append(Violation(part, line or 0, short(message)))

    def lines(self) -> list[str]:
        """``FILE:PART:LINE: message`` for each violation, then the warnings."""
        out = [f"{self.path}:{v.part}:{v.line}: {v.message}" for v in self.violations]
        out += [f"{self.path}:{v.part}:{v.line}: warning (not counted): {v.message}" for v in self.warnings]
        return out


def summary(reports: list[Report]) -> str:
    """Every report's lines, then ``N parts checked, M violations`` (the shared checker's format)."""
    lines = [line for report in reports for line in report.lines()]
    tolerated = sum(len(r.tolerated) for r in reports)
    if tolerated:
        lines.append(f"({tolerated} known Office-tolerated deviation(s) not counted)")
    parts = sum(r.parts_checked for r in reports)
    violations = sum(len(r.violations) for r in reports)
    lines.append(f"{parts} parts checked, {violations} violations")
    return "\n".join(lines)
