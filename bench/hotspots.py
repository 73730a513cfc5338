"""Where the time goes: cProfile of the warm in-process build and ``-X importtime`` of start-up.

The profile's self time is grouped by area (our deck and draft code, python-pptx,
python-docx, lxml, pydantic, zip/deflate, ...) so docs/performance.md can say what
dominates; the top functions by self time name the exact hot spots.
(Named ``hotspots`` rather than ``profile`` so as not to shadow the standard library module
that cProfile imports.)
"""

from __future__ import annotations

import cProfile
import io
import pstats
import re
import subprocess
import sys
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

_AREAS: list[tuple[str, str]] = [
    ("neslis_desktop/render/deck", "neslis render.deck (planner, layouts, pptx writer)"),
    ("neslis_desktop/render/draft", "neslis render.draft (docx writer)"),
    ("neslis_desktop/render", "neslis render (pack, other)"),
    ("neslis_desktop/model", "neslis model (pydantic validation)"),
    ("neslis_desktop/store", "neslis store"),
    ("neslis_desktop", "neslis other"),
    ("<frozen importlib", "importing modules (finding, loading, unmarshalling)"),
    ("<built-in method marshal", "importing modules (finding, loading, unmarshalling)"),
    ("<built-in method _imp.", "importing modules (finding, loading, unmarshalling)"),
    ("/pptx/", "python-pptx"),
    ("/docx/", "python-docx"),
    ("lxml", "lxml (XML parse/serialise/xpath)"),
    ("pydantic", "pydantic"),
    ("zipfile", "zipfile + zlib (reading/writing the packages)"),
    ("zlib", "zipfile + zlib (reading/writing the packages)"),
    ("/PIL/", "Pillow"),
    ("copy.py", "copy.deepcopy"),
    ("<built-in method io.open>", "file I/O"),
    ("posix", "file I/O"),
    ("_io.", "file I/O"),
    ("re/", "re"),
    ("<method 'sub' of 're.Pattern'", "re"),
]


@dataclass
class Profile:
    """A profile's total, its self time by area, and its top functions by self time."""

    total: float
    areas: list[tuple[str, float]]
    top: list[tuple[str, float, int]]


def _area(filename: str, func: str) -> str:
    where = f"{filename} {func}"
    for needle, area in _AREAS:
        if needle in where:
            return area
    return "other (stdlib, interpreter)"


def _label(filename: str, line: int, func: str) -> str:
    if filename == "~":
        return func
    short = re.sub(r"^.*?/(site-packages|lib/python3\.\d+|work/main)/", "", filename)
    return f"{short}:{line}({func})"


def profile_call(call: Callable[[], object], runs: int = 2, top: int = 15) -> Profile:
    """Profile ``runs`` calls of ``call`` (already warmed up by the caller)."""
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(runs):
        call()
    profiler.disable()
    return summarise_stats(pstats.Stats(profiler, stream=io.StringIO()), runs, top)


def profile_process(cmd: list[str], env: dict[str, str] | None, out: Path, top: int = 15) -> Profile | None:
    """Profile a whole Python process (``cmd`` = script and arguments) with ``-m cProfile``."""
    stats_file = out / "process.prof"
    proc = subprocess.run(
        [sys.executable, "-m", "cProfile", "-o", str(stats_file), *cmd],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    if proc.returncode != 0 or not stats_file.exists():
        return None
    return summarise_stats(pstats.Stats(str(stats_file), stream=io.StringIO()), 1, top)


def summarise_stats(stats: pstats.Stats, runs: int, top: int) -> Profile:
    """Self time by area and the top functions, per run."""
    raw = stats.stats  # type: ignore[attr-defined]
    by_area: dict[str, float] = defaultdict(float)
    rows = []
    total = 0.0
    for (filename, line, func), (_cc, ncalls, tottime, _ct, _callers) in raw.items():
        by_area[_area(filename, func)] += tottime / runs
        total += tottime / runs
        rows.append((_label(filename, line, func), tottime / runs, ncalls // runs))
    rows.sort(key=lambda r: r[1], reverse=True)
    areas = sorted(by_area.items(), key=lambda a: a[1], reverse=True)
    return Profile(total, areas, rows[:top])


@dataclass
class ImportTime:
    """``-X importtime`` of a statement: total, and self time summed by package."""

    total_ms: float
    top: list[tuple[str, float]]


def _package(name: str) -> str:
    parts = name.split(".")
    return ".".join(parts[:2]) if parts[0] == "neslis_desktop" else parts[0]


def import_time(
    statement: str, python: str = sys.executable, env: dict[str, str] | None = None, top: int = 12
) -> ImportTime:
    """Run ``python -X importtime -c statement``; the best of 3 runs, by total."""
    best: ImportTime | None = None
    for _ in range(3):
        proc = subprocess.run(
            [python, "-X", "importtime", "-c", statement], capture_output=True, text=True, check=True, env=env
        )
        by_package: dict[str, float] = defaultdict(float)
        for line in proc.stderr.splitlines():
            m = re.match(r"import time:\s+(\d+) \|\s+\d+ \|\s*(\S+)", line)
            if m:
                by_package[_package(m.group(2))] += int(m.group(1)) / 1000
        total = sum(by_package.values())
        result = ImportTime(total, sorted(by_package.items(), key=lambda e: e[1], reverse=True)[:top])
        if best is None or result.total_ms < best.total_ms:
            best = result
    assert best is not None
    return best


def cli_build_import_statement() -> str:
    """What ``neslis build`` imports before it starts work."""
    return (
        "import neslis_desktop.cli, neslis_desktop.store, neslis_desktop.render.pack, "
        "neslis_desktop.render.deck, neslis_desktop.render.draft"
    )
