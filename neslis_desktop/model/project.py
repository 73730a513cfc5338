"""A strategy project: its metadata and its ordered sections of blocks."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Iterable
from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, Field, model_validator

from neslis_desktop.model.blocks import Block, ContentModel
from neslis_desktop.model.evidence import Logo
from neslis_desktop.model.packs import Pack, default_packs
from neslis_desktop.model.text import Slug, Text, Title, slugify

SCHEMA_VERSION = 2
"""Version of the content format this code writes. Older files are migrated on load."""

LANGUAGE_PATTERN = r"^[a-z]{2,3}(-[A-Z]{2}|-[A-Za-z0-9]{4,8})*$"
_LANG = re.compile(LANGUAGE_PATTERN)


def _language(value: str) -> str:
    if not _LANG.fullmatch(value):  # whole: "$" alone would let a trailing line break through
        raise ValueError(f"'{value}' is not a language tag; write one such as 'en-GB' or 'cy-GB'")
    return value


Language = Annotated[
    str,
    AfterValidator(_language),
    Field(
        description="Language tag of the text, such as 'en-GB'.",
        json_schema_extra={"examples": ["en-GB"], "pattern": LANGUAGE_PATTERN},
    ),
]


class Status(StrEnum):
    """How far the strategy has come; shown on the cover and in headers."""

    DRAFT = "Draft"
    CONSULTATION = "Consultation"
    FINAL = "Final"


class ProjectMeta(ContentModel):
    """What the deck's title slide and the document's cover say, and file naming."""

    title: Title = Field(description="Title of the strategy or event pack.")
    subtitle: Title | None = Field(None, description="A second line under the title.")
    organisation: Title = Field(description="The organisation publishing it; also the files' author.")
    event: Title | None = Field(None, description="The event the deck is for, such as 'LIS Summit'.")
    date: dt.date | None = Field(None, description="Date of the event or document, 'YYYY-MM-DD'.")
    version: Title = Field("0.1", description="Version shown on the cover and in the footer.")
    status: Status = Field(Status.DRAFT, description="Draft, Consultation or Final.")
    audience: Title | None = Field(None, description="Who it is for, such as 'regional partners'.")
    language: Language = "en-GB"
    slug: Slug | None = Field(
        None, description="Name used for output files, such as 'north-east-lis'; made from the title when omitted."
    )
    logos: list[Logo] | None = Field(
        None, max_length=8, description="Partner logos for the title slide and the cover, in order."
    )

    def file_slug(self) -> str:
        """The stem of output file names: ``slug`` or one made from the title."""
        return self.slug or slugify(self.title, fallback="strategy")


class Section(ContentModel):
    """A titled part of the strategy: one or more slides, one numbered heading in the document."""

    id: Slug = Field(description="Identifier, also the section file's name, such as 'productivity'.")
    title: Title = Field(description="Slide title and document heading.")
    tags: list[Slug] = Field(
        default_factory=list, description="Labels packs pick sections by, such as 'context'; never printed."
    )
    notes: Text | None = Field(None, description="Speaker notes for the section's first slide; never printed.")
    blocks: list[Block] = Field(default_factory=list, description="Content, in order.")


class Project(ContentModel):
    """A whole strategy project, as the editor holds it and the renderers read it."""

    schema_version: int = Field(SCHEMA_VERSION, description="Version of the content format.")
    meta: ProjectMeta = Field(description="Title-page facts and file naming.")
    sections: list[Section] = Field(default_factory=list, description="Sections, in order.")
    packs: list[Pack] = Field(
        default_factory=list, description="Decks and documents made from the sections; a deck and a draft when empty."
    )

    @model_validator(mode="after")
    def _unique_ids(self) -> Project:
        seen: set[str] = set()
        for section in self.sections:
            if section.id in seen:
                raise ValueError(f"section ids must be unique; '{section.id}' is used twice")
            seen.add(section.id)
        return self

    def section(self, section_id: str) -> Section:
        """The section with ``section_id``; ``KeyError`` when there is none."""
        for section in self.sections:
            if section.id == section_id:
                return section
        raise KeyError(section_id)

    def all_packs(self) -> list[Pack]:
        """The declared packs, or the default deck and draft when none is declared."""
        return list(self.packs) or default_packs()

    def new_section_id(self, title: str, also_taken: Iterable[str] = ()) -> str:
        """An id made from ``title`` that no section has yet (nor any of ``also_taken``).

        The one rule for new section ids (added, duplicated, pasted): the title's slug, then
        ``-2``, ``-3``... within the 80-character limit of an id (see :func:`unique_section_id`).
        """
        taken = {s.id for s in self.sections} | set(also_taken)
        return unique_section_id(slugify(title, fallback="section"), taken)


MAX_SECTION_ID = 80
"""Longest section id (the ``Slug`` limit), suffix included."""


def unique_section_id(base: str, taken: Collection[str]) -> str:
    """``base``, else ``base-2``, ``base-3``...: the first not in ``taken``, at most 80 characters."""
    candidate, n = base[:MAX_SECTION_ID].rstrip("-"), 2
    while candidate in taken:
        suffix = f"-{n}"
        candidate, n = base[: MAX_SECTION_ID - len(suffix)].rstrip("-") + suffix, n + 1
    return candidate
