"""Messages for a person writing the files by hand: each file here is typed as text, not dumped,
and each test asserts the exact words the user sees."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from handwritten import HAND_PROJECT, write_by_hand

from neslis_desktop.cli import main
from neslis_desktop.errors import ContentError
from neslis_desktop.store import load_project


def _problems(folder: Path) -> list[str]:
    with pytest.raises(ContentError) as exc:
        load_project(folder)
    return [str(p) for p in exc.value.problems]


def _intro(folder: Path, text: str) -> Path:
    path = folder / "sections" / "intro.yaml"
    write_by_hand(folder, {"sections/intro.yaml": text})
    return path


def test_tab_in_indentation_says_so_and_shows_the_line(hand_dir: Path) -> None:
    path = _intro(hand_dir, "title: Introduction\nblocks:\n- kind: bullets\n\titems:\n  - One\n")
    assert _problems(hand_dir) == [
        f"{path}, line 4, field 'items': is not valid YAML: this line is indented with a tab, and YAML indents with "
        "spaces only; replace the tab with spaces. The line: [tab]items:"
    ]


def test_tab_after_a_list_dash(hand_dir: Path) -> None:
    path = _intro(hand_dir, "title: Introduction\nblocks:\n-\tkind: paragraph\n  text: x\n")
    assert _problems(hand_dir) == [
        f"{path}, line 3, field 'kind': is not valid YAML: this line is indented with a tab, and YAML indents with "
        "spaces only; replace the tab with spaces. The line: -[tab]kind: paragraph"
    ]


def test_unquoted_colon_says_to_quote_with_the_line(hand_dir: Path) -> None:
    path = _intro(
        hand_dir,
        ("title: Introduction\nblocks:\n- kind: bullets\n  lead: It sets out how: we will grow\n  items:\n  - One\n"),
    )
    assert _problems(hand_dir) == [
        f"{path}, line 4, field 'lead': is not valid YAML: this line has a second ': '; put the text in quotes, "
        'like this: lead: "It sets out how: we will grow"'
    ]


def test_colon_in_a_bullet_is_one_message_not_two(hand_dir: Path) -> None:
    path = _intro(hand_dir, "title: Introduction\nblocks:\n- kind: bullets\n  items:\n  - Our aim: growth\n")
    assert _problems(hand_dir) == [
        f"{path}, line 5, field 'block 1, item 1, Our aim': is not a field name: this line has a second ': ', "
        "so the text before it was read as one; put the text in quotes"
    ]


def test_huge_number_is_too_long(hand_dir: Path) -> None:
    path = _intro(hand_dir, "title: Introduction\nblocks:\n- kind: cards\n  columns: " + "1" * 6000 + "\n")
    assert _problems(hand_dir) == [
        f"{path}, line 4, field 'columns': this number is too long (6,000 digits); write a shorter number, or put "
        "it in quotes if it is text"
    ]


def test_deep_nesting(hand_dir: Path) -> None:
    path = _intro(hand_dir, "title: Introduction\nblocks: " + "[" * 2000 + "]" * 2000 + "\n")
    assert _problems(hand_dir) == [
        f"{path}, line 2: is not valid YAML: lists and fields are nested far too deeply (more levels than any "
        "content file needs); flatten them"
    ]


def test_symlink_loop(hand_dir: Path) -> None:
    path = hand_dir / "sections" / "intro.yaml"
    path.unlink()
    try:
        path.symlink_to(path)
    except OSError:
        pytest.skip("this system does not allow symbolic links")
    assert _problems(hand_dir) == [
        f"{path}: is a link that leads back to itself (a loop), so it cannot be read; replace it with the "
        "section's YAML text file"
    ]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_fifo_is_not_read(hand_dir: Path) -> None:
    path = hand_dir / "sections" / "intro.yaml"
    path.unlink()
    os.mkfifo(path)  # opening it to read would wait for ever
    assert _problems(hand_dir) == [
        f"{path}: is a named pipe (FIFO), not a file, so it was not read (it would wait for ever); replace it "
        "with the section's YAML text file"
    ]


def test_project_file_that_is_a_folder(hand_dir: Path) -> None:
    path = hand_dir / "project.yaml"
    path.unlink()
    path.mkdir()
    assert _problems(hand_dir) == [
        f"{path}: is a folder, not a file; it should be the project's YAML text file (project.yaml: "
        "schema_version, title and the list of sections)"
    ]


def test_unknown_parent_is_reported_at_the_boxs_parent_line(hand_dir: Path) -> None:
    path = hand_dir / "sections" / "governance.yaml"
    write_by_hand(
        hand_dir,
        {
            "sections/governance.yaml": (
                "title: Governance\n"
                "blocks:\n"
                "- kind: orgchart\n"
                "  nodes:\n"
                "  - id: board\n"
                "    title: LEP Board\n"
                "  - id: group\n"
                "    title: Working Group\n"
                "    parent: bored\n"
            )
        },
    )
    assert _problems(hand_dir) == [
        f"{path}, line 9, field 'block 1, node 2, parent': 'bored' is not the id of a box in this org chart; "
        "use one of: board, group"
    ]


_TIMELINE = """\
title: Progress
blocks:
- kind: timeline
  start: 2019-01
  end: 2019-06
  lanes:
  - name: Evidence
    milestones:
    - month: {month}
      text: Report
  spans:
  - text: Monthly meetings
    start: 2019-02
    end: 2019-03
    lane: Evidense
"""


@pytest.mark.parametrize(
    ("month", "other"),
    [
        # A field error: the model's own cross-checks never run.
        (
            "2019-13",
            "line 9, field 'block 1, lane 1, milestone 1, month': '2019-13' is not a month; write year "
            "and month like '2019-08'",
        ),
        # A block-level error the model finds first, before it would reach the span.
        (
            "2019-09",
            "line 3, field 'block 1': milestone 'Report' in lane 'Evidence' is dated 2019-09, outside the "
            "timeline's 2019-01 to 2019-06",
        ),
    ],
    ids=["with-a-field-error", "with-a-block-error"],
)
def test_misspelt_lane_is_reported_beside_another_error(hand_dir: Path, month: str, other: str) -> None:
    path = hand_dir / "sections" / "intro.yaml"
    write_by_hand(hand_dir, {"sections/intro.yaml": _TIMELINE.format(month=month)})
    assert _problems(hand_dir) == [
        f"{path}, {other}",
        f"{path}, line 15, field 'block 1, span 1, lane': 'Evidense' is not the name of a lane in this timeline; "
        "use one of: Evidence",
    ]


def test_misspelt_lane_alone_is_reported_once(hand_dir: Path) -> None:
    path = hand_dir / "sections" / "intro.yaml"
    write_by_hand(hand_dir, {"sections/intro.yaml": _TIMELINE.format(month="2019-03")})
    assert _problems(hand_dir) == [
        f"{path}, line 15, field 'block 1, span 1, lane': 'Evidense' is not the name of a lane in this timeline; "
        "use one of: Evidence",
    ]


def test_windows_device_name_as_section(hand_dir: Path) -> None:
    write_by_hand(hand_dir, {"project.yaml": HAND_PROJECT + "- Con\n", "sections/con.yaml": "title: Con\n"})
    assert _problems(hand_dir) == [
        f"{hand_dir / 'project.yaml'}, line 7, field 'sections, item 3': 'Con' is a name Windows keeps for a "
        "device (CON), so no file can be called that; choose another name, such as 'con-1' (and rename its file "
        "in sections/ to match)"
    ]


def test_check_notes_an_unlisted_section_file_and_passes(hand_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    extra = hand_dir / "sections" / "old-draft.yaml"
    write_by_hand(hand_dir, {"sections/old-draft.yaml": "title: An old draft\n"})
    assert main(["check", str(hand_dir)]) == 0
    captured = capsys.readouterr()
    assert captured.err == (
        f"note: {extra}: is not listed in project.yaml, so it is not part of the project and was not checked; "
        "to include it, add '- old-draft' under 'sections:' in project.yaml, or else delete the file\n"
    )
    assert captured.out == f"{hand_dir}: OK (2 sections, 2 blocks)\n"


def test_check_fails_a_project_without_sections(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = write_by_hand(
        tmp_path / "empty",
        {
            "project.yaml": "schema_version: 2\ntitle: Nothing yet\norganisation: Test LEP\nsections: []\n",
        },
    )
    assert main(["check", str(folder)]) == 1
    assert capsys.readouterr().err == (
        f"{folder / 'project.yaml'}, field 'sections': the project has no sections, so there is nothing to "
        "build; add a section first\n"
    )
    assert main(["build", str(folder), "-o", str(tmp_path / "out")]) == 2
    assert "no sections, so there is nothing to build" in capsys.readouterr().err
