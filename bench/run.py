"""``make bench``: how fast NESLIS builds, against the floor, against Pandoc, and at scale.

Runs, in one go (about 2-5 minutes on a 2-core machine):

1. whole process: ``neslis build`` of the bundled pack against the floor (bench/floor.py:
   Python + python-pptx + python-docx opening and saving the two templates) and against
   Pandoc converting the same content (``neslis export --markdown``, then
   ``pandoc FILE.md -o x.pptx`` plus ``-o x.docx``); the alternatives are interleaved round
   by round, after a warm-up round, so that a noisy shared machine slows them alike, and
   ratios are taken per round;
2. in process, warm: ``build_pack`` of the loaded bundled project, as the app's Generate does;
3. scaling: synthetic projects 1x, 10x and 50x the bundled one (bench/synth.py): time per
   slide and per Word body element (paragraph or table; page counts would need a layout
   engine, too slow to be a unit), and the build process's peak memory;
4. the desktop app: bench/app_bench.py (by another module owner), run offscreen;
5. profiles: cProfile of the warm build, ``-X importtime`` of the CLI's start-up;
6. packs: ``neslis build --all`` against one process per pack, and bench/packs_bench.py.

Prints the figures as Markdown tables and writes them, with a description of the machine,
to docs/performance.md. ``--quick`` takes fewer runs and skips 50x (for trying changes).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(BENCH))

import synth  # noqa: E402
from hotspots import Profile, cli_build_import_statement, import_time, profile_call, profile_process  # noqa: E402
from measure import Sample, Summary, run_child, summarise  # noqa: E402

from neslis_desktop.resources import bundled_deck_template, bundled_doc_template, bundled_project  # noqa: E402

PY = sys.executable
CHILD_ENV: dict[str, str] = {}
"""Environment of every timed child: set by :func:`_child_env` in main."""


def _child_env(tmp: Path) -> dict[str, str]:
    """The environment with a private, writable bytecode cache.

    With PYTHONDONTWRITEBYTECODE set (as in some CI and agent shells) every process would
    compile our modules from source on every start, which no installed copy does; the
    private PYTHONPYCACHEPREFIX keeps the warm-up's bytecode without touching the tree.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(tmp / "pycache")
    # The program's own cache (template checks, word widths) in the benchmark's folder, not
    # the user's: filled by the warm-up round, as an officer's earlier builds fill theirs.
    env["NESLIS_CACHE_DIR"] = str(tmp / "neslis-cache")
    return env


def _log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def _neslis() -> list[str]:
    script = Path(PY).with_name("neslis.exe" if os.name == "nt" else "neslis")
    return [str(script)] if script.exists() else [PY, "-m", "neslis_desktop"]


@dataclass
class Goal:
    """A headline figure and whether it meets its goal (None: not measured)."""

    measure: str
    figure: str
    goal: str
    met: bool | None


@dataclass
class Report:
    """Everything measured, as Markdown."""

    goals: list[Goal] = field(default_factory=list)
    sections: list[str] = field(default_factory=list)

    def add(self, title: str, body: str) -> None:
        self.sections.append(f"## {title}\n\n{body.strip()}\n")


def _table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def _verdict(met: bool | None) -> str:
    return {True: "yes", False: "**no**", None: "not measured"}[met]


# ----------------------------------------------------------------------------- machine


def machine() -> str:
    """CPU, cores, memory, OS, Python, library versions, load: what the figures depend on."""
    cpu = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    ram = "unknown"
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        kb = int(meminfo.read_text().split("MemTotal:")[1].split()[0])
        ram = f"{kb / 1024 / 1024:.1f} GB"
    os_name = platform.platform()
    release = Path("/etc/os-release")
    if release.exists():
        for line in release.read_text().splitlines():
            if line.startswith("PRETTY_NAME="):
                os_name = f"{line.split('=', 1)[1].strip(chr(34))} ({platform.platform()})"
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    versions = []
    for dist in ("python-pptx", "python-docx", "lxml", "pydantic", "PyYAML", "PySide6_Essentials"):
        try:
            versions.append(f"{dist} {metadata.version(dist)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{dist} (not installed)")
    pandoc = shutil.which("pandoc")
    if pandoc:
        out = subprocess.run([pandoc, "--version"], capture_output=True, text=True, check=False).stdout
        versions.append(out.splitlines()[0] if out else "pandoc (version unknown)")
    else:
        versions.append("pandoc not installed")
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "n/a"
    rows = [
        ["CPU", cpu],
        ["Cores", f"{os.cpu_count()} logical, {usable} usable by this process"],
        ["Memory", ram],
        ["OS", os_name],
        ["Python", f"{platform.python_implementation()} {platform.python_version()}"],
        ["Libraries", ", ".join(versions)],
        ["Load average at start (1, 5, 15 min)", load],
    ]
    return _table(["", ""], rows)


# ----------------------------------------------------------------------------- 1 + 3: processes


def whole_process(report: Report, runs: int, tmp: Path) -> None:
    """neslis build vs the floor vs Pandoc's two conversions, interleaved round by round."""
    neslis = _neslis()
    templates_note = ""
    missing = [p.name for p in (bundled_deck_template(), bundled_doc_template()) if not p.exists()]
    if missing:
        templates_note = (
            f"\n\nThe bundled {' and '.join(missing)} did not exist yet: the floor opened the "
            "libraries' default templates instead."
        )
    md = tmp / "pack.md"
    export = run_child([*neslis, "export", "--markdown", "-o", str(md)], CHILD_ENV)
    pandoc = shutil.which("pandoc")
    cmds: dict[str, Callable[[], Sample]] = {
        "floor": lambda: run_child([PY, str(BENCH / "floor.py"), str(tmp / "floor")], CHILD_ENV),
        "build": lambda: run_child([*neslis, "build", "-q", "-o", str(tmp / "build")], CHILD_ENV),
        "start": lambda: run_child([*neslis, "--version"], CHILD_ENV),
        "first": lambda: run_child(
            [*neslis, "build", "-q", "-o", str(tmp / "first")],
            {**CHILD_ENV, "NESLIS_CACHE_DIR": tempfile.mkdtemp(prefix="cold-cache-", dir=tmp)},
        ),
    }
    if pandoc and export.ok:

        def pandoc_pair() -> Sample:
            a = run_child([pandoc, str(md), "-o", str(tmp / "pandoc.pptx")])
            b = run_child([pandoc, str(md), "-o", str(tmp / "pandoc.docx")])
            return Sample(
                a.seconds + b.seconds, max(a.max_rss_mb or 0, b.max_rss_mb or 0), a.ok and b.ok, a.error or b.error
            )

        cmds["pandoc"] = pandoc_pair
    names = list(cmds)
    samples: dict[str, list[Sample]] = {n: [] for n in names}
    for round_no in range(runs + 1):
        order = names[round_no % len(names) :] + names[: round_no % len(names)]
        for name in order:
            sample = cmds[name]()
            if round_no > 0:  # round 0 is the warm-up
                samples[name].append(sample)
    _log("whole-process rounds done")

    def ok(name: str) -> Summary | None:
        good = [s.seconds for s in samples.get(name, []) if s.ok]
        return summarise(good) if good and len(good) == len(samples[name]) else None

    def paired(a: str, b: str) -> Summary | None:
        pairs = [x.seconds / y.seconds for x, y in zip(samples[a], samples[b], strict=True) if x.ok and y.ok]
        return summarise(pairs) if pairs and a in samples and b in samples else None

    build, floor, start = ok("build"), ok("floor"), ok("start")
    rows = []
    for name, label in (
        ("start", "`neslis --version` (interpreter + CLI start-up)"),
        ("floor", "floor: Python + python-pptx + python-docx, open and save both templates"),
        ("build", "`neslis build` of the bundled pack (deck + draft)"),
        ("first", "the same, first run on the machine (empty cache folder: templates checked, words measured)"),
        ("pandoc", "Pandoc: `pandoc pack.md -o x.pptx` + `-o x.docx` (two processes)"),
    ):
        if name not in samples:
            continue
        summary = ok(name)
        failed = [s.error for s in samples[name] if not s.ok]
        figure = summary.s() if summary else f"failed: {failed[0] if failed else '?'}"
        rss = [s.max_rss_mb for s in samples[name] if s.max_rss_mb]
        rows.append([label, figure, f"{max(rss):.0f} MB" if rss else "n/a"])
    text = _table(["Process", "Wall time: median (min–max)", "Peak RSS"], rows)
    ratio_floor = paired("build", "floor")
    report.goals.append(
        Goal(
            "Whole-process build vs the floor",
            f"{ratio_floor.median:.2f}x ({build.median:.2f} s vs {floor.median:.2f} s)"
            if ratio_floor and build and floor
            else "not measured (build failed)",
            "≤ 1.5x",
            ratio_floor.median <= 1.5 if ratio_floor else None,
        )
    )
    if "pandoc" in samples:
        pan = ok("pandoc")
        ratio_pandoc = paired("build", "pandoc")
        report.goals.append(
            Goal(
                "Whole-process build vs Pandoc's two conversions",
                f"{ratio_pandoc.median:.2f}x ({build.median:.2f} s vs {pan.median:.2f} s)"
                if ratio_pandoc and build and pan
                else "not measured (a run failed)",
                "≤ 1.0x",
                ratio_pandoc.median <= 1.0 if ratio_pandoc else None,
            )
        )
    else:
        why = (
            "pandoc is not installed (Debian: apt-get install pandoc)"
            if not pandoc
            else (f"the Markdown export failed: {export.error}")
        )
        text += f"\n\nPandoc comparison not measured: {why}."
        report.goals.append(Goal("Whole-process build vs Pandoc's two conversions", "not measured", "≤ 1.0x", None))
    ratios = []
    for a, b, what in (
        ("build", "floor", "build / floor"),
        ("build", "pandoc", "build / Pandoc"),
        ("first", "floor", "first run / floor"),
        ("start", "floor", "CLI start-up / floor"),
    ):
        if a in samples and b in samples and (r := paired(a, b)):
            ratios.append(f"{what} {r.median:.2f}x ({r.low:.2f}–{r.high:.2f})")
    if start and build:
        ratios.append(f"build minus floor: {max(0.0, build.median - (floor.median if floor else 0)) * 1000:.0f} ms")
    text += "\n\nRatios, taken round by round: " + "; ".join(ratios) + "." if ratios else ""
    text += (
        f"\n\nMethod: one warm-up round, then {runs} rounds; each round runs every process once, "
        "in an order rotated from round to round, so the alternatives share the machine's "
        "state. Children get a private bytecode cache (PYTHONPYCACHEPREFIX), so that, as in an "
        "installed copy, modules are compiled once rather than at every start even where "
        "PYTHONDONTWRITEBYTECODE is set." + templates_note
    )
    report.add("1. Whole process: against the floor and against Pandoc", text)


_PHASES = """
import gc, json, sys, time
t0 = time.perf_counter()
gc.disable()  # as cli.run does for build, until _collect_from_here below
from pathlib import Path
import neslis_desktop.cli as cli
from neslis_desktop.resources import bundled_project
from neslis_desktop.store import load_project
from neslis_desktop.render.pack import build_pack
t1 = time.perf_counter()
project = load_project(bundled_project())
cli._ONE_RUN[0] = True
cli._collect_from_here()
t2 = time.perf_counter()
build_pack(project, Path(sys.argv[1]), only="deck", check_accessibility=True)
t3 = time.perf_counter()
build_pack(project, Path(sys.argv[1]), only="doc", check_accessibility=True)
t4 = time.perf_counter()
print(json.dumps([t1 - t0, t2 - t1, t3 - t2, t4 - t3]), flush=True)
import os
os._exit(0)  # as neslis build ends (cli.run): no interpreter teardown
"""


def phases(report: Report, runs: int, tmp: Path) -> None:
    """Where one whole ``neslis build`` process spends its time, phase by phase (wall clock)."""
    script = tmp / "phases.py"
    script.write_text(_PHASES, "utf-8")
    rows: list[list[float]] = []
    for n in range(runs + 1):
        start = time.perf_counter()
        proc = subprocess.run(
            [PY, str(script), str(tmp / "phases")], capture_output=True, text=True, env=CHILD_ENV, check=False
        )
        wall = time.perf_counter() - start
        if proc.returncode != 0:
            report.add("1b. One build process, phase by phase", f"Failed: {proc.stderr.strip().splitlines()[-1:]}")
            return
        parts = json.loads(proc.stdout)
        if n > 0:
            rows.append([wall - sum(parts), *parts, wall])
    names = [
        "Python start-up (interpreter, site, editable-install finder) and exit without teardown",
        "import the CLI, store and model (pydantic classes built)",
        "load_project: read and validate the bundled YAML",
        "first deck build and its accessibility check (imports python-pptx and the renderers, "
        "opens the template; template checks and word widths come from the cache folder)",
        "first draft build and its accessibility check (opens and checks the template)",
        "whole process",
    ]
    table = [[name, summarise([r[i] for r in rows]).ms()] for i, name in enumerate(names)]
    report.add(
        "1b. One build process, phase by phase",
        _table(["Phase", "Wall time: median (min–max)"], table)
        + "\n\nMeasured in a child process that does what `neslis build` does (the accessibility "
        "check, the garbage collector off until the project is loaded), with `time.perf_counter` "
        "between the phases; the first row is the process's wall time less the phases.",
    )
    _log("phases done")


# ----------------------------------------------------------------------------- 2: in process


def _edited(project: Any, n: int) -> Any:
    """``project`` with the first paragraph of a section in its second half reworded (``n`` in it)."""
    sections = list(project.sections)
    for i in range(len(sections) // 2, len(sections)):
        blocks = list(sections[i].blocks)
        at = next((k for k, b in enumerate(blocks) if getattr(b, "kind", "") == "paragraph"), None)
        if at is not None:
            blocks[at] = blocks[at].model_copy(update={"text": f"{blocks[at].text} (edit {n})"})
            sections[i] = sections[i].model_copy(update={"blocks": blocks})
            return project.model_copy(update={"sections": sections})
    raise ValueError("no paragraph to edit in the second half of the project")


def _timed(call: Callable[[], object]) -> float:
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


def in_process(report: Report, runs: int, tmp: Path) -> Callable[[], object] | None:
    """Warm build_pack of the loaded bundled project; returns the call, for profiling."""
    from neslis_desktop.render.pack import build_pack
    from neslis_desktop.store import load_project

    load = [_timed(lambda: load_project(bundled_project())) for _ in range(runs)]
    project = load_project(bundled_project())
    out = tmp / "inproc"
    # Every build is of a project edited since the one before, as an officer's next Generate
    # is: the slides read and checked before are remembered (render/slide_memo.py), so
    # building the same project again would time only what is remembered.
    edits = iter(range(1_000_000))

    def pack() -> object:
        return build_pack(_edited(project, next(edits)), out)

    def generate() -> object:  # what the app's Generate runs: the build, then its accessibility check
        return build_pack(_edited(project, next(edits)), out, check_accessibility=True)

    try:
        for _ in range(2):
            pack()
            generate()
    except Exception as exc:  # the renderers are someone else's: report, do not crash the bench
        report.add("2. In process, warm", f"The build failed: {type(exc).__name__}: {exc}")
        report.goals.append(Goal("Warm in-process build (deck + draft)", "failed", "< 100 ms", None))
        return None

    times: dict[str, list[float]] = {"generate": [], "pack": [], "deck": [], "doc": []}
    for _ in range(runs):
        times["generate"].append(_timed(generate))
        times["pack"].append(_timed(pack))
        times["deck"].append(_timed(lambda: build_pack(_edited(project, next(edits)), out, only="deck")))
        times["doc"].append(_timed(lambda: build_pack(_edited(project, next(edits)), out, only="doc")))
    pack_s, generate_s = summarise(times["pack"]), summarise(times["generate"])
    rows = [
        ["load_project (read, parse and validate the YAML)", summarise(load).ms()],
        ["the app's Generate: deck and draft, then the accessibility check of both", generate_s.ms()],
        ["build_pack: deck and draft (no accessibility check)", pack_s.ms()],
        ["build_pack(only='deck')", summarise(times["deck"]).ms()],
        ["build_pack(only='doc')", summarise(times["doc"]).ms()],
    ]
    report.add(
        "2. In process, warm (the app's Generate)",
        _table(["Step", "Median (min–max)"], rows)
        + f"\n\nMethod: two warm-up builds, then {runs} of each, interleaved. Before each build one "
        "paragraph of a section in the middle is reworded (timed with the build: some microseconds), "
        "as between two Generates in the app, so that section's slides are read and checked anew "
        "and the others come from what the process remembers of them. The app's Generate "
        "(gui/generate_worker.py) and `neslis build` check accessibility after building; "
        "the rows below it do not.",
    )
    report.goals.append(
        Goal(
            "Warm in-process build (deck + draft)", f"{pack_s.median * 1000:.0f} ms", "< 100 ms", pack_s.median < 0.100
        )
    )
    report.goals.append(
        Goal(
            "App: Generate of the bundled pack, warm (build and accessibility check)",
            f"{generate_s.median * 1000:.0f} ms",
            "< 100 ms",
            generate_s.median < 0.100,
        )
    )
    _log("in-process done")
    return pack


# ----------------------------------------------------------------------------- 4: scaling


def _count(deck: Path, draft: Path) -> tuple[int, int]:
    from docx import Document
    from pptx import Presentation

    body = Document(str(draft)).element.body
    units = sum(1 for child in body if child.tag.rsplit("}", 1)[-1] in ("p", "tbl"))
    return len(Presentation(str(deck)).slides), units


def _text_not_seen() -> None:
    """Forget the measured paragraphs and words, and the slides read and checked, held in memory
    (the fonts' width tables stay).

    Repeated builds of the 1x project would otherwise re-use the text measured and the slides
    read by the run before, which a 50x build of 50 times more text cannot: each size is timed
    as a build of text not built before in this process.
    """
    from neslis_desktop.render.deck import textfit
    from neslis_desktop.render.slide_memo import forget_slides

    textfit._unit_width.cache_clear()
    textfit._cached_tokens.cache_clear()
    forget_slides()


def scaling(
    report: Report,
    factors: list[int],
    tmp: Path,
    *,
    base: Path | None = None,
    title: str = "3. Scaling: 1x, 10x, 50x the bundled project",
    goal_what: str = "",
) -> None:
    """Per-slide and per-element build time and peak memory at each factor of ``base``.

    ``base`` is a project folder (the bundled project when ``None``); ``goal_what`` names it in
    the goal rows ("with 50 charts and 50 tables"). The memory goal is the bundled project's.
    """
    from neslis_desktop.model import Project
    from neslis_desktop.render.pack import build_pack, output_paths
    from neslis_desktop.store import load_project

    rows = []
    per: dict[int, tuple[float, float]] = {}
    # 1x builds run between the runs of each larger size: this machine's speed drifts from one
    # minute to the next, and the 50x runs come minutes after the 1x ones.
    alongside: dict[int, tuple[float, float]] = {}
    one: tuple[Project, Path, int, int] | None = None  # the 1x project, its output folder, slides, elements
    rss_at: dict[int, float | None] = {}
    for factor in factors:
        tag = f"{factor}x" if base is None else f"{base.name}-{factor}x"
        folder = synth.write_synth(factor, tmp / f"synth-{tag}", base)
        # The process first, while this one is small (measure.run_child reads the child's own
        # high-water mark; the first figure, wait4's, counted the pages of this process).
        gc.collect()
        child = run_child([*_neslis(), "build", str(folder), "-q", "-o", str(tmp / f"cli-{tag}")], CHILD_ENV)
        load_s = _timed(lambda f=folder: load_project(f))  # type: ignore[misc]
        project = load_project(folder)
        out = tmp / f"out-{tag}"
        deck_path, draft_path = output_paths(project, out)
        budget_runs = {1: 5, 10: 3}.get(factor, 2)
        deck_t: list[float] = []
        doc_t: list[float] = []
        ref_deck: list[float] = []
        ref_doc: list[float] = []
        try:
            for _ in range(budget_runs):
                if one is not None:
                    small, small_out = one[0], one[1]
                    _text_not_seen()
                    ref_deck.append(_timed(lambda p=small, o=small_out: build_pack(p, o, only="deck")))  # type: ignore[misc]
                    ref_doc.append(_timed(lambda p=small, o=small_out: build_pack(p, o, only="doc")))  # type: ignore[misc]
                _text_not_seen()
                deck_t.append(_timed(lambda p=project, o=out: build_pack(p, o, only="deck")))  # type: ignore[misc]
                doc_t.append(_timed(lambda p=project, o=out: build_pack(p, o, only="doc")))  # type: ignore[misc]
                if deck_t[-1] + doc_t[-1] > 40:  # keep the whole bench within a few minutes
                    break
        except Exception as exc:
            rows.append([f"{factor}x", f"build failed: {type(exc).__name__}: {exc}", "", "", "", "", ""])
            continue
        slides, units = _count(deck_path, draft_path)
        deck_m, doc_m = statistics.median(deck_t), statistics.median(doc_t)
        per[factor] = (deck_m / slides, doc_m / units)
        if factor == 1:
            one = (project, out, slides, units)
        elif one is not None and ref_deck:
            alongside[factor] = (statistics.median(ref_deck) / one[2], statistics.median(ref_doc) / one[3])
        rss_at[factor] = child.max_rss_mb if child.ok else None
        rows.append(
            [
                f"{factor}x ({len(project.sections)} sections)",
                f"{load_s:.2f} s",
                f"{deck_m:.2f} s / {slides} slides = **{deck_m / slides * 1000:.1f} ms/slide**",
                f"{doc_m:.2f} s / {units} elements = **{doc_m / units * 1000:.2f} ms/element**",
                f"{child.seconds:.2f} s" if child.ok else f"failed: {child.error}",
                f"{child.max_rss_mb:.0f} MB" if child.ok and child.max_rss_mb else "n/a",
                str(len(deck_t)),
            ]
        )
        _log(f"scaling {factor}x done")
    text = _table(
        [
            "Size",
            "load_project",
            "Deck (in process)",
            "Draft (in process)",
            "`neslis build` process",
            "Peak RSS of the process",
            "Runs",
        ],
        rows,
    )
    text += (
        "\n\nUnits: slides are counted with python-pptx in the built deck; the draft's unit is a "
        "body element (paragraph or table) of the built .docx, since counting pages would need "
        "a layout engine (LibreOffice) and take longer than the build. In-process times are "
        "medians of the runs shown, after the warm-up of section 2, each deck build starting "
        "with the measured text and the slides read and checked forgotten (as text not built "
        "before; the fonts' width tables stay); the process column is one "
        "run of `neslis build` on the synthetic folder, whose peak resident memory comes from "
        "the kernel's high-water mark for the child's own memory (Linux: `VmHWM`, read every "
        "2 ms; elsewhere on POSIX `os.wait4`'s figure; not measured on Windows, where psutil is "
        "not a dependency). "
        "The per-slide and per-element goals compare the largest size with the 1x project built "
        "between its runs, in the same minutes (the 1x row above was measured minutes earlier)."
    )
    report.add(title, text)
    top = max(factors)
    what = f" {goal_what}" if goal_what else ""
    if 1 in per and top in per and top > 1:
        ref = alongside.get(top, per[1])
        slide_ratio = per[top][0] / ref[0]
        unit_ratio = per[top][1] / ref[1]
        report.goals.append(
            Goal(f"Time per slide{what}, {top}x vs 1x", f"{slide_ratio:.2f}x", "≤ 1.2x", slide_ratio <= 1.2)
        )
        report.goals.append(
            Goal(f"Time per draft element{what}, {top}x vs 1x", f"{unit_ratio:.2f}x", "≤ 1.2x", unit_ratio <= 1.2)
        )
    if base is not None:
        return
    rss = rss_at.get(50)
    report.goals.append(
        Goal(
            "Peak memory of `neslis build` at 50x",
            f"{rss:.0f} MB" if rss else "not measured",
            "< 400 MB",
            rss < 400 if rss else None,
        )
    )


def evidence_scaling(report: Report, tmp: Path, top: int = 10) -> None:
    """The same at 1x and ``top`` x of a pack of 50 charts and 50 tables (bench/evidence_bench.py's).

    10x, not 50x: 500 charts and 500 tables take ~11 s a build here, and 50x would add some
    five minutes to the bench for a ratio that 10x already shows.
    """
    from evidence_bench import pack

    from neslis_desktop.store import save_project

    folder = tmp / "evidence-pack"
    save_project(pack(charts=True, tables=True), folder)
    scaling(
        report,
        [1, top],
        tmp,
        base=folder,
        title=f"3b. Scaling with evidence: 1x and {top}x of a pack of 50 charts and 50 tables",
        goal_what="with 50 charts and 50 tables",
    )


# ----------------------------------------------------------------------------- 6: packs


def packs(report: Report, runs: int, tmp: Path) -> None:
    """Every pack of the bundled project in one process (``--all``) against one process per pack.

    The issue's goal: building every pack costs less than building them one by one in separate
    processes. Alternated round by round, like the whole-process figures; then
    bench/packs_bench.py's in-process rows (warm builds, template load, a 50x diff).
    """
    from neslis_desktop.store import load_project

    names = [p.name for p in load_project(bundled_project()).all_packs()]
    neslis = _neslis()
    every: list[float] = []
    each: list[float] = []
    for n in range(runs + 1):  # round 0 warms the bytecode cache and the template-check cache
        one = run_child([*neslis, "build", "-q", "--all", "-o", str(tmp / "packs-all")], CHILD_ENV)
        each_cmd = [*neslis, "build", "-q", "-o", str(tmp / "packs-each"), "--pack"]
        apart = [run_child([*each_cmd, name], CHILD_ENV) for name in names]
        if not one.ok or not all(s.ok for s in apart):
            failed = next(s for s in [one, *apart] if not s.ok)
            report.add("6. Packs", f"A pack build failed: {failed.error}")
            return
        if n:
            every.append(one.seconds)
            each.append(sum(s.seconds for s in apart))
    all_s, each_s = summarise(every), summarise(each)
    met = all_s.median < each_s.median
    rows = [
        [f"`neslis build --all` ({len(names)} packs, one process)", all_s.ms()],
        [f"`neslis build --pack NAME`, {len(names)} processes, summed", each_s.ms()],
    ]
    figure, goal = f"{all_s.median * 1000:,.0f} ms", f"< {each_s.median * 1000:,.0f} ms"
    report.goals.append(Goal("Every pack: one process against one per pack", figure, goal, met))
    sys.path.insert(0, str(BENCH))
    import packs_bench

    warm = [[name, f"{seconds * 1000:,.1f} ms"] for name, seconds in packs_bench.run()]
    report.add(
        "6. Packs (every pack at once against one at a time; bench/packs_bench.py)",
        _table(["measure", "median (min-max)"], rows)
        + "\n\nIn process, warm (each build reading and checking its slides afresh):\n\n"
        + _table(["measure", "median"], warm),
    )


# ----------------------------------------------------------------------------- 5: the app


_APP_ROWS = (
    "import json, sys; sys.path.insert(0, sys.argv[1]); import app_bench; print('ROWS' + json.dumps(app_bench.run()))"
)


def app(report: Report) -> None:
    """bench/app_bench.py's figures, run offscreen in a child process; or why they are missing.

    Its ``run()`` rows (measure, median seconds, goal seconds, note) become a table and
    headline goals; without ``run()`` the script's own printed table is included as it is.
    """
    title = "4. The desktop app (bench/app_bench.py, offscreen)"
    script = BENCH / "app_bench.py"
    if not script.exists():
        report.add(title, "bench/app_bench.py does not exist yet: the app was not measured.")
        report.goals.append(Goal("The desktop app", "not measured (bench/app_bench.py missing)", "", None))
        return
    env = dict(CHILD_ENV or os.environ, QT_QPA_PLATFORM="offscreen")
    try:
        proc = subprocess.run(
            [PY, "-c", _APP_ROWS, str(BENCH)], capture_output=True, text=True, env=env, timeout=300, check=False
        )
        if proc.returncode != 0 or "ROWS" not in proc.stdout:
            proc = subprocess.run([PY, str(script)], capture_output=True, text=True, env=env, timeout=300, check=False)
    except subprocess.TimeoutExpired:
        report.add(title, "bench/app_bench.py did not finish within 5 minutes.")
        return
    if proc.returncode != 0:
        tail = "\n".join(proc.stderr.strip().splitlines()[-5:])
        report.add(title, f"bench/app_bench.py failed (exit {proc.returncode}):\n\n```\n{tail}\n```")
        report.goals.append(Goal("The desktop app", "failed", "", None))
        return
    if "ROWS" not in proc.stdout:
        report.add(title, f"```\n{proc.stdout.strip()}\n```")
        return
    rows = json.loads(proc.stdout.split("ROWS", 1)[1])
    table = []
    for name, seconds, goal, note in rows:
        table.append([name, f"{seconds * 1000:,.0f} ms", f"≤ {goal * 1000:,.0f} ms", _verdict(seconds <= goal), note])
        report.goals.append(
            Goal(f"App: {name}", f"{seconds * 1000:,.0f} ms", f"≤ {goal * 1000:,.0f} ms", seconds <= goal)
        )
    report.add(title, _table(["Measure", "Median", "Goal", "Met", "Note"], table))
    _log("app bench done")


# ----------------------------------------------------------------------------- 6: profiles


def _profile_tables(prof: Profile) -> str:
    areas = [[area, f"{t * 1000:.0f} ms", f"{t / prof.total:.0%}"] for area, t in prof.areas if t >= 0.0005]
    return (
        _table(["Area", "Self time", "Share"], areas)
        + f"\n\nProfiled total {prof.total * 1000:.0f} ms (cProfile slows Python code more than C "
        "code, so shares are indicative). Top functions by self time:\n\n"
        + _table(
            ["Function", "Self time", "Calls"],
            [[f"`{name}`", f"{t * 1000:.1f} ms", f"{n:,}"] for name, t, n in prof.top],
        )
    )


def profiles(report: Report, pack: Callable[[], object] | None, tmp: Path) -> None:
    """What dominates the warm build, the cold whole process, and the CLI start-up."""
    parts = []
    if pack is not None:
        parts.append(
            "### Warm build in process (cProfile, per build, self time by area)\n\n"
            + _profile_tables(profile_call(pack, runs=2))
        )
    neslis = _neslis()
    if len(neslis) == 1:
        cold = profile_process([neslis[0], "build", "-q", "-o", str(tmp / "profiled")], CHILD_ENV, tmp)
        if cold is not None:
            parts.append("### Whole `neslis build` process (cProfile, self time by area)\n\n" + _profile_tables(cold))
    imp = import_time(cli_build_import_statement(), PY, CHILD_ENV)
    parts.append(
        "### Start-up of `neslis build` (`python -X importtime`, best of 3)\n\n"
        f"Importing what `neslis build` needs before it starts work takes {imp.total_ms:.0f} ms "
        "(modules the renderers import only once a build starts are not counted here; the "
        "whole-process profile above includes them). "
        "Import time by package (self time of its modules, summed):\n\n"
        + _table(["Package", "Import time"], [[f"`{name}`", f"{ms:.0f} ms"] for name, ms in imp.top])
    )
    findings = BENCH / "findings.md"
    if findings.exists():
        parts.append(findings.read_text("utf-8").strip())
    report.add("5. Profiles: what dominates", "\n\n".join(parts))
    _log("profiles done")


# ----------------------------------------------------------------------------- main


def render(report: Report, machine_text: str, started: float) -> str:
    """The whole report as Markdown."""
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "n/a"
    head = _table(
        ["Measure", "Figure", "Goal", "Met"], [[g.measure, g.figure, g.goal, _verdict(g.met)] for g in report.goals]
    )
    when = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    return (
        "# Performance\n\n"
        f"Measured by `make bench` (bench/run.py) on {when}, in {time.perf_counter() - started:.0f} s. "
        "Times are medians with the range (min–max) over the runs; ratios are taken within "
        "one run, with the alternatives interleaved.\n\n"
        + head
        + "\n\n"
        + "\n".join(report.sections)
        + "\n## Machine\n\n"
        + machine_text
        + f"\n| Load average at end | {load} |\n\n"
        "The machine was shared with other work while measuring, so absolute times are noisy; "
        "ratios measured side by side are the more trustworthy figures.\n"
    )


def main(argv: list[str] | None = None) -> int:
    """Run every benchmark, print the report and write docs/performance.md."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="timed runs per figure (default 7)")
    parser.add_argument("--quick", action="store_true", help="3 runs, scaling at 1x and 10x only")
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "performance.md", help="report file")
    parser.add_argument("--no-write", action="store_true", help="print only; do not write the report file")
    args = parser.parse_args(argv)
    runs = 3 if args.quick else args.runs
    factors = [1, 10] if args.quick else [1, 10, 50]
    started = time.perf_counter()
    machine_text = machine()
    report = Report()
    with tempfile.TemporaryDirectory(prefix="neslis-bench-") as tmp_name:
        tmp = Path(tmp_name)
        CHILD_ENV.update(_child_env(tmp))
        whole_process(report, runs, tmp)
        phases(report, min(runs, 5), tmp)
        pack = in_process(report, runs, tmp)
        scaling(report, factors, tmp)
        evidence_scaling(report, tmp, top=3 if args.quick else 10)
        app(report)
        packs(report, runs, tmp)
        profiles(report, pack, tmp)
    text = render(report, machine_text, started)
    print(text)
    if not args.no_write:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        from neslis_desktop.store.atomic import atomic_write_bytes

        atomic_write_bytes(args.out, text.encode("utf-8"))
        _log(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
