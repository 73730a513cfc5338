"""Tagged PDF copies of the deck and the draft, made by LibreOffice when it is installed.

GOV.UK asks that a PDF, where one is published, be accessible: tagged (a structure tree a
screen reader can follow), with the document's title shown and its language set, and with
bookmarks from the headings. LibreOffice's PDF export does all of this from the .pptx/.docx
the build wrote (``UseTaggedPDF``, ``PDFUACompliance``, ``ExportBookmarks``); the deck's
bookmarks are its slide titles, the draft's its headings. Each conversion runs headless in a
profile of its own, pre-set to the project's language, because Impress labels its PDF with
the profile's locale rather than the text's. The PDF is written beside the target and moved
into place only when complete.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from collections.abc import Mapping
from pathlib import Path
from xml.sax.saxutils import quoteattr

from neslis_desktop.errors import NeslisError
from neslis_desktop.store.atomic import atomic_write

INSTALL_HINT = (
    "PDFs need LibreOffice, which was not found. Install it (https://www.libreoffice.org/download/, or "
    "'sudo apt-get install libreoffice-impress libreoffice-writer' on Debian or Ubuntu), or set "
    "NESLIS_SOFFICE to its soffice program; the other files were built."
)
TIMEOUT_S = 300
_FILTERS = {".pptx": "impress_pdf_Export", ".docx": "writer_pdf_Export"}


class PdfError(NeslisError):
    """LibreOffice ran but did not write the PDF."""


def find_soffice(env: Mapping[str, str] | None = None, *, windows: bool | None = None) -> Path | None:
    """LibreOffice's ``soffice``: ``NESLIS_SOFFICE``, the PATH, then the usual install folders
    (``C:\\Program Files\\LibreOffice\\program\\soffice.exe`` and the like on Windows)."""
    env = os.environ if env is None else env
    windows = os.name == "nt" if windows is None else windows
    override = env.get("NESLIS_SOFFICE")
    if override:
        return Path(override) if Path(override).is_file() else None
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name, path=env.get("PATH", ""))
        if found:
            return Path(found)
    candidates: list[Path] = []
    if windows:
        for var in ("ProgramFiles", "ProgramW6432", "ProgramFiles(x86)", "LOCALAPPDATA"):
            root = env.get(var)
            if root:
                candidates += sorted(Path(root).glob("LibreOffice*/program/soffice.exe"), reverse=True)
                candidates += sorted(Path(root).glob("Programs/LibreOffice*/program/soffice.exe"), reverse=True)
        candidates += [
            Path(r"C:\Program Files\LibreOffice\program\soffice.exe"),
            Path(r"C:\Program Files (x86)\LibreOffice\program\soffice.exe"),
        ]
    else:
        candidates += [
            Path("/Applications/LibreOffice.app/Contents/MacOS/soffice"),
            Path("/usr/lib/libreoffice/program/soffice"),
            Path("/opt/libreoffice/program/soffice"),
        ]
    return next((c for c in candidates if c.is_file()), None)


def export_filter(suffix: str) -> str:
    """The ``--convert-to`` argument for a tagged, PDF/UA-marked PDF of a ``suffix`` file."""
    options = {
        "UseTaggedPDF": {"type": "boolean", "value": "true"},
        "PDFUACompliance": {"type": "boolean", "value": "true"},
        "ExportBookmarks": {"type": "boolean", "value": "true"},
        "UseTransitionEffects": {"type": "boolean", "value": "false"},
    }
    return f"pdf:{_FILTERS[suffix]}:{json.dumps(options, separators=(',', ':'))}"


def _profile(folder: Path, language: str) -> str:
    """A LibreOffice user profile set to ``language``; its URL."""
    user = folder / "user"
    user.mkdir(parents=True)
    lang = quoteattr(language)[1:-1]
    items = "".join(
        f'<item oor:path="{path}"><prop oor:name="{name}" oor:op="fuse"><value>{lang}</value></prop></item>'
        for path, name in (
            ("/org.openoffice.Setup/L10N", "ooLocale"),
            ("/org.openoffice.Setup/L10N", "ooSetupSystemLocale"),
            ("/org.openoffice.Office.Linguistic/General", "DefaultLocale"),
        )
    )
    (user / "registrymodifications.xcu").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
        'xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"{items}</oor:items>\n",
        encoding="utf-8",
    )
    return folder.resolve().as_uri()


def export_pdf(source: Path, target: Path, *, language: str = "en-GB", soffice: Path | None = None) -> None:
    """Write ``source`` (.pptx or .docx) as tagged PDF to ``target``; raises :class:`PdfError`."""
    soffice = soffice or find_soffice()
    if soffice is None:
        raise PdfError(INSTALL_HINT)
    with tempfile.TemporaryDirectory(prefix="neslis-pdf-") as work:
        folder = Path(work)
        profile = _profile(folder / "profile", language)
        outdir = folder / "out"
        outdir.mkdir()
        # The source is copied under a plain name: LibreOffice names the PDF after it.
        plain = folder / f"in{source.suffix.lower()}"
        shutil.copyfile(source, plain)
        try:
            proc = subprocess.run(
                [
                    str(soffice),
                    f"-env:UserInstallation={profile}",
                    "--headless",
                    "--norestore",
                    "--convert-to",
                    export_filter(plain.suffix),
                    "--outdir",
                    str(outdir),
                    str(plain),
                ],
                capture_output=True,
                text=True,
                timeout=TIMEOUT_S,
                stdin=subprocess.DEVNULL,
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise PdfError(f"LibreOffice could not make {target.name}: {exc}.") from None
        made = outdir / "in.pdf"
        if not made.is_file() or made.stat().st_size == 0:
            detail = (proc.stderr or proc.stdout).strip().splitlines()[-1:] or ["no output"]
            raise PdfError(f"LibreOffice did not write {target.name} ({detail[0][:200]}).")

        def place(tmp: Path) -> None:
            shutil.copyfile(made, tmp)

        atomic_write(target, place)
