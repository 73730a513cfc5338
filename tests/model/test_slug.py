"""Identifiers are safe file names on Windows: device names and trailing dots or spaces are refused,
and the id maker never makes them."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from neslis_desktop.model import Project, ProjectMeta, Section
from neslis_desktop.model.text import WINDOWS_DEVICES, slugify, windows_name_problem

DEVICES = ["con", "nul", "aux", "prn", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))]


def test_the_device_list_is_complete() -> None:
    assert set(DEVICES) == WINDOWS_DEVICES


@pytest.mark.parametrize("name", [*DEVICES, "CON", "Nul", "lPt9", "con.yaml", "AUX.txt", "com1.tar.gz", "nul "])
def test_device_names_refused_in_any_case_and_with_an_extension(name: str) -> None:
    problem = windows_name_problem(name)
    stem = name.split(".", maxsplit=1)[0].strip().lower()
    assert problem == (
        f"'{name}' is a name Windows keeps for a device ({stem.upper()}), so no file can be called that; "
        f"choose another name, such as '{stem}-1'"
    )


@pytest.mark.parametrize(("name", "end"), [("intro.", "a dot"), ("intro ", "a space"), ("my notes..", "a dot")])
def test_trailing_dot_or_space_refused(name: str, end: str) -> None:
    assert windows_name_problem(name) == f"'{name}' ends in {end}, which Windows drops from file names; remove it"


@pytest.mark.parametrize("name", ["console", "con-1", "com10", "lpt0", "auxiliary", "nul1", "intro", "a.b"])
def test_ordinary_names_pass(name: str) -> None:
    assert windows_name_problem(name) is None


def test_section_id_con_is_refused_with_the_reason() -> None:
    with pytest.raises(ValidationError, match=r"'con' is a name Windows keeps for a device \(CON\)"):
        Section(id="con", title="Con")
    with pytest.raises(ValidationError, match="Windows keeps for a device"):
        Section(id="prn", title="Printing")


@pytest.mark.parametrize("title", ["Con", "CON", "nul", "Com1", "LPT9", " aux "])
def test_slugify_never_makes_a_device_name(title: str) -> None:
    slug = slugify(title)
    assert windows_name_problem(slug) is None
    assert slug.endswith("-1")
    Section(id=slug, title=title)  # and the result is a valid id


def test_new_section_titled_con_gets_a_safe_id() -> None:
    project = Project(meta=ProjectMeta(title="T", organisation="O"), sections=[])
    assert project.new_section_id("Con") == "con-1"
    project.sections.append(Section(id="con-1", title="Con"))
    assert project.new_section_id("Con") == "con-1-2"
