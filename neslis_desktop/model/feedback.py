"""Consultation feedback: the answers to a deck's discussion questions, and the officer's themes.

A Local Industrial Strategy is meant to be the product of consultation. The summit deck asks
questions; this module holds what people answered, so that "What we heard" and "You said, we
did" are made from the same records the officers typed or imported, never retyped.

Each question has a stable **id**, given the first time the feedback meets it: its section
and first words (``evidence-health-life-sciences.what-are-the-strengths``). The feedback keeps
every id with the question's words and section (``feedback/questions.yaml``), and responses
name the id, so moving a question keeps its responses, and rewording one keeps its id:
:func:`relink` finds the reworded question by its words and records the new ones. A question
taken out of the project keeps its id, so its responses are reported, never silently lost.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
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


class AskedQuestion(ContentModel):
    """A question the feedback knows: its stable id, and its words and section when last seen."""

    id: QuestionKey
    text: Text = Field(description="The question's words, as the project last had them.")
    section: Slug = Field(description="The section it was in.")


class Feedback(ContentModel):
    """Every response and theme of a project, as kept in its ``feedback/`` folder."""

    questions: list[AskedQuestion] = Field(
        default_factory=list, description="The project's questions with their ids, as the feedback knows them."
    )
    themes: list[Theme] = Field(default_factory=list, description="Themes, in the order they are reported.")
    responses: list[Response] = Field(default_factory=list, description="Responses, in the order received.")

    @model_validator(mode="after")
    def _references(self) -> Feedback:
        question_ids = [q.id for q in self.questions]
        twice = sorted({q for q in question_ids if question_ids.count(q) > 1})
        if twice:
            raise ValueError(f"question ids must be unique; '{twice[0]}' is used twice")
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


def _placed(project: Project) -> list[tuple[str, str, str, int]]:
    """(section id, section title, question text, block number) of every question, in order."""
    return [
        (section.id, plain_text(section.title), plain_text(text), b)
        for section in project.sections
        for b, block in enumerate(section.blocks, start=1)
        if isinstance(block, QuestionsBlock)
        for text in block.questions
    ]


def questions(project: Project, known: Sequence[AskedQuestion] = ()) -> list[Question]:
    """Every discussion question of ``project``, in reading order, each with its id.

    A question ``known`` to the feedback (same words, in the same section first) keeps the id
    it was given; any other gets a new id from its section and words, never one ``known`` uses.
    """
    free = list(known)
    taken = {q.id for q in known}
    out: list[Question] = []
    placed = _placed(project)
    ids: list[str | None] = []
    for section_id, _, text, _ in placed:
        words = _norm(text)
        match = next((q for q in free if q.section == section_id and _norm(q.text) == words), None)
        match = match or next((q for q in free if _norm(q.text) == words), None)
        if match is not None:
            free.remove(match)
        ids.append(match.id if match else None)
    for (section_id, title, text, b), given in zip(placed, ids, strict=True):
        key = given
        if key is None:
            words = slugify(" ".join(text.split()[:8]), fallback="question")[:60].rstrip("-")
            key, n = f"{section_id}.{words}", 2
            while key in taken:
                key, n = f"{section_id}.{words}-{n}", n + 1
        taken.add(key)
        out.append(Question(key, text, section_id, title, b))
    return out


@dataclass
class Relinked:
    """The feedback with its questions matched to the project's again, and what that did."""

    feedback: Feedback
    followed: list[str] = field(default_factory=list)
    """One line per question reworded or moved, whose responses follow it."""
    lost: list[str] = field(default_factory=list)
    """One line per question gone from the project that responses still answer, with the fix."""

    @property
    def changed(self) -> bool:
        """Whether anything but new questions was recorded: the files need the user's word."""
        return bool(self.followed)


REWORDED = 0.6
"""How alike (difflib ratio) a reworded question must be to the words it had."""


def relink(project: Project, feedback: Feedback) -> Relinked:
    """``feedback`` with its record of questions brought up to date with ``project``.

    A known question whose words are no longer in the project is matched to the closest new
    question (same section first, at least 60% alike) and keeps its id with the new words.
    Responses from before ids were kept (their key names no question) are matched by the
    words they were asked with. Questions new to the feedback are recorded with new ids.
    """
    counts = Counter(r.question for r in feedback.responses)
    current = questions(project, feedback.questions)
    known_ids = {q.id for q in feedback.questions}
    by_id = {q.id: q for q in feedback.questions}
    fresh = [q for q in current if q.key not in known_ids]
    result = Relinked(feedback)
    record = {q.key: AskedQuestion(id=q.key, text=q.text, section=q.section_id) for q in current}
    renamed: dict[str, str] = {}  # a new question's made-up id -> the known id it takes
    for old in feedback.questions:
        if old.id in record:
            continue
        match = _closest(old.text, old.section, fresh)
        if match is None:
            record[old.id] = old  # kept: its responses are still reported, and it may come back
            if counts[old.id]:
                result.lost.append(
                    f"{_count(counts[old.id], 'response answers', 'responses answer')} '{old.text}' "
                    f"({old.id}), which is no longer in the project: put the question back, or give "
                    "them another question's id in feedback/responses.yaml ('neslis feedback summary' "
                    "lists the ids)"
                )
            continue
        fresh.remove(match)
        renamed[match.key] = old.id
        del record[match.key]
        record[old.id] = AskedQuestion(id=old.id, text=match.text, section=match.section_id)
        n = _count(counts[old.id], "response follows", "responses follow")
        result.followed.append(f"'{old.text}' is now '{match.text}' ({match.section_title}): {n} it")
    # Responses from before the feedback kept ids: their key is no question's, their words may be.
    by_words = {_norm(q.text): renamed.get(q.key, q.key) for q in current}
    responses = []
    for given in feedback.responses:
        response = given
        if response.question in renamed:  # answered under the reworded question's made-up id
            response = response.model_copy(update={"question": renamed[response.question]})
        if response.question in record or not response.asked:
            if response.question not in record and counts[response.question]:
                result.lost.append(
                    f"response {response.id} answers '{response.question}', which is not a question of "
                    "the project: give it a question's id in feedback/responses.yaml"
                )
            responses.append(response)
            continue
        words = _norm(response.asked)
        close = difflib.get_close_matches(words, list(by_words), n=1, cutoff=0.8)
        if not close:
            result.lost.append(
                f"response {response.id} answers '{response.asked}', which is no longer in the project: "
                "give it a question's id in feedback/responses.yaml"
            )
            responses.append(response)
            continue
        key = by_words[close[0]]
        result.followed.append(f"response {response.id} now answers '{record[key].text}'")
        responses.append(response.model_copy(update={"question": key}))
    order = [renamed.get(q.key, q.key) for q in current]
    kept = [q for q in record if q not in order and q in by_id]
    listed = [record[k] for k in [*order, *kept]]
    result.feedback = feedback.model_copy(update={"questions": listed, "responses": responses})
    return result


def _closest(text: str, section: str, candidates: list[Question]) -> Question | None:
    words = _norm(text)
    best, score = None, REWORDED
    for q in candidates:
        ratio = difflib.SequenceMatcher(None, words, _norm(q.text)).ratio() + (0.05 if q.section_id == section else 0)
        if ratio >= score:
            best, score = q, ratio
    return best


def _count(n: int, one: str, many: str) -> str:
    return f"{n:,} {one if n == 1 else many}"


def check_links(project: Project, feedback: Feedback, *, answers: bool = True) -> list[str]:
    """What in ``feedback`` points at content the project does not have, one line each.

    ``answers=False`` leaves out responses to questions the project no longer has."""
    sections = {s.id: len(s.blocks) for s in project.sections}
    known = {q.key for q in questions(project, feedback.questions)}
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
    for response in feedback.responses if answers else []:
        if response.question not in known:
            problems.append(
                f"response {response.id} answers '{response.question}', which is not a question of the project"
            )
    return problems


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())
