"""Benchmark (not a test): a pack of 50 charts and 50 tables, deck and draft.

Prints the time per chart and per table in the deck and in the draft (warm, in-process,
median of several rounds, against the same pack with the charts and tables taken out), the
peak memory of a whole ``neslis build`` of the pack in a child process, and what dominates
(the top entries of a profile).

    PYTHONPATH=. .venv/bin/python bench/evidence_bench.py [--rounds 3]
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from measure import run_child  # noqa: E402

from neslis_desktop.model import Project, Section  # noqa: E402
from neslis_desktop.model.evidence import ChartBlock, TableBlock  # noqa: E402
from neslis_desktop.render.deck import write_deck  # noqa: E402
from neslis_desktop.render.draft import write_draft  # noqa: E402
from neslis_desktop.store import save_project  # noqa: E402

CHARTS = TABLES = 50
TYPES = ("column", "bar", "line", "stacked_column", "pie")


def _chart(n: int) -> ChartBlock:
    kind = TYPES[n % len(TYPES)]
    years = [str(2004 + i) for i in range(10 if kind == "line" else 5)]
    series = [{"name": "North East", "values": [90 + (i * 7 + n) % 11 for i in range(len(years))]}]
    if kind != "pie":
        series.append({"name": "England excluding London", "values": [100 + (i + n) % 3 for i in range(len(years))]})
    data = {
        "kind": "chart",
        "title": f"Chart {n}",
        "subtitle": "GVA per hour worked, index (UK = 100)",
        "chart_type": kind,
        "categories": years,
        "series": series,
        "source": {"publisher": "Office for National Statistics", "dataset": "Subregional productivity"},
    }
    return ChartBlock.model_validate(data)


def _table(n: int) -> TableBlock:
    rows = [[f"Area {r}", 1000 * r + n, 60 + r / 7] for r in range(1, 13)]
    return TableBlock.model_validate(
        {
            "kind": "table",
            "caption": f"Table {n}",
            "columns": [
                "Area",
                {"title": "Jobs", "number_format": "#,##0"},
                {"title": "Rate", "number_format": "0.0%"},
            ],
            "rows": rows,
            "totals": ["All", sum(r[1] for r in rows), 65.0],
        }
    )


def pack(charts: bool, tables: bool) -> Project:
    """Ten sections of five charts and five tables each (or the same sections without them)."""
    project = Project.model_validate({"meta": {"title": "Evidence benchmark", "organisation": "Bench"}})
    for s in range(10):
        blocks: list = [{"kind": "paragraph", "text": f"Section {s} introduction."}]
        for k in range(5):
            n = s * 5 + k
            if charts:
                blocks.append(_chart(n))
            if tables:
                blocks.append(_table(n))
        project.sections.append(Section.model_validate({"id": f"s{s}", "title": f"Section {s}", "blocks": blocks}))
    return project


def _time(fn: Callable[[Project, Path], object], project: Project, out: Path, rounds: int) -> float:
    from neslis_desktop.render.slide_memo import forget_slides

    fn(project, out)  # warm-up: imports, fonts, template checks
    times = []
    for _ in range(rounds):
        forget_slides()  # each round reads and checks its slides afresh, as a first build would
        start = time.perf_counter()
        fn(project, out)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        results = {}
        for name, fn, target in (("deck", write_deck, out / "d.pptx"), ("draft", write_draft, out / "d.docx")):
            base = _time(fn, pack(False, False), target, args.rounds)
            with_charts = _time(fn, pack(True, False), target, args.rounds)
            with_tables = _time(fn, pack(False, True), target, args.rounds)
            results[name] = (base, (with_charts - base) / CHARTS, (with_tables - base) / TABLES)
        print(f"{'':8}{'base pack':>12}{'per chart':>12}{'per table':>12}")
        for name, (base, per_chart, per_table) in results.items():
            print(f"{name:8}{base * 1000:>10.0f} ms{per_chart * 1000:>9.1f} ms{per_table * 1000:>9.1f} ms")

        folder = out / "pack"
        save_project(pack(True, True), folder)
        sample = run_child([sys.executable, "-m", "neslis_desktop", "build", str(folder), "-o", str(out / "o"), "-q"])
        mem = f"{sample.max_rss_mb:.0f} MB" if sample.max_rss_mb is not None else "not measured on this system"
        print(
            f"\nneslis build of 50 charts + 50 tables: {sample.seconds:.2f} s, peak memory {mem}"
            + ("" if sample.ok else f" (failed: {sample.error[:200]})")
        )

        full = pack(True, True)
        for name, fn, target in (("deck", write_deck, out / "p.pptx"), ("draft", write_draft, out / "p.docx")):
            profile = cProfile.Profile()
            profile.enable()
            fn(full, target)
            profile.disable()
            print(f"\nWhere the {name} build of the pack spends its time (cumulative, top 12):")
            stats = pstats.Stats(profile)
            stats.sort_stats("cumulative").print_stats(12)
    return 0


if __name__ == "__main__":
    sys.exit(main())
