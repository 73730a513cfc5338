"""A calendar month (``2019-08``), the unit of the progress timeline."""

from __future__ import annotations

import re
from typing import Any

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import core_schema

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


class Month(tuple[int, int]):
    """(year, month), ordered, counted by :meth:`ordinal`; written ``YYYY-MM`` in files."""

    __slots__ = ()

    def __new__(cls, year: int, month: int) -> Month:
        if not 1 <= month <= 12:
            raise ValueError(f"month must be 1 to 12, not {month}")
        return super().__new__(cls, (year, month))

    def __getnewargs__(self) -> tuple[int, int]:
        # copy and pickle rebuild a Month from (year, month), not from one tuple argument.
        return (self.year, self.month)

    @property
    def year(self) -> int:
        return self[0]

    @property
    def month(self) -> int:
        return self[1]

    @property
    def name(self) -> str:
        """The month's English name, such as 'August'."""
        return MONTH_NAMES[self.month - 1]

    def ordinal(self) -> int:
        """Months since year 0, so that differences count months."""
        return self.year * 12 + self.month - 1

    @classmethod
    def from_ordinal(cls, ordinal: int) -> Month:
        return cls(ordinal // 12, ordinal % 12 + 1)

    @classmethod
    def parse(cls, value: Any) -> Month:
        """A month from ``'2019-08'`` (or a Month); ``ValueError`` saying the valid form."""
        if isinstance(value, Month):
            return value
        if not isinstance(value, str):
            raise ValueError(f"a month is written as text like '2019-08', not {type(value).__name__}")
        m = _MONTH.match(value.strip())
        if not m or not 1 <= int(m.group(2)) <= 12:
            raise ValueError(f"'{value}' is not a month; write year and month like '2019-08'")
        return cls(int(m.group(1)), int(m.group(2)))

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    def __repr__(self) -> str:
        return f"Month('{self}')"

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            cls.parse, serialization=core_schema.plain_serializer_function_ser_schema(str)
        )

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {"type": "string", "pattern": r"^[0-9]{4}-(0[1-9]|1[0-2])$", "examples": ["2019-08"]}
