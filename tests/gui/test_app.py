"""The app's command line: --screenshot draws the window to a PNG; the exception hook keeps going."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QImage

from neslis_desktop.gui import app, dialogs


def run_app(*args: str, tmp_path: Path, screen: tuple[int, int] = (1920, 1080)) -> subprocess.CompletedProcess[str]:
    config = tmp_path / "screen.json"
    config.write_text(
        json.dumps(
            {
                "screens": [
                    {"name": "s", "x": 0, "y": 0, "width": screen[0], "height": screen[1], "logicalDpi": 96, "dpr": 1}
                ]
            }
        ),
        "utf-8",
    )
    env = dict(
        os.environ,
        QT_QPA_PLATFORM=f"offscreen:configfile={config}",
        XDG_CONFIG_HOME=str(tmp_path / "cfg"),
        XDG_DATA_HOME=str(tmp_path / "data"),
    )
    return subprocess.run(
        [sys.executable, "-m", "neslis_desktop.gui.app", *args], capture_output=True, text=True, env=env, timeout=120
    )


@pytest.mark.slow
def test_screenshot_of_a_project(tmp_path: Path, project_dir: Path) -> None:
    shot = tmp_path / "shot.png"
    proc = run_app(str(project_dir), "--screenshot", str(shot), tmp_path=tmp_path)
    assert proc.returncode == 0, proc.stderr
    image = QImage(str(shot))
    assert (image.width(), image.height()) == (1440, 900), "1440x900 where the screen has room for it"
    colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 37) for y in range(0, image.height(), 37)}
    assert len(colours) > 5, "the window has content, not a blank grab"


def test_screenshot_of_a_broken_project_fails_cleanly(tmp_path: Path) -> None:
    proc = run_app(str(tmp_path / "nothing-here"), "--screenshot", str(tmp_path / "x.png"), tmp_path=tmp_path)
    assert proc.returncode == 2
    assert "project.yaml" in proc.stderr and "Traceback" not in proc.stderr
    assert not (tmp_path / "x.png").exists()


def test_excepthook_shows_a_dialog_and_returns(monkeypatch: pytest.MonkeyPatch, capsys: Any) -> None:
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text, details="": shown.append(text))
    try:
        raise ValueError("boom")
    except ValueError as exc:
        app.excepthook(type(exc), exc, exc.__traceback__)
    assert shown and "boom" in shown[0]
    assert "Traceback" in capsys.readouterr().err


def test_arguments() -> None:
    args = app.parse_args(["some/folder", "--screenshot", "x.png"])
    assert args.project == Path("some/folder") and args.screenshot == Path("x.png")
    assert app.parse_args([]).project is None


def test_a_project_opened_from_the_command_line_is_opened_as_file_open_does(
    qapp: Any, monkeypatch: pytest.MonkeyPatch, project_dir: Path
) -> None:
    from neslis_desktop.gui.main_window import MainWindow

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # main() installs its own

    opened: list[Path] = []
    monkeypatch.setattr(MainWindow, "open_project", lambda self, folder=None: opened.append(folder) or True)
    monkeypatch.setattr(app, "make_app", lambda argv: _QuitAtOnce())
    assert app.main([str(project_dir)]) == 0
    assert opened == [project_dir]


class _QuitAtOnce:
    """Stands in for the QApplication of ``main``: its event loop ends at once."""

    def exec(self) -> int:
        return 0
