"""The check on damaged files: random XML damage to real decks and documents (ours and
LibreOffice's writers' defaults) must give a report or a clear 'cannot be read', never a crash."""

from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

import a11y_files as f
import pytest
from lxml import etree

from neslis_desktop.model import Project
from neslis_desktop.render.a11y import UnreadableFile, check_file
from neslis_desktop.render.pack import build_pack

CASES = 60
GARBAGE = ["", "zz", "-1", "99999999999", "1.5", "#", "auto", "0"]


def _damage(source: bytes, rng: random.Random) -> bytes:
    """``source`` with one XML part changed: an element dropped, or an attribute emptied or set
    to nonsense."""
    with zipfile.ZipFile(io.BytesIO(source)) as package:
        names = [n for n in package.namelist() if n.endswith(".xml") and not n.startswith("[")]
        name = rng.choice(names)
        root = etree.fromstring(package.read(name))
        elements = list(root.iter())
        for _ in range(rng.randint(1, 6)):
            el = rng.choice(elements)
            if el.attrib and rng.random() < 0.7:
                key = rng.choice(list(el.attrib))
                el.set(key, rng.choice(GARBAGE))
            elif el.getparent() is not None:
                el.getparent().remove(el)
                elements = list(root.iter())
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as target:
            for info in package.infolist():
                data = etree.tostring(root) if info.filename == name else package.read(info)
                target.writestr(info, data)
    return out.getvalue()


@pytest.fixture(scope="module")
def originals(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    from neslis_desktop.resources import bundled_project
    from neslis_desktop.store import load_project

    folder = tmp_path_factory.mktemp("originals")
    result = build_pack(load_project(bundled_project()), folder)
    made = [f.save(f.deck_theme_contrast(False), folder / "theme.pptx"), f.save(f.doc_link("here"), folder / "l.docx")]
    return [*result.paths, *made]


@pytest.mark.parametrize("seed", range(CASES))
def test_damage_gives_a_report_or_a_clear_refusal(
    seed: int, originals: list[Path], tmp_path: Path, project: Project
) -> None:
    rng = random.Random(seed)
    source = originals[seed % len(originals)]
    damaged = tmp_path / source.name
    damaged.write_bytes(_damage(source.read_bytes(), rng))
    try:
        report = check_file(damaged)
    except UnreadableFile as exc:
        assert str(damaged) in str(exc)
    else:
        assert all(finding.location and finding.fix for finding in report.findings)
