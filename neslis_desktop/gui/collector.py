"""Garbage collection on the UI thread only.

Python's cycle collector runs in whichever thread happens to allocate when a generation's
threshold is passed. While Generate builds a pack in its worker thread, that is usually the
worker; if the garbage it then collects holds widgets (a closed dialog or window whose signal
lambdas refer back to it), Qt objects are destroyed off the UI thread while the UI thread is
painting, and the process crashes in whatever line the worker was on. The test suite showed it
(a segfault in a pure-Python line of the deck writer during a second Generate).

So the app turns automatic collection off and collects from a timer on the UI thread instead,
with the interpreter's own thresholds (each generation is collected when its count passes its
threshold, as the interpreter would). Plain reference counting, which frees almost everything,
is untouched; only cycles wait for the next tick.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500
"""How often the UI thread looks at the collector's counts: often enough that cycles do not pile up."""


class MainThreadCollector(QObject):
    """Runs the cycle collector from a UI-thread timer, automatic collection being off."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS):
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.tick)
        gc.disable()
        self.timer.start()

    def tick(self) -> int:
        """Collect the oldest generation whose count has passed its threshold; the number freed."""
        counts = gc.get_count()
        generation = -1
        for level, (count, threshold) in enumerate(zip(counts, self.thresholds, strict=True)):
            if count <= threshold:
                break
            generation = level
        return gc.collect(generation) if generation >= 0 else 0

    def stop(self) -> None:
        """Hand collection back to the interpreter (the app is quitting, or a test is done)."""
        self.timer.stop()
        gc.enable()


_installed: list[MainThreadCollector] = []


def install(parent: QObject) -> MainThreadCollector:
    """Start collecting on the UI thread; ``parent`` (the application) owns the timer. Idempotent."""
    if not _installed:
        _installed.append(MainThreadCollector(parent))
    return _installed[0]
