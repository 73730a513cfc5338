"""``neslis feedback`` and ``neslis review`` as an officer runs them, outputs reopened."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import docx
from office import ooxml_validate
from pptx import Presentation

from neslis_desktop.model.feedback import questions
from neslis_desktop.render.draft import write_draft
from neslis_desktop.store import load_project
from neslis_desktop.store.review import load_review


def _neslis(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "neslis_desktop", *map(str, args)], capture_output=True, text=True, timeout=300
    )


def test_survey_import_then_a_pack_with_what_we_heard(project_dir: Path, tmp_path: Path) -> None:
    asked = questions(load_project(project_dir))
    survey = tmp_path / "survey.csv"
    survey.write_text(
        "Question,Response,Organisation,Name\n"
        f'"{asked[0].text}",The evidence misses the care sector.,Care North,Ann\n'
        f'"{asked[0].text}",It matches ours.,Newcastle Hospitals,Bob\n'
        "Unknown question,Whatever,Someone,Cy\n",
        "utf-8",
    )
    before = sorted(p.relative_to(project_dir) for p in project_dir.rglob("*"))
    dry = _neslis("feedback", "import", project_dir, survey, "--dry-run")
    assert dry.returncode == 1, dry.stderr  # one row could not be read: the user must look
    assert sorted(p.relative_to(project_dir) for p in project_dir.rglob("*")) == before
    done = _neslis("feedback", "import", project_dir, survey, "--at", "Health summit")
    assert done.returncode == 1
    assert done.stdout.splitlines() == [
        "2 responses imported",
        "row 4: answers 'Unknown question', which is not a question of this project",
        "left out as personal data: 'Name'; keep a column on purpose only if you need it and may hold it",
    ]
    assert "Ann" not in (project_dir / "feedback" / "responses.yaml").read_text("utf-8")

    out = tmp_path / "out"
    build = _neslis("build", project_dir, "-o", out, "--with-feedback")
    assert build.returncode == 0, build.stderr
    assert "'What we heard' added from 2 responses from 2 organisations" in build.stderr
    deck, draft = out / "north-east-lis-deck.pptx", out / "north-east-lis-draft.docx"
    ooxml_validate(deck, draft)
    titles = [s.shapes.title.text for s in Presentation(str(deck)).slides if s.shapes.title is not None]
    assert "What we heard" in titles
    slide = next(s for s in Presentation(str(deck)).slides if s.shapes.title and s.shapes.title.text == "What we heard")
    words = " ".join(sh.text_frame.text for sh in slide.shapes if sh.has_text_frame)
    assert "We received 2 responses from 2 organisations to 1 question at 1 event." in words
    headings = [p.text for p in docx.Document(str(draft)).paragraphs if p.style.name.startswith("Heading")]
    assert "What we heard" in headings and asked[0].text in headings


def test_review_import_lists_and_resolves(project_dir: Path, tmp_path: Path) -> None:
    project = load_project(project_dir)
    draft = tmp_path / "draft.docx"
    write_draft(project, draft)
    document = docx.Document(str(draft))
    para = next(p for p in document.paragraphs if p.text.startswith("Improving productivity"))
    document.add_comment(para.runs, text="Say by how much.", author="Working Group")
    document.save(str(draft))

    imported = _neslis("review", "import", project_dir, draft)
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.splitlines() == [
        "c-0001 comment by Working Group (What is productivity?, block 2, by anchor): Say by how much."
    ]
    again = _neslis("review", "import", project_dir, draft)
    assert again.stdout == "" and "0 new comments" in again.stderr
    listed = _neslis("review", "list", project_dir)
    assert listed.stdout.splitlines() == [
        "What is productivity?",
        '  c-0001 [open] Working Group on "Improving productivity means more output can be\u2026": Say by how much.',
    ]
    bad = _neslis("review", "resolve", project_dir, "c-0001", "--changed", "What is productivity?")
    assert bad.returncode == 2 and "is not a link to the content" in bad.stderr, bad.stderr
    resolved = _neslis(
        "review",
        "resolve",
        project_dir,
        "c-0001",
        "--snapshot",
        "Steering Group",
        "--reply",
        "Done",
        "--changed",
        "productivity#2",
    )
    assert resolved.returncode == 0, resolved.stderr
    (comment,) = load_review(project_dir).comments
    assert (comment.status, comment.resolved_in, comment.replies[0].text) == ("resolved", "Steering Group", "Done")
    assert comment.changed == ["productivity#2"]
    assert _neslis("review", "list", project_dir).stdout == ""
    missing = _neslis("review", "resolve", project_dir, "c-0099")
    assert missing.returncode == 2 and "there is no comment 'c-0099'" in missing.stderr


def test_check_reports_a_reworded_question_and_relink_records_it(project_dir: Path) -> None:
    from neslis_desktop.model.feedback import Feedback, Response
    from neslis_desktop.store.feedback import load_feedback, save_feedback

    project = load_project(project_dir)
    first, second = questions(project)[:2]
    responses = [
        Response(id="r-0001", question=first.key, text="Yes."),
        Response(id="r-0002", question=second.key, text="No."),
    ]
    save_feedback(Feedback(responses=responses), project_dir, project)
    section = project_dir / "sections" / f"{first.section_id}.yaml"
    text = section.read_text("utf-8")
    assert first.text in text and second.text in text
    section.write_text(
        text.replace(first.text, first.text.rstrip("?") + " today?").replace(second.text, "Gone?"), "utf-8"
    )
    files = {p: p.read_bytes() for p in (project_dir / "feedback").iterdir()}

    checked = _neslis("check", project_dir)
    assert checked.returncode == 1, checked.stderr
    lines = checked.stderr.splitlines()
    assert (
        f"note: feedback: '{first.text}' is now '{first.text.rstrip('?')} today?' ({first.section_title}): "
        f"1 response follows it; 'neslis feedback relink {project_dir}' records it" in lines
    )
    assert any(
        line.startswith(f"problem: feedback: 1 response answers '{second.text}' ({second.key}), which is no longer")
        and "put the question back" in line
        for line in lines
    ), lines
    assert {p: p.read_bytes() for p in (project_dir / "feedback").iterdir()} == files  # check changes nothing

    relinked = _neslis("feedback", "relink", project_dir)
    assert relinked.returncode == 1  # the removed question still needs the user
    assert relinked.stdout.startswith(f"recorded: '{first.text}' is now")
    known = {q.id: q.text for q in load_feedback(project_dir).questions}
    assert known[first.key] == first.text.rstrip("?") + " today?" and known[second.key] == second.text
    assert [r.question for r in load_feedback(project_dir).responses] == [first.key, second.key]
    again = _neslis("check", project_dir)
    assert "is now" not in again.stderr and "no longer in the project" in again.stderr
