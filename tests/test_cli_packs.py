"""``neslis packs``, ``build --pack/--all``, ``snapshot`` and ``diff``, driven as an officer would."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation

from neslis_desktop.cli import main

GOVERNANCE = "North East Local Industrial Strategy governance"


def _out(capsys: pytest.CaptureFixture[str]) -> list[str]:
    return capsys.readouterr().out.splitlines()


def test_packs_lists_kinds_sections_and_files(bundled_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["packs", str(bundled_dir)]) == 0
    assert _out(capsys) == [
        "Health and Life Sciences summit  deck      20 sections  north-east-lis-deck.pptx",
        "Draft strategy                   document  20 sections  north-east-lis-draft.docx",
        "Digital summit                   deck      10 sections  north-east-lis-digital-deck.pptx",
        "LEP Board briefing               deck      5 sections   north-east-lis-board-briefing.pptx",
    ]


def test_build_one_pack_all_packs_or_all_of_a_kind(
    project_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert main(["build", str(project_dir), "-o", str(out), "--pack", "LEP Board briefing", "-q"]) == 0
    assert _out(capsys) == [str(out / "north-east-lis-board-briefing.pptx")]
    assert len(Presentation(str(out / "north-east-lis-board-briefing.pptx")).slides) == 6
    assert main(["build", str(project_dir), "-o", str(out), "--all", "--only", "deck", "-q"]) == 0
    assert [Path(p).name for p in _out(capsys)] == [
        "north-east-lis-deck.pptx",
        "north-east-lis-digital-deck.pptx",
        "north-east-lis-board-briefing.pptx",
    ]
    assert main(["build", str(project_dir), "-o", str(out), "--pack", "digital summit", "--only", "doc"]) == 2
    assert "None of the packs chosen is a document" in capsys.readouterr().err


def test_an_unknown_pack_is_named_and_nothing_is_written(
    project_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["build", str(project_dir), "-o", str(tmp_path / "out"), "--pack", "Energy summit"]) == 2
    err = capsys.readouterr().err
    assert "no pack called 'Energy summit'" in err and "'LEP Board briefing'" in err
    assert not (tmp_path / "out").exists()


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


def test_snapshot_edit_and_diff_round_trip(
    project_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(project_dir)  # 'neslis snapshot NAME' works on the project in the current folder
    assert main(["snapshot", "sent to Steering Group, 12 March"]) == 0
    snapshot = Path(_out(capsys)[0])
    assert snapshot == Path("snapshots/sent-to-steering-group-12-march")
    assert main(["check", str(project_dir)]) == 0
    assert "OK (20 sections" in capsys.readouterr().out, "the snapshot folder does not confuse the loader"

    # The edits, as an officer makes them in the files: a section moved, a word changed.
    _edit(project_dir / "project.yaml", "- governance\n", "")
    _edit(project_dir / "project.yaml", "- next-steps\n", "- next-steps\n- governance\n")
    _edit(project_dir / "sections" / "productivity.yaml", "means more output", "means **much more output**")

    assert main(["diff", "sent to Steering Group, 12 March", str(project_dir)]) == 0
    lines = _out(capsys)
    assert lines[0].startswith('Changes from snapshot "sent to Steering Group, 12 March" (taken ')
    assert lines[1:] == [
        "",
        "What is productivity?",
        '  Changed paragraph "Improving productivity means much more output…": '
        "Improving productivity means [-more output-] **{+much more output+}** can be produced with…",
        "",
        GOVERNANCE,
        '  Moved: now after "Next steps"',
    ]

    report = tmp_path / "changes.md"
    assert main(["diff", str(snapshot), str(project_dir), "-o", str(report)]) == 0
    assert _out(capsys) == [str(report)]
    markdown = report.read_text("utf-8").splitlines()
    assert markdown[0].startswith('# Changes from snapshot "sent to Steering Group, 12 March"')
    assert f"## {GOVERNANCE}" in markdown and '- Moved: now after "Next steps"' in markdown

    assert main(["packs", str(project_dir)]) == 0
    assert _out(capsys)[-1].startswith('Snapshot "sent to Steering Group, 12 March" (taken ')


def test_diff_two_folders(bundled_dir: Path, project_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _edit(project_dir / "project.yaml", "event: LIS Summit", "event: Digital Summit")
    assert main(["diff", str(bundled_dir), str(project_dir)]) == 0
    assert _out(capsys)[1:] == ["", "Title page", "  Changed event: [-LIS-] {+Digital+} Summit"]


def test_diff_of_something_that_is_no_project(
    project_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["diff", str(tmp_path / "nowhere"), str(tmp_path / "neither")]) == 2
    assert "is not a project folder" in capsys.readouterr().err
    assert main(["diff", "LEP Board, May", str(project_dir)]) == 2
    assert 'has no snapshot called "LEP Board, May"' in capsys.readouterr().err


def test_a_deleted_section_a_pack_names_is_reported_not_fatal(
    project_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _edit(project_dir / "project.yaml", "- next-steps\n", "")
    assert main(["check", str(project_dir)]) == 1
    err = capsys.readouterr().err
    assert "field 'pack 3, section 4': pack 'Digital summit' names section 'next-steps', which is not in" in err
    assert f"{project_dir / 'project.yaml'}, line " in err
    assert main(["build", str(project_dir), "-o", str(tmp_path / "out"), "--pack", "Digital summit"]) == 2
    assert "pack 'Digital summit' names section 'next-steps'" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()
    # The packs that do not name it still build.
    assert main(["build", str(project_dir), "-o", str(tmp_path / "out"), "-q"]) == 0
    assert len(_out(capsys)) == 2
