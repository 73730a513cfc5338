"""The floor a whole-process build is measured against: the least any build must do.

Starts Python, imports python-pptx and python-docx, opens the two bundled templates and saves
them unchanged. ``neslis build`` does all of this plus loading and validating the content and
laying out every slide and paragraph, so its time over this floor is what NESLIS adds.
Until the bundled templates exist it opens the libraries' default templates and says so on
stderr. It deliberately does not import neslis_desktop.

Usage: ``python bench/floor.py OUT_DIR``.
"""

from __future__ import annotations

import sys
from pathlib import Path

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def main(out_dir: Path) -> None:
    from docx import Document
    from pptx import Presentation

    deck_template = TEMPLATES / "neslis-deck.pptx"
    doc_template = TEMPLATES / "neslis-draft.docx"
    missing = [p.name for p in (deck_template, doc_template) if not p.exists()]
    if missing:
        print(f"floor: {', '.join(missing)} missing; using the libraries' default templates", file=sys.stderr)
    out_dir.mkdir(parents=True, exist_ok=True)
    Presentation(str(deck_template) if deck_template.exists() else None).save(str(out_dir / "floor.pptx"))
    Document(str(doc_template) if doc_template.exists() else None).save(str(out_dir / "floor.docx"))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python bench/floor.py OUT_DIR")
    main(Path(sys.argv[1]))
