"""The PyInstaller one-folder bundle builds, starts headless and draws its window."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_bundle_builds_and_takes_a_screenshot(tmp_path: Path) -> None:
    pyinstaller = Path(sys.executable).parent / ("pyinstaller.exe" if os.name == "nt" else "pyinstaller")
    if not pyinstaller.exists():
        pytest.fail("PyInstaller is not installed; run 'make setup' (it installs the bundle extra)")
    dist, work = tmp_path / "dist", tmp_path / "work"
    build = subprocess.run(
        [
            str(pyinstaller),
            "--noconfirm",
            "--clean",
            "--distpath",
            str(dist),
            "--workpath",
            str(work),
            str(ROOT / "build.spec"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=1200,
    )
    assert build.returncode == 0, build.stderr[-3000:]
    folder = dist / "neslis-desktop"
    exe = folder / ("neslis-desktop.exe" if os.name == "nt" else "neslis-desktop")
    assert exe.is_file()
    assert (folder / "_internal" / "content" / "north-east-lis" / "project.yaml").is_file()
    assert (folder / "_internal" / "templates" / "neslis-deck.pptx").is_file()
    assert not list(folder.rglob("*WebEngine*")), "unused Qt modules are left out"
    shot = tmp_path / "shot.png"
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(tmp_path / "cfg"),
        XDG_DATA_HOME=str(tmp_path / "data"),
    )
    env.pop("NESLIS_DATA_DIR", None)
    run = subprocess.run([str(exe), "--screenshot", str(shot)], env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert shot.is_file() and shot.stat().st_size > 10_000
