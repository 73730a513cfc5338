"""Timing primitives for the benchmarks: a child process's wall time and peak memory, and stats.

Kept apart from :mod:`run` so that the method (how a figure is taken and summarised) can be
read in one place. Wall time is ``time.perf_counter`` around the child; peak memory is the
child's maximum resident set size. On Linux it is the high-water mark the kernel keeps for
the child's own memory (``VmHWM`` in ``/proc/PID/status``), read every 2 ms while it runs:
``os.wait4``'s figure counts the pages of the parent it was forked from (a benchmark process
grown to 283 MB made every child read 283 MB). Elsewhere on POSIX it is ``wait4``'s. On
Windows there is no ``wait4`` and psutil is not a dependency, so memory is reported as not
measured there.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass
class Sample:
    """One run of a command: seconds of wall time, peak RSS in MB (None if unknown), outcome."""

    seconds: float
    max_rss_mb: float | None
    ok: bool
    error: str = ""


def run_child(cmd: Sequence[str], env: dict[str, str] | None = None, timeout: float = 600) -> Sample:
    """Run ``cmd`` to completion, measuring wall time and (on POSIX) its peak memory."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(list(cmd), stdout=out, stderr=err, env=env)
        if hasattr(os, "wait4"):
            deadline = start + timeout
            own_peak_kb = 0
            while True:
                pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
                if pid:
                    break
                own_peak_kb = max(own_peak_kb, _high_water_kb(proc.pid))  # ~10 µs a read
                if time.perf_counter() > deadline:
                    proc.kill()
                    _, status, usage = os.wait4(proc.pid, 0)
                    break
                time.sleep(0.002)
            seconds = time.perf_counter() - start
            proc.returncode = os.waitstatus_to_exitcode(status)
            # ru_maxrss is in kilobytes on Linux, bytes on macOS.
            scale = 1024 * 1024 if sys.platform == "darwin" else 1024
            rss: float | None = own_peak_kb / 1024 if own_peak_kb else usage.ru_maxrss / scale
        else:  # pragma: no cover - Windows
            proc.wait(timeout=timeout)
            seconds = time.perf_counter() - start
            rss = None
        error = ""
        if proc.returncode != 0:
            err.seek(0)
            lines = err.read().decode("utf-8", "replace").strip().splitlines()
            error = lines[-1] if lines else f"exit code {proc.returncode}"
    return Sample(seconds, rss, proc.returncode == 0, error)


def _high_water_kb(pid: int) -> int:
    """The peak resident memory of process ``pid`` so far, in kB (Linux), or 0 if unknown."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


@dataclass
class Summary:
    """Median and spread of several timings (seconds)."""

    median: float
    low: float
    high: float
    n: int

    def ms(self) -> str:
        """``123 ms (110-140, n=7)``."""
        return f"{self.median * 1000:,.0f} ms ({self.low * 1000:,.0f}–{self.high * 1000:,.0f}, n={self.n})"

    def s(self) -> str:
        """``1.23 s (1.10-1.40, n=7)``."""
        return f"{self.median:.2f} s ({self.low:.2f}–{self.high:.2f}, n={self.n})"


def summarise(values: Sequence[float]) -> Summary:
    """Median and min-max of ``values`` (at least one)."""
    return Summary(statistics.median(values), min(values), max(values), len(values))
