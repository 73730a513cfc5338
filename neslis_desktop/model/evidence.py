"""Evidence blocks: charts, tables and pictures, the figures a strategy rests on.

A Local Industrial Strategy argues from evidence: GVA per hour worked against England, sector
shares, tables of assets and partners, photographs. These classes hold what such a figure
says (its numbers, their units and format, where they come from) and check it in words an
officer can act on; the renderers make native PowerPoint charts and tables, the same chart in
Word, and Markdown tables from them.
"""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BeforeValidator, Field, PrivateAttr, field_validator, model_validator

from neslis_desktop.model.blocks import ContentModel, _Block
from neslis_desktop.model.text import Text, Title, _xml_safe

NUMBER_FORMATS: dict[str, tuple[str, int, str, str]] = {
    "0": ("0", 0, "", ""),
    "0.0": ("0.0", 1, "", ""),
    "0.00": ("0.00", 2, "", ""),
    "#,##0": ("#,##0", 0, "", ""),
    "#,##0.0": ("#,##0.0", 1, "", ""),
    "0%": ('0"%"', 0, "", "%"),
    "0.0%": ('0.0"%"', 1, "", "%"),
    "£#,##0": ('"£"#,##0', 0, "£", ""),
    "£#,##0.00": ('"£"#,##0.00', 2, "£", ""),
}
"""Number formats an officer may name: format -> (Excel code, decimals, prefix, suffix).

Percent formats show the value as written with a % sign (73.5 shows as 73.5%), since officers
copy percentages, not fractions, out of statistical releases.
"""

NumberFormat = Literal["0", "0.0", "0.00", "#,##0", "#,##0.0", "0%", "0.0%", "£#,##0", "£#,##0.00"]
ChartType = Literal["column", "bar", "stacked_column", "stacked_bar", "line", "pie"]
Align = Literal["left", "center", "right"]

MAX_CATEGORIES = 60
MAX_SERIES = 8
MAX_TABLE_ROWS = 200
MAX_TABLE_COLUMNS = 10
PICTURE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif")
ASSETS_DIR = "assets"

_NUMBER = re.compile(r"^[-+]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?$")


def format_number(value: float | None, number_format: str | None) -> str:
    """``value`` as ``number_format`` shows it ('1,234.5', '74%', '£3,200'); '' for a gap."""
    if value is None:
        return ""
    if number_format is None:
        return f"{value:g}"
    _, decimals, prefix, suffix = NUMBER_FORMATS[number_format]
    comma = "," if "," in number_format else ""
    text = f"{abs(value):{comma}.{decimals}f}"
    return f"{'-' if value < 0 and float(text.replace(',', '')) != 0 else ''}{prefix}{text}{suffix}"


def excel_format(number_format: str | None) -> str:
    """The Excel (and PowerPoint) number format code for ``number_format``."""
    return NUMBER_FORMATS[number_format][0] if number_format else "General"


def _to_number(value: Any, where: str) -> float | None:
    """A cell or series value as a number; ``ValueError`` in words for text."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError(f"{where} is {value!r}, not a number; write a number such as 12.5")
    if isinstance(value, int | float):
        number = float(value)
    elif isinstance(value, str):
        cleaned = value.strip().replace("£", "").rstrip("%").strip()
        if cleaned == "":
            return None
        if not _NUMBER.match(cleaned):
            raise ValueError(
                f"{where} holds the text '{value[:40]}', not a number; write a number such as 12.5, "
                "or leave it empty (~) where there is no figure"
            )
        number = float(cleaned.replace(",", ""))
    else:
        raise ValueError(f"{where} should be a number such as 12.5")
    if not math.isfinite(number):
        raise ValueError(f"{where} is {value!r}; write a finite number such as 12.5")
    return number


def _numbers(values: Any) -> Any:
    if not isinstance(values, list):
        return values
    return [_to_number(v, f"value {i + 1}") for i, v in enumerate(values)]


def _link(value: str) -> str:
    if not re.match(r"^https?://[^\s]+$", value) or len(value) > 2000:
        raise ValueError(f"'{value[:60]}' is not a web address; write one starting https://")
    return value


Link = Annotated[
    str,
    AfterValidator(_link),
    Field(
        description="A web address starting https://.",
        # the same rule as _link, for the published schema
        json_schema_extra={"pattern": r"^https?://[^\s]+$", "maxLength": 2000},
    ),
]


class Source(ContentModel):
    """Where a figure's numbers come from, printed under it: publisher, release, date, link."""

    publisher: Title = Field(description="Who published the figures, such as 'Office for National Statistics'.")
    dataset: Title = Field(description="The dataset or release, such as 'Subregional productivity'.")
    date: Title | None = Field(None, description="When it was published, such as 'February 2019'.")
    link: Link | None = Field(None, description="Where to find it, such as https://www.ons.gov.uk/...")

    def line(self) -> str:
        """'Source: Office for National Statistics, Subregional productivity (February 2019)'."""
        when = f" ({self.date})" if self.date else ""
        return f"Source: {self.publisher}, {self.dataset}{when}"


class ChartSeries(ContentModel):
    """One series of a chart: a name, a number per category, units and a number format."""

    name: Title = Field(description="The series' name in the legend, such as 'North East'.")
    values: Annotated[list[float | None], BeforeValidator(_numbers)] = Field(
        description="One number per category, in order; ~ (empty) where there is no figure."
    )
    units: Title | None = Field(None, description="What the numbers count, such as 'index, UK = 100' or '£'.")
    number_format: NumberFormat = Field(
        "#,##0.0", description="How numbers are shown: 0, 0.0, 0.00, #,##0, #,##0.0, 0%, 0.0%, £#,##0, £#,##0.00."
    )


class ReferenceLine(ContentModel):
    """A target or reference value drawn across a column or line chart, such as 'UK = 100'."""

    label: Title = Field(description="What the line stands for, such as 'UK average'.")
    value: Annotated[float, BeforeValidator(lambda v: _to_number(v, "the reference value"))] = Field(
        description="Where the line is drawn, in the series' units."
    )


class ChartBlock(_Block):
    """A chart: a headline, a statistical subtitle, categories, series and their source."""

    kind: Literal["chart"] = "chart"
    title: Title = Field(description="The headline: what the chart shows, such as 'Productivity lags England'.")
    subtitle: Title | None = Field(
        None, description="What, where, when and units, such as 'GVA per hour worked, index (UK = 100), 2004 to 2017'."
    )
    chart_type: ChartType = Field(
        "column", description="column, bar, stacked_column, stacked_bar, line, or pie (one series of parts of a whole)."
    )
    categories: list[Title] = Field(
        min_length=1, max_length=MAX_CATEGORIES, description="Labels along the axis, such as years or places."
    )
    series: list[ChartSeries] = Field(min_length=1, max_length=MAX_SERIES, description="The series, in legend order.")
    reference: ReferenceLine | None = Field(None, description="A target or reference line (column and line charts).")
    source: Source | None = Field(None, description="Where the numbers come from; printed under the chart.")
    chart_notes: Text | None = Field(None, description="Notes printed under the source, such as definitions.")
    alt_text: Text | None = Field(None, description="Alt text for screen readers; drafted from the data when omitted.")

    @model_validator(mode="after")
    def _shape(self) -> ChartBlock:
        n = len(self.categories)
        for s in self.series:
            if len(s.values) != n:
                raise ValueError(
                    f"series '{s.name}' has {len(s.values)} values but the chart has {n} categories; "
                    "give one value per category (~ where there is no figure)"
                )
            if all(v is None for v in s.values):
                raise ValueError(f"series '{s.name}' has no numbers; give at least one value")
        if self.chart_type == "pie":
            if len(self.series) != 1:
                raise ValueError(
                    f"a pie chart shows one series of parts of a whole; this one has {len(self.series)} "
                    "series, so use a column or bar chart"
                )
            if any(v is not None and v < 0 for v in self.series[0].values):
                raise ValueError("a pie chart cannot show negative values; use a column or bar chart")
        if self.reference is not None and self.chart_type not in ("column", "line", "stacked_column"):
            raise ValueError(
                f"a reference line can be drawn on column and line charts, not on a {self.chart_type} chart; "
                "remove 'reference' or change the chart type"
            )
        return self

    def drafted_alt_text(self) -> str:
        """Alt text drafted from the data, in the ONS style (see :mod:`neslis_desktop.model.alt_text`)."""
        from neslis_desktop.model.alt_text import draft_alt_text

        return draft_alt_text(self)

    def alt(self) -> str:
        """The officer's alt text, or the drafted one."""
        return self.alt_text or self.drafted_alt_text()


Cell = str | float | int | None


class TableColumn(ContentModel):
    """A column of a table: its header, alignment and, for numbers, their format."""

    title: Title = Field(description="The header cell, such as 'Employment rate (%)'.")
    number_format: NumberFormat | None = Field(
        None, description="For a number column, how numbers are shown (0.0, #,##0, 0% ...); none for text."
    )
    align: Align | None = Field(None, description="left, center or right; numbers right, text left when omitted.")

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, data: Any) -> Any:
        return {"title": data} if isinstance(data, str) else data

    def alignment(self) -> Align:
        """The alignment to use: the one given, else right for numbers and left for text."""
        return self.align or ("right" if self.number_format else "left")


class TableBlock(_Block):
    """A table: caption, header row, rows of cells, an optional totals row and a source."""

    kind: Literal["table"] = "table"
    caption: Title = Field(description="What the table shows, such as 'Employment rate by area, 2023'.")
    columns: list[TableColumn] = Field(
        min_length=1, max_length=MAX_TABLE_COLUMNS, description="The columns, left to right (the header row)."
    )
    rows: list[list[Cell]] = Field(min_length=1, max_length=MAX_TABLE_ROWS, description="Rows of cells, top to bottom.")
    totals: list[Cell] | None = Field(None, description="A totals row printed last, in bold.")
    source: Source | None = Field(None, description="Where the figures come from; printed under the table.")

    @model_validator(mode="after")
    def _cells(self) -> TableBlock:
        names = [c.title for c in self.columns]
        all_rows = [(f"row {i + 1}", r) for i, r in enumerate(self.rows)]
        if self.totals is not None:
            all_rows.append(("the totals row", self.totals))
        for where, row in all_rows:
            if len(row) != len(self.columns):
                raise ValueError(
                    f"{where} has {len(row)} cells but the table has {len(self.columns)} columns "
                    f"({', '.join(names)}); give one cell per column (~ for an empty one)"
                )
            for col, cell in zip(self.columns, row, strict=True):
                if col.number_format is not None:
                    _to_number(cell, f"{where}, column '{col.title}',")
                elif isinstance(cell, str) and len(cell) > 2000:
                    raise ValueError(f"{where}, column '{col.title}' is over 2,000 characters; shorten it")
                elif isinstance(cell, str):
                    try:
                        _xml_safe(cell)
                    except ValueError as exc:
                        raise ValueError(f"{where}, column '{col.title}' {exc}") from None
        return self

    def cell_text(self, row: list[Cell], index: int) -> str:
        """Cell ``index`` of ``row`` as shown: numbers in their column's format."""
        col, cell = self.columns[index], row[index]
        if col.number_format is not None:
            return format_number(_to_number(cell, "cell"), col.number_format)
        if cell is None:
            return ""
        return cell if isinstance(cell, str) else f"{cell:g}"


def _picture_file(value: str) -> str:
    """A picture's path as written: inside the project, and a PNG, JPEG or GIF."""
    text = value.replace("\\", "/")
    if text.startswith("/") or re.match(r"^[A-Za-z]:", text) or ".." in text.split("/"):
        raise ValueError(
            f"'{value}' points outside the project; copy the picture into the project's "
            f"{ASSETS_DIR}/ folder and write a path such as '{ASSETS_DIR}/photo.png'"
        )
    if not text.lower().endswith(PICTURE_SUFFIXES):
        raise ValueError(f"'{value}' is not a PNG, JPEG or GIF picture; save it as .png or .jpg")
    return value


class _Located:
    """A picture file the store has found: its absolute path and upright pixel size."""

    _path: Path | None
    _pixels: tuple[int, int] | None

    def attach(self, path: Path, pixels: tuple[int, int]) -> None:
        """Record where the store found the file and its upright size in pixels (width, height)."""
        self._path, self._pixels = path, pixels

    @property
    def path(self) -> Path | None:
        """The file's absolute path, checked by the store; ``None`` until a store has found it."""
        return self._path

    @property
    def pixels(self) -> tuple[int, int] | None:
        """Width and height in pixels as shown (EXIF rotation applied); ``None`` until found."""
        return self._pixels


class PictureBlock(_Located, _Block):
    """A picture kept in the project's ``assets/`` folder, with alt text, caption and credit."""

    kind: Literal["picture"] = "picture"
    file: Title = Field(description="The picture's path inside the project folder, such as 'assets/quayside.png'.")
    alt_text: Text | None = Field(None, description="What the picture shows, for screen readers.")
    decorative: bool = Field(False, description="True for a picture that only decorates (no alt text needed).")
    caption: Title | None = Field(None, description="A caption under the picture.")
    credit: Title | None = Field(None, description="Who took or made it, such as 'Photo: NE LEP'.")
    _path: Path | None = PrivateAttr(None)
    _pixels: tuple[int, int] | None = PrivateAttr(None)

    @field_validator("file")
    @classmethod
    def _file(cls, value: str) -> str:
        return _picture_file(value)

    @model_validator(mode="after")
    def _alt(self) -> PictureBlock:
        if not self.decorative and not (self.alt_text and self.alt_text.strip()):
            raise ValueError(
                f"picture '{self.file}' has no alt text; say what it shows in 'alt_text', "
                "or write 'decorative: true' if it only decorates"
            )
        return self


class Logo(_Located, ContentModel):
    """A partner's logo, shown on the title slide and the document's cover."""

    file: Title = Field(description="The logo's path inside the project folder, such as 'assets/nelep.png'.")
    name: Title = Field(description="The partner's name, read out as the logo's alt text.")
    _path: Path | None = PrivateAttr(None)
    _pixels: tuple[int, int] | None = PrivateAttr(None)

    @field_validator("file")
    @classmethod
    def _file(cls, value: str) -> str:
        return _picture_file(value)

    @property
    def alt_text(self) -> str:
        """'North East LEP logo'."""
        return f"{self.name} logo"

    @property
    def decorative(self) -> bool:
        """Never: a logo says who stands behind the strategy."""
        return False


EVIDENCE_KINDS = (ChartBlock, TableBlock, PictureBlock)
"""The evidence block classes, for renderers that handle them together."""
