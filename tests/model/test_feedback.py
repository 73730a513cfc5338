"""Feedback keyed to questions that move and get reworded, and the sections made from it."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from neslis_desktop.model import BulletsBlock, CardsBlock, ParagraphBlock, Project, QuestionsBlock, Section
from neslis_desktop.model.feedback import Feedback, Response, Theme, check_links, questions, relink
from neslis_desktop.model.heard import what_we_heard, with_feedback_sections, you_said_we_did


def _project() -> Project:
    return Project.model_validate(
        {
            "meta": {"title": "Test LIS", "organisation": "Test LEP"},
            "sections": [
                {"id": "skills", "title": "Skills", "blocks": [{"kind": "paragraph", "text": "People."}]},
                {
                    "id": "asks",
                    "title": "Discussion questions",
                    "blocks": [
                        {"kind": "questions", "questions": ["What holds firms back?", "Where should we start?"]}
                    ],
                },
            ],
        }
    )


def _feedback(project: Project) -> Feedback:
    first, second = (q.key for q in questions(project))
    return Feedback(
        themes=[
            Theme(id="skills", label="Skills shortages", we_did="Added a skills programme.", changed=["skills#1"]),
            Theme(id="finance", label="Access to finance"),
        ],
        responses=[
            Response(
                id="r-0001",
                question=first,
                text="Finding engineers.",
                organisation="Acme Ltd",
                themes=["skills"],
                quote=True,
                event="Summit",
            ),
            Response(id="r-0002", question=first, text="Loans.", organisation="Beta plc", themes=["finance"]),
            Response(id="r-0003", question=first, text="Skills, skills.", organisation="acme ltd", themes=["skills"]),
            Response(id="r-0004", question=second, text="With the colleges.", changed=["skills"]),
        ],
    )


def test_question_keys_name_the_section_and_the_words() -> None:
    keys = [q.key for q in questions(_project())]
    assert keys == ["asks.what-holds-firms-back", "asks.where-should-we-start"]


def test_identical_questions_get_distinct_keys() -> None:
    project = _project()
    block = project.sections[1].blocks[0]
    assert isinstance(block, QuestionsBlock)
    block.questions = ["Why?", "Why?"]
    assert [q.key for q in questions(project)] == ["asks.why", "asks.why-2"]


def test_a_response_from_before_ids_were_kept_is_found_again_by_its_words() -> None:
    project = _project()
    response = Response(id="r-0001", question="asks.what-holds-firms-back", asked="What holds firms back?", text="x")
    block = project.sections[1].blocks[0]
    assert isinstance(block, QuestionsBlock)
    block.questions = ["What holds local firms back?", "Where should we start?"]
    linked = relink(project, Feedback(responses=[response]))
    assert linked.feedback.responses[0].question == "asks.what-holds-local-firms-back"
    assert linked.followed == ["response r-0001 now answers 'What holds local firms back?'"]
    assert linked.lost == []


def _reword(project: Project, *texts: str) -> None:
    block = project.sections[1].blocks[0]
    assert isinstance(block, QuestionsBlock)
    block.questions = list(texts)


def test_a_question_keeps_its_id_when_reworded_moved_or_joined_by_another() -> None:
    project = _project()
    feedback = relink(project, _feedback(project)).feedback
    assert [(q.id, q.text, q.section) for q in feedback.questions] == [
        ("asks.what-holds-firms-back", "What holds firms back?", "asks"),
        ("asks.where-should-we-start", "Where should we start?", "asks"),
    ]
    # Both reworded, and a new question much like the first.
    new_words = ["What holds firms back now?", "Where should we start, and with whom?"]
    _reword(project, *new_words, "What holds firms back, in a word?")
    linked = relink(project, feedback)
    assert linked.followed == [
        "'What holds firms back?' is now 'What holds firms back now?' (Discussion questions): 3 responses follow it",
        "'Where should we start?' is now 'Where should we start, and with whom?' (Discussion questions): "
        "1 response follows it",
    ]
    keys = [q.key for q in questions(project, linked.feedback.questions)]
    assert keys == ["asks.what-holds-firms-back", "asks.where-should-we-start", "asks.what-holds-firms-back-in-a-word"]
    assert [r.question for r in linked.feedback.responses] == [r.question for r in feedback.responses]
    assert relink(project, linked.feedback).followed == []  # recorded: nothing more to follow
    heard = what_we_heard(project, linked.feedback)
    assert heard is not None and [b.heading for b in heard.blocks[1:]] == [
        "What holds firms back now?",
        "Where should we start, and with whom?",
    ]


def test_a_question_taken_out_keeps_its_id_and_its_responses_are_reported() -> None:
    project = _project()
    feedback = relink(project, _feedback(project)).feedback
    _reword(project, "Where should we start?")
    linked = relink(project, feedback)
    assert linked.followed == []
    assert linked.lost == [
        "3 responses answer 'What holds firms back?' (asks.what-holds-firms-back), which is no longer in the "
        "project: put the question back, or give them another question's id in feedback/responses.yaml "
        "('neslis feedback summary' lists the ids)"
    ]
    assert [q.id for q in linked.feedback.questions] == ["asks.where-should-we-start", "asks.what-holds-firms-back"]
    # Put back (reworded a little), it takes its id and its responses again.
    _reword(project, "What holds firms back, and why?", "Where should we start?")
    back = relink(project, linked.feedback)
    assert back.followed and back.feedback.questions[0].id == "asks.what-holds-firms-back"


def test_unknown_theme_and_bad_links_are_said_in_words() -> None:
    with pytest.raises(ValidationError, match="tagged with the theme 'nope', which is not listed"):
        Feedback(responses=[Response(id="r-1", question="a.b", text="x", themes=["nope"])])
    with pytest.raises(ValidationError, match="not a link to the content"):
        Response(id="r-1", question="a.b", text="x", changed=["Skills section"])
    project = _project()
    feedback = Feedback(responses=[Response(id="r-1", question="a.b", text="x", changed=["skills#4", "gone"])])
    assert check_links(project, feedback) == [
        "response r-1 is linked to block 4 of 'skills', which has 1",
        "response r-1 is linked to the section 'gone', which the project does not have",
        "response r-1 answers 'a.b', which is not a question of the project",
    ]


def test_what_we_heard_counts_organisations_themes_and_quotes() -> None:
    project = _project()
    section = what_we_heard(project, _feedback(project))
    assert section is not None and section.title == "What we heard"
    intro, first, second = section.blocks
    assert isinstance(intro, ParagraphBlock)
    assert intro.text == "We received 4 responses from 2 organisations to 2 questions at 1 event."
    assert isinstance(first, BulletsBlock) and first.heading == "What holds firms back?"
    texts = [i.text for i in first.items]
    assert texts[0] == "3 responses from 2 organisations"  # "Acme Ltd" and "acme ltd" are one organisation
    assert texts[1] == "Themes" and [i.text for i in first.items[1].items] == [
        "Skills shortages (2)",
        "Access to finance (1)",
    ]
    assert texts[2] == "\u201cFinding engineers.\u201d \u2014 Acme Ltd"
    assert isinstance(second, BulletsBlock) and second.items[0].text == "1 response"


def test_you_said_we_did_pairs_themes_and_responses_with_the_content() -> None:
    project = _project()
    section = you_said_we_did(project, _feedback(project))
    assert section is not None
    (block,) = section.blocks
    assert isinstance(block, CardsBlock)
    assert [(c.title, c.body) for c in block.cards] == [
        ("You said: Skills shortages (2 responses)", "We did: Added a skills programme. See: Skills (part 1)."),
        ("You said: \u201cWith the colleges.\u201d", "We changed: Skills."),
    ]


def test_no_feedback_adds_no_section_and_says_why() -> None:
    project = _project()
    out, notes = with_feedback_sections(project, Feedback())
    assert out.sections == project.sections
    assert notes == ["'What we heard' left out: no response answers a question of this project"]


def test_generated_sections_get_ids_the_project_does_not_have() -> None:
    project = _project()
    project.sections.append(Section(id="what-we-heard", title="Ours", blocks=[ParagraphBlock(text="x")]))
    out, _ = with_feedback_sections(project, _feedback(project))
    ids = [s.id for s in out.sections]
    assert ids[-2:] == ["what-we-heard-2", "you-said-we-did"] and len(set(ids)) == len(ids)
