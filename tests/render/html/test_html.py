"""The HTML edition read back as a browser's parser sees it: metadata, contents, numbered
headings, tables, every block's words, no external requests, and the renderer registry."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Literal

import pytest
from lxml import html as lxml_html
from pydantic import BaseModel

from neslis_desktop.cli import main
from neslis_desktop.model import DividerBlock, ParagraphBlock, Project, QuestionsBlock, plain_text
from neslis_desktop.render.html import RENDERERS, Context, renders, to_html, write_html
from neslis_desktop.render.html.blocks import render_block


@pytest.fixture
def page(project: Project) -> Any:
    return lxml_html.fromstring(to_html(project))


def _text(el: Any) -> str:
    return re.sub(r"\s+", " ", el.text_content()).strip()


def _texts(value: Any) -> list[str]:
    """Every text field inside a block (not its notes), as a reader sees it."""
    if isinstance(value, BaseModel):
        return [
            t
            for name in type(value).model_fields
            if name not in ("kind", "notes", "id", "parent")
            for t in _texts(getattr(value, name))
        ]
    if isinstance(value, str):
        return [plain_text(value)]
    if isinstance(value, list):
        return [t for item in value for t in _texts(item)]
    return []


def test_head_has_language_title_and_metadata(page: Any, project: Project) -> None:
    assert page.get("lang") == "en-GB"
    assert page.findtext(".//title").startswith(project.meta.title)
    metas = {m.get("name"): m.get("content") for m in page.iter("meta") if m.get("name")}
    assert metas["viewport"] == "width=device-width, initial-scale=1"  # zoom is never locked
    assert metas["author"] == project.meta.organisation
    assert project.meta.title in metas["description"]
    [h1] = page.iter("h1")
    assert _text(h1) == project.meta.title
    facts = dict(zip([_text(d) for d in page.iter("dt")], [_text(d) for d in page.iter("dd")], strict=True))
    assert facts["Organisation"] == project.meta.organisation and facts["Version"] == project.meta.version


def test_nothing_is_fetched(project: Project) -> None:
    text = to_html(project)
    page = lxml_html.fromstring(text)
    assert not list(page.iter("script", "link", "img", "iframe", "object"))
    for el in page.iter():
        for name in ("src", "href", "srcset", "action"):
            value = el.get(name)
            assert value is None or value.startswith("#"), (el.tag, name, value)
    assert "url(" not in text and "@import" not in text
    assert "default-src 'none'" in text  # and the page forbids itself any request


def test_sections_are_numbered_headings_with_a_contents_list(page: Any, project: Project) -> None:
    h2 = [h for h in page.iter("h2") if h.get("id") != "contents-title"]
    printed = [s for s in project.sections if any(not isinstance(b, DividerBlock | QuestionsBlock) for b in s.blocks)]
    assert [_text(h) for h in h2] == [f"{n} {s.title}" for n, s in enumerate(printed, start=1)] + [
        f"{len(printed) + 1} Consultation questions"
    ]
    contents = page.get_element_by_id("contents-title").getparent()
    links = [(a.get("href"), _text(a)) for a in contents.iter("a")]
    assert links == [(f"#{h.get('id')}", _text(h)) for h in h2]
    for h3 in page.iter("h3"):
        if h3.get("id"):
            number = _text(h3).split(" ")[0]
            section = h3.getparent().find("h2")
            assert number.startswith(_text(section).split(" ")[0] + "."), _text(h3)


def test_anchors_resolve_and_ids_are_unique(page: Any) -> None:
    ids = [el.get("id") for el in page.iter() if el.get("id")]
    assert len(ids) == len(set(ids))
    for a in page.iter("a"):
        assert a.get("href", "")[1:] in ids


def test_every_block_says_all_it_holds(page: Any, project: Project) -> None:
    body = _text(page.find(".//main"))
    kinds = set()
    for section in project.sections:
        for block in section.blocks:
            if isinstance(block, DividerBlock):
                continue
            kinds.add(block.kind)
            for text in _texts(block):
                for line in text.split("\n"):
                    if line.strip():
                        assert re.sub(r"\s+", " ", line.strip()) in body, (section.id, block.kind, line)
    assert kinds == {
        "paragraph",
        "bullets",
        "cards",
        "structure",
        "targets",
        "orgchart",
        "timeline",
        "flow",
        "questions",
    }


def test_tables_have_captions_and_headers(page: Any) -> None:
    tables = list(page.iter("table"))
    assert tables
    for table in tables:
        assert _text(table.find("caption"))
        assert [th.get("scope") for th in table.find("thead").iter("th")] == ["col"] * len(table.find("thead/tr"))
        for row in table.find("tbody").iter("tr"):
            assert row[0].tag == "th" and row[0].get("scope") == "row"
        wrap = table.getparent()
        assert wrap.get("role") == "region" and wrap.get("tabindex") == "0"
        assert wrap.get("aria-labelledby") == table.find("caption").get("id")


def test_timeline_is_a_table_of_months_by_lanes(page: Any, project: Project) -> None:
    block = next(b for s in project.sections for b in s.blocks if b.kind == "timeline")
    table = next(
        t
        for t in page.iter("table")
        if "Timeline" in _text(t.find("caption")) or (block.heading and block.heading in _text(t.find("caption")))
    )
    assert [_text(th) for th in table.find("thead").iter("th")] == ["Month", *(lane.name for lane in block.lanes)]
    for lane_index, lane in enumerate(block.lanes, start=1):
        for ms in lane.milestones:
            row = next(r for r in table.find("tbody") if _text(r[0]) == f"{ms.month.name} {ms.month.year}")
            assert plain_text(ms.text) in _text(row[lane_index])


def test_orgchart_nests_by_reporting_line(page: Any, project: Project) -> None:
    block = next(b for s in project.sections for b in s.blocks if b.kind == "orgchart")
    items = {}
    for li in page.iter("li"):
        strong = li.find("strong")
        if strong is not None:
            items.setdefault(_text(strong), li)
    for node in block.nodes:
        li = items[plain_text(node.title)]
        parents = [a for a in li.iterancestors("li")]
        if node.parent is None:
            assert not parents
        else:
            parent = next(n for n in block.nodes if n.id == node.parent)
            assert parents[0] is items[plain_text(parent.title)]


def test_flow_and_questions_are_ordered_lists(page: Any, project: Project) -> None:
    flow = next(b for s in project.sections for b in s.blocks if b.kind == "flow")
    [ol] = [o for o in page.iter("ol") if "flow" in o.get("class", "")]
    assert [_text(li.find("strong")) for li in ol.findall("li")] == [plain_text(s.title) for s in flow.steps]
    asked = [plain_text(q) for s in project.sections for b in s.blocks if b.kind == "questions" for q in b.questions]
    section = page.get_element_by_id("consultation-questions").getparent()
    lists = section.findall(".//ol")
    numbers = [int(ol.get("start")) + i for ol in lists for i in range(len(ol.findall("li")))]
    assert [_text(li) for ol in lists for li in ol.findall("li")] == asked
    assert numbers == list(range(1, len(asked) + 1))


class _GaugeBlock(BaseModel):
    kind: Literal["gauge"] = "gauge"
    heading: str | None = None
    title: str = "Jobs by year"
    values: list[str] = ["2019: 10", "2020: 12"]


def test_a_new_kind_is_one_registered_function() -> None:
    chart = _GaugeBlock()
    ctx = Context(level=3, prefix="s")
    assert "Jobs by year" in render_block(chart, ctx) and "2020: 12" in render_block(chart, ctx)  # shown as text
    try:

        @renders("gauge")
        def _gauge(block: _GaugeBlock, ctx: Context) -> str:
            return f"<figure><figcaption>{block.title}</figcaption></figure>"

        assert render_block(chart, ctx) == "<figure><figcaption>Jobs by year</figcaption></figure>"
    finally:
        RENDERERS.pop("gauge", None)


def test_text_is_escaped_and_emphasis_kept(project: Project) -> None:
    section = project.sections[0].model_copy(
        update={"blocks": [ParagraphBlock(text="<script>x</script> & **bold** and *it*\nnext line")]}
    )
    text = to_html(project.model_copy(update={"sections": [section]}))
    assert "&lt;script&gt;x&lt;/script&gt; &amp; <strong>bold</strong> and <em>it</em><br>\nnext line" in text


def test_build_html_writes_one_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", "-o", str(tmp_path), "--html", "--only", "doc", "-q"]) == 0
    out = capsys.readouterr().out.split()
    target = tmp_path / "north-east-lis-draft.html"
    assert str(target) in out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["north-east-lis-draft.docx", "north-east-lis-draft.html"]
    assert target.read_text("utf-8").startswith("<!DOCTYPE html>")


def test_write_html_is_all_or_nothing(tmp_path: Path, project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "draft.html"
    target.write_text("old", "utf-8")

    def fail(block: Any, ctx: Context) -> str:
        raise RuntimeError("renderer bug")

    monkeypatch.setitem(RENDERERS, "timeline", fail)
    with pytest.raises(RuntimeError):
        write_html(project, target)
    assert target.read_text("utf-8") == "old" and [p.name for p in tmp_path.iterdir()] == ["draft.html"]


def test_highlighted_and_wide_cards(project: Project) -> None:
    from neslis_desktop.model import Card, CardsBlock

    block = CardsBlock(cards=[Card(title="Key", body="Matters most", highlight=True), Card(body="Across", wide=True)])
    section = project.sections[0].model_copy(update={"blocks": [block]})
    page = lxml_html.fromstring(to_html(project.model_copy(update={"sections": [section]})))
    key, across = page.find_class("card")
    assert "card-highlight" in key.get("class") and _text(key).startswith("Key point: Key")
    assert "card-wide" in across.get("class") and "Key point" not in _text(across)
