"""The ``neslis a11y`` command's work, and the summary a build prints, kept out of ``cli.py``.

Exit codes: 0 when every file is clean, 1 when there are findings, 2 when a file cannot be
read, 70 when the check itself failed on a file (a bug here); the other files are still
checked and reported.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from neslis_desktop.render.a11y import DEFAULT_MIN_SIZE, Report, UnreadableFile, check_file


def run(files: Sequence[Path], *, as_json: bool, min_size: float | None, out: TextIO, err: TextIO) -> int:
    """Check ``files`` and write the reports (text or JSON) to ``out``; the exit code."""
    reports: list[Report] = []
    errors: list[tuple[Path, str]] = []
    bug = False
    for path in files:
        try:
            reports.append(check_file(Path(path), min_size=DEFAULT_MIN_SIZE if min_size is None else min_size))
        except UnreadableFile as exc:
            errors.append((Path(path), str(exc)))
        except Exception as exc:  # one file that trips a bug must not hide the others' reports
            bug = True
            summary = f"{type(exc).__name__}: {exc}".splitlines()[0][:200]
            errors.append(
                (
                    Path(path),
                    f"{path}: internal error while checking ({summary}); this is a bug in NESLIS "
                    "Desktop, not a problem in the file",
                )
            )
        else:
            continue
        if not as_json:
            print(f"neslis: {errors[-1][1]}", file=err)
    if as_json:
        data = {
            "files": [r.as_json() for r in reports],
            "errors": [{"file": str(p), "message": m} for p, m in errors],
        }
        print(json.dumps(data, indent=2, ensure_ascii=False), file=out)
    else:
        for report in reports:
            print(report.text(), file=out)
    if bug:
        return 70
    if errors:
        return 2
    return 0 if all(r.clean for r in reports) else 1


def build_summary(reports: Sequence[Report]) -> list[str]:
    """Lines a build prints about the accessibility of what it wrote."""
    if not reports:
        return []
    if all(r.clean for r in reports):
        names = " and ".join(r.path.name for r in reports)
        return [f"accessibility: no problems found in {names}"]
    lines = []
    for report in reports:
        if report.clean:
            lines.append(f"accessibility: {report.path.name}: no problems found")
            continue
        lines.append(f"accessibility: {report.path.name}: {len(report.findings)} to fix")
        lines += [f"  {f.line()}" for f in report.sorted()]
    return lines
