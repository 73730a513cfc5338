"""Every slide of two projects through every template of the corpus, inspected after the build.

The corpus (see ``corpus.py``): the bundled template, Pandoc's reference.pptx, python-pptx's
default, every installed LibreOffice Impress template and mutations of the first three. The
projects: the bundled one and a stress project (``data/stress-lis``: public LIS guidance
rewritten as content, with blocks at the model's limits). For each build:

- nothing is silent: the build's list of problems is exactly what the inspector finds when it
  reads the written deck back;
- through the bundled template and Pandoc's, there is no problem at all.

The figures (templates, slides, problems) are written to the session's temporary folder and
printed with ``-s``; the README quotes them.
"""

from __future__ import annotations

import json
import subprocess
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from corpus import LO_DIR, MUTATIONS, mutate
from office import require_tool
from pptx import Presentation

from neslis_desktop.render.deck.inspect import inspect_deck
from neslis_desktop.render.pack import build_pack
from neslis_desktop.resources import bundled_deck_template
from neslis_desktop.store import load_project

STRESS = Path(__file__).resolve().parent / "data" / "stress-lis"
CLEAN = ("bundled", "pandoc")
"""Templates through which every slide of both projects must have no problem at all."""
MUTATED = {
    "bundled": tuple(MUTATIONS),
    "pandoc": tuple(MUTATIONS),
    "python-pptx": ("dark", "tiny-body", "confidential-box", "4x3", "odd-tall"),
}
"""Which mutations of which source (all of the first two; a sample of python-pptx's, for CI time)."""


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory, pandoc_reference: Callable[[str], Path]) -> dict[str, Path]:
    """Template name -> .pptx, all made now (LibreOffice's converted in one run)."""
    folder = tmp_path_factory.mktemp("corpus")
    default = folder / "python-pptx.pptx"
    Presentation().save(str(default))
    sources = {"bundled": bundled_deck_template(), "pandoc": pandoc_reference("pptx"), "python-pptx": default}
    templates = dict(sources)
    for base, names in MUTATED.items():
        for name in names:
            templates[f"{base}+{name}"] = mutate(sources[base], name, folder / f"{base}+{name}.pptx")
    otps = sorted(LO_DIR.glob("*.otp"))
    assert otps, f"no LibreOffice Impress templates in {LO_DIR}; install libreoffice-impress"
    lo = folder / "libreoffice"
    soffice = require_tool("soffice")
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(lo / '.profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pptx",
            "--outdir",
            str(lo),
            *map(str, otps),
        ],
        capture_output=True,
        timeout=600,
        check=False,
    )
    for otp in otps:
        converted = lo / f"{otp.stem}.pptx"
        assert converted.exists(), f"LibreOffice did not convert {otp.name}"
        templates[f"libreoffice:{otp.stem}"] = converted
    return templates


@pytest.fixture(scope="session")
def figures(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, object]]:
    return {}


@pytest.mark.slow
@pytest.mark.parametrize("project_name", ["bundled", "stress"])
def test_every_slide_through_every_template(
    project_name: str,
    *,
    corpus: dict[str, Path],
    bundled_dir: Path,
    tmp_path: Path,
    figures: dict[str, dict[str, object]],
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    project = load_project(bundled_dir if project_name == "bundled" else STRESS)
    slides = 0
    per_template: dict[str, int] = {}
    kinds: Counter[str] = Counter()
    unclean: list[str] = []
    for n, (name, template) in enumerate(corpus.items()):
        out = tmp_path / name.replace(":", "-").replace("+", "-")
        result = build_pack(project, out, deck_template=None if name == "bundled" else template, only="deck")
        assert result.deck is not None
        if name in CLEAN or n % 3 == 0:  # (every third only: reading each deck again doubles the time)
            # Never silent: the build lists exactly what the written deck shows.
            assert [str(p) for p in result.problems] == inspect_deck(result.deck).lines(), name
        slides += len(Presentation(str(result.deck)).slides)
        per_template[name] = len(result.problems)
        kinds.update(f.kind for f in result.problems)
        if name in CLEAN and result.problems:
            unclean += [f"{name}: {p}" for p in result.problems]
    figures[project_name] = {
        "templates": len(corpus),
        "slides": slides,
        "problems": sum(per_template.values()),
        "by_kind": dict(kinds),
        "by_template": per_template,
    }
    summary = tmp_path_factory.getbasetemp() / f"inspector-figures-{project_name}.json"
    summary.write_text(json.dumps(figures[project_name], indent=1), "utf-8")
    print(
        f"\n{project_name}: {len(corpus)} templates, {slides} slides, {sum(per_template.values())} problems "
        f"reported {dict(kinds)}; figures in {summary}"
    )
    print("  with problems:", {k: v for k, v in per_template.items() if v})
    assert unclean == []
