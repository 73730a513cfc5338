"""``python -m ooxml [--lenient] FILE...`` (with ``tests`` on PYTHONPATH): check packages, print the report.

Exit status 0 when clean, 1 when there are violations, 2 when the check could not run.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import SchemaError, check, summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ooxml", description=__doc__)
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE")
    parser.add_argument("--lenient", action="store_true", help="do not count deviations Office itself writes")
    args = parser.parse_args(argv)
    missing = [str(path) for path in args.files if not path.is_file()]
    if missing:
        print(f"ooxml: no such file: {', '.join(missing)}", file=sys.stderr)
        return 2
    try:
        reports = check(args.files, lenient=args.lenient)
    except SchemaError as exc:
        print(f"ooxml: {exc}", file=sys.stderr)
        return 2
    print(summary(reports))
    return 1 if any(report.violations for report in reports) else 0


if __name__ == "__main__":
    sys.exit(main())
