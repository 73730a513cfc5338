"""Files no one here made, for the accessibility check: Pandoc's conversions of our Markdown
export, LibreOffice's own templates and sample documents converted to .pptx/.docx, and
python-pptx's and python-docx's default files. All are made at test time."""

from __future__ import annotations

import subprocess
from pathlib import Path

import docx
import pptx
import pytest
from office import require_tool

from neslis_desktop.render.markdown import write_markdown
from neslis_desktop.resources import bundled_project
from neslis_desktop.store import load_project

LO_TEMPLATES = Path("/usr/lib/libreoffice/share/template/common")
WRITER_SAMPLES = [
    "styles/Default.ott",
    "styles/Modern.ott",
    "styles/Simple.ott",
    "personal/CV.ott",
    "personal/Resume1page.ott",
    "officorr/Modern_business_letter_serif.ott",
    "offimisc/Businesscard-with-logo.ott",
    "internal/idxexample.odt",
    "wizard/agenda/1simple.ott",
    "wizard/report/cnt-01.ott",
    "wizard/letter/bus-elegant_l.ott",
]


def _soffice_batch(sources: list[Path], fmt: str, outdir: Path) -> list[Path]:
    """Convert ``sources`` in one LibreOffice run (its own profile); the files it wrote."""
    soffice = require_tool("soffice")
    outdir.mkdir(parents=True, exist_ok=True)
    profile = outdir / ".lo-profile"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            fmt,
            "--outdir",
            str(outdir),
            *map(str, sources),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    made = [outdir / f"{s.stem}.{fmt}" for s in sources]
    missing = [m.name for m in made if not m.exists()]
    if missing:
        pytest.fail(f"LibreOffice did not convert: {', '.join(missing)}")
    return made


@pytest.fixture(scope="session")
def libreoffice_decks(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Every Impress template LibreOffice installs, as .pptx."""
    sources = sorted((LO_TEMPLATES / "presnt").glob("*.otp"))
    assert len(sources) >= 10, f"expected LibreOffice's Impress templates in {LO_TEMPLATES / 'presnt'}"
    return _soffice_batch(sources, "pptx", tmp_path_factory.mktemp("lo-decks"))


@pytest.fixture(scope="session")
def libreoffice_documents(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """LibreOffice's Writer templates and its index sample document, as .docx."""
    sources = [LO_TEMPLATES / s for s in WRITER_SAMPLES]
    return _soffice_batch(sources, "docx", tmp_path_factory.mktemp("lo-docs"))


@pytest.fixture(scope="session")
def pandoc_outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Pandoc's own deck and document from our Markdown export of the bundled project."""
    pandoc = require_tool("pandoc")
    folder = tmp_path_factory.mktemp("pandoc-out")
    source = folder / "lis.md"
    write_markdown(load_project(bundled_project()), source)
    out = {}
    for ext in ("pptx", "docx"):
        out[ext] = folder / f"pandoc.{ext}"
        subprocess.run([pandoc, str(source), "-o", str(out[ext])], check=True, timeout=120)
    return out


@pytest.fixture(scope="session")
def library_defaults(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """python-pptx's and python-docx's default files, saved as they come."""
    folder = tmp_path_factory.mktemp("defaults")
    deck, doc = folder / "python-pptx.pptx", folder / "python-docx.docx"
    prs = pptx.Presentation()
    prs.slides.add_slide(prs.slide_layouts[0]).shapes.title.text = "A title"
    prs.save(deck)
    document = docx.Document()
    document.add_heading("A heading", level=1)
    document.add_heading("A second-level heading", level=2)
    document.add_paragraph("Some words.")
    document.save(doc)
    return {"pptx": deck, "docx": doc}
