"""Consultation feedback: the answers to a deck's discussion questions, and the officer's themes.

A Local Industrial Strategy is meant to be the product of consultation. The summit deck asks
questions; this module holds what people answered, so that "What we heard" and "You said, we
did" are made from the same records the officers typed or imported, never retyped.

Questions are known by a **key** made from their section and their words
(``evidence-health-life-sciences.what-are-the-strengths``), not by their position, so moving
questions or sections keeps every response attached. Each response also keeps the words of
the question as it was asked; when a question is reworded, :func:`relink` finds it again by
those words.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass
from typing import Annotated

from pydantic import AfterValidator, Field, model_validator

from neslis_desktop.model.blocks import ContentModel, QuestionsBlock
from neslis_desktop.model.inline import plain_text
from neslis_desktop.model.project import Project
from neslis_desktop.model.text import Slug, Text, Title, slugify

KEY_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*\.[a-z0-9]+(?:-[a-z0-9]+)*$"
LINK_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*(?:#[1-9][0-9]{0,3})?$"


def _key(value: str) -> str:
    if not re.fullmatch(KEY_PATTERN, value) or len(value) > 160:
        raise ValueError(
            f"'{value}' is not a question key; it is the section id, a dot, and the question's "
            "first words, such as 'productivity.what-holds-productivity-back'"
        )
    return value


def _link(value: str) -> str:
    if not re.fullmatch(LINK_PATTERN, value) or len(value) > 90:
        raise ValueError(
            f"'{value}' is not a link to the content; write a section id ('productivity') or a "
            "section id and a block number ('productivity#2')"
        )
    return value


QuestionKey = Annotated[
    str,
    AfterValidator(_key),
    Field(json_schema_extra={"pattern": KEY_PATTERN}, description="Which question: section id, '.', question words."),
]
ContentLink = Annotated[
    str,
    AfterValidator(_link),
    Field(
        json_schema_extra={"pattern": LINK_PATTERN},
        description="A section id, or a section id and a block number: 'productivity#2'.",
    ),
]


class Response(ContentModel):
    """One answer to one discussion question, typed in at a table or imported from a survey."""

    id: Slug = Field(description="Identifier of the response, such as 'r-0012'.")
    question: QuestionKey
    asked: Text | None = Field(None, description="The question's words when it was answered; finds it if reworded.")
    text: Text = Field(description="What the person said or wrote.")
    organisation: Title | None = Field(None, description="Organisation of the respondent (kept; not personal data).")
    sector: Title | None = Field(None, description="Sector of the respondent's organisation.")
    event: Title | None = Field(None, description="Where it was said, such as 'Health summit, table 3'.")
    date: dt.date | None = Field(None, description="When, 'YYYY-MM-DD'.")
    themes: list[Slug] = Field(default_factory=list, description="Ids of the themes the officer tagged it with.")
    quote: bool = Field(False, description="Marked by the officer as a quote for 'What we heard'.")
    changed: list[ContentLink] = Field(default_factory=list, description="Content this response changed.")
    kept: dict[str, Title] = Field(
        default_factory=dict,
        description="Other survey columns kept on purpose at import (personal data only when the user chose to).",
    )


class Theme(ContentModel):
    """A theme the officer groups responses under, and what was done about it."""

    id: Slug = Field(description="Identifier of the theme, such as 'skills'.")
    label: Title = Field(description="The theme as a reader sees it, such as 'Skills shortages'.")
    we_did: Text | None = Field(
        None, description="What the strategy did in answer: the 'we did' of 'You said, we did'."
    )
    changed: list[ContentLink] = Field(default_factory=list, description="Content changed in answer to the theme.")


class Feedback(ContentModel):
    """Every response and theme of a project, as kept in its ``feedback/`` folder."""

    themes: list[Theme] = Field(default_factory=list, description="Themes, in the order they are reported.")
    responses: list[Response] = Field(default_factory=list, description="Responses, in the order received.")

    @model_validator(mode="after")
    def _references(self) -> Feedback:
        theme_ids = [t.id for t in self.themes]
        dupes = sorted({t for t in theme_ids if theme_ids.count(t) > 1})
        if dupes:
            raise ValueError(f"theme ids must be unique; '{dupes[0]}' is used twice")
        seen: set[str] = set()
        for response in self.responses:
            if response.id in seen:
                raise ValueError(f"response ids must be unique; '{response.id}' is used twice")
            seen.add(response.id)
            unknown = [t for t in response.themes if t not in theme_ids]
            if unknown:
                raise ValueError(
                    f"response '{response.id}' is tagged with the theme '{unknown[0]}', which is not listed"
                )
        return self

    def theme(self, theme_id: str) -> Theme:
        """The theme with ``theme_id``; ``KeyError`` when there is none."""
        for theme in self.themes:
            if theme.id == theme_id:
                return theme
        raise KeyError(theme_id)

    def next_response_id(self) -> str:
        """An id no response has yet: ``r-0001``, ``r-0002``..."""
        taken = {r.id for r in self.responses}
        n = len(self.responses) + 1
        while f"r-{n:04d}" in taken:
            n += 1
        return f"r-{n:04d}"


@dataclass(frozen=True)
class Question:
    """A discussion question of the project, where it stands, and its key."""

    key: str
    text: str
    section_id: str
    section_title: str
    block: int
    """1-based number of the questions block in its section."""


def questions(project: Project) -> list[Question]:
    """Every discussion question of ``project``, in reading order, each with a unique key."""
    out: list[Question] = []
    taken: set[str] = set()
    for section in project.sections:
        for b, block in enumerate(section.blocks, start=1):
            if not isinstance(block, QuestionsBlock):
                continue
            for text in block.questions:
                words = slugify(" ".join(plain_text(text).split()[:8]), fallback="question")[:60].rstrip("-")
                key, n = f"{section.id}.{words}", 2
                while key in taken:
                    key, n = f"{section.id}.{words}-{n}", n + 1
                taken.add(key)
                out.append(Question(key, plain_text(text), section.id, plain_text(section.title), b))
    return out


def relink(project: Project, feedback: Feedback) -> tuple[Feedback, list[str]]:
    """``feedback`` with responses to reworded or moved questions pointed at them again.

    A response whose key no longer names a question is matched by the words it was asked with
    (``asked``): the same words anywhere in the project, else the closest question (at least
    80% alike). Returns the feedback and one line per response moved or left unmatched.
    """
    known = {q.key: q for q in questions(project)}
    by_words = {_norm(q.text): q for q in known.values()}
    notes: list[str] = []
    responses = []
    for response in feedback.responses:
        if response.question in known or not response.asked:
            if response.question not in known:
                notes.append(f"response {response.id} answers '{response.question}', which is no longer in the project")
            responses.append(response)
            continue
        words = _norm(response.asked)
        match = by_words.get(words)
        if match is None:
            close = difflib.get_close_matches(words, list(by_words), n=1, cutoff=0.8)
            match = by_words[close[0]] if close else None
        if match is None:
            notes.append(
                f"response {response.id} answers a question that is no longer in the project: '{response.asked}'"
            )
            responses.append(response)
            continue
        notes.append(f"response {response.id} now answers '{match.text}' ({match.section_title})")
        responses.append(response.model_copy(update={"question": match.key}))
    return feedback.model_copy(update={"responses": responses}), notes


def check_links(project: Project, feedback: Feedback) -> list[str]:
    """What in ``feedback`` points at content the project does not have, one line each."""
    sections = {s.id: len(s.blocks) for s in project.sections}
    known = {q.key for q in questions(project)}
    problems = []
    owners = [(f"response {r.id}", r.changed) for r in feedback.responses]
    owners += [(f"theme '{t.id}'", t.changed) for t in feedback.themes]
    for owner, links in owners:
        for link in links:
            section, _, block = link.partition("#")
            if section not in sections:
                problems.append(f"{owner} is linked to the section '{section}', which the project does not have")
            elif block and int(block) > sections[section]:
                problems.append(f"{owner} is linked to block {block} of '{section}', which has {sections[section]}")
    for response in feedback.responses:
        if response.question not in known:
            problems.append(
                f"response {response.id} answers '{response.question}', which is not a question of the project"
            )
    return problems


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())
