"""Where the bundled content and templates live: in the source tree or a PyInstaller bundle.

``NESLIS_DATA_DIR`` overrides the location (used by tests of the packaged app).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def data_root() -> Path:
    """The folder holding ``content/`` and ``templates/``."""
    override = os.environ.get("NESLIS_DATA_DIR")
    if override:
        return Path(override)
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    return Path(__file__).resolve().parent.parent


def bundled_project() -> Path:
    """The bundled North East LIS example project."""
    return data_root() / "content" / "north-east-lis"


def templates_dir() -> Path:
    """The folder of bundled templates."""
    return data_root() / "templates"


def bundled_deck_template() -> Path:
    """The bundled 16:9 deck template."""
    return templates_dir() / "neslis-deck.pptx"


def bundled_doc_template() -> Path:
    """The bundled draft-document template."""
    return templates_dir() / "neslis-draft.docx"
