"""Packs built from the bundled project: the right slides and headings, valid files, all or nothing."""

from __future__ import annotations

import datetime as dt
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from pptx import Presentation

from neslis_desktop.errors import ContentError, NeslisError, OutputError, TemplateError
from neslis_desktop.model import CardsBlock, Project
from neslis_desktop.model.packs import Pack, TagPick
from neslis_desktop.render.pack import build_pack
from neslis_desktop.render.packs import build_packs, find_pack, main_packs, pack_view
from neslis_desktop.store import load_project, save_project
from neslis_desktop.store.snapshots import take_snapshot

CONTEXT = [
    "What is the UK Industrial Strategy?",
    "What is productivity?",
    "How is the UK Industrial Strategy structured?",
    "What is the North East Local Industrial Strategy?",
    "How does the Local Industrial Strategy fit with the North East Strategic Economic Plan?",
    "North East Local Industrial Strategy governance",
    "Progress to date",
]


def _titles(path: Path) -> list[str]:
    prs = Presentation(str(path))
    return [s.shapes.title.text if s.shapes.title is not None else "" for s in prs.slides]


def _slide_text(path: Path, index: int) -> str:
    slide = Presentation(str(path)).slides[index]
    return "\n".join(sh.text_frame.text for sh in slide.shapes if sh.has_text_frame)


def _headings(path: Path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs if p.style.name == "Heading 1"]


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()} if folder.exists() else {}


def test_the_bundled_packs_share_the_context_sections(project: Project) -> None:
    names = [p.name for p in project.all_packs()]
    assert names == ["Health and Life Sciences summit", "Draft strategy", "Digital summit", "LEP Board briefing"]
    assert [p.name for p in main_packs(project)] == ["Health and Life Sciences summit", "Draft strategy"]
    digital = pack_view(project, find_pack(project, "digital SUMMIT"))
    assert [s.title for s in digital.sections] == [
        *CONTEXT,
        "Questions?",
        "Developing an evidence base for North East LIS",
        "Next steps",
    ]
    # Shared, not copied: the digital pack's sections are the project's own objects.
    assert digital.sections[0] is project.sections[0]
    assert digital.meta.subtitle == "Digital" and digital.meta.event == project.meta.event


def test_every_bundled_pack_builds_and_reopens(project_dir: Path, tmp_path: Path, validate: Callable[..., str]) -> None:
    project = load_project(project_dir)
    result = build_packs(project, project.all_packs(), tmp_path / "out", folder=project_dir)
    out = tmp_path / "out"
    assert result.paths == [
        out / "north-east-lis-deck.pptx",
        out / "north-east-lis-draft.docx",
        out / "north-east-lis-digital-deck.pptx",
        out / "north-east-lis-board-briefing.pptx",
    ]
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in result.paths)
    digital = _titles(out / "north-east-lis-digital-deck.pptx")
    assert digital == [
        "North East Local Industrial Strategy",
        *CONTEXT,
        "Questions?",
        "Developing an evidence base for North East LIS",
        "Next steps",
    ]
    assert "Digital" in _slide_text(out / "north-east-lis-digital-deck.pptx", 0)
    board = out / "north-east-lis-board-briefing.pptx"
    assert _titles(board)[1:] == [
        "What is the North East Local Industrial Strategy?",
        "North East Local Industrial Strategy governance",
        "Progress to date",
        "Proposed approach to Health and Life Sciences in the North East LIS",
        "Next steps",
    ]
    cover = _slide_text(board, 0)
    assert "LEP Board briefing" in cover and "North East LEP Board" in cover and "LIS Summit" not in cover
    full = _titles(out / "north-east-lis-deck.pptx")
    assert len(full) > len(digital) and full[1:8] == CONTEXT
    assert _headings(out / "north-east-lis-draft.docx")[:2] == CONTEXT[:2]
    validate(*result.paths)


def test_a_pack_takes_its_own_template_from_the_project_folder(
    project_dir: Path,
    tmp_path: Path,
    pandoc_reference: Callable[[str], Path],
    validate: Callable[..., str],
) -> None:
    shutil.copy(pandoc_reference("pptx"), project_dir / "partner.pptx")
    project = load_project(project_dir)
    pack = Pack(name="Partner deck", kind="deck", template="partner.pptx", sections=[TagPick(tag="context")])
    project.packs.append(pack)
    result = build_packs(project, [pack], tmp_path / "out", folder=project_dir)
    (path,) = result.paths
    assert path.name == "north-east-lis-partner-deck.pptx"
    reference = Presentation(str(project_dir / "partner.pptx"))
    built = Presentation(str(path))
    assert (built.slide_width, built.slide_height) == (reference.slide_width, reference.slide_height)
    # Pandoc's slides are smaller: a long section may continue on a second slide.
    assert [t for t in _titles(path)[1:] if not t.endswith("(continued)")] == CONTEXT
    validate(path)


def test_a_pack_with_a_bad_template_writes_nothing(project_dir: Path, tmp_path: Path) -> None:
    project = load_project(project_dir)
    out = tmp_path / "out"
    build_packs(project, main_packs(project), out, folder=project_dir)
    before = _files(out)
    (project_dir / "broken.pptx").write_bytes(b"not a presentation")
    project.packs[2].template = "broken.pptx"
    with pytest.raises(TemplateError, match=r"broken\.pptx"):
        build_packs(project, project.all_packs(), out, folder=project_dir)
    assert _files(out) == before


def test_a_failed_output_puts_every_earlier_one_back(project_dir: Path, tmp_path: Path) -> None:
    project = load_project(project_dir)
    out = tmp_path / "out"
    build_packs(project, main_packs(project), out, folder=project_dir)
    (out / "north-east-lis-board-briefing.pptx").mkdir()  # the last target cannot be replaced
    before = _files(out)
    with pytest.raises(OutputError):
        build_packs(project, project.all_packs(), out, folder=project_dir)
    assert _files(out) == before
    left = sorted(p.name for p in out.iterdir())
    assert left == sorted([*before, "north-east-lis-board-briefing.pptx"]), "no temporary file is left"


def test_problems_in_packs_stop_the_build(project: Project, tmp_path: Path) -> None:
    project.packs[2].sections = ["productivity", "no-such-section"]
    with pytest.raises(ContentError, match="pack 'Digital summit' names section 'no-such-section'"):
        build_packs(project, project.all_packs(), tmp_path / "out")
    project.packs[2].sections = []
    with pytest.raises(NeslisError, match="Pack 'Digital summit' takes no section"):
        build_packs(project, [project.packs[2]], tmp_path / "out")
    assert not (tmp_path / "out").exists()
    with pytest.raises(NeslisError, match=r"no pack called 'Energy summit'\. Its packs are: 'Health"):
        find_pack(project, "Energy summit")


def _edit_since_snapshot(folder: Path) -> Project:
    """Take a snapshot, then make the edits an officer makes before the next meeting."""
    take_snapshot(folder, "sent to Steering Group, 12 March", now=dt.datetime(2020, 3, 12, 9, 0))
    project = load_project(folder)
    block = project.section("evidence-base").blocks[0]
    assert isinstance(block, CardsBlock)
    block.cards[2].body = block.cards[2].body.replace("Commissioned review", "Commissioned **independent** review")
    project.sections.append(project.sections.pop([s.id for s in project.sections].index("governance")))
    since = "sent to Steering Group, 12 March"
    project.packs += [
        Pack(name="Steering Group draft", kind="document", changes_since=since),
        Pack(
            name="Steering Group deck",
            kind="deck",
            changes_since=since,
            sections=["evidence-base", "governance", "next-steps"],
        ),
    ]
    save_project(project, folder)
    return load_project(folder)


def test_changes_since_a_snapshot_open_the_pack(
    project_dir: Path, tmp_path: Path, validate: Callable[..., str]
) -> None:
    project = _edit_since_snapshot(project_dir)
    packs = [find_pack(project, "Steering Group draft"), find_pack(project, "Steering Group deck")]
    draft, deck = build_packs(project, packs, tmp_path / "out", folder=project_dir).paths
    title = 'Changes since "sent to Steering Group, 12 March"'

    document = docx.Document(str(draft))
    assert _headings(draft)[:2] == [title, CONTEXT[0]]
    rows = [[cell.text for cell in row.cells] for row in document.tables[0].rows]
    assert rows == [
        ["Section", "What changed"],
        [
            "Developing an evidence base for North East LIS",
            'Cards "Builds on earlier research undertaken in…": changed card "Commissioned independent review of North '
            'East…", body: "independent" added',
        ],
        ["North East Local Industrial Strategy governance", 'Moved: now after "Next steps"'],
    ]

    # The deck lists its sections by id, so its order, and its slide, do not follow the project's move.
    assert _titles(deck)[1:] == [
        title,
        "Developing an evidence base for North East LIS",
        "North East Local Industrial Strategy governance",
        "Next steps",
    ]
    slide = _slide_text(deck, 1)
    assert "Developing an evidence base for North East LIS" in slide and '"independent" added' in slide
    assert "Moved" not in slide
    validate(draft, deck)


def test_changes_since_a_missing_snapshot_is_refused(project_dir: Path, tmp_path: Path) -> None:
    project = load_project(project_dir)
    pack = Pack(name="Board update", kind="deck", changes_since="LEP Board, May")
    project.packs.append(pack)
    with pytest.raises(ContentError, match='has no snapshot called "LEP Board, May"'):
        build_packs(project, [pack], tmp_path / "out", folder=project_dir)
    assert not (tmp_path / "out").exists()


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as package:
        # The core properties hold the time of writing; every other part must be the same.
        return {n: package.read(n) for n in package.namelist() if n != "docProps/core.xml"}


def test_the_main_packs_are_the_deck_and_draft_build_pack_makes(project: Project, tmp_path: Path) -> None:
    """The bundled project's packs change nothing in its deck and draft (build_pack is the app's path)."""
    before = build_pack(project, tmp_path / "before")
    after = build_packs(project, main_packs(project), tmp_path / "after")
    assert [p.name for p in after.paths] == [p.name for p in before.paths]
    for old, new in zip(before.paths, after.paths, strict=True):
        assert _parts(new) == _parts(old), new.name


def test_the_checks_of_a_build_read_as_the_files_on_disk_read(project: Project, tmp_path: Path) -> None:
    """The build checks its deck and draft in memory: the findings are those of the files as written."""
    from neslis_desktop.render.a11y import check_file
    from neslis_desktop.resources import bundled_doc_template

    small = tmp_path / "small-text.docx"  # a partner's template whose body text is 9 pt
    with zipfile.ZipFile(bundled_doc_template()) as src, zipfile.ZipFile(small, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "word/styles.xml":
                data = data.replace(b'<w:sz w:val="24"/>', b'<w:sz w:val="18"/>')
            dst.writestr(item, data)
    result = build_pack(project, tmp_path / "out", doc_template=small, check_accessibility=True)
    by_kind = {report.kind: report for report in result.accessibility}
    assert "text-size" in {f.rule for f in by_kind["document"].findings}, "the mutated template has small text"
    for report in result.accessibility:
        assert report.text() == check_file(report.path).text()


def test_a_large_deck_is_let_go_before_the_next_file_is_built(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A built deck is checked and freed before the draft is built, so the two are never held
    at once (a pack of 500 charts and 500 tables peaked at 369 MB with both, 249 MB without)."""
    import weakref

    import neslis_desktop.render.deck as deck_module
    import neslis_desktop.render.draft as draft_module
    import neslis_desktop.render.packs as packs_module

    monkeypatch.setattr(packs_module, "LARGE_DECK", 1)  # the bundled deck counts as large here
    decks: list[weakref.ref[object]] = []
    alive_at_draft: list[bool] = []
    real_deck, real_draft = deck_module.build_deck, draft_module.build_draft

    def deck_spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        built = real_deck(*args, **kwargs)
        decks.append(weakref.ref(built.prs))
        return built

    def draft_spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        alive_at_draft.append(any(ref() is not None for ref in decks))
        return real_draft(*args, **kwargs)

    monkeypatch.setattr(deck_module, "build_deck", deck_spy)
    monkeypatch.setattr(draft_module, "build_draft", draft_spy)
    result = build_pack(project, tmp_path / "out", check_accessibility=True)
    assert len(decks) == 1 and alive_at_draft == [False]
    assert [report.kind for report in result.accessibility] == ["deck", "document"]
    for report in result.accessibility:  # still the findings of the files as written
        from neslis_desktop.render.a11y import check_file

        assert report.text() == check_file(report.path).text()
