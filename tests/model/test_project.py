"""Project-level rules: metadata, unique section ids, file naming."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from neslis_desktop.model import Project, ProjectMeta, Section, Status


def test_file_slug_falls_back_to_title() -> None:
    meta = ProjectMeta(title="North East LIS — Health & Life Sciences", organisation="NE LEP")
    assert meta.file_slug() == "north-east-lis-health-life-sciences"
    assert ProjectMeta(title="x", organisation="o", slug="mine").file_slug() == "mine"


@pytest.mark.parametrize("language", ["en-GB", "cy-GB", "en"])
def test_language_tags(language: str) -> None:
    assert ProjectMeta(title="t", organisation="o", language=language).language == language


@pytest.mark.parametrize("language", ["english", "EN_gb", ""])
def test_bad_language_tag(language: str) -> None:
    with pytest.raises(ValidationError, match="language tag"):
        ProjectMeta(title="t", organisation="o", language=language)


def test_status_values() -> None:
    assert ProjectMeta(title="t", organisation="o", status="Final").status is Status.FINAL
    with pytest.raises(ValidationError):
        ProjectMeta(title="t", organisation="o", status="Done")


def test_section_ids_unique_and_new_ids() -> None:
    meta = ProjectMeta(title="t", organisation="o")
    with pytest.raises(ValidationError, match="used twice"):
        Project(meta=meta, sections=[Section(id="a", title="A"), Section(id="a", title="B")])
    project = Project(meta=meta, sections=[Section(id="questions", title="Questions?")])
    assert project.new_section_id("Questions?") == "questions-2"
    assert project.section("questions").title == "Questions?"


@pytest.mark.parametrize("bad", ["intro\n", "intro\r\n", "-intro", "intro--a", "Intro"])
def test_section_ids_allow_no_trailing_newline_or_odd_hyphens(bad: str) -> None:
    with pytest.raises(ValidationError, match="not a valid identifier"):
        Section(id=bad, title="T")
