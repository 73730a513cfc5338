"""Survey exports and pasted tables turned into responses, with nothing dropped silently.

Online survey tools export one of two shapes, and both are read:

* **long**: one row per answer, with a column naming the question and one holding the answer;
* **wide**: one row per respondent, with a column per question.

The user maps columns to what they mean (:class:`ColumnMapping`); the mapping is remembered
per layout of columns, so next month's export of the same survey imports in one step. Every
row that cannot be read is listed with its row number and the reason. Columns that look like
personal data (names, e-mail addresses, telephone numbers) are left out unless the user keeps
one on purpose, and the result says which were left out.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from neslis_desktop.errors import NeslisError
from neslis_desktop.model.feedback import Feedback, Question, Response, questions, relink
from neslis_desktop.model.inline import plain_text
from neslis_desktop.model.project import Project

MAX_ROWS = 100_000
MAX_IMPORT_BYTES = 50_000_000
_PERSONAL = re.compile(
    r"\b(name|first ?name|surname|last ?name|full ?name|e-?mail|email address|phone|telephone|mobile|"
    r"address|postcode|ip address|respondent)\b",
    re.IGNORECASE,
)
_NOT_PERSONAL = re.compile(r"\b(organi[sz]ation|company|business|employer)\b", re.IGNORECASE)


class ImportError_(NeslisError):  # noqa: N801 - ImportError is Python's own
    """A survey file could not be read at all (not CSV or XLSX, empty, too large)."""


@dataclass
class Table:
    """The cells of a survey export: a header row and text rows, as read."""

    header: list[str]
    rows: list[list[str]]
    source: str

    def layout(self) -> str:
        """The columns, as the key under which a mapping is remembered."""
        return " | ".join(h.strip() for h in self.header)


@dataclass
class ColumnMapping:
    """What the columns mean. Columns are named by their header text.

    Either ``question`` + ``response`` (long shape) or ``questions`` (wide shape: column ->
    question key, or question number as text, ``"1"`` for the project's first question).
    ``keep`` lists other columns kept with each response on purpose.
    """

    response: str | None = None
    question: str | None = None
    questions: dict[str, str] = field(default_factory=dict)
    organisation: str | None = None
    sector: str | None = None
    event: str | None = None
    date: str | None = None
    keep: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """The mapping as plain data, for ``feedback/imports.yaml``."""
        return {k: v for k, v in self.__dict__.items() if v}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ColumnMapping:
        """A mapping read back from ``feedback/imports.yaml``; unknown keys are ignored."""
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**known)


@dataclass
class ImportResult:
    """What an import added, what it could not read and why, and what it left out."""

    feedback: Feedback
    added: list[Response] = field(default_factory=list)
    skipped: list[tuple[int, str]] = field(default_factory=list)
    """(row number as a spreadsheet shows it, reason)."""
    left_out: list[str] = field(default_factory=list)
    """Columns left out as personal data."""

    def report(self) -> list[str]:
        """Lines for the user: counts, every skipped row, and the columns left out."""
        lines = [f"{len(self.added):,} responses imported"]
        lines += [f"row {row}: {why}" for row, why in self.skipped]
        if self.left_out:
            names = ", ".join(f"'{c}'" for c in self.left_out)
            lines.append(
                f"left out as personal data: {names}; keep a column on purpose only if you need it and may hold it"
            )
        return lines


def read_table(path: Path) -> Table:
    """A CSV (any common delimiter, UTF-8 or Windows-1252) or XLSX (first sheet) export."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ImportError_(f"{path}: could not be read: {exc.strerror or exc}") from None
    if size > MAX_IMPORT_BYTES:
        raise ImportError_(f"{path}: is {size:,} bytes, over the {MAX_IMPORT_BYTES:,}-byte limit for a survey export")
    if path.suffix.lower() in {".xlsx", ".xlsm"}:
        return _read_xlsx(path)
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")  # Excel's "CSV" on Windows
    return read_table_text(text, str(path))


def read_table_text(text: str, source: str = "the pasted table") -> Table:
    """A table from text: a pasted spreadsheet range (tabs) or CSV."""
    if not text.strip():
        raise ImportError_(f"{source}: is empty")
    sample = text[:20_000]
    delimiter = "\t" if "\t" in sample.splitlines()[0] else None
    if delimiter is None:
        try:
            delimiter = csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
        except csv.Error:
            delimiter = ","
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    return _table(rows, source)


def _read_xlsx(path: Path) -> Table:
    import zipfile

    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise ImportError_(f"{path}: is not a readable Excel workbook ({exc})") from None
    try:
        sheet = book.worksheets[0]
        rows = []
        for row in sheet.iter_rows(values_only=True):
            rows.append(["" if v is None else _cell_text(v) for v in row])
            if len(rows) > MAX_ROWS + 1:
                break
    finally:
        book.close()
    return _table(rows, str(path))


def _cell_text(value: object) -> str:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _table(rows: list[list[str]], source: str) -> Table:
    rows = [r for r in rows if any(c.strip() for c in r)]
    if not rows:
        raise ImportError_(f"{source}: has no rows")
    if len(rows) > MAX_ROWS + 1:
        raise ImportError_(f"{source}: has more than {MAX_ROWS:,} rows; split the export")
    header = [h.strip() for h in rows[0]]
    return Table(header, rows[1:], source)


def personal_columns(table: Table) -> list[str]:
    """Columns whose header, or whose cells, look like personal data."""
    out = []
    for i, name in enumerate(table.header):
        if _NOT_PERSONAL.search(name):
            continue
        cells = [r[i] for r in table.rows[:200] if i < len(r) and r[i].strip()]
        emails = sum(1 for c in cells if re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", c.strip()))
        if _PERSONAL.search(name) or (cells and emails >= len(cells) / 2):
            out.append(name)
    return out


def suggest_mapping(table: Table, project: Project, feedback: Feedback | None = None) -> ColumnMapping:
    """A first guess at the mapping, from the headers: for the user to confirm or change.

    Questions are named by the ids ``feedback`` knows them by."""
    mapping = ColumnMapping()
    asked = questions(project, feedback.questions if feedback else ())
    for name in table.header:
        low = name.casefold()
        match = _match_question(name, asked)  # a question's words beat any word in them ("sector")
        if match is not None:
            mapping.questions[name] = match.key
        elif mapping.organisation is None and _NOT_PERSONAL.search(name):
            mapping.organisation = name
        elif mapping.sector is None and "sector" in low:
            mapping.sector = name
        elif mapping.event is None and ("event" in low or "session" in low or "table" in low):
            mapping.event = name
        elif mapping.date is None and ("date" in low or "timestamp" in low or "submitted" in low):
            mapping.date = name
        elif mapping.question is None and low in {"question", "question text", "q"}:
            mapping.question = name
        elif mapping.response is None and low in {"response", "answer", "comment", "feedback", "your response"}:
            mapping.response = name
    return mapping


def import_table(
    project: Project, feedback: Feedback, table: Table, mapping: ColumnMapping, event: str | None = None
) -> ImportResult:
    """``feedback`` with the table's responses added, and the report of what was skipped.

    ``event`` is used for rows whose event column is empty or unmapped.
    """
    _check_columns(table, mapping)
    feedback = relink(project, feedback).feedback  # the ids of reworded questions are kept
    asked = questions(project, feedback.questions)
    col = {name: i for i, name in enumerate(table.header)}
    personal = [c for c in personal_columns(table) if c not in mapping.keep]
    result = ImportResult(feedback=feedback, left_out=personal)
    responses = list(feedback.responses)
    taken = {r.id for r in responses}
    serial = len(responses)
    for number, row in enumerate(table.rows, start=2):  # row 1 is the header, as a spreadsheet counts

        def cell(name: str | None, row: list[str] = row) -> str:
            if name is None:
                return ""
            i = col[name]
            return row[i].strip() if i < len(row) else ""

        pairs: list[tuple[str, str]] = []  # (question column value or key, answer)
        if mapping.response is not None:
            pairs.append((cell(mapping.question), cell(mapping.response)))
        for column, key in mapping.questions.items():
            pairs.append((key, cell(column)))
        if all(not answer for _, answer in pairs):
            result.skipped.append((number, "has no answer in the mapped columns"))
            continue
        for which, answer in pairs:
            if not answer:
                continue
            question = _resolve(which, asked)
            if question is None:
                result.skipped.append((number, f"answers '{which[:60]}', which is not a question of this project"))
                continue
            serial += 1
            while f"r-{serial:04d}" in taken:
                serial += 1
            try:
                response = Response(
                    id=f"r-{serial:04d}",
                    question=question.key,
                    asked=question.text,
                    text=answer,
                    organisation=cell(mapping.organisation) or None,
                    sector=cell(mapping.sector) or None,
                    event=cell(mapping.event) or event or None,
                    date=_date(cell(mapping.date)),
                    kept={k: cell(k) for k in mapping.keep if cell(k)},
                )
            except (ValidationError, ValueError) as exc:
                result.skipped.append((number, _reason(exc)))
                continue
            taken.add(response.id)
            responses.append(response)
            result.added.append(response)
    result.feedback = feedback.model_copy(update={"responses": responses})
    return result


def _check_columns(table: Table, mapping: ColumnMapping) -> None:
    named = [mapping.response, mapping.question, mapping.organisation, mapping.sector, mapping.event, mapping.date]
    named += list(mapping.questions) + mapping.keep
    missing = [n for n in named if n is not None and n not in table.header]
    if missing:
        raise ImportError_(f"{table.source}: has no column '{missing[0]}'; its columns are: {table.layout()}")
    if mapping.response is None and not mapping.questions:
        raise ImportError_(f"{table.source}: say which column holds the answers (or which columns are questions)")


def _resolve(which: str, asked: list[Question]) -> Question | None:
    for q in asked:
        if which == q.key:
            return q
    if which.isdigit() and 1 <= int(which) <= len(asked):
        return asked[int(which) - 1]
    return _match_question(which, asked)


def _match_question(text: str, asked: list[Question]) -> Question | None:
    """The question whose words ``text`` gives (exactly, or as a clear start of them)."""
    words = _norm(text)
    if not words:
        return None
    exact = [q for q in asked if _norm(q.text) == words]
    if len(exact) == 1:
        return exact[0]
    starts = [q for q in asked if len(words) >= 12 and _norm(q.text).startswith(words)]
    return starts[0] if len(starts) == 1 else None


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", plain_text(text).casefold()).split())


def _date(text: str) -> dt.date | None:
    if not text:
        return None
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d/%m/%Y %H:%M", "%d/%m/%Y %H:%M:%S", "%Y-%m-%d %H:%M:%S", "%d %B %Y"):
        try:
            return dt.datetime.strptime(text[:19], fmt).date()
        except ValueError:
            continue
    raise ValueError(f"the date '{text[:30]}' is not a date this import reads; write it as YYYY-MM-DD or DD/MM/YYYY")


def _reason(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        first = exc.errors(include_url=False)[0]
        where = ".".join(str(p) for p in first.get("loc", ()))
        return f"the {where or 'row'} {str(first.get('msg', 'is not valid')).removeprefix('Value error, ')}"
    return str(exc)
