"""Packs: the several decks and documents one project makes from the same, shared sections.

A summit deck, a Board briefing and the draft strategy use many of the same sections. A
:class:`Pack` names which sections it takes (by id, or by tag so that a new ``context``
section joins every pack that takes that tag), in what order, and what its title page says
where that differs from the project's metadata. Sections are never copied: a pack only refers.

Cross-references (a pack naming a section or tag that does not exist) are checked by
:func:`pack_problems`, not by the model itself, so an edit in progress (a section deleted
before the pack is updated) never makes the whole project refuse to validate; the store
reports them on loading and the renderer before building.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from enum import StrEnum
from typing import TYPE_CHECKING

from pydantic import Field

from neslis_desktop.model.blocks import ContentModel
from neslis_desktop.model.text import Slug, Title, slugify

if TYPE_CHECKING:
    from neslis_desktop.model.project import Project, ProjectMeta, Section

FileSlug = Slug
"""A pack's file name: every ``Slug`` is one Windows accepts (device names are refused there)."""


class PackKind(StrEnum):
    """What a pack builds: a PowerPoint deck or a Word document."""

    DECK = "deck"
    DOCUMENT = "document"

    @property
    def suffix(self) -> str:
        return ".pptx" if self is PackKind.DECK else ".docx"


class TagPick(ContentModel):
    """Every section carrying ``tag``, in the project's order (written ``- tag: context``)."""

    tag: Slug = Field(description="A section tag, such as 'context'.")


SectionPick = Slug | TagPick
"""One entry of a pack's sections: a section id, or ``{tag: name}`` for every section with that tag."""


class Pack(ContentModel):
    """One output made from the project: its kind, sections, title-page facts and file name."""

    name: Title = Field(description="The pack's name, such as 'Digital summit' or 'LEP Board briefing'.")
    kind: PackKind = Field(description="'deck' (PowerPoint) or 'document' (Word).")
    slug: FileSlug | None = Field(
        None,
        description="Output file name without extension; '<project slug>-<name>' when omitted.",
    )
    subtitle: Title | None = Field(None, description="Second title line; the project's when omitted.")
    event: Title | None = Field(None, description="The event; the project's when omitted.")
    date: dt.date | None = Field(None, description="Date, 'YYYY-MM-DD'; the project's when omitted.")
    audience: Title | None = Field(None, description="Who it is for; the project's when omitted.")
    template: Title | None = Field(
        None,
        description="Template (.pptx/.potx or .docx/.dotx), relative to the project folder; bundled one when omitted.",
    )
    changes_since: Title | None = Field(
        None, description="Name of a snapshot: the pack opens with a 'Changes since' section comparing with it."
    )
    sections: list[SectionPick] | None = Field(
        None,
        description="Section ids or '{tag: name}' entries, in order; all sections, in order, when omitted.",
    )
    what_we_heard: bool | None = Field(
        None,
        description="true: close with 'What we heard' and 'You said, we did', made from the project's feedback/.",
    )

    def file_stem(self, meta: ProjectMeta) -> str:
        """The output file's name without extension."""
        return self.slug or f"{meta.file_slug()}-{slugify(self.name, fallback='pack')}"

    def file_name(self, meta: ProjectMeta) -> str:
        """The output file's name, such as ``north-east-lis-deck.pptx``."""
        return self.file_stem(meta) + self.kind.suffix

    def title_meta(self, meta: ProjectMeta) -> ProjectMeta:
        """``meta`` with this pack's title-page facts put over it."""
        fields = ("subtitle", "event", "date", "audience")
        overrides = {f: getattr(self, f) for f in fields if getattr(self, f) is not None}
        return meta.model_copy(update=overrides) if overrides else meta


def default_packs() -> list[Pack]:
    """The packs of a project that declares none: the deck and the draft, of every section."""
    return [Pack(name="Deck", kind=PackKind.DECK), Pack(name="Draft", kind=PackKind.DOCUMENT)]


def pack_sections(pack: Pack, sections: Sequence[Section]) -> list[Section]:
    """The sections ``pack`` takes, in its order; unknown ids and tags are skipped (see :func:`pack_problems`).

    A section already taken (by an earlier id or tag) is not taken again.
    """
    if pack.sections is None:
        return list(sections)
    by_id = {s.id: s for s in sections}
    taken: dict[str, Section] = {}
    for pick in pack.sections:
        if isinstance(pick, TagPick):
            for section in sections:
                if pick.tag in section.tags:
                    taken.setdefault(section.id, section)
        elif pick in by_id:
            taken.setdefault(pick, by_id[pick])
    return list(taken.values())


Problems = list[tuple[tuple[str | int, ...], str]]
"""Problems as (path into ``project.yaml``'s data, message) pairs."""


def pack_problems(project: Project) -> Problems:
    """What is wrong with the project's packs, in words: unknown sections and tags, clashes."""
    problems: Problems = []
    ids = [s.id for s in project.sections]
    tags = sorted({t for s in project.sections for t in s.tags})
    names: dict[str, int] = {}
    files: dict[str, str] = {}
    for p, pack in enumerate(project.packs):
        where: tuple[str | int, ...] = ("packs", p)
        folded = pack.name.casefold()
        if folded in names:
            problems.append(((*where, "name"), f"pack name '{pack.name}' is used twice; give each pack its own name"))
        names.setdefault(folded, p)
        file_name = pack.file_name(project.meta)
        if file_name in files:
            problems.append(
                (
                    (*where, "slug"),
                    f"packs '{files[file_name]}' and '{pack.name}' would both write {file_name}; "
                    "give one of them another slug",
                )
            )
        files.setdefault(file_name, pack.name)
        listed: set[str] = set()
        for i, pick in enumerate(pack.sections or []):
            at = (*where, "sections", i)
            if isinstance(pick, TagPick):
                if pick.tag not in tags:
                    known = ", ".join(tags) or "(no section has a tag yet)"
                    problems.append(
                        (
                            (*at, "tag"),
                            f"pack '{pack.name}' takes sections tagged '{pick.tag}', but no "
                            f"section has that tag; tags in use: {known}",
                        )
                    )
            elif pick not in ids:
                problems.append(
                    (
                        at,
                        f"pack '{pack.name}' names section '{pick}', which is not in this project; "
                        "use a section id from the project's 'sections' list",
                    )
                )
            elif pick in listed:
                problems.append((at, f"pack '{pack.name}' lists section '{pick}' twice"))
            else:
                listed.add(pick)
    return problems


def rename_section_in_packs(packs: Sequence[Pack], old: str, new: str | None) -> None:
    """Point every pack that names section ``old`` at ``new``, or drop the entry when ``new`` is ``None``.

    For editors: call it when a section is renamed or deleted, so no pack names a missing section.
    """
    for pack in packs:
        if pack.sections is None or old not in pack.sections:
            continue
        picks = [new if pick == old else pick for pick in pack.sections]
        pack.sections = [pick for pick in picks if pick is not None]
