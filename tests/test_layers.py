"""The layer rules: model <- store <- render <- gui/cli, and Qt only in the GUI."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_import_contracts_hold() -> None:
    lint_imports = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert lint_imports, "import-linter is not installed; run 'make test'"
    proc = subprocess.run([lint_imports], cwd=REPO, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "0 broken" in proc.stdout


def _loaded_after(imports: str, heavy: tuple[str, ...]) -> list[str]:
    """Which of ``heavy`` a fresh interpreter has loaded after ``import {imports}``."""
    code = f"import sys, {imports}; print(','.join(m for m in {heavy!r} if m in sys.modules))"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    return [m for m in proc.stdout.strip().split(",") if m]


def test_cli_starts_without_qt_or_office() -> None:
    imports = "neslis_desktop.cli, neslis_desktop.store, neslis_desktop.render.pack"
    assert _loaded_after(imports, ("PySide6", "pptx", "docx")) == []


def test_the_app_shows_its_window_without_office_libraries() -> None:
    """python-pptx and python-docx load when a preview or a build first needs them, after the
    window is shown: importing them first took ~150 ms of the app's cold start. PyYAML loads
    when a file is parsed or written (a project the parse cache holds needs none), ~8 ms."""
    heavy = ("pptx", "docx", "yaml")
    assert _loaded_after("neslis_desktop.gui.app, neslis_desktop.gui.main_window", heavy) == []
