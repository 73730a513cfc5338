"""Every editor form: edits come out as valid blocks, invalid input is shown and held back."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
)

from neslis_desktop.gui.editors import FormEditor, block_editor, meta_editor, section_editor
from neslis_desktop.gui.editors.bullets import BulletsEditor, flatten, nest
from neslis_desktop.gui.editors.form import wrap_selection
from neslis_desktop.gui.kinds import new_block
from neslis_desktop.model import BLOCK_KINDS, Project, edits


def sample(project: Project, kind: str) -> Any:
    for section in project.sections:
        for block in section.blocks:
            if block.kind == kind:
                return block
    return new_block(kind)


def edits_of(qtbot: Any, editor: FormEditor, action: Any) -> list[Any]:
    got: list[Any] = []
    editor.edited.connect(lambda value, key: got.append(value))
    action()
    return got


def click(editor: FormEditor, name: str, nth: int = 0) -> None:
    """Click the ``nth`` visible button named ``name`` (its accessible name), as a user would."""
    buttons = [b for b in editor.findChildren(QAbstractButton) if b.accessibleName() == name and b.isVisibleTo(editor)]
    assert len(buttons) > nth, f"no button {name!r} number {nth + 1}; found {len(buttons)}"
    buttons[nth].click()


def type_into(widget: Any, text: str) -> None:
    if isinstance(widget, QPlainTextEdit):
        widget.setPlainText(text)
    else:
        widget.setText(text)
        widget.textEdited.emit(text)


@pytest.mark.parametrize("kind", list(BLOCK_KINDS))
def test_every_kind_shows_its_block_and_round_trips(qtbot: Any, project: Project, kind: str) -> None:
    block = sample(project, kind)
    editor = block_editor(block)
    qtbot.addWidget(editor)
    assert editor.last_valid == block
    assert not editor.has_errors()
    assert editor.widgets, "the form has fields"
    for widget in editor.widgets.values():
        assert widget.accessibleName(), f"{widget} has no accessible name"
    # Setting the heading gives a valid block with that heading, the rest unchanged.
    got = edits_of(qtbot, editor, lambda: type_into(editor.widgets[("heading",)], "A lead line"))
    assert got and got[-1].heading == "A lead line"
    assert got[-1].model_copy(update={"heading": block.heading}) == block


def test_paragraph_text_bold_button_and_blank_error(qtbot: Any) -> None:
    editor = block_editor(edits.validate_block({"kind": "paragraph", "text": "Grow the economy"}))
    qtbot.addWidget(editor)
    text = editor.widgets[("text",)]
    assert isinstance(text, QPlainTextEdit)
    cursor = text.textCursor()
    cursor.setPosition(0)
    cursor.setPosition(4, cursor.MoveMode.KeepAnchor)
    text.setTextCursor(cursor)
    got = edits_of(qtbot, editor, lambda: wrap_selection(text, "**"))
    assert got[-1].text == "**Grow** the economy"
    got = edits_of(qtbot, editor, lambda: type_into(text, "   "))
    assert got == []
    assert "must not be empty" in editor.messages[("text",)]
    assert editor.last_valid is None or editor.has_errors()
    got = edits_of(qtbot, editor, lambda: type_into(text, "Back again"))
    assert got[-1].text == "Back again" and not editor.has_errors()


def test_control_characters_are_refused_beside_the_field(qtbot: Any) -> None:
    editor = block_editor(edits.validate_block({"kind": "divider", "text": "Questions?"}))
    qtbot.addWidget(editor)
    got = edits_of(qtbot, editor, lambda: type_into(editor.widgets[("text",)], "Bad\x07bell"))
    assert got == []
    assert "U+0007" in editor.messages[("text",)]


def test_bullets_indent_outdent_and_depth(qtbot: Any) -> None:
    block = edits.validate_block({"kind": "bullets", "items": ["one", "two", "three"]})
    editor = block_editor(block)
    qtbot.addWidget(editor)
    bullets = editor.widgets[("items",)]
    assert isinstance(bullets, BulletsEditor)
    got = edits_of(qtbot, editor, lambda: bullets.indent(1))
    assert got[-1].items[0].text == "one" and got[-1].items[0].items[0].text == "two"
    bullets.indent(2)
    bullets.indent(2)
    assert editor.last_valid.items[0].items[0].items[0].text == "three"
    bullets.outdent(1)
    assert [i.text for i in editor.last_valid.items] == ["one", "two"]
    assert editor.last_valid.items[1].items[0].text == "three"


def test_bullet_rows_convert_exactly() -> None:
    data = ["a", {"text": "b", "items": ["c", {"text": "d", "items": ["e"]}]}, "f"]
    assert flatten(data) == [(0, "a"), (0, "b"), (1, "c"), (1, "d"), (2, "e"), (0, "f")]
    assert nest(flatten(data)) == data
    assert nest([(0, "a"), (3, "jump")]) == [{"text": "a", "items": ["jump"]}]


def test_cards_add_remove_move_and_card_rule(qtbot: Any) -> None:
    editor = block_editor(edits.validate_block({"kind": "cards", "cards": [{"title": "A"}, {"title": "B"}]}))
    qtbot.addWidget(editor)
    add = next(b for b in editor.findChildren(QPushButton) if b.accessibleName() == "Add card")
    got = edits_of(qtbot, editor, add.click)
    assert [c.title for c in got[-1].cards] == ["A", "B", "New card"]
    click(editor, "Move this card down", 0)
    assert [c.title for c in editor.last_valid.cards] == ["B", "A", "New card"]
    click(editor, "Move this card up", 2)
    assert [c.title for c in editor.last_valid.cards] == ["B", "New card", "A"]
    click(editor, "Duplicate this card", 2)
    click(editor, "Remove this card", 1)
    assert [c.title for c in editor.last_valid.cards] == ["B", "A", "A"]
    click(editor, "Remove this card", 2)
    assert [c.title for c in editor.last_valid.cards] == ["B", "A"]
    click(editor, "Add card")
    # A card with neither title, body nor bullets is refused, and the message sits on the card.
    got = edits_of(qtbot, editor, lambda: type_into(editor.widgets[("cards", 0, "title")], ""))
    assert got == []
    assert "needs a title, a body or bullets" in editor.messages[("cards", 0)]
    columns = editor.widgets[("columns",)]
    assert isinstance(columns, QSpinBox)
    type_into(editor.widgets[("cards", 0, "title")], "B")
    columns.setValue(2)
    assert editor.last_valid.columns == 2
    columns.setValue(0)
    assert editor.last_valid.columns is None
    check = editor.widgets[("cards", 1, "wide")]
    assert isinstance(check, QCheckBox)
    check.setChecked(True)
    assert editor.last_valid.cards[1].wide


def test_structure_columns_and_entries(qtbot: Any) -> None:
    block = edits.validate_block(
        {"kind": "structure", "columns": [{"title": "Foundations", "items": [{"label": "Ideas"}, {"label": "People"}]}]}
    )
    editor = block_editor(block)
    qtbot.addWidget(editor)
    type_into(editor.widgets[("columns", 0, "items", 0, "aim")], "a new aim")
    assert editor.last_valid.columns[0].items[0].aim == "a new aim"
    click(editor, "Remove this entry", 0)
    assert [i.label for i in editor.last_valid.columns[0].items] == ["People"]
    got = edits_of(qtbot, editor, lambda: click(editor, "Remove this entry", 0))
    assert got == [] and editor.has_errors(), "a column needs at least one entry"
    assert "at least 1" in editor.messages[("columns", 0, "items")]
    click(editor, "Add entry")
    assert [i.label for i in editor.last_valid.columns[0].items] == ["New entry"]
    click(editor, "Add column")
    assert [c.title for c in editor.last_valid.columns] == ["Foundations", "New column"]


def test_targets_figure_and_footer_lines(qtbot: Any, project: Project) -> None:
    editor = block_editor(sample(project, "targets"))
    qtbot.addWidget(editor)
    type_into(editor.widgets[("targets", 0, "figure")], "100,000")
    assert editor.last_valid.targets[0].figure == "100,000"
    type_into(editor.widgets[("footer",)], "Line one\n\nLine two\n")
    assert editor.last_valid.footer == ["Line one", "Line two"]


def test_orgchart_parent_combo_and_rename_follows(qtbot: Any) -> None:
    block = edits.validate_block(
        {
            "kind": "orgchart",
            "nodes": [{"id": "board", "title": "Board"}, {"id": "group", "title": "Group", "parent": "board"}],
        }
    )
    editor = block_editor(block)
    qtbot.addWidget(editor)
    combo = editor.widgets[("nodes", 1, "parent")]
    assert isinstance(combo, QComboBox)
    assert [combo.itemData(i) for i in range(combo.count())] == ["", "board"]
    type_into(editor.widgets[("nodes", 0, "id")], "lep-board")
    assert editor.last_valid.nodes[1].parent == "lep-board"
    type_into(editor.widgets[("nodes", 0, "id")], "Not A Slug")
    assert "not a valid identifier" in editor.messages[("nodes", 0, "id")]
    type_into(editor.widgets[("nodes", 0, "id")], "board")
    combo.setCurrentIndex(0)
    assert editor.last_valid.nodes[1].parent is None
    type_into(editor.widgets[("nodes", 1, "members")], "Universities\nCouncils")
    assert editor.last_valid.nodes[1].members == ["Universities", "Councils"]


def test_timeline_months_lanes_and_spans(qtbot: Any) -> None:
    block = edits.validate_block(
        {
            "kind": "timeline",
            "start": "2019-01",
            "end": "2019-06",
            "lanes": [{"name": "Board", "milestones": [{"month": "2019-02", "text": "Meet"}]}],
        }
    )
    editor = block_editor(block)
    qtbot.addWidget(editor)
    month = editor.widgets[("lanes", 0, "milestones", 0, "month")]
    assert isinstance(month, QDateEdit)
    month.setDate(QDate(2019, 4, 1))
    assert str(editor.last_valid.lanes[0].milestones[0].month) == "2019-04"
    month.setDate(QDate(2020, 4, 1))
    assert "outside the timeline" in editor.messages[()]
    month.setDate(QDate(2019, 5, 1))
    click(editor, "Add span")
    assert editor.last_valid.spans[0].start == editor.last_valid.start
    lane_combo = editor.widgets[("spans", 0, "lane")]
    assert isinstance(lane_combo, QComboBox)
    lane_combo.setCurrentIndex(1)
    assert editor.last_valid.spans[0].lane == "Board"
    type_into(editor.widgets[("lanes", 0, "name")], "LEP Board")
    assert editor.last_valid.spans[0].lane == "LEP Board"


def test_flow_questions_and_divider(qtbot: Any, project: Project) -> None:
    flow = block_editor(sample(project, "flow"))
    qtbot.addWidget(flow)
    type_into(flow.widgets[("steps", 0, "notes")], "First note\nSecond note")
    assert flow.last_valid.steps[0].notes == ["First note", "Second note"]
    questions = block_editor(sample(project, "questions"))
    qtbot.addWidget(questions)
    type_into(questions.widgets[("questions",)], "")
    assert "at least 1" in questions.messages[("questions",)]
    type_into(questions.widgets[("questions",)], "Why?\nHow?")
    assert questions.last_valid.questions == ["Why?", "How?"]
    divider = block_editor(sample(project, "divider"))
    qtbot.addWidget(divider)
    type_into(divider.widgets[("subtitle",)], "Any more?")
    assert divider.last_valid.subtitle == "Any more?"


def test_section_and_meta_forms(qtbot: Any, project: Project) -> None:
    section = section_editor(project.sections[0])
    qtbot.addWidget(section)
    got = edits_of(qtbot, section, lambda: type_into(section.widgets[("title",)], "Renamed"))
    assert got[-1] == ("Renamed", project.sections[0].notes)
    type_into(section.widgets[("title",)], "two\nlines")
    assert "single line" in section.messages[("title",)]
    meta = meta_editor(project.meta)
    qtbot.addWidget(meta)
    type_into(meta.widgets[("date",)], "2019-13-40")
    assert "YYYY-MM-DD" in meta.messages[("date",)]
    type_into(meta.widgets[("date",)], "2019-09-12")
    assert str(meta.last_valid.date) == "2019-09-12"
    status = meta.widgets[("status",)]
    assert isinstance(status, QComboBox)
    status.setCurrentIndex(2)
    assert meta.last_valid.status.value == "Final"
    line = meta.widgets[("language",)]
    assert isinstance(line, QLineEdit)
    type_into(line, "english")
    assert "language tag" in meta.messages[("language",)]


def test_italic_in_a_single_line_field(qtbot: Any) -> None:
    line = QLineEdit("word")
    qtbot.addWidget(line)
    line.selectAll()
    wrap_selection(line, "*")
    assert line.text() == "*word*"


def test_bullet_keys_enter_adds_and_alt_shift_arrows_indent(qtbot: Any) -> None:
    from PySide6.QtCore import Qt

    editor = block_editor(edits.validate_block({"kind": "bullets", "items": ["one"]}))
    qtbot.addWidget(editor)
    editor.show()
    bullets = editor.widgets[("items",)]
    assert isinstance(bullets, BulletsEditor)
    bullets.edits[0].setFocus()
    qtbot.keyClick(bullets.edits[0], Qt.Key.Key_Return)
    assert [i.text for i in editor.last_valid.items] == ["one", "New point"]
    alt_shift = Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(bullets.edits[1], Qt.Key.Key_Right, alt_shift)
    assert editor.last_valid.items[0].items[0].text == "New point"
    qtbot.keyClick(bullets.edits[1], Qt.Key.Key_Left, alt_shift)
    assert len(editor.last_valid.items) == 2
