"""Saves under fault: ``tools/kill_trials.py`` kills a saving process 200 times; nothing is lost.

A control run with ``--naive`` (saving file by file, as without the journal) shows that the
trials do catch lost and mixed projects, so the clean result means something.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

TOOL = Path(__file__).resolve().parents[2] / "tools" / "kill_trials.py"


def _counts(*args: str) -> dict[str, int]:
    proc = subprocess.run([sys.executable, str(TOOL), *args], check=False, capture_output=True, text=True, timeout=600)
    assert "Traceback" not in proc.stderr, proc.stderr
    summary = proc.stdout.strip().splitlines()[-1]
    counts = {k: int(v) for k, v in re.findall(r"([a-z-]+)=(\d+)", summary)}
    assert proc.returncode == (1 if counts["lost-or-corrupt"] else 0)
    return counts


@pytest.mark.slow
def test_200_kills_lose_nothing() -> None:
    counts = _counts("--trials", "200")
    assert counts["trials"] == 200
    assert counts["lost-or-corrupt"] == 0
    assert counts["equal-before"] + counts["equal-after"] + counts["killed-between-saves"] == 200
    # The kills land inside saves, on both sides of the journal.
    assert counts["killed-inside-a-save"] >= 100
    assert counts["equal-before"] > 0 and counts["equal-after"] > 0


@pytest.mark.slow
def test_the_trials_catch_a_save_without_journal() -> None:
    counts = _counts("--trials", "20", "--naive", "--seed", "7")
    assert counts["lost-or-corrupt"] > 0
