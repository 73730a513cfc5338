"""Relabelling a template package's main part, so python-pptx and python-docx will open it.

Both libraries accept only documents: a PowerPoint template (.potx), slide show (.ppsx) or
Word template (.dotx) differs from a document only in its main part's content type.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable


def relabel_main_part(data: bytes, from_types: Iterable[str], to_type: str) -> bytes:
    """``data`` with every content type in ``from_types`` replaced by ``to_type`` (unchanged
    when none is present)."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        types = source.read("[Content_Types].xml")
        olds = [t.encode() for t in from_types if t.encode() in types]
        if not olds:
            return data
        for old in olds:
            types = types.replace(old, to_type.encode())
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            for info in source.infolist():
                target.writestr(info, types if info.filename == "[Content_Types].xml" else source.read(info))
    return out.getvalue()
