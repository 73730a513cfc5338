"""The Consultation window as an officer uses it: responses typed at a table, a survey imported,
a returned draft's comments listed under their sections, gone to, resolved and linked."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from neslis_desktop.gui.consultation import ConsultationWindow
from neslis_desktop.gui.mapping_dialog import NONE, MappingDialog
from neslis_desktop.gui.review_panel import NEW_SNAPSHOT
from neslis_desktop.model.feedback import questions
from neslis_desktop.render.draft import write_draft
from neslis_desktop.store.feedback import load_feedback
from neslis_desktop.store.feedback_import import ColumnMapping, personal_columns, read_table_text
from neslis_desktop.store.review import load_review
from neslis_desktop.store.snapshots import list_snapshots, take_snapshot


def _open(qtbot: Any, window: Any) -> ConsultationWindow:
    window.acts.consultation.trigger()
    consult = window._consultation
    assert isinstance(consult, ConsultationWindow)
    qtbot.waitExposed(consult)
    return consult


def test_responses_typed_at_a_table_are_kept_at_once(qtbot: Any, window: Any, project_dir: Path) -> None:
    panel = _open(qtbot, window).feedback
    first = questions(window.doc.project)[0]
    panel.question.setCurrentIndex(panel.question.findData(first.key))
    panel.event_box.setCurrentText("Health summit, table 3")
    qtbot.keyClicks(panel.organisation, "Newcastle Hospitals")
    qtbot.keyClicks(panel.text, "The evidence leaves out social care.")
    qtbot.keyClick(panel.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert panel.text.toPlainText() == ""  # cleared for the next speaker
    qtbot.keyClicks(panel.text, "Data sharing is the barrier.")
    panel.add_button.click()
    saved = load_feedback(project_dir).responses
    assert [(r.question, r.text, r.organisation, r.event) for r in saved] == [
        (first.key, "The evidence leaves out social care.", "Newcastle Hospitals", "Health summit, table 3"),
        (first.key, "Data sharing is the barrier.", None, "Health summit, table 3"),
    ]
    assert panel.model.rowCount() == 2
    assert window.is_modified() is False  # feedback is not content: no Save is waiting

    panel.table.selectRow(0)
    panel.theme.setCurrentText("Social care")
    panel.tag_button.click()
    quote = panel.model.index(1, 4)
    panel.model.setData(quote, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    kept = load_feedback(project_dir)
    assert [t.label for t in kept.themes] == ["Social care"]
    assert kept.responses[0].themes == ["social-care"] and kept.responses[1].quote is True
    assert panel.model.data(panel.model.index(0, 3)) == "Social care"


def test_a_survey_import_asks_for_the_columns_and_reports_skipped_rows(
    qtbot: Any, window: Any, project_dir: Path, dlg: Any, tmp_path: Path
) -> None:
    panel = _open(qtbot, window).feedback
    first = questions(window.doc.project)[0]
    survey = tmp_path / "survey.csv"
    survey.write_text(f'Question,Answer,Email\n"{first.text}",Yes,a@b.org\nNo such question,Maybe,c@d.org\n', "utf-8")
    dlg.file = survey
    dlg.mapping = ColumnMapping(question="Question", response="Answer")
    panel.import_button.click()
    assert "mapping" in dlg.asked
    ((title, text, lines),) = dlg.reports
    assert (title, text) == ("Survey imported", "1 responses imported")
    assert lines[0] == "row 3: answers 'No such question', which is not a question of this project"
    assert lines[1].startswith("left out as personal data: 'Email'")
    assert [r.text for r in load_feedback(project_dir).responses] == ["Yes"]


def test_the_columns_dialog_starts_from_the_guess_and_keeps_personal_columns_only_when_ticked(
    qtbot: Any, window: Any
) -> None:
    asked = questions(window.doc.project)
    table = read_table_text(f"Organisation\tName\t{asked[1].text}\nAcme\tAnn\tYes\n")
    start = ColumnMapping(organisation="Organisation", questions={asked[1].text: asked[1].key})
    dialog = MappingDialog(table, asked, start, personal_columns(table), None)
    qtbot.addWidget(dialog)
    assert dialog.roles["organisation"].currentText() == "Organisation"
    assert dialog.roles["response"].currentText() == NONE
    assert dialog.mapping() == start
    dialog.keep["Name"].setChecked(True)
    assert dialog.mapping().keep == ["Name"]


def test_review_comments_are_listed_gone_to_resolved_and_linked(
    qtbot: Any, window: Any, project_dir: Path, dlg: Any, tmp_path: Path
) -> None:
    draft = tmp_path / "returned.docx"
    write_draft(window.doc.project, draft)
    document = docx.Document(str(draft))
    para = next(p for p in document.paragraphs if p.text.startswith("Improving productivity"))
    document.add_comment(para.runs, text="Say by how much.", author="Working Group")
    document.save(str(draft))

    panel = _open(qtbot, window).review
    dlg.file = draft
    panel.import_button.click()
    assert dlg.reports == [("Comments imported", "1 new comments and suggestions from returned.docx.", [])]
    top = panel.tree.topLevelItem(0)
    assert top.text(0) == "What is productivity? (1)"
    comment = top.child(0)
    assert (comment.text(0), comment.text(1)) == ("Say by how much.", "Working Group")

    panel.tree.setCurrentItem(comment)
    panel.tree.itemDoubleClicked.emit(comment, 0)
    productivity = [s.id for s in window.doc.project.sections].index("productivity")
    assert window.current_location() == (productivity, 1)  # block 2, 0-based 1

    panel.link_button.click()
    qtbot.keyClicks(panel.reply, "Figure added from ONS")
    panel.tree.setCurrentItem(panel.tree.topLevelItem(0).child(0))
    # No snapshot yet: resolving offers to take one, named by the officer.
    assert panel.resolved_in.currentText() == "a new snapshot\u2026"
    dlg.text = "Figures for the Working Group"
    panel.resolve_button.click()
    assert "Take a snapshot" in dlg.asked
    (saved,) = load_review(project_dir).comments
    assert saved.changed == ["productivity#2"]
    assert (saved.status, saved.replies[0].text) == ("resolved", "Figure added from ONS")
    assert saved.resolved_in == "Figures for the Working Group"
    assert [s.name for s in list_snapshots(project_dir)] == ["Figures for the Working Group"]
    assert panel.resolved_in.currentData() == "Figures for the Working Group"
    assert panel.tree.topLevelItemCount() == 0  # resolved comments are hidden...
    panel.show_resolved.setChecked(True)
    assert panel.tree.topLevelItem(0).child(0).text(0) == "\u2713 Say by how much."  # ...but kept


def test_an_unsaved_project_says_where_feedback_will_go(qtbot: Any, dlg: Any) -> None:
    from neslis_desktop.gui.main_window import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    consult = _open(qtbot, win)
    assert "Save the project first" in consult.feedback.notice.text()
    assert not consult.feedback.add_button.isEnabled() and not consult.review.import_button.isEnabled()
    QApplication.processEvents()


def _commented(window: Any, tmp_path: Path, *texts: str) -> Path:
    draft = tmp_path / "returned.docx"
    write_draft(window.doc.project, draft)
    document = docx.Document(str(draft))
    para = next(p for p in document.paragraphs if p.text.startswith("Improving productivity"))
    for text in texts:
        document.add_comment(para.runs, text=text, author="Steering Group")
    document.save(str(draft))
    return draft


def test_resolve_records_the_newest_snapshot_and_refuses_to_snapshot_unsaved_changes(
    qtbot: Any, window: Any, project_dir: Path, dlg: Any, tmp_path: Path
) -> None:
    import datetime as dt

    take_snapshot(project_dir, "sent to Working Group", now=dt.datetime(2026, 3, 1, 9, 0))
    take_snapshot(project_dir, "sent to Steering Group", now=dt.datetime(2026, 3, 12, 10, 4))
    panel = _open(qtbot, window).review
    dlg.file = _commented(window, tmp_path, "Too long.", "Name the colleges.")
    panel.import_button.click()
    assert [panel.resolved_in.itemText(i) for i in range(panel.resolved_in.count())] == [
        "sent to Steering Group (12 Mar 2026)",
        "sent to Working Group (01 Mar 2026)",
        "a new snapshot\u2026",
    ]
    panel.tree.setCurrentItem(panel.tree.topLevelItem(0).child(0))
    panel.resolve_button.click()
    assert "Take a snapshot" not in dlg.asked  # the newest was there to use
    first = next(c for c in load_review(project_dir).comments if c.text == "Too long.")
    assert (first.status, first.resolved_in) == ("resolved", "sent to Steering Group")

    # Unsaved edits are not in any snapshot: taking one now is refused, the comment stays open.
    from neslis_desktop.gui.commands import EditSectionHead

    window.doc.undo.push(EditSectionHead(window.doc, 0, "Edited title", None))
    assert window.doc.is_modified()
    panel.resolved_in.setCurrentIndex(panel.resolved_in.findData(NEW_SNAPSHOT))
    panel.tree.setCurrentItem(panel.tree.topLevelItem(0).child(0))
    panel.resolve_button.click()
    errors = dlg.take_errors()
    assert [title for title, _ in errors] == ["Save first"] and "changes not saved yet" in errors[0][1]
    second = next(c for c in load_review(project_dir).comments if c.text == "Name the colleges.")
    assert second.status == "open" and len(list_snapshots(project_dir)) == 2


def test_the_editor_shows_the_feedback_linked_to_a_block_and_opens_it(
    qtbot: Any, window: Any, project_dir: Path, dlg: Any, tmp_path: Path
) -> None:
    from neslis_desktop.model.feedback import Feedback, Response, Theme
    from neslis_desktop.model.review import Review, ReviewComment
    from neslis_desktop.store.feedback import save_feedback
    from neslis_desktop.store.review import save_review

    project = window.doc.project
    key = questions(project)[0].key
    feedback = Feedback(
        themes=[Theme(id="skills", label="Skills shortages", changed=["productivity"])],
        responses=[
            Response(
                id="r-0001",
                question=key,
                text="Say how far behind we are.",
                organisation="NHS",
                themes=["skills"],
                changed=["productivity#2"],
            ),
            Response(id="r-0002", question=key, text="Not about productivity.", changed=["doing-already#1"]),
        ],
    )
    save_feedback(feedback, project_dir, project)
    comment = ReviewComment(
        id="c-0001",
        text="Add the gap in figures.",
        author="Board",
        source="x.docx",
        changed=["productivity#2"],
        status="resolved",
    )
    save_review(Review(comments=[comment]), project_dir)

    si = [s.id for s in project.sections].index("productivity")
    window.select_item(si, 1)  # block 2
    strip = window.linked
    assert strip.isVisibleTo(window)
    assert [b.text() for b in strip.buttons] == [
        "Theme: Skills shortages",  # linked to the whole section, so to each of its blocks
        "NHS: \u201cSay how far behind we are.\u201d",
        "Board: Add the gap in figures.",
    ]
    window.select_item(si, 0)  # block 1: only the section's theme
    assert [b.text() for b in strip.buttons] == ["Theme: Skills shortages"]
    window.select_item(si, 1)
    strip.buttons[2].click()
    consult = window._consultation
    assert consult.tabs.currentWidget() is consult.review
    assert consult.review.tree.currentItem().text(0) == "\u2713 Add the gap in figures."  # resolved, shown
    strip.buttons[1].click()
    assert consult.tabs.currentWidget() is consult.feedback
    rows = {i.row() for i in consult.feedback.table.selectionModel().selectedRows()}
    assert [consult.feedback.model.rows[n].id for n in rows] == ["r-0001"]
    doing = [s.id for s in project.sections].index("doing-already")
    window.select_item(doing, 1)
    assert not strip.isVisibleTo(window) and strip.buttons == []


def test_the_linked_strip_reads_the_feedback_again_only_when_it_changed(
    qtbot: Any, window: Any, project_dir: Path, dlg: Any, monkeypatch: Any
) -> None:
    from neslis_desktop.gui import linked_strip
    from neslis_desktop.model.feedback import Feedback, Theme
    from neslis_desktop.store.feedback import save_feedback

    project = window.doc.project
    si = [s.id for s in project.sections].index("productivity")
    save_feedback(Feedback(themes=[Theme(id="skills", label="Skills", changed=["productivity"])]), project_dir, project)
    reads: list[Path] = []
    real = linked_strip.load_feedback
    monkeypatch.setattr(linked_strip, "load_feedback", lambda folder: reads.append(folder) or real(folder))
    for bi in (0, 1, 0, 1):  # moving about the section's blocks
        window.select_item(si, bi)
    assert len(reads) == 1
    assert [b.text() for b in window.linked.buttons] == ["Theme: Skills"]
    # Another window (the Consultation window, an import) writes the feedback: the strip sees it.
    themes = [Theme(id="skills", label="Skills"), Theme(id="transport", label="Transport", changed=["productivity"])]
    save_feedback(Feedback(themes=themes), project_dir, project)
    window.select_item(si, 0)
    assert len(reads) == 2
    assert [b.text() for b in window.linked.buttons] == ["Theme: Transport"]
