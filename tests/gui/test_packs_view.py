"""The Packs window as an officer uses it: a Digital summit deck made from the shared context
sections, its facts typed in, sections tagged, every change undoable and saved with the project."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from neslis_desktop.gui.packs_view import PacksWindow
from neslis_desktop.model.packs import PackKind, TagPick
from neslis_desktop.store import load_project


def _open(qtbot: Any, window: Any) -> PacksWindow:
    window.acts.packs.trigger()
    packs = window._packs
    assert isinstance(packs, PacksWindow)
    qtbot.waitExposed(packs)
    return packs


def _field(view: PacksWindow, name: str) -> Any:
    assert view.editor is not None
    return view.editor.widgets[(name,)]


def test_a_new_deck_pack_takes_sections_and_facts_and_undoes(qtbot: Any, window: Any, project_dir: Path) -> None:
    view = _open(qtbot, window)
    before = list(window.doc.project.packs)
    view.add_deck.click()
    assert view.list.count() == len(before) + 1
    assert view.list.currentItem().text() == "New deck (deck, 0 sections)"
    name = _field(view, "name")
    assert isinstance(name, QLineEdit)
    name.selectAll()
    qtbot.keyClicks(name, "Energy summit")
    event = _field(view, "event")
    qtbot.keyClicks(event, "Energy LIS Summit")
    view.append(TagPick(tag="context"))
    view.append("next-steps")
    pack = window.doc.project.packs[-1]
    assert (pack.name, pack.kind, pack.event) == ("Energy summit", PackKind.DECK, "Energy LIS Summit")
    assert pack.sections == [TagPick(tag="context"), "next-steps"]
    context = [s for s in window.doc.project.sections if "context" in s.tags]
    assert view.list.currentItem().text() == f"Energy summit (deck, {len(context) + 1} sections)"
    sections = _field(view, "sections")
    assert isinstance(sections, QPlainTextEdit)
    assert sections.toPlainText().splitlines() == ["tag: context", "next-steps"]

    assert window.save()
    saved = load_project(project_dir).packs[-1]
    assert saved.name == "Energy summit" and saved.sections == [TagPick(tag="context"), "next-steps"]
    while window.doc.undo.canUndo():
        window.doc.undo.undo()
    assert list(window.doc.project.packs) == before


def test_a_pack_naming_no_section_is_shown_in_red_and_not_kept(qtbot: Any, window: Any) -> None:
    view = _open(qtbot, window)
    view.list.setCurrentRow(0)
    kept = window.doc.project.packs[0]
    name = _field(view, "name")
    name.selectAll()
    name.del_()
    name.textEdited.emit("")
    assert view.editor is not None and view.editor.has_errors()
    assert window.doc.project.packs[0] == kept


def test_tags_typed_for_a_section_pick_it_into_tagged_packs(qtbot: Any, window: Any) -> None:
    view = _open(qtbot, window)
    ids = [s.id for s in window.doc.project.sections]
    row = ids.index("evidence-base")
    assert "context" not in window.doc.project.sections[row].tags
    view.tags.item(row, 1).setText("Context, evidence")
    assert window.doc.project.sections[row].tags == ["context", "evidence"]
    digital = next(p for p in window.doc.project.packs if p.name.startswith("Digital"))
    assert any(pick == TagPick(tag="context") for pick in digital.sections or [])
    window.doc.undo.undo()
    assert "context" not in window.doc.project.sections[row].tags


def test_deleting_a_section_drops_it_from_the_packs_in_the_same_step(qtbot: Any, window: Any) -> None:
    ids = [s.id for s in window.doc.project.sections]
    named = [p for p in window.doc.project.packs if p.sections and "next-steps" in p.sections]
    assert named, "the bundled packs name next-steps"
    window.select_item(ids.index("next-steps"))
    window.delete_selected()
    assert all("next-steps" not in (p.sections or []) for p in window.doc.project.packs)
    window.doc.undo.undo()
    assert [p for p in window.doc.project.packs if p.sections and "next-steps" in p.sections] == named


def test_generate_builds_the_chosen_pack_or_every_pack(qtbot: Any, window: Any, dlg: Any, tmp_path: Path) -> None:
    panel = window.pack_panel
    texts = [panel.which.itemText(i) for i in range(panel.which.count())]
    names = [p.name for p in window.doc.project.all_packs()]
    assert texts[0].startswith("Main packs:") and texts[-1] == f"Every pack ({len(names)})"
    panel.set_output(tmp_path / "out")
    digital = next(i for i, t in enumerate(texts) if t.startswith("Digital"))
    panel.which.setCurrentIndex(digital)
    panel.generate()
    qtbot.waitUntil(lambda: panel.job is None, timeout=60_000)
    assert [p.name for p in panel.result.paths] == ["north-east-lis-digital-deck.pptx"]
    assert panel.open_deck.isEnabled() and not panel.open_doc.isEnabled()
    panel.which.setCurrentIndex(panel.which.count() - 1)
    panel.generate()
    qtbot.waitUntil(lambda: panel.job is None, timeout=120_000)
    assert len(panel.result.paths) == len(names)


def test_sections_copied_from_another_project_keep_their_content_and_get_free_ids(
    qtbot: Any, window: Any, dlg: Any, tmp_path: Path
) -> None:
    import shutil

    from PIL import Image

    from neslis_desktop.resources import bundled_project

    other = tmp_path / "other"
    shutil.copytree(bundled_project(), other)
    (other / "assets").mkdir()
    Image.new("RGB", (20, 10)).save(other / "assets" / "map.png")
    section_file = other / "sections" / "productivity.yaml"
    section_file.write_text(
        section_file.read_text("utf-8") + "- kind: picture\n  file: assets/map.png\n  alt_text: A map.\n", "utf-8"
    )
    before = {p.name: p.read_bytes() for p in other.rglob("*") if p.is_file()}
    ids = [s.id for s in load_project(other).sections]
    dlg.folder = other
    dlg.sections = [ids.index("productivity")]
    count = len(window.doc.project.sections)
    window.select_item(0)
    window.acts.copy_sections.trigger()
    assert len(window.doc.project.sections) == count + 1
    copied = window.doc.project.sections[1]
    assert copied.id == "productivity-2" and copied.title == "What is productivity?"
    assert copied.blocks[-1].file == "assets/map.png"
    assert (window.doc.path / "assets" / "map.png").is_file()
    assert {p.name: p.read_bytes() for p in other.rglob("*") if p.is_file()} == before  # only read
    window.doc.undo.undo()
    assert len(window.doc.project.sections) == count


def test_generate_reports_accessibility_and_can_also_write_html(qtbot: Any, window: Any, tmp_path: Path) -> None:
    panel = window.pack_panel
    panel.set_output(tmp_path / "out")
    panel.also_html.setChecked(True)
    panel.generate()
    qtbot.waitUntil(lambda: panel.job is None, timeout=120_000)
    assert [p.suffix for p in panel.result.extras] == [".html"]
    assert panel.result.extras[0].is_file()
    shown = [panel.messages.item(i).text() for i in range(panel.messages.count())]
    assert any(line.startswith("accessibility:") for line in shown)
    assert "north-east-lis-draft.html" in panel.status.text()


LONG_TITLE = (
    "How the North East Local Enterprise Partnership, its boards, steering groups, working groups and "
    "every partner university and council will govern, review and report on the Local Industrial Strategy "
    "for health, life sciences, skills, innovation, transport and place, year by year"
)


def test_a_slide_problem_is_listed_and_a_click_selects_its_block(qtbot: Any, window: Any, tmp_path: Path) -> None:
    ids = [s.id for s in window.doc.project.sections]
    governance = ids.index("governance")
    window.select_item(governance)
    title = window.editor.widgets[("title",)]
    title.selectAll()
    qtbot.keyClicks(title, LONG_TITLE)
    window.select_item(0)
    panel = window.pack_panel
    panel.set_output(tmp_path / "out")
    panel.generate()
    qtbot.waitUntil(lambda: panel.job is None, timeout=120_000)
    problems = [panel.messages.item(i) for i in range(panel.messages.count())]
    problems = [item for item in problems if item.text().startswith("Slide problem: ")]
    assert problems, "a title far too long for its box is listed"
    assert LONG_TITLE[:40] in problems[0].text()
    panel.messages.itemClicked.emit(problems[0])
    # The title is on the section's first slide, which shows its first block (the org chart).
    assert window.current_location() == (governance, 0)
