"""Charts, tables and pictures in the HTML edition, read back as a parser sees them: the SVG's
marks against the numbers, its title and description, the data table after it, the tables'
headers, alignment and totals, and pictures embedded with their alt text."""

from __future__ import annotations

import base64
import re
from typing import Any

import pytest
from lxml import html as lxml_html
from office import REPO

from neslis_desktop.cli import main
from neslis_desktop.model import Project, plain_text
from neslis_desktop.model.evidence import ChartBlock, PictureBlock, TableBlock, format_number
from neslis_desktop.render.chart_colours import contrast
from neslis_desktop.render.html import Context, to_html
from neslis_desktop.render.html.blocks import render_block
from neslis_desktop.store import load_project

EXAMPLE = REPO / "content" / "evidence-example"


def _text(el: Any) -> str:
    return re.sub(r"\s+", " ", el.text_content()).strip()


def _blocks(project: Project, kind: type) -> list[Any]:
    return [b for s in project.sections for b in s.blocks if isinstance(b, kind)]


@pytest.fixture(scope="module")
def example() -> Project:
    return load_project(EXAMPLE)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Any:
    out = tmp_path_factory.mktemp("html")
    assert main(["build", str(EXAMPLE), "-o", str(out), "--html", "--only", "doc", "-q"]) == 0
    return lxml_html.fromstring((out / "evidence-example-draft.html").read_text("utf-8"))


def _chart(block: ChartBlock) -> Any:
    return lxml_html.fromstring(render_block(block, Context(level=4, prefix="t")))


def _marks(svg: Any) -> list[Any]:
    return [el for el in svg.iter() if "mark" in (el.get("class") or "").split()]


def _proportional(pairs: list[tuple[float, float]]) -> None:
    """Each drawn size divided by its value is the same (to drawing precision)."""
    ratios = [size / abs(value) for value, size in pairs if value]
    assert ratios and max(ratios) - min(ratios) < 0.01 * max(ratios), pairs


def check_chart(block: ChartBlock, figure: Any) -> None:
    """What a reader (and a screen reader) gets from one chart figure."""
    [svg] = figure.findall(".//svg")
    assert svg.get("role") == "img" and svg.get("width") == "100%" and svg.get("viewbox").startswith("0 0 ")
    title, desc = svg.find("title"), svg.find("desc")
    assert svg.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    assert title.text == plain_text(block.title) and desc.text == plain_text(block.alt())
    assert _text(figure.find("figcaption")).startswith(plain_text(block.title))
    marks = _marks(svg)
    points = [(s, c, v) for s, ser in enumerate(block.series) for c, v in enumerate(ser.values) if v is not None]
    if block.chart_type == "pie":
        points = [(s, c, v) for s, c, v in points if v > 0]
    # One mark per value drawn: categories x series, less the gaps.
    assert sorted(
        (int(m.get("data-series")), int(m.get("data-category")), float(m.get("data-value"))) for m in marks
    ) == sorted(points)
    kind = block.chart_type
    if kind in ("column", "bar"):
        size = "height" if kind == "column" else "width"
        _proportional([(float(m.get("data-value")), float(m.get(size))) for m in marks])
    elif kind in ("stacked_column", "stacked_bar"):
        size = "height" if kind == "stacked_column" else "width"
        totals: dict[str, float] = {}
        for m in marks:
            totals[m.get("data-category")] = totals.get(m.get("data-category"), 0) + float(m.get(size))
        sums = [sum(abs(s.values[c] or 0) for s in block.series) for c in range(len(block.categories))]
        _proportional([(sums[int(c)], t) for c, t in totals.items()])
    elif kind == "line":
        ys = [(float(m.get("data-value")), float(m.get("data-y"))) for m in marks]
        (v0, y0), (v1, y1) = min(ys), max(ys)
        for v, y in ys:  # y falls as the value rises, on one straight scale
            assert abs(y - (y0 + (v - v0) * (y1 - y0) / (v1 - v0))) < 0.05
        assert y1 < y0
    else:
        values = [v or 0 for v in block.series[0].values]
        shares = sorted(float(m.get("data-share")) for m in marks)
        assert shares == pytest.approx(sorted(v / sum(values) for v in values if v > 0), abs=1e-5)
    if block.reference is not None:
        [line] = [el for el in svg.iter("line") if el.get("class") == "reference"]
        assert float(line.get("data-value")) == block.reference.value
        assert plain_text(block.reference.label) in " ".join(_text(t) for t in svg.iter("text"))  # legend
    fills = {m.get("fill") for m in marks} | {m[0].get("fill") for m in marks if m.tag == "g"}
    fills.discard(None)
    assert all(contrast(f, "#ffffff") >= 3 for f in fills), fills
    if len(fills) == 2:
        a, b = fills
        assert contrast(a, b) >= 3
    # The data follow as a real table: a row per category, a column per series.
    [table] = figure.findall(".//table")
    assert _text(table.find("caption")).startswith("Data for the chart: " + plain_text(block.title))
    heads = [_text(th) for th in table.findall("thead/tr/th")]
    assert heads[1 : 1 + len(block.series)] == [plain_text(s.name) for s in block.series]
    assert all(th.get("scope") == "col" for th in table.findall("thead/tr/th"))
    rows = table.findall("tbody/tr")
    assert [_text(r[0]) for r in rows] == [plain_text(c) for c in block.categories]
    assert all(r[0].tag == "th" and r[0].get("scope") == "row" for r in rows)
    for c, row in enumerate(rows):
        for s, ser in enumerate(block.series):
            assert _text(row[1 + s]) == format_number(ser.values[c], ser.number_format)
            assert row[1 + s].get("class") == "numeric"


def test_every_chart_of_the_example_is_svg_with_its_data(example: Project, built: Any) -> None:
    charts = _blocks(example, ChartBlock)
    figures = built.find_class("chart")
    assert len(charts) == len(figures) == 3
    for block, figure in zip(charts, figures, strict=True):
        check_chart(block, figure)
    source = figures[0].find_class("source")[0]
    assert _text(source).startswith("Source: Office for National Statistics")
    assert source.find(".//a").get("href") == charts[0].source.link


def _series(name: str, values: list[float | None], fmt: str = "0.0") -> dict[str, Any]:
    return {"name": name, "values": values, "number_format": fmt, "units": "Jobs"}


CHARTS = [
    {"chart_type": "column", "series": [_series("A", [3, -2, None, 5]), _series("B", [1, 4, 2, 0])]},
    {"chart_type": "bar", "series": [_series("A", [30, 20, 10, 5]), _series("B", [-5, 4, 2, 1])]},
    {"chart_type": "stacked_column", "series": [_series("A", [3, 2, 1, 5]), _series("B", [1, 4, 2, 0])]},
    {"chart_type": "stacked_bar", "series": [_series(n, [3, 2, 1, 5]) for n in "ABC"]},
    {"chart_type": "line", "series": [_series("A", [3, 2.5, None, 5]), _series("B", [1, 4, 2, 0.5])]},
    {"chart_type": "pie", "series": [_series("Share", [50, 25, 0, 25], "0%")]},
]


def chart(spec: dict[str, Any], **more: Any) -> ChartBlock:
    return ChartBlock.model_validate(
        {
            "title": f"A {spec['chart_type']} chart",
            "categories": ["North", "South East", "West", "2024"],
            **spec,
            **more,
        }
    )


@pytest.mark.parametrize("spec", CHARTS, ids=[c["chart_type"] for c in CHARTS])
def test_every_chart_type_matches_its_data(spec: dict[str, Any]) -> None:
    block = chart(spec, alt_text="Made up figures to test the drawing.")
    [figure] = _chart(block).xpath("//figure")
    check_chart(block, figure)


def test_reference_line_sits_at_its_value() -> None:
    block = chart(CHARTS[0], reference={"label": "Target", "value": 4})
    svg = _chart(block).find(".//svg")
    [line] = [el for el in svg.iter("line") if el.get("class") == "reference"]
    bars = [(float(m.get("data-value")), float(m.get("y")), float(m.get("height"))) for m in _marks(svg)]
    zero = next(y + h for v, y, h in bars if v > 0)
    per_unit = next(h / v for v, _, h in bars if v > 0)
    assert float(line.get("data-y")) == pytest.approx(zero - 4 * per_unit, abs=0.05)


def test_tables_have_caption_headers_numbers_right_and_totals(example: Project, built: Any) -> None:
    tables = _blocks(example, TableBlock)
    html_tables = [t for t in built.iter("table") if not t.xpath("ancestor::figure")]
    assert len(html_tables) == len(tables) == 2
    for block, table in zip(tables, html_tables, strict=True):
        assert _text(table.find("caption")) == plain_text(block.caption)
        heads = table.findall("thead/tr/th")
        assert [_text(h) for h in heads] == [plain_text(c.title) for c in block.columns]
        assert all(h.get("scope") == "col" for h in heads)
        rows = table.findall("tbody/tr")
        assert len(rows) == len(block.rows)
        for row, cells in zip(rows, block.rows, strict=True):
            assert [_text(c) for c in row] == [block.cell_text(cells, i) for i in range(len(cells))]
            assert row[0].tag == "th" and row[0].get("scope") == "row"
            for col, cell in zip(block.columns, row, strict=True):
                assert (cell.get("class") == "numeric") == (col.alignment() == "right")
        foot = table.findall("tfoot/tr")
        if block.totals:
            assert [[_text(c) for c in foot[0]]] == [
                [block.cell_text(block.totals, i) for i in range(len(block.totals))]
            ]
        else:
            assert foot == []
    assert "United Kingdom" in _text(html_tables[0].find("tfoot"))


def test_pictures_are_embedded_with_alt_caption_and_credit(example: Project, built: Any) -> None:
    [block] = _blocks(example, PictureBlock)
    [figure] = built.find_class("picture")
    img = figure.find(".//img")
    assert img.get("alt") == block.alt_text
    prefix = "data:image/png;base64,"
    assert img.get("src").startswith(prefix)
    assert base64.b64decode(img.get("src")[len(prefix) :]) == (EXAMPLE / block.file).read_bytes()
    assert (int(img.get("width")), int(img.get("height"))) == block.pixels
    caption = _text(figure.find("figcaption"))
    assert plain_text(block.caption) in caption and plain_text(block.credit) in caption
    # Nothing on the page is fetched: every src is data.
    assert all(el.get("src").startswith("data:") for el in built.iter() if el.get("src"))


def test_a_decorative_picture_has_empty_alt_and_a_missing_one_is_said(example: Project) -> None:
    [found] = _blocks(example, PictureBlock)
    block = PictureBlock(file=found.file, decorative=True)
    assert found.path is not None and found.pixels is not None
    block.attach(found.path, found.pixels)
    page = lxml_html.fromstring(render_block(block, Context(level=4, prefix="t")))
    img = page if page.tag == "img" else page.find(".//img")
    assert img.get("alt") == "" and page.find(".//figcaption") is None
    missing = render_block(PictureBlock(file="assets/gone.png", alt_text="Gone"), Context(level=4, prefix="t"))
    assert "assets/gone.png was not found" in missing


def test_wide_tables_are_marked_to_reflow(project: Project) -> None:
    page = lxml_html.fromstring(to_html(project))
    wraps = page.find_class("table-wrap")
    assert wraps
    for wrap in wraps:
        columns = len(wrap.findall(".//thead/tr/th"))
        assert ("reflow" in wrap.get("class").split()) == (columns >= 3)
        heads = [_text(th) for th in wrap.findall(".//thead/tr/th")]
        for row in wrap.findall(".//tbody/tr"):
            assert [c.get("data-label") for c in row] == heads


def test_text_in_charts_is_escaped() -> None:
    block = chart(CHARTS[0], title="<b>A & B</b>", alt_text="x < y")
    text = render_block(block, Context(level=4, prefix="t"))
    assert "<b>" not in text and "&lt;b&gt;A &amp; B&lt;/b&gt;" in text and "x &lt; y" in text


def test_chart_ids_are_unique_on_a_page() -> None:
    """A chart's ids are unique on a page with two charts."""
    ctx = Context(level=4, prefix="s")
    page = lxml_html.fromstring(
        "<div>" + render_block(chart(CHARTS[0]), ctx) + render_block(chart(CHARTS[1]), ctx) + "</div>"
    )
    ids = [el.get("id") for el in page.iter() if el.get("id")]
    assert len(ids) == len(set(ids))
