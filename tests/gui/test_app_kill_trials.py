"""Kill trials through the app (``tools/app_kill_trials.py``), a few per CI run: the harness first
shows it sees a lost edit (the app killed before the debounce), then that an edit older than the
debounce comes back after the kill.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

TOOL = Path(__file__).resolve().parents[2] / "tools" / "app_kill_trials.py"


def tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("app_kill_trials", TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclass looks itself up there
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_an_edit_older_than_the_debounce_survives_a_kill() -> None:
    trials = tool().run(3, waits=[0.2, 3.2, 3.2])
    early, *late = trials
    assert not early.must_recover and not early.recovered, "the harness sees an edit that was lost"
    assert all(t.must_recover and t.recovered for t in late)
