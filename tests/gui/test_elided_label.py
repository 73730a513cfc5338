"""A label shortened to its room keeps its whole text for screen readers and its tooltip."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from neslis_desktop.gui.elided_label import ElidedLabel


def test_a_long_path_is_shortened_in_the_middle_and_kept_whole(qtbot: Any) -> None:
    path = r"C:\Users\officer\Documents\NESLIS output\Health and Life Sciences"
    label = ElidedLabel(mode=Qt.TextElideMode.ElideMiddle)
    qtbot.addWidget(label)
    label.setText(path)
    label.resize(label.minimumSizeHint().width(), label.sizeHint().height())
    shown = label.shown_text()
    assert "…" in shown and len(shown) < len(path)
    assert shown.startswith("C:") and shown.endswith(path[-3:])  # the drive and the last folder stay
    assert label.text() == path and label.toolTip() == path
    label.resize(label.sizeHint().width() + 20, label.sizeHint().height())
    assert label.shown_text() == path  # room enough: nothing cut
