"""The ``neslis`` command line: exit codes, messages without tracebacks, files only on success."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document
from pptx import Presentation

from neslis_desktop.cli import main

REPO = Path(__file__).resolve().parent.parent


def _digest(folder: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(folder.rglob("*")):
        if p.is_file():
            h.update(p.relative_to(folder).as_posix().encode() + p.read_bytes())
    return h.hexdigest()


def test_build_writes_both_files_that_open(
    project_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert main(["build", str(project_dir), "-o", str(out)]) == 0
    printed = capsys.readouterr().out.split()
    assert printed == [str(out / "north-east-lis-deck.pptx"), str(out / "north-east-lis-draft.docx")]
    assert len(Presentation(printed[0]).slides) > 0
    assert len(Document(printed[1]).paragraphs) > 0


def test_the_build_program_collects_garbage_while_it_builds(project_dir: Path, tmp_path: Path) -> None:
    """``neslis build`` turns the collector off while it imports and loads (cli._collect_from_here),
    and on again, with that much frozen, before building; a caller of ``main`` keeps its own."""
    out = tmp_path / "out"
    code = (
        "import gc, sys\n"
        "import neslis_desktop.render.packs as packs\n"
        "real = packs.build_packs\n"
        "def spy(*args, **kwargs):\n"
        "    print('collector', gc.isenabled(), gc.get_freeze_count() > 0, flush=True)\n"
        "    return real(*args, **kwargs)\n"
        "packs.build_packs = spy\n"
        "from neslis_desktop import cli\n"
        f"sys.argv = ['neslis', 'build', {str(project_dir)!r}, '-o', {str(out)!r}]\n"
        "cli.run()\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[0] == "collector True True"
    assert len(Presentation(str(out / "north-east-lis-deck.pptx")).slides) > 0

    import gc

    frozen = gc.get_freeze_count()
    assert main(["build", str(project_dir), "-o", str(tmp_path / "again")]) == 0
    assert gc.isenabled() and gc.get_freeze_count() == frozen


@pytest.mark.parametrize(("only", "suffix"), [("deck", ".pptx"), ("doc", ".docx")])
def test_build_only(
    project_dir: Path, tmp_path: Path, only: str, suffix: str, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert main(["build", str(project_dir), "-o", str(out), "--only", only]) == 0
    assert [p.suffix for p in out.iterdir()] == [suffix]


def test_corrupted_file_exit_2_names_file_writes_nothing(project_dir: Path, tmp_path: Path) -> None:
    victim = sorted((project_dir / "sections").glob("*.yaml"))[2]
    victim.write_text(victim.read_text("utf-8") + "\n  : : broken [\n", "utf-8")
    before = _digest(project_dir)
    out = tmp_path / "out"
    proc = subprocess.run(
        [sys.executable, "-m", "neslis_desktop", "build", str(project_dir), "-o", str(out)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
    )
    assert proc.returncode == 2
    assert str(victim) in proc.stderr and "is not valid YAML" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert proc.stdout == ""
    assert not out.exists() or not any(out.iterdir())
    assert _digest(project_dir) == before


def test_check_ok_and_problems(project_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(project_dir)]) == 0
    assert "OK (" in capsys.readouterr().out
    path = project_dir / "project.yaml"
    path.write_text(path.read_text("utf-8").replace("organisation:", "organization:"), "utf-8")
    assert main(["check", str(project_dir)]) == 1
    err = capsys.readouterr().err
    assert "field 'organisation': is required but missing" in err
    assert "field 'organization': is not a field this item can have" in err


def test_empty_project_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "empty"
    folder.mkdir()
    (folder / "project.yaml").write_text("schema_version: 2\ntitle: Empty\norganisation: Me\n", "utf-8")
    assert main(["build", str(folder), "-o", str(tmp_path / "out")]) == 2
    assert "no sections" in capsys.readouterr().err
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_schema_matches_committed_copy(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    printed = json.loads(capsys.readouterr().out)
    committed = json.loads((REPO / "schema" / "neslis-content.schema.json").read_text("utf-8"))
    assert printed == committed, "the content schema drifted: run 'make schema' and commit the result"


def test_schema_documents_every_field(capsys: pytest.CaptureFixture[str]) -> None:
    main(["schema"])
    schema = json.loads(capsys.readouterr().out)
    undocumented = [
        f"{name}.{field}"
        for name, definition in [("ProjectFile", schema), *schema["$defs"].items()]
        for field, prop in definition.get("properties", {}).items()
        if field != "kind" and not prop.get("description")
    ]
    assert undocumented == []


def test_check_and_schema_import_no_office_library(project_dir: Path) -> None:
    # `neslis check` and `neslis schema` need no renderer: python-pptx, python-docx and lxml
    # stay unimported, so scripts that only check content start fast.
    probe = (
        "import sys\n"
        "from neslis_desktop.cli import main\n"
        "code = main(sys.argv[1:])\n"
        "heavy = sorted(m for m in ('pptx', 'docx', 'lxml', 'neslis_desktop.render') if m in sys.modules)\n"
        "print('HEAVY', heavy, file=sys.stderr)\n"
        "sys.exit(code)\n"
    )
    for args in (["check", str(project_dir)], ["schema"]):
        done = subprocess.run([sys.executable, "-c", probe, *args], capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stderr
        assert "HEAVY []" in done.stderr, (args, done.stderr)
