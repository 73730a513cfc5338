"""The comparison itself: what it finds for each kind of edit, without any wording."""

from __future__ import annotations

from neslis_desktop.model import CardsBlock, ParagraphBlock, Project, ProjectMeta, Section
from neslis_desktop.model.diff import Word, diff_projects, word_diff
from neslis_desktop.model.packs import Pack


def _project(*sections: Section) -> Project:
    return Project(meta=ProjectMeta(title="LIS", organisation="LEP"), sections=list(sections))


def _cards(*titles: str) -> CardsBlock:
    return CardsBlock(cards=[{"title": t, "body": f"What {t} means for the region."} for t in titles])


def test_words_keep_their_emphasis() -> None:
    assert word_diff("a **strong cluster**", "a **growing cluster**") == [
        Word("same", "a"),
        Word("del", "strong", bold=True),
        Word("ins", "growing", bold=True),
        Word("same", "cluster", bold=True),
    ]
    # Only the emphasis changed: the word goes plain and comes back bold.
    assert word_diff("a strong cluster", "a **strong** cluster") == [
        Word("same", "a"),
        Word("del", "strong"),
        Word("ins", "strong", bold=True),
        Word("same", "cluster"),
    ]


def test_a_card_moved_between_sections_is_one_move() -> None:
    old = _project(
        Section(id="a", title="A", blocks=[_cards("Skills", "Jobs")]),
        Section(id="b", title="B", blocks=[_cards("Homes")]),
    )
    new = old.model_copy(deep=True)
    new.sections[1].blocks[0].cards.append(new.sections[0].blocks[0].cards.pop(0))  # type: ignore[union-attr]
    diff = diff_projects(old, new)
    (a_block,), (b_block,) = diff.sections[0].changes, diff.sections[1].changes
    assert [(c.kind, c.where, c.other) for c in a_block.details] == [("moved-away", 'card "Skills"', "B")]
    assert [(c.kind, c.where, c.other) for c in b_block.details] == [("moved-here", 'card "Skills"', "A")]
    assert (a_block.details[0].position, b_block.details[0].position) == (1, 2)


def test_a_whole_block_moved_between_sections() -> None:
    para = ParagraphBlock(text="Productivity is the main driver of living standards.")
    old = _project(Section(id="a", title="A", blocks=[para, _cards("Skills")]), Section(id="b", title="B"))
    new = _project(Section(id="a", title="A", blocks=[_cards("Skills")]), Section(id="b", title="B", blocks=[para]))
    diff = diff_projects(old, new)
    assert [(c.kind, c.other) for c in diff.sections[0].changes] == [("moved-away", "B")]
    assert [(c.kind, c.other) for c in diff.sections[1].changes] == [("moved-here", "A")]


def test_an_edited_block_is_changed_not_replaced() -> None:
    old = _project(Section(id="a", title="A", blocks=[ParagraphBlock(text="We will grow jobs in the North East.")]))
    new = _project(
        Section(id="a", title="A", blocks=[ParagraphBlock(text="We will grow good jobs in the North East.")])
    )
    (change,) = diff_projects(old, new).sections[0].changes
    assert change.kind == "changed" and change.details[0].where == "text"
    assert (change.position, change.count) == (1, 1), "the block's place, for an editor to mark it"
    assert [w.text for w in change.details[0].words if w.op == "ins"] == ["good"]


def test_a_rewritten_block_is_removed_and_added() -> None:
    old = _project(Section(id="a", title="A", blocks=[ParagraphBlock(text="We will grow jobs in the North East.")]))
    new = _project(Section(id="a", title="A", blocks=[ParagraphBlock(text="Housing matters most to partners.")]))
    assert [c.kind for c in diff_projects(old, new).sections[0].changes] == ["removed", "added"]


def test_tags_and_packs_are_compared_but_never_moved() -> None:
    old = _project(Section(id="a", title="A", tags=["context"]), Section(id="b", title="B"))
    new = _project(Section(id="a", title="A"), Section(id="b", title="B", tags=["context"]))
    new.packs = [Pack(name="Board", kind="deck")]
    diff = diff_projects(old, new)
    assert [(c.kind, c.where) for c in diff.sections[0].changes] == [("removed", 'tag "context"')]
    assert [(c.kind, c.where) for c in diff.sections[1].changes] == [("added", 'tag "context"')]
    assert [(c.kind, c.where) for c in diff.packs] == [("added", 'pack "Board"')]


def test_nothing_changed_is_empty(project: Project) -> None:
    assert diff_projects(project, project.model_copy(deep=True)).empty
