"""Picture bytes for the deck and the draft, turned upright as the camera meant.

Phones save photos sideways and record the turn in an EXIF tag; PowerPoint and Word ignore
the tag in some versions and not in others. So a turned picture is turned here, once, and
written without the tag; an upright one is passed through byte for byte.
"""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageOps

from neslis_desktop.errors import ContentError, Problem

_ORIENTATION = 0x0112


def upright_image(path: Path) -> io.BytesIO:
    """The picture's bytes, turned upright by its EXIF orientation (re-encoded only when turned).

    :class:`ContentError` naming the file when it went missing or broke after the project was
    loaded (so the build stops with that message, not as a failed write of the output).
    """
    try:
        return _upright(Path(path))
    except (OSError, ValueError, Image.DecompressionBombError) as exc:
        why = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        raise ContentError(
            [Problem(Path(path), "", f"could not be read while building ({why}); check the picture and build again")]
        ) from None


def _upright(path: Path) -> io.BytesIO:
    data = path.read_bytes()
    with Image.open(io.BytesIO(data)) as image:
        if image.getexif().get(_ORIENTATION, 1) == 1:
            return io.BytesIO(data)
        fmt = "JPEG" if image.format == "JPEG" else "PNG"
        turned = ImageOps.exif_transpose(image)
        out = io.BytesIO()
        turned.save(out, format=fmt, quality=92) if fmt == "JPEG" else turned.save(out, format=fmt)
        out.seek(0)
        return out
