"""The slide sorter: a pack's slides as thumbnails, planned off the UI thread and drawn only
when seen, so that a thousand-slide pack opens at once and scrolls without drawing them all."""

from __future__ import annotations

from typing import Any

from neslis_desktop.gui.main_window import MainWindow
from neslis_desktop.gui.slide_sorter import CACHE, SlideSorter
from neslis_desktop.model import ParagraphBlock, Project, ProjectMeta, Section


def test_the_bundled_summit_deck_shows_as_thumbnails(qtbot: Any, window: Any) -> None:
    window.acts.sorter.trigger()
    sorter = window._sorter
    assert isinstance(sorter, SlideSorter)
    qtbot.waitUntil(lambda: sorter.status.text().endswith("slides"), timeout=60_000)
    assert sorter.pack.currentText() == "Health and Life Sciences summit"
    first = sorter.model.index(0)
    assert sorter.model.data(first) == "1. What is the UK Industrial Strategy?"
    assert not sorter.model.data(first, 1).isNull()  # DecorationRole: a drawn thumbnail
    digital = sorter.pack.findText("Digital summit")
    count = sorter.model.rowCount()
    sorter.pack.setCurrentIndex(digital)
    qtbot.waitUntil(lambda: sorter.status.text().endswith("slides"), timeout=60_000)
    assert 0 < sorter.model.rowCount() < count
    sorter.close()


def test_a_thousand_slides_are_planned_in_the_background_and_drawn_as_seen(qtbot: Any) -> None:
    sections = [
        Section(id=f"s-{i}", title=f"Section {i}", blocks=[ParagraphBlock(text=f"Paragraph {i}.")]) for i in range(1000)
    ]
    win = MainWindow(Project(meta=ProjectMeta(title="Big", organisation="Test"), sections=sections), None)
    qtbot.addWidget(win)
    win.show()
    win.show_sorter()
    sorter = win._sorter
    assert isinstance(sorter, SlideSorter)
    qtbot.waitUntil(lambda: sorter.status.text() == "1000 slides", timeout=300_000)
    qtbot.wait(50)
    seen = sorter.model.drawn
    assert 0 < seen < 200, "only the thumbnails in view are drawn"
    sorter.view.scrollToBottom()
    qtbot.wait(50)
    assert sorter.model.drawn > seen and len(sorter.model.cache) <= CACHE
    sorter.close()
