"""Saves under fault: kill a process mid-save, again and again, and check nothing is lost.

A child process saves one project folder over and over, alternating between two states A
and B that differ in ``project.yaml`` and in several section files, one section being added
and another removed. Before each save it prints ``saving A`` (or ``B``), after it ``saved A``.
The parent kills the child with ``Popen.kill()`` (SIGKILL; TerminateProcess on Windows) at a
random moment, usually inside a save, then loads the folder with ``store.load_project``,
which completes an interrupted save from its journal (once it has checked the journal's
hashes, see ``store/journal.py``), and checks that the project is exactly A or exactly B,
with no temporary file, journal or stray section file left. Two files of the user's own
with names like temporary files (``.my-notes.backup1.tmp``) sit in the folder throughout
and must survive every trial unchanged.

    .venv/bin/python tools/kill_trials.py --trials 200

Prints the counts and exits 1 if any trial lost or corrupted the project.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from neslis_desktop.model import Project  # noqa: E402
from neslis_desktop.store import PROJECT_FILE, SECTIONS_DIR, load_project, save_project  # noqa: E402
from neslis_desktop.store.project_files import JOURNAL  # noqa: E402


def state(name: str) -> Project:
    """State ``A`` or ``B``: B retitles, rewrites two sections, drops 'plan' and adds 'extra'."""
    b = name == "B"
    sections: list[dict[str, Any]] = [
        {
            "id": "intro",
            "title": f"Introduction {name}",
            "blocks": [
                {"kind": "paragraph", "text": f"Paragraph of state {name}. " * (40 if b else 10)},
                {"kind": "bullets", "items": [f"{name} one", f"{name} two", {"text": "nested", "items": [name]}]},
            ],
        },
        {
            "id": "targets",
            "title": "Targets",
            "blocks": [
                {"kind": "targets", "targets": [{"text": f"Target {i} ({name})"} for i in range(1, 7 if b else 4)]},
            ],
        },
    ]
    if b:
        sections.insert(
            1,
            {
                "id": "extra",
                "title": "Only in B",
                "blocks": [{"kind": "questions", "questions": ["Is this state B?", "Was it saved whole?"]}],
            },
        )
    else:
        sections.append(
            {
                "id": "plan",
                "title": "Only in A",
                "blocks": [{"kind": "flow", "steps": [{"title": "Draft"}, {"title": "Consult"}, {"title": "Publish"}]}],
            }
        )
    return Project.model_validate(
        {
            "meta": {
                "title": f"Kill trial state {name}",
                "organisation": "Reliability",
                "version": "2" if b else "1",
                "slug": "kill-trial",
            },
            "sections": sections,
        }
    )


def naive_save(project: Project, folder: Path) -> None:
    """How a save without journal or temporary files would go (``--naive``): file by file."""
    from neslis_desktop.store.project_files import project_files

    files = project_files(project)
    for old in (folder / SECTIONS_DIR).glob("*.yaml"):
        if f"{SECTIONS_DIR}/{old.name}" not in files:
            old.unlink()
    for rel, text in files.items():
        (folder / rel).write_text(text, "utf-8")
        time.sleep(0.002)  # a slow disk: the window a crash falls into


def child(folder: Path, seed: int, naive: bool = False) -> None:
    """Save A and B into ``folder`` alternately until killed, announcing each save."""
    states = {"A": state("A"), "B": state("B")}
    current = random.Random(seed).choice("AB")
    save = naive_save if naive else save_project
    while True:
        print(f"saving {current}", flush=True)
        save(states[current], folder)
        print(f"saved {current}", flush=True)
        current = "B" if current == "A" else "A"


USERS_FILES = {".my-notes.backup1.tmp": "mine", f"{SECTIONS_DIR}/.intro.yaml.backup.tmp": "mine too"}
"""Files of the user's own, named like temporary files: loading and saving must leave them alone."""


def _strays(folder: Path, project: Project) -> list[str]:
    listed = {f"{s.id}.yaml" for s in project.sections}
    users = {Path(rel).name for rel in USERS_FILES}
    strays = [p.name for p in folder.iterdir() if p.name not in (PROJECT_FILE, SECTIONS_DIR, *users)]
    strays += [p.name for p in (folder / SECTIONS_DIR).iterdir() if p.name not in listed | users]
    strays += [
        f"{rel} lost or changed"
        for rel, text in USERS_FILES.items()
        if not (folder / rel).is_file() or (folder / rel).read_text("utf-8") != text
    ]
    return strays + ([JOURNAL] if (folder / JOURNAL).exists() else [])


def run(trials: int, seed: int, max_delay: float, verbose: bool, naive: bool = False) -> dict[str, int]:
    """Run the trials; the counts by outcome."""
    rng = random.Random(seed)
    dumps = {name: state(name).model_dump() for name in "AB"}
    counts = {
        "trials": 0,
        "killed-inside-a-save": 0,
        "equal-before": 0,
        "equal-after": 0,
        "killed-between-saves": 0,
        "completed-from-journal": 0,
        "lost-or-corrupt": 0,
    }
    with tempfile.TemporaryDirectory(prefix="neslis-kill-") as scratch:
        folder = Path(scratch) / "project"
        save_project(state("A"), folder)
        for rel, text in USERS_FILES.items():
            (folder / rel).write_text(text, "utf-8")
        for trial in range(trials):
            proc = subprocess.Popen(
                [
                    sys.executable,
                    __file__,
                    "--child",
                    str(folder),
                    "--seed",
                    str(rng.randrange(1 << 30)),
                    *(["--naive"] if naive else []),
                ],
                stdout=subprocess.PIPE,
                text=True,
            )
            assert proc.stdout is not None
            seen: list[str] = []
            for _ in range(rng.randint(1, 4)):  # let a few saves start, then aim within the next one
                line = proc.stdout.readline()
                if not line:
                    break
                seen.append(line.strip())
            time.sleep(rng.uniform(0, max_delay))
            proc.kill()
            rest = proc.stdout.read().split("\n")
            proc.wait()
            proc.stdout.close()
            lines = [line for line in seen + rest if line]
            last = lines[-1] if lines else "saving ?"
            counts["trials"] += 1
            counts["completed-from-journal"] += (folder / JOURNAL).exists()
            outcome = "lost-or-corrupt"
            try:
                loaded = load_project(folder)
                got = next((n for n in "AB" if loaded.model_dump() == dumps[n]), None)
                strays = _strays(folder, loaded)
            except Exception as exc:  # any failure to load is exactly what this counts
                got, strays = None, [f"load failed: {exc}"]
            verb, target = last.split(" ", 1)
            if got is not None and not strays:
                if verb == "saved":
                    outcome = "killed-between-saves" if got == target else "lost-or-corrupt"
                else:
                    counts["killed-inside-a-save"] += 1
                    outcome = "equal-after" if got == target else "equal-before"
            counts[outcome] += 1
            if verbose or outcome == "lost-or-corrupt":
                print(f"trial {trial + 1}: last '{last}', loaded {got}, strays {strays}: {outcome}", flush=True)
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--trials", type=int, default=200)
    parser.add_argument("--seed", type=int, default=2019)
    parser.add_argument("--max-delay", type=float, default=0.02, help="longest wait after a save starts (s)")
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument(
        "--naive",
        action="store_true",
        help="save file by file without the journal, to show that the trials catch losses",
    )
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child is not None:
        child(args.child, args.seed, args.naive)
        return 0
    started = time.monotonic()
    counts = run(args.trials, args.seed, args.max_delay, args.verbose, args.naive)
    print(" ".join(f"{k}={v}" for k, v in counts.items()) + f" seconds={time.monotonic() - started:.0f}")
    return 1 if counts["lost-or-corrupt"] else 0


if __name__ == "__main__":
    sys.exit(main())
