"""Edits in the app under fault: type, wait, kill the app, restart, and count the edits recovered.

Each trial starts the real app window in a child process (offscreen Qt) on a copy of the
bundled project, types a unique marker into the first section's title key by key, prints
``typed``, and waits. The parent kills the child (``Popen.kill()``: SIGKILL; TerminateProcess
on Windows) a random time after the last keystroke, then does what the app does at its next
start: it finds the recovery copy left behind, loads it, and checks that the marker is there.

An edit older than the recovery debounce plus a margin for writing the copy must always be
recovered; one killed sooner may be lost (that is the debounce's bargain), and the counts say
how many of those were.

    .venv/bin/python tools/app_kill_trials.py --trials 65

Prints the counts and exits 1 if any edit older than the debounce was lost.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

MARGIN_S = 1.0
"""Time allowed, beyond the debounce, for the copy to be written (well above the bundled 60 ms)."""


@dataclass
class Trial:
    """One trial: how long after the last keystroke the app was killed, and what came back."""

    wait: float
    recovered: bool
    must_recover: bool


def child(folder: Path, marker: str) -> None:
    """The app side: open the project, type ``marker`` into the first title, then keep running."""
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QLineEdit

    from neslis_desktop.gui.app import make_app
    from neslis_desktop.gui.main_window import MainWindow
    from neslis_desktop.store import load_project

    app = make_app(sys.argv[:1])
    window = MainWindow(load_project(folder), folder)
    window.show()
    window.select_item(0)
    assert window.editor is not None
    title = window.editor.widgets[("title",)]
    assert isinstance(title, QLineEdit)
    title.setFocus()
    QTest.keyClicks(title, marker)
    print("typed", flush=True)
    app.exec()


def recovered_titles(data_home: Path) -> list[str]:
    """The first-section titles of every recovery copy under ``data_home``."""
    from neslis_desktop.store import load_project

    titles = []
    for project_yaml in data_home.rglob("recovery/*/project.yaml"):
        try:
            titles.append(load_project(project_yaml.parent).sections[0].title)
        except Exception as exc:  # a copy that does not load is a lost edit; say why
            titles.append(f"<unloadable: {exc}>")
    return titles


def trial(n: int, wait: float, work: Path, bundled: Path, debounce_s: float) -> Trial:
    folder = work / f"project-{n}"
    shutil.copytree(bundled, folder)
    data_home = work / f"data-{n}"
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        XDG_DATA_HOME=str(data_home),
        XDG_CONFIG_HOME=str(work / f"config-{n}"),
        PYTHONPATH=str(ROOT),
    )
    marker = f" edit-{n}"
    proc = subprocess.Popen(
        [sys.executable, __file__, "--child", str(folder), marker],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline().strip()
    typed_at = time.perf_counter()
    if line != "typed":
        proc.kill()
        proc.wait()
        proc.stdout.close()
        raise RuntimeError(f"trial {n}: the app did not start (said {line!r})")
    time.sleep(max(0.0, wait - (time.perf_counter() - typed_at)))
    proc.kill()
    proc.wait()
    proc.stdout.close()
    titles = recovered_titles(data_home)
    return Trial(wait, any(t.endswith(marker) for t in titles), wait >= debounce_s + MARGIN_S)


def run(trials: int, seed: int = 1, waits: list[float] | None = None) -> list[Trial]:
    """Run ``trials`` trials, killed after the given ``waits``; else every fifth trial at a random
    moment inside the debounce, the others at a random moment up to 2 s after debounce and margin."""
    from neslis_desktop.gui.document import RECOVERY_DEBOUNCE_MS
    from neslis_desktop.resources import bundled_project

    debounce = RECOVERY_DEBOUNCE_MS / 1000
    rng = random.Random(seed)
    results = []
    with tempfile.TemporaryDirectory(prefix="neslis-app-kill-") as tmp:
        for n in range(trials):
            if waits:
                wait = waits[n % len(waits)]
            elif n % 5 == 0:
                wait = rng.uniform(0.0, debounce)
            else:
                wait = rng.uniform(debounce + MARGIN_S, debounce + MARGIN_S + 2.0)
            results.append(trial(n, wait, Path(tmp), bundled_project(), debounce))
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--trials", type=int, default=65)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--child", nargs=2, metavar=("FOLDER", "MARKER"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(Path(args.child[0]), args.child[1])
        return 0
    results = run(args.trials, args.seed)
    due = [t for t in results if t.must_recover]
    lost_due = [t for t in due if not t.recovered]
    early = [t for t in results if not t.must_recover]
    print(
        f"{len(results)} trials: {len(due)} killed after the debounce and margin, "
        f"{sum(t.recovered for t in due)} of them recovered, {len(lost_due)} lost; "
        f"{len(early)} killed sooner, {sum(t.recovered for t in early)} of those recovered anyway"
    )
    return 1 if lost_due else 0


if __name__ == "__main__":
    sys.exit(main())
