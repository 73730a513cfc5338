"""A folder that is only read is never changed; an interrupted save is completed only when its
journal is one this program wrote, in this folder; only our own temporary files are removed."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

import pytest

from neslis_desktop.cli import main
from neslis_desktop.errors import ContentError
from neslis_desktop.model import ParagraphBlock, Project
from neslis_desktop.store import load_project, load_project_partial, save_project
from neslis_desktop.store.journal import JOURNAL, folder_key


def fingerprint(folder: Path) -> dict[str, str]:
    """Every entry under ``folder``, hidden ones too: files by hash, links by target, others by kind."""
    out = {}
    for p in sorted(folder.rglob("*")):
        rel = p.relative_to(folder).as_posix()
        if p.is_symlink():
            out[rel] = f"link to {os.readlink(p)}"
        elif p.is_file():
            out[rel] = hashlib.sha256(p.read_bytes()).hexdigest()
        else:
            out[rel] = "folder" if p.is_dir() else "other"
    return out


def _interrupt_after_journal(project: Project, folder: Path, monkeypatch: pytest.MonkeyPatch, renames: int = 0) -> None:
    """Save ``project`` into ``folder`` and die after the journal and ``renames`` files are in place."""
    calls = {"n": 0}
    real_replace = os.replace

    def die(src: object, dst: object) -> None:
        calls["n"] += 1
        if calls["n"] == 2 + renames:  # 1 is the journal itself
            raise KeyboardInterrupt
        real_replace(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", die)
    with pytest.raises(KeyboardInterrupt):
        save_project(project, folder)
    monkeypatch.undo()
    assert (folder / JOURNAL).exists()


def _changed(small: Project) -> Project:
    new = small.model_copy(deep=True)
    new.meta.title = "Small strategy, second draft"
    new.sections[0].blocks[0] = ParagraphBlock(text="after")
    del new.sections[1]  # governance.yaml is to be removed
    return new


def _journal(folder: Path, replace: list[tuple[str, str, bytes]], delete: list[str], home: str | None = None) -> None:
    plan = {
        "format": 2,
        "folder": folder_key(folder) if home is None else home,
        "replace": [{"temp": t, "target": r, "sha256": hashlib.sha256(d).hexdigest()} for t, r, d in replace],
        "delete": [{"target": r, "sha256": hashlib.sha256((folder / r).read_bytes()).hexdigest()} for r in delete],
    }
    (folder / JOURNAL).write_text(json.dumps(plan), "utf-8")


def _every_way_of_reading(folder: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, int, str]:
    """Check, build, strict and partial loads of ``folder``: the exit codes and what was said."""
    checked = main(["check", str(folder)])
    built = main(["build", str(folder), "-o", str(folder.parent / "out")])
    said = capsys.readouterr().err
    with pytest.raises(ContentError):
        load_project(folder)
    result = load_project_partial(folder)
    assert result.project is not None
    return checked, built, said + "\n".join(str(p) for p in result.problems)


# ----------------------------------------------------------------------------- hostile journals


def test_journal_deleting_a_section_file_changes_nothing(small_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project_bytes = (small_dir / "project.yaml").read_bytes()
    (small_dir / ".neslis-aaaa1111.tmp").write_bytes(project_bytes)  # the same project.yaml, still listing it
    _journal(small_dir, [(".neslis-aaaa1111.tmp", "project.yaml", project_bytes)], ["sections/governance.yaml"])
    before = fingerprint(small_dir)
    checked, built, said = _every_way_of_reading(small_dir, capsys)
    assert (checked, built) == (1, 2)
    assert fingerprint(small_dir) == before
    assert (
        f"{small_dir / JOURNAL}: is a save journal that was not applied, and no file was changed: it would remove "
        "sections/governance.yaml, which the new project.yaml still lists. If the folder came from someone else, "
        "delete this file; the project is then read as its files stand"
    ) in said
    assert not (small_dir.parent / "out").exists()


@pytest.mark.parametrize("name", [".project-review.yaml", ".neslis-bbbb2222.tmp"])
def test_hidden_file_swapped_in_as_project_file_changes_nothing(
    small_dir: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    hijack = (small_dir / "project.yaml").read_text("utf-8").replace("title: Small strategy", "title: HIJACKED title")
    (small_dir / name).write_text(hijack, "utf-8")
    # Hashes right, names right: only the folder it names gives it away (the sender's, not ours).
    _journal(small_dir, [(name, "project.yaml", hijack.encode())], [], home=r"C:\Users\sender\Documents\lis")
    before = fingerprint(small_dir)
    checked, built, said = _every_way_of_reading(small_dir, capsys)
    assert (checked, built) == (1, 2)
    assert fingerprint(small_dir) == before
    assert "HIJACKED" not in (small_dir / "project.yaml").read_text("utf-8")
    assert load_project_partial(small_dir).project.meta.title == "Small strategy"  # type: ignore[union-attr]
    assert r"no file was changed: it was written for a save in another folder (C:\Users\sender\Documents\lis)" in said


def test_hidden_file_swapped_in_same_folder_is_refused_by_its_name(small_dir: Path) -> None:
    hijack = (small_dir / "project.yaml").read_text("utf-8").replace("title: Small strategy", "title: HIJACKED title")
    (small_dir / ".project-review.yaml").write_text(hijack, "utf-8")
    _journal(small_dir, [(".project-review.yaml", "project.yaml", hijack.encode())], [])
    before = fingerprint(small_dir)
    result = load_project_partial(small_dir)
    assert [p.message for p in result.problems] == [
        "is a save journal that was not applied, and no file was changed: it would move '.project-review.yaml', "
        "which is not a temporary file of this program. If the folder came from someone else, delete this file; "
        "the project is then read as its files stand"
    ]
    assert fingerprint(small_dir) == before


def test_staged_file_edited_after_the_save_is_not_moved_in(
    small: Project, small_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _interrupt_after_journal(_changed(small), small_dir, monkeypatch)
    plan = json.loads((small_dir / JOURNAL).read_text("utf-8"))
    staged = small_dir / next(e["temp"] for e in plan["replace"] if e["target"] == "project.yaml")
    staged.write_text(staged.read_text("utf-8").replace("second draft", "HIJACKED"), "utf-8")
    before = fingerprint(small_dir)
    with pytest.raises(ContentError, match=r"the new project\.yaml it would move in is not the file the save wrote"):
        load_project(small_dir)
    assert fingerprint(small_dir) == before


def test_old_style_journal_is_never_applied(small_dir: Path) -> None:
    (small_dir / ".project.yaml.k2j3h4l5.tmp").write_text("schema_version: 2\ntitle: Old\n", "utf-8")
    plan = {"replace": [[".project.yaml.k2j3h4l5.tmp", "project.yaml"]], "delete": ["sections/intro.yaml"]}
    (small_dir / JOURNAL).write_text(json.dumps(plan), "utf-8")
    before = fingerprint(small_dir)
    with pytest.raises(ContentError, match="a journal of the older kind, which records no file hashes"):
        load_project(small_dir)
    assert fingerprint(small_dir) == before


# ----------------------------------------------------------------------------- our own interrupted saves


def test_check_reports_a_pending_save_and_changes_nothing(
    small: Project, small_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    new = _changed(small)
    _interrupt_after_journal(new, small_dir, monkeypatch)
    before = fingerprint(small_dir)
    assert main(["check", str(small_dir)]) == 0
    captured = capsys.readouterr()
    assert captured.err == (
        f"note: {small_dir / JOURNAL}: a save was interrupted before it finished; nothing was changed now. Opening "
        "the project will complete it (replace project.yaml and sections/intro.yaml; remove "
        "sections/governance.yaml); the project is read here as it will be then\n"
    )
    assert captured.out == f"{small_dir}: OK (2 sections, 3 blocks)\n"  # the project as it will be
    assert fingerprint(small_dir) == before
    assert load_project(small_dir, read_only=True) == new
    assert fingerprint(small_dir) == before


def test_open_completes_our_own_save_and_says_so(
    small: Project, small_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    new = _changed(small)
    _interrupt_after_journal(new, small_dir, monkeypatch, renames=1)  # project.yaml already moved in
    result = load_project_partial(small_dir)
    assert result.ok and result.project == new
    assert [str(n) for n in result.notes] == [
        f"{small_dir}: completed a save that had been interrupted (replaced sections/intro.yaml; removed "
        "sections/governance.yaml); the project is as that save left it"
    ]
    assert sorted(p.relative_to(small_dir).as_posix() for p in small_dir.rglob("*")) == [
        "project.yaml",
        "sections",
        "sections/intro.yaml",
        "sections/progress.yaml",
    ]


def test_build_says_it_completed_a_save(
    small: Project, small_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _interrupt_after_journal(_changed(small), small_dir, monkeypatch)
    assert main(["build", str(small_dir), "-o", str(tmp_path / "out"), "--only", "doc"]) == 0
    assert capsys.readouterr().err.startswith(
        f"note: {small_dir}: completed a save that had been interrupted (replaced project.yaml and "
        "sections/intro.yaml; removed sections/governance.yaml); the project is as that save left it\n"
    )
    assert not (small_dir / JOURNAL).exists()


def test_a_moved_folder_keeps_its_pending_save_until_moved_back(
    small: Project, small_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    new = _changed(small)
    _interrupt_after_journal(new, small_dir, monkeypatch)
    moved = small_dir.with_name("copied-elsewhere")
    shutil.copytree(small_dir, moved, symlinks=True)  # as unzipped from an email
    before = fingerprint(moved)
    with pytest.raises(ContentError, match="written for a save in another folder"):
        load_project(moved)
    assert fingerprint(moved) == before
    assert load_project(small_dir) == new  # where it was written, it completes


# ----------------------------------------------------------------------------- temporary files


def test_only_our_own_temporary_files_are_removed(
    small: Project, small_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    users = [
        small_dir / ".my-notes.backup1.tmp",
        small_dir / "sections" / ".intro.yaml.k2j3h4l5.tmp",
        small_dir / "sections" / ".neslis-notes.tmp",
        small_dir / "draft.tmp",
    ]
    for path in users:
        path.write_text("mine", "utf-8")
    ours = small_dir / "sections" / ".neslis-x7_k2m9q.tmp"
    ours.write_text("left by a save cut short", "utf-8")
    before = fingerprint(small_dir)

    assert main(["check", str(small_dir)]) == 0
    assert capsys.readouterr().err == (
        f"note: {small_dir}: holds 1 temporary file left by a save that was cut short before it changed anything "
        "(sections/.neslis-x7_k2m9q.tmp); nothing was changed now, and opening the project removes it\n"
    )
    assert fingerprint(small_dir) == before  # check removes nothing

    result = load_project_partial(small_dir)
    assert [n.message for n in result.notes] == [
        "removed 1 temporary file left by a save that was cut short before it changed anything "
        "(sections/.neslis-x7_k2m9q.tmp); the project is as it was before that save"
    ]
    assert not ours.exists()
    small.sections[0].title = "Changed"
    save_project(small, small_dir)
    assert all(path.read_text("utf-8") == "mine" for path in users)


def test_a_save_replaces_a_journal_it_cannot_trust_and_leaves_its_files(small: Project, small_dir: Path) -> None:
    hijack = small_dir / ".project-review.yaml"
    hijack.write_text("title: HIJACKED\n", "utf-8")
    _journal(small_dir, [(hijack.name, "project.yaml", hijack.read_bytes())], [])
    small.meta.title = "Saved by the user"
    save_project(small, small_dir)
    assert not (small_dir / JOURNAL).exists()
    assert hijack.read_text("utf-8") == "title: HIJACKED\n"
    assert load_project(small_dir) == small
