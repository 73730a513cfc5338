"""The package's exceptions: one root class, and one subclass per kind of user-facing failure.

Every error a user can cause (a broken content file, a template that cannot serve, an output
that cannot be written) is one of these, carrying a message written for a non-programmer.
The CLI prints ``str(error)`` and exits 2; the app shows it in a dialog.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


class NeslisError(Exception):
    """Root of every error NESLIS Desktop raises on purpose."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a content file: where it is and what a valid value looks like.

    ``line`` is ``None`` where the parser cannot tell; ``field`` is a dotted path such as
    ``blocks[2].cards[0].title`` or ``""`` for the file as a whole.
    """

    file: Path
    field: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = str(self.file)
        if self.line is not None:
            where += f", line {self.line}"
        if self.field:
            where += f", field '{self.field}'"
        return f"{where}: {self.message}"


@dataclass
class ContentError(NeslisError):
    """A project folder could not be read: one or more problems, each naming file and field."""

    problems: list[Problem] = field(default_factory=list)

    def __str__(self) -> str:
        if len(self.problems) == 1:
            return str(self.problems[0])
        lines = [f"{len(self.problems)} problems in the project:"]
        lines += [f"  - {p}" for p in self.problems]
        return "\n".join(lines)


class TemplateError(NeslisError):
    """A template cannot serve: not a presentation/document, hostile, or lacking something."""


class OutputError(NeslisError):
    """An output file or project file could not be written (locked, read-only, disk full)."""
