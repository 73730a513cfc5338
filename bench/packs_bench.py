"""Benchmarks of packs and diffs: every bundled pack in one build, template loading, a 50x diff.

Run on its own: ``.venv/bin/python bench/packs_bench.py``. Prints medians; never fails on a
slow figure (speed is reported, not asserted). The template-load figure is what loading a
template once per distinct template (rather than once per pack) could save in ``--all``.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _median(work: Callable[[], object], runs: int = 5) -> float:
    """Each run reads and checks its slides afresh: the same project again would be remembered."""
    from neslis_desktop.render.slide_memo import forget_slides

    work()  # warm-up
    times = []
    for _ in range(runs):
        forget_slides()
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def run() -> list[tuple[str, float]]:
    """(measure, seconds) rows."""
    from neslis_desktop.model import Project
    from neslis_desktop.model.diff import diff_projects
    from neslis_desktop.render.deck.template import load_template
    from neslis_desktop.render.diff_report import report_lines
    from neslis_desktop.render.packs import build_packs, main_packs
    from neslis_desktop.resources import bundled_project
    from neslis_desktop.store import load_project

    folder = bundled_project()
    project = load_project(folder)
    rows: list[tuple[str, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        rows.append(
            ("warm build: deck and draft (2 packs)", _median(lambda: build_packs(project, main_packs(project), out)))
        )
        rows.append(
            (
                f"warm build --all ({len(project.all_packs())} packs)",
                _median(lambda: build_packs(project, project.all_packs(), out)),
            )
        )
    rows.append(("load the bundled deck template once (warm)", _median(load_template, runs=20)))

    sections = []
    for k in range(50):
        for section in project.sections:
            copy = section.model_copy(deep=True)
            copy.id = f"{section.id}-{k}"
            sections.append(copy)
    old = Project.model_construct(meta=project.meta, sections=sections, packs=[])
    new = old.model_copy(deep=True)
    new.sections.append(new.sections.pop(5))
    for section in new.sections[::7]:
        for block in section.blocks:
            if block.kind == "paragraph":
                block.text = block.text.replace("the", "a", 1)
    rows.append(
        (
            f"diff and report, 50x project ({len(sections)} sections)",
            _median(lambda: report_lines(diff_projects(old, new), "a", "b"), runs=3),
        )
    )
    return rows


if __name__ == "__main__":
    for name, seconds in run():
        print(f"{name:55} {seconds * 1000:8.1f} ms")
