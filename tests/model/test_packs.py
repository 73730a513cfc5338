"""Packs pick shared sections by id and tag, name their files, and say in words what is wrong."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from neslis_desktop.model import ParagraphBlock, Project, ProjectMeta, Section
from neslis_desktop.model.packs import Pack, PackKind, TagPick, pack_problems, pack_sections, rename_section_in_packs


def _project(*packs: Pack) -> Project:
    def section(sid: str, *tags: str) -> Section:
        return Section(id=sid, title=sid.title(), tags=list(tags), blocks=[ParagraphBlock(text=f"About {sid}.")])

    return Project(
        meta=ProjectMeta(title="Strategy", organisation="LEP", slug="lis", event="LIS Summit", audience="partners"),
        sections=[
            section("vision", "context"),
            section("digital", "digital"),
            section("skills", "context"),
            section("health", "health"),
            section("next", "close"),
        ],
        packs=list(packs),
    )


def _ids(pack: Pack, project: Project) -> list[str]:
    return [s.id for s in pack_sections(pack, project.sections)]


def test_no_packs_means_a_deck_and_a_draft_of_every_section() -> None:
    project = _project()
    packs = project.all_packs()
    assert [(p.kind, p.file_name(project.meta)) for p in packs] == [
        (PackKind.DECK, "lis-deck.pptx"),
        (PackKind.DOCUMENT, "lis-draft.docx"),
    ]
    assert all(_ids(p, project) == ["vision", "digital", "skills", "health", "next"] for p in packs)


def test_tags_and_ids_in_the_pack_order() -> None:
    pack = Pack(name="Digital summit", kind="deck", sections=[TagPick(tag="context"), "digital", "next"])
    project = _project(pack)
    assert _ids(pack, project) == ["vision", "skills", "digital", "next"]
    assert pack.file_name(project.meta) == "lis-digital-summit.pptx"


def test_a_new_tagged_section_joins_every_pack_taking_the_tag() -> None:
    summit = Pack(name="Digital", kind="deck", sections=[{"tag": "context"}, "digital"])
    board = Pack(name="Board", kind="deck", sections=["next", {"tag": "context"}])
    project = _project(summit, board)
    project.sections.insert(
        1, Section(id="targets", title="Targets", tags=["context"], blocks=[ParagraphBlock(text="Six targets.")])
    )
    assert _ids(summit, project) == ["vision", "targets", "skills", "digital"]
    assert _ids(board, project) == ["next", "vision", "targets", "skills"]


def test_a_section_named_again_after_its_tag_is_taken_once() -> None:
    pack = Pack(name="P", kind="deck", sections=[{"tag": "context"}, "skills", "next"])
    assert _ids(pack, _project(pack)) == ["vision", "skills", "next"]


def test_title_facts_override_the_projects() -> None:
    pack = Pack(name="Board", kind="deck", event="LEP Board", date="2020-03-12", subtitle="Briefing")
    meta = pack.title_meta(_project().meta)
    assert (meta.event, meta.date, meta.subtitle, meta.audience) == (
        "LEP Board",
        dt.date(2020, 3, 12),
        "Briefing",
        "partners",
    )
    assert meta.title == "Strategy"


def test_problems_are_said_in_words() -> None:
    project = _project(
        Pack(name="Summit", kind="deck", sections=["vision", "visoin", {"tag": "contxt"}, "vision"]),
        Pack(name="summit", kind="document"),
        Pack(name="Other", kind="deck", slug="lis-summit"),
    )
    problems = dict(pack_problems(project))
    assert problems[("packs", 0, "sections", 1)] == (
        "pack 'Summit' names section 'visoin', which is not in this project; use a section id from the project's "
        "'sections' list"
    )
    assert problems[("packs", 0, "sections", 2, "tag")] == (
        "pack 'Summit' takes sections tagged 'contxt', but no section has that tag; tags in use: close, context, "
        "digital, health"
    )
    assert problems[("packs", 0, "sections", 3)] == "pack 'Summit' lists section 'vision' twice"
    assert problems[("packs", 1, "name")] == "pack name 'summit' is used twice; give each pack its own name"
    assert problems[("packs", 2, "slug")] == (
        "packs 'Summit' and 'Other' would both write lis-summit.pptx; give one of them another slug"
    )
    assert len(problems) == 5


def test_a_deck_and_a_document_may_share_a_slug() -> None:
    project = _project(Pack(name="A", kind="deck", slug="lis"), Pack(name="B", kind="document", slug="lis"))
    assert pack_problems(project) == []


@pytest.mark.parametrize(
    ("slug", "words"),
    [
        ("con", "Windows keeps for a device"),
        ("lpt1", "Windows keeps for a device"),
        ("Board Pack", "not a valid identifier"),
        ("board/pack", "not a valid identifier"),
        ("board..pack", "not a valid identifier"),
    ],
)
def test_file_slugs_are_windows_safe(slug: str, words: str) -> None:
    with pytest.raises(ValidationError, match=words):
        Pack(name="Board", kind="deck", slug=slug)


def test_kind_and_unknown_fields_are_refused() -> None:
    with pytest.raises(ValidationError, match="kind"):
        Pack(name="Board", kind="slides")
    with pytest.raises(ValidationError, match="extra"):
        Pack.model_validate({"name": "Board", "kind": "deck", "colour": "red"})


def test_renaming_and_deleting_a_section_follows_into_packs() -> None:
    pack = Pack(name="P", kind="deck", sections=["vision", {"tag": "close"}, "skills"])
    rename_section_in_packs([pack], "vision", "our-vision")
    rename_section_in_packs([pack], "skills", None)
    assert pack.sections == ["our-vision", TagPick(tag="close")]
