"""The feedback folder: saved and read back, imports from survey exports, messages by file and row."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from openpyxl import Workbook

from neslis_desktop.errors import ContentError
from neslis_desktop.model import Project
from neslis_desktop.model.feedback import Feedback, Response, Theme, questions
from neslis_desktop.store.feedback import load_feedback, load_mappings, save_feedback, save_mapping
from neslis_desktop.store.feedback_import import (
    ColumnMapping,
    ImportError_,
    import_table,
    personal_columns,
    read_table,
    read_table_text,
    suggest_mapping,
)


def test_feedback_round_trips_and_reads_like_a_person_wrote_it(project: Project, tmp_path: Path) -> None:
    key = questions(project)[0].key
    feedback = Feedback(
        themes=[Theme(id="skills", label="Skills")],
        responses=[
            Response(id="r-0001", question=key, text="Line one\nline two", organisation="NHS", themes=["skills"])
        ],
    )
    written = save_feedback(feedback, tmp_path, project)
    assert sorted(p.name for p in written) == ["questions.yaml", "responses.yaml", "themes.yaml"]
    back = load_feedback(tmp_path)
    assert back.responses == feedback.responses and back.themes == feedback.themes
    assert [q.id for q in back.questions] == [q.key for q in questions(project)]
    text = (tmp_path / "feedback" / "responses.yaml").read_text("utf-8")
    assert "text: |-\n    Line one\n    line two" in text
    asked = (tmp_path / "feedback" / "questions.yaml").read_text("utf-8")
    first = questions(project)[0]
    assert asked.startswith(f"questions:\n- id: {first.key}\n  text: {first.text}\n  section: {first.section_id}\n")
    assert save_feedback(back, tmp_path, project) == []  # nothing changed, nothing written


def test_a_broken_response_is_reported_by_file_field_and_line(tmp_path: Path) -> None:
    (tmp_path / "feedback").mkdir()
    (tmp_path / "feedback" / "responses.yaml").write_text(
        "responses:\n- id: r-0001\n  question: a.b\n  text: fine\n- id: r-0002\n  question: a.b\n  txt: typo\n",
        "utf-8",
    )
    with pytest.raises(ContentError) as info:
        load_feedback(tmp_path)
    shown = str(info.value)
    assert "responses.yaml, line 5, field 'response 2, text': is required but missing" in shown
    assert "line 7, field 'response 2, txt': is not a field this item can have" in shown


def test_a_long_csv_imports_and_lists_every_row_it_could_not_read(project: Project, tmp_path: Path) -> None:
    asked = questions(project)
    csv = tmp_path / "survey.csv"
    csv.write_text(
        "Question,Answer,Organisation,Your name,Email\n"
        f'"{asked[0].text}","Yes, broadly.",Newcastle University,Ann Smith,ann@example.org\n'
        f'"{asked[1].text}",,Sunderland College,Bob,bob@example.org\n'
        '"What is your favourite colour?",Blue,Nobody,Cy,cy@example.org\n'
        f'"{asked[1].text}",More on skills.,Durham County Council,Di,di@example.org\n',
        "utf-8",
    )
    table = read_table(csv)
    mapping = suggest_mapping(table, project)
    assert mapping == ColumnMapping(question="Question", response="Answer", organisation="Organisation")
    result = import_table(project, Feedback(), table, mapping, event="Health summit")
    assert [r.text for r in result.added] == ["Yes, broadly.", "More on skills."]
    assert [r.question for r in result.added] == [asked[0].key, asked[1].key]
    assert {r.event for r in result.added} == {"Health summit"}
    assert result.skipped == [
        (3, "has no answer in the mapped columns"),
        (4, "answers 'What is your favourite colour?', which is not a question of this project"),
    ]
    assert result.left_out == ["Your name", "Email"]
    assert all(r.kept == {} for r in result.added)
    assert result.report()[-1].startswith("left out as personal data: 'Your name', 'Email'")


def test_a_wide_xlsx_export_maps_a_column_to_each_question(project: Project, tmp_path: Path) -> None:
    asked = questions(project)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Timestamp", "Organisation", asked[0].text, asked[2].text, "Contact email"])
    sheet.append(["2019-02-19", "Acme", "Strengths in ageing research", "", "a@acme.test"])
    sheet.append(["2019-02-19", "Beta", "", "Start with skills", "b@beta.test"])
    path = tmp_path / "survey.xlsx"
    book.save(path)
    table = read_table(path)
    mapping = suggest_mapping(table, project)
    assert mapping.questions == {asked[0].text: asked[0].key, asked[2].text: asked[2].key}
    assert mapping.organisation == "Organisation" and mapping.date == "Timestamp"
    result = import_table(project, Feedback(), table, mapping)
    assert [(r.organisation, r.question, str(r.date)) for r in result.added] == [
        ("Acme", asked[0].key, "2019-02-19"),
        ("Beta", asked[2].key, "2019-02-19"),
    ]
    assert result.left_out == ["Contact email"]


def test_a_column_kept_on_purpose_is_kept(project: Project) -> None:
    key = questions(project)[0].key
    table = read_table_text(f"Question\tAnswer\tName\n{key}\tYes\tAnn\n")
    result = import_table(
        project, Feedback(), table, ColumnMapping(question="Question", response="Answer", keep=["Name"])
    )
    assert result.added[0].kept == {"Name": "Ann"} and result.left_out == []
    assert personal_columns(table) == ["Name"]


def test_a_mapping_naming_a_missing_column_says_which(project: Project) -> None:
    table = read_table_text("A,B\n1,2\n")
    with pytest.raises(ImportError_, match=re.escape("has no column 'Answer'; its columns are: A | B")):
        import_table(project, Feedback(), table, ColumnMapping(response="Answer"))


def test_mappings_are_remembered_per_layout(tmp_path: Path) -> None:
    save_mapping(tmp_path, "Q | A", {"question": "Q", "response": "A"})
    save_mapping(tmp_path, "X | Y", {"response": "Y"})
    assert load_mappings(tmp_path) == {"Q | A": {"question": "Q", "response": "A"}, "X | Y": {"response": "Y"}}
