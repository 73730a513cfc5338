"""The generated "What we heard" and "You said, we did" sections, made from the feedback.

They are built as ordinary sections of ordinary blocks (paragraphs, bullets, tables, cards), so
the deck planner, the slide checks and the draft writer treat them like any section an officer
wrote: nothing renders them specially, and they fit or are reported like everything else.

A deck and a document say it differently. On slides each question is a short list (counts,
themes, quotes) that the planner fits several to a slide. In a document (the draft, its HTML
edition) each question is headed text: a sentence of counts, a captioned table of the themes
with their counts, then the marked quotes.
"""

from __future__ import annotations

from collections import Counter
from typing import Literal

from neslis_desktop.model.blocks import Block, BulletItem, BulletsBlock, Card, CardsBlock, ParagraphBlock
from neslis_desktop.model.evidence import TableBlock, TableColumn
from neslis_desktop.model.feedback import Feedback, Question, Response, questions
from neslis_desktop.model.inline import plain_text
from neslis_desktop.model.project import Project, Section
from neslis_desktop.model.text import MAX_TITLE

HEARD_ID = "what-we-heard"
YOU_SAID_ID = "you-said-we-did"
MAX_QUOTES = 3
"""Quotes shown per question: more than three on a slide stops being read."""


def _count(n: int, one: str, many: str) -> str:
    return f"{n:,} {one if n == 1 else many}"


def _organisations(responses: list[Response]) -> int:
    return len({r.organisation.casefold() for r in responses if r.organisation})


def _short(text: str, limit: int = MAX_TITLE) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def summary_line(responses: list[Response]) -> str:
    """'12 responses from 9 organisations' (organisations left out when none were given)."""
    line = _count(len(responses), "response", "responses")
    orgs = _organisations(responses)
    if orgs:
        line += f" from {_count(orgs, 'organisation', 'organisations')}"
    return line


Form = Literal["deck", "document"]


def _themes(responses: list[Response], feedback: Feedback) -> list[tuple[str, int]]:
    """(label, responses) of each theme the responses were tagged with: by count, ties in the
    officer's order of themes."""
    tally = Counter(t for r in responses for t in r.themes)
    labels = {t.id: plain_text(t.label) for t in feedback.themes}
    order = {t.id: i for i, t in enumerate(feedback.themes)}
    ranked = sorted(tally, key=lambda t: (-tally[t], order.get(t, 0)))
    return [(labels.get(t, t), tally[t]) for t in ranked]


def _quotes(responses: list[Response]) -> list[str]:
    out = []
    for r in [r for r in responses if r.quote][:MAX_QUOTES]:
        who = f" \u2014 {r.organisation}" if r.organisation else ""
        out.append(f"\u201c{_short(plain_text(r.text), 400)}\u201d{who}")
    return out


def _question_block(question: Question, responses: list[Response], feedback: Feedback) -> BulletsBlock:
    items = [BulletItem(text=summary_line(responses))]
    themes = _themes(responses, feedback)
    if themes:
        items.append(BulletItem(text="Themes", items=[BulletItem(text=f"{label} ({n})") for label, n in themes]))
    items += [BulletItem(text=quote) for quote in _quotes(responses)]
    return BulletsBlock(heading=_short(question.text), items=items)


def _question_text(question: Question, responses: list[Response], feedback: Feedback) -> list[Block]:
    """A question as headed text: the counts said in a sentence, the themes' table, the quotes."""
    counts = f"We received {summary_line(responses)}."
    blocks: list[Block] = [ParagraphBlock(heading=_short(question.text), text=counts)]
    themes = _themes(responses, feedback)
    if themes:
        caption = _short(f"Themes raised: {question.text}")
        blocks.append(
            TableBlock(
                caption=caption,
                columns=[TableColumn(title="Theme"), TableColumn(title="Responses", number_format="#,##0")],
                rows=[[label, n] for label, n in themes],
            )
        )
    quotes = _quotes(responses)
    if quotes:
        lead = "What people said:" if len(quotes) > 1 else "As one respondent put it:"
        blocks.append(BulletsBlock(lead=lead, items=[BulletItem(text=q) for q in quotes]))
    return blocks


def what_we_heard(
    project: Project, feedback: Feedback, title: str = "What we heard", form: Form = "deck"
) -> Section | None:
    """A section with, per question answered, the counts, the themes and the marked quotes.

    ``form`` is how it is said: as lists for slides, or as headed text with a table for a
    document. ``None`` when there is no response to any question of the project.
    """
    by_key: dict[str, list[Response]] = {}
    for response in feedback.responses:
        by_key.setdefault(response.question, []).append(response)
    asked = [q for q in questions(project, feedback.questions) if by_key.get(q.key)]
    if not asked:
        return None
    answered = [r for q in asked for r in by_key[q.key]]
    events = {r.event for r in answered if r.event}
    intro = f"We received {summary_line(answered)} to {_count(len(asked), 'question', 'questions')}"
    intro += f" at {_count(len(events), 'event', 'events')}." if events else "."
    blocks: list[Block] = [ParagraphBlock(text=intro)]
    for q in asked:
        if form == "document":
            blocks += _question_text(q, by_key[q.key], feedback)
        else:
            blocks.append(_question_block(q, by_key[q.key], feedback))
    return Section(id=project.new_section_id(HEARD_ID), title=title, blocks=blocks)


def _where(project: Project, links: list[str]) -> str:
    titles = {s.id: plain_text(s.title) for s in project.sections}
    names = []
    for link in links:
        section, _, block = link.partition("#")
        if section in titles:
            names.append(titles[section] if not block else f"{titles[section]} (part {block})")
    return "; ".join(dict.fromkeys(names))


def you_said_we_did(project: Project, feedback: Feedback, title: str = "You said, we did") -> Section | None:
    """A section pairing each theme (or linked response) with what was done and where.

    Only themes and responses with a 'we did' or a link to the content are shown; ``None``
    when there are none.
    """
    cards: list[Card] = []
    tally = Counter(t for r in feedback.responses for t in r.themes)
    for theme in feedback.themes:
        if not theme.we_did and not theme.changed:
            continue
        said = f"{plain_text(theme.label)} ({_count(tally[theme.id], 'response', 'responses')})"
        did = plain_text(theme.we_did).rstrip() if theme.we_did else "We changed the strategy"
        did += "" if did.endswith((".", "!", "?")) else "."
        where = _where(project, theme.changed)
        cards.append(
            Card(title=_short(f"You said: {said}"), body=f"We did: {did}" + (f" See: {where}." if where else ""))
        )
    for response in feedback.responses:
        if not response.changed:
            continue
        who = f" ({response.organisation})" if response.organisation else ""
        said = _short(f"You said{who}: \u201c{plain_text(response.text)}\u201d")
        cards.append(Card(title=said, body=f"We changed: {_where(project, response.changed) or 'the strategy'}."))
    if not cards:
        return None
    return Section(id=project.new_section_id(YOU_SAID_ID), title=title, blocks=[CardsBlock(cards=cards, columns=2)])


def with_feedback_sections(project: Project, feedback: Feedback, form: Form = "deck") -> tuple[Project, list[str]]:
    """``project`` with the two generated sections added at the end where there is anything to say.

    Returns the project (the original is not changed) and a line per section added or left out.
    """
    notes = []
    sections = list(project.sections)
    heard = what_we_heard(project, feedback, form=form)
    if heard is None:
        notes.append("'What we heard' left out: no response answers a question of this project")
    else:
        sections.append(heard)
        notes.append(f"'What we heard' added from {summary_line(feedback.responses)}")
    said = you_said_we_did(project.model_copy(update={"sections": sections}), feedback)
    if said is not None:
        sections.append(said)
        notes.append(f"'You said, we did' added: {len(said.blocks[0].cards)} entries")  # type: ignore[union-attr]
    return project.model_copy(update={"sections": sections}), notes
