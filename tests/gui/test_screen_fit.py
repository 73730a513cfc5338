"""The window fits a laptop: at 1366x768 (100% and 150%) and 1920x1080 at 150%, on a first start, every
form shows without clipped controls or a sideways scroll, the toolbar does not overflow and the
preview keeps its height. Each screen is Qt's offscreen platform configured to that size.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PROBE = Path(__file__).with_name("screen_probe.py")


def probe(tmp_path: Path, width: int, height: int, scale: float) -> dict[str, object]:
    config = tmp_path / "screen.json"
    config.write_text(
        json.dumps(
            {
                "screens": [
                    {"name": "laptop", "x": 0, "y": 0, "width": width, "height": height, "logicalDpi": 96, "dpr": 1}
                ]
            }
        ),
        encoding="utf-8",
    )
    env = dict(
        os.environ,
        QT_QPA_PLATFORM=f"offscreen:configfile={config}",
        QT_SCALE_FACTOR=str(scale),
        XDG_CONFIG_HOME=str(tmp_path / "cfg"),
        XDG_DATA_HOME=str(tmp_path / "data"),
    )
    proc = subprocess.run([sys.executable, str(PROBE)], capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return dict(json.loads(proc.stdout.strip().splitlines()[-1]))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("width", "height", "scale"),
    [(1366, 768, 1.0), (1366, 768, 1.5), (1920, 1080, 1.5)],
    ids=["1366x768-100", "1366x768-150", "1920x1080-150"],
)
def test_every_form_fits_the_screen(tmp_path: Path, width: int, height: int, scale: float) -> None:
    found = probe(tmp_path, width, height, scale)
    assert found["problems"] == []
    w, h = found["window"]  # type: ignore[misc]
    assert w <= width / scale and h <= height / scale
    assert w >= 0.9 * width / scale, "the window uses the screen it has"
    assert {"cards", "orgchart", "timeline", "structure"} <= set(found["kinds"])  # type: ignore[call-overload]
