"""Cycles are collected on the UI thread only, never in the Generate worker (gui/collector.py)."""

from __future__ import annotations

import gc
import threading
import weakref
from typing import Any

from PySide6.QtCore import QThread
from PySide6.QtWidgets import QWidget

from neslis_desktop.gui.collector import MainThreadCollector


class _Allocating(QThread):
    """Allocates as a build does: far past the youngest generation's threshold, many times."""

    def run(self) -> None:
        junk: list[list[int]] = []
        for i in range(100_000):
            junk.append([i])
            if len(junk) > 1_000:
                junk = []


def _collecting_threads(qtbot: Any) -> set[int]:
    """The threads a cycle collection ran in while a worker thread allocated."""
    seen: set[int] = set()

    def note(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            seen.add(threading.get_ident())

    gc.callbacks.append(note)
    try:
        worker = _Allocating()
        worker.start()
        qtbot.waitUntil(worker.isFinished, timeout=30_000)
        worker.wait()
    finally:
        gc.callbacks.remove(note)
    return seen - {threading.get_ident()}


def test_a_worker_thread_never_runs_the_collector(qtbot: Any, qapp: Any) -> None:
    # The conftest's collector (as the app's) is on: automatic collection is off.
    assert not gc.isenabled()
    assert _collecting_threads(qtbot) == set()


def test_without_it_the_worker_thread_collects(qtbot: Any, qapp: Any) -> None:
    # What the collector prevents: shows the probe above can see a collection in the worker.
    gc.enable()
    try:
        assert _collecting_threads(qtbot) != set()
    finally:
        gc.disable()


def test_cyclic_widgets_are_freed_by_the_timer_on_the_ui_thread(qtbot: Any, qapp: Any) -> None:
    collector = MainThreadCollector(qapp, interval_ms=20)
    try:
        gc.collect()  # start from empty generations: the ticks below must do the work
        for _ in range(2_000):  # cycles of our own, past the youngest generation's threshold
            a: list[Any] = []
            a.append(a)
        widget = QWidget()
        widget.cycle = widget  # type: ignore[attr-defined]  # only the cycle collector frees it
        alive = weakref.ref(widget)
        del widget, a
        qtbot.waitUntil(lambda: alive() is None, timeout=5_000)
    finally:
        collector.stop()
        gc.disable()  # the conftest's collector stays in charge until the test ends


def test_stop_hands_collection_back(qapp: Any) -> None:
    collector = MainThreadCollector(qapp)
    collector.stop()
    try:
        assert gc.isenabled() and not collector.timer.isActive()
    finally:
        gc.disable()
