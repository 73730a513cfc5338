"""Typography of the draft's text: ranges of years take an en dash, not a hyphen.

The draft writes its own ranges ("Oct 2019 – Mar 2020") with a spaced en dash. In text a
person typed, a hyphen is changed only where it can mean nothing but a range: between two
years in order ("2018-2019", "2018-19"). Other hyphens are left alone: "10-15" may be a
score, "0191-123" a telephone number, "2019-08-01" a date, "M1-M3" a name.
"""

from __future__ import annotations

import re

EN_DASH = "\u2013"

_YEAR_RANGE = re.compile(r"(?<![\w\-/.])((?:18|19|20)\d\d)-(\d{4}|\d\d)(?![\w\-/]|[.,]\d)")


def _year_range(match: re.Match[str]) -> str:
    first, second = match.group(1), match.group(2)
    start = int(first)
    # "2018-19" ends in the same century as it starts; "1999-00" crosses into the next.
    end = int(second) if len(second) == 4 else (start // 100) * 100 + int(second)
    if len(second) == 2 and end <= start:
        end += 100
    if not start < end <= start + 50:
        return match.group(0)  # "2019-08" is a month and "2030-2020" runs backwards: not ranges
    return f"{first}{EN_DASH}{second}"


def year_ranges(text: str) -> str:
    """``text`` with the hyphen of every unambiguous year range made an en dash."""
    if "-" not in text:
        return text
    return _YEAR_RANGE.sub(_year_range, text)


def span(start: str, end: str) -> str:
    """A range the draft writes itself: 'Mar 2018 – Feb 2019' (spaced, as its ends hold spaces)."""
    return f"{start} {EN_DASH} {end}"
