"""The picture kind in the GUI: a file copied into the project's assets/, alt text, caption, credit."""

from __future__ import annotations

from neslis_desktop.gui.editors.fields import F
from neslis_desktop.gui.kinds._ui import BlockKindUI


def fields() -> list[F]:
    return [
        F("file", "Picture", "picture", help="Choose a PNG or JPEG; it is copied into the project's assets/ folder"),
        F("alt_text", "Alt text", "text", optional=True, help="What the picture shows, for screen readers"),
        F("decorative", "Decorative only (needs no alt text)", "check"),
        F("caption", "Caption", optional=True),
        F("credit", "Credit", optional=True, help="Such as 'Photo: NE LEP'"),
    ]


KIND = BlockKindUI(
    "picture",
    "Picture",
    lambda b: b.caption or b.alt_text or b.file,
    {"file": "assets/picture.png", "alt_text": "Describe the picture"},  # replaced by the chosen file
    fields,
)
