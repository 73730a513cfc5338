"""Charts, tables and pictures in the deck: native, editable, read back by python-pptx as written."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from office import REPO, ooxml_validate
from PIL import Image
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE
from pptx.oxml.ns import qn
from test_planner_support import default_frames

from neslis_desktop.model import Project, Section
from neslis_desktop.model.evidence import ChartBlock, PictureBlock, TableBlock
from neslis_desktop.render.chart_colours import MIN_CONTRAST, contrast, series_colours
from neslis_desktop.render.deck import write_deck
from neslis_desktop.render.deck.layouts.evidence import ChartShape, PictureShape, TableShape
from neslis_desktop.render.deck.plan import ThemeFonts
from neslis_desktop.render.deck.planner import plan_deck
from neslis_desktop.store import load_project

EXAMPLE = REPO / "content" / "evidence-example"
# python-pptx reads a line chart as LINE once any series (here the reference line) has no markers.
XL = {
    "line": {XL_CHART_TYPE.LINE_MARKERS, XL_CHART_TYPE.LINE},
    "bar": {XL_CHART_TYPE.BAR_CLUSTERED},
    "column": {XL_CHART_TYPE.COLUMN_CLUSTERED},
}


@pytest.fixture(scope="module")
def example() -> Project:
    return load_project(EXAMPLE)


@pytest.fixture(scope="module")
def deck(example: Project, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("evidence-deck") / "deck.pptx"
    write_deck(example, target)
    return target


def _blocks(project: Project, kind: type) -> list:
    return [b for s in project.sections for b in s.blocks if isinstance(b, kind)]


def test_charts_read_back_with_their_type_categories_and_values(example: Project, deck: Path) -> None:
    frames = [sh for slide in Presentation(str(deck)).slides for sh in slide.shapes if sh.has_chart]
    charts = _blocks(example, ChartBlock)
    assert len(frames) == len(charts) == 3
    for frame, block in zip(frames, charts, strict=True):
        chart = frame.chart
        assert chart.chart_type in XL[block.chart_type]
        assert list(chart.plots[0].categories) == block.categories
        read = {s.name: list(s.values) for plot in chart.plots for s in plot.series}
        for series in block.series:
            assert read[series.name] == series.values
        if block.reference is not None:  # the reference line is a series of its own, in a line plot
            assert read[block.reference.label] == [block.reference.value] * len(block.categories)
            assert chart.plots[-1].__class__.__name__ == "LinePlot"
        # Editable: the embedded workbook is there and python-pptx can open it.
        assert chart.part.chart_workbook.xlsx_part is not None
        assert frame._element.find("./*/" + qn("p:cNvPr")).get("descr") == block.alt()


def test_the_source_line_is_under_each_chart(deck: Path) -> None:
    for slide in Presentation(str(deck)).slides:
        charts = [sh for sh in slide.shapes if sh.has_chart]
        if not charts:
            continue
        sources = [sh for sh in slide.shapes if sh.has_text_frame and sh.text_frame.text.startswith("Source:")]
        assert sources and sources[0].top >= charts[0].top + charts[0].height


def test_tables_are_native_with_a_header_row_and_right_aligned_numbers(example: Project, deck: Path) -> None:
    tables = [sh.table for slide in Presentation(str(deck)).slides for sh in slide.shapes if sh.has_table]
    blocks = _blocks(example, TableBlock)
    assert len(tables) == len(blocks)
    for table, block in zip(tables, blocks, strict=True):
        assert table.first_row
        assert [c.text for c in table.rows[0].cells] == [c.title for c in block.columns]
        first = [c.text for c in table.rows[1].cells]
        assert first == [block.cell_text(block.rows[0], i) for i in range(len(block.columns))]
        algn = table.cell(1, 1).text_frame.paragraphs[0]._p.pPr.get("algn")
        assert algn == "r"


def test_a_long_table_splits_over_slides_with_its_header_repeated(tmp_path: Path) -> None:
    rows = [[f"Area {n}", n * 1000, n / 3] for n in range(1, 61)]
    table = TableBlock.model_validate(
        {
            "kind": "table",
            "caption": "Sixty areas",
            "columns": ["Area", {"title": "Jobs", "number_format": "#,##0"}, {"title": "Rate", "number_format": "0.0"}],
            "rows": rows,
        }
    )
    project = Project.model_validate({"meta": {"title": "T", "organisation": "O"}, "sections": []})
    project.sections.append(Section(id="t", title="Tables", blocks=[table]))
    target = tmp_path / "long.pptx"
    messages = write_deck(project, target)
    assert any("continues over" in m for m in messages)
    read = [sh.table for slide in Presentation(str(target)).slides for sh in slide.shapes if sh.has_table]
    assert len(read) >= 2
    body: list[str] = []
    for t in read:
        assert [c.text for c in t.rows[0].cells] == ["Area", "Jobs", "Rate"]
        body += [t.cell(r, 0).text for r in range(1, len(t.rows))]
    assert body == [f"Area {n}" for n in range(1, 61)]  # every row once, in order
    ooxml_validate(target)


def test_pictures_are_upright_unstretched_and_described(tmp_path: Path) -> None:
    folder = tmp_path / "ex"
    shutil.copytree(EXAMPLE, folder)
    image = Image.new("RGB", (400, 200), "red")
    exif = image.getexif()
    exif[0x0112] = 6  # a phone photo stored sideways: shown 200 wide, 400 high
    image.save(folder / "assets" / "photo.jpg", exif=exif)
    place = folder / "sections" / "place.yaml"
    place.write_text(place.read_text("utf-8").replace("tyne-bridge-drawing.png", "photo.jpg"), "utf-8")
    project = load_project(folder)
    target = tmp_path / "pic.pptx"
    write_deck(project, target)
    slides = list(Presentation(str(target)).slides)[1:]  # after the title slide and its logo
    pictures = [sh for slide in slides for sh in slide.shapes if sh.shape_type == 13]
    assert len(pictures) == 1
    pic = pictures[0]
    assert pic.image.size == (200, 400)
    assert abs(pic.width / pic.height - 0.5) < 0.01
    block = _blocks(project, PictureBlock)[0]
    assert pic._element.find("./*/" + qn("p:cNvPr")).get("descr") == block.alt_text


def test_the_title_slide_shows_the_partner_logos(deck: Path) -> None:
    cover = Presentation(str(deck)).slides[0]
    logos = [sh for sh in cover.shapes if sh.shape_type == 13]
    assert [sh._element.find("./*/" + qn("p:cNvPr")).get("descr") for sh in logos] == ["NESLIS Desktop example logo"]
    assert abs(logos[0].width / logos[0].height - 3.0) < 0.01  # 480 x 160, not stretched


def test_the_plan_carries_the_elements_the_preview_draws(example: Project) -> None:
    plans = plan_deck(example, default_frames(), ThemeFonts())
    shapes = [sh for p in plans for sh in p.shapes]
    for kind in (ChartShape, TableShape, PictureShape):
        found = [sh for sh in shapes if isinstance(sh, kind)]
        assert found and all(sh.text is not None and sh.box.w > 0 and sh.box.h > 0 for sh in found)


def test_series_colours_pass_three_to_one_where_the_theme_allows() -> None:
    office = {
        "bg1": "#FFFFFF",
        "accent1": "#4472C4",
        "accent2": "#ED7D31",
        "accent3": "#A5A5A5",
        "accent4": "#FFC000",
        "accent5": "#5B9BD5",
        "accent6": "#70AD47",
        "tx1": "#000000",
        "tx2": "#44546A",
    }
    two, notes = series_colours(office, 2)
    assert not notes
    assert all(contrast(c.rgb, "#FFFFFF") >= MIN_CONTRAST for c in two)
    assert contrast(two[0].rgb, two[1].rgb) >= MIN_CONTRAST
    # Office's orange (2.9:1 on white) and yellow fail; the chooser never picks them as they are.
    four, notes = series_colours(office, 4)
    assert all(contrast(c.rgb, "#FFFFFF") >= MIN_CONTRAST for c in four)
    assert ("accent4", 0.0) not in [(c.theme, c.brightness) for c in four]
    assert notes  # four colours cannot all be 3:1 apart on white, and the build says so


@pytest.mark.slow
def test_the_example_deck_is_valid_and_builds_through_foreign_templates(
    deck: Path, example: Project, pandoc_reference: Callable[[str], Path], tmp_path: Path
) -> None:
    ooxml_validate(deck)
    target = tmp_path / "pandoc.pptx"
    write_deck(example, target, template=pandoc_reference("pptx"))
    ooxml_validate(target)
    charts = [sh for slide in Presentation(str(target)).slides for sh in slide.shapes if sh.has_chart]
    assert len(charts) == 3


def test_a_picture_gone_after_loading_stops_the_build_naming_it(tmp_path: Path) -> None:
    from neslis_desktop.errors import ContentError
    from neslis_desktop.render.pack import build_pack

    folder = tmp_path / "ex"
    shutil.copytree(EXAMPLE, folder)
    project = load_project(folder)
    (folder / "assets" / "tyne-bridge-drawing.png").write_bytes(b"\x89PNG broken")
    out = tmp_path / "out"
    with pytest.raises(ContentError, match=r"tyne-bridge-drawing\.png"):
        build_pack(project, out)
    assert not any(out.iterdir())  # nothing half-written left behind


def test_the_example_saves_and_loads_unchanged(example: Project, tmp_path: Path) -> None:
    from neslis_desktop.store import save_project

    save_project(example, tmp_path / "copy")
    shutil.copytree(EXAMPLE / "assets", tmp_path / "copy" / "assets")
    again = load_project(tmp_path / "copy")
    assert again.model_dump() == example.model_dump()


def _odd_charts() -> list[ChartBlock]:
    years = [str(1960 + i) for i in range(60)]
    cases = [
        {
            "chart_type": "line",
            "categories": years,
            "series": [{"name": "Long", "values": [i * 1.5 - 20 for i in range(60)]}],
        },
        {
            "chart_type": "stacked_bar",
            "categories": ["A", "B"],
            "series": [{"name": f"S{k}", "values": [k, 8 - k]} for k in range(8)],
        },
        {
            "chart_type": "column",
            "categories": ["Loss", "Gain", "Gap"],
            "series": [{"name": "Change", "values": [-12.5, 30, None]}],
            "reference": {"label": "Zero", "value": 0},
        },
        {"chart_type": "pie", "categories": ["All", "None"], "series": [{"name": "Share", "values": [1, 0]}]},
        {
            "chart_type": "bar",
            "categories": ["Only"],
            "series": [{"name": "Huge", "values": [1.5e12], "number_format": "£#,##0"}],
        },
        {
            "chart_type": "stacked_column",
            "categories": ["x & <y>", "\u00e9t\u00e9 \u2014 2020"],
            "series": [{"name": 'Odd "names" & <tags>', "values": [1, 2]}, {"name": "B", "values": [2, 1]}],
        },
    ]
    return [ChartBlock.model_validate({"kind": "chart", "title": f"Odd {n}", **c}) for n, c in enumerate(cases)]


@pytest.mark.slow
def test_odd_charts_build_valid_files_that_read_back(tmp_path: Path) -> None:
    from neslis_desktop.render.draft import write_draft

    charts = _odd_charts()
    project = Project.model_validate({"meta": {"title": "Odd", "organisation": "O"}, "sections": []})
    project.sections.append(Section(id="odd", title="Odd charts", blocks=charts))
    deck, draft = tmp_path / "odd.pptx", tmp_path / "odd.docx"
    write_deck(project, deck)
    write_draft(project, draft)
    ooxml_validate(deck, draft)
    frames = [sh for slide in Presentation(str(deck)).slides for sh in slide.shapes if sh.has_chart]
    assert len(frames) == len(charts)
    for frame, block in zip(frames, charts, strict=True):
        read = {s.name: list(s.values) for plot in frame.chart.plots for s in plot.series}
        assert all(read[s.name] == s.values for s in block.series)


def test_chart_series_colours_in_the_deck_pass_against_the_background(deck: Path) -> None:
    from neslis_desktop.render.chart_colours import shade
    from neslis_desktop.render.deck.template import load_template

    palette = load_template(None).palette
    ns = {
        "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
        "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    }
    line_chart = next(sh for slide in Presentation(str(deck)).slides for sh in slide.shapes if sh.has_chart).chart
    colours = []
    for ser in list(line_chart._chartSpace.iterfind(".//c:ser", ns))[:2]:  # the two data series
        clr = ser.find("c:spPr/a:ln/a:solidFill/a:schemeClr", ns)
        mod = clr.find("a:lumMod", ns)
        colours.append(shade(palette[clr.get("val")], int(mod.get("val")) / 100_000 - 1 if mod is not None else 0))
    assert all(contrast(c, palette["bg1"]) >= MIN_CONTRAST for c in colours)
    assert contrast(colours[0], colours[1]) >= MIN_CONTRAST


@pytest.mark.slow
def test_a_libreoffice_template_carries_the_evidence(
    example: Project, libreoffice_template: Callable[[str], Path], tmp_path: Path
) -> None:
    from deckread import new_violations, off_slide

    template = libreoffice_template("Vivid")
    target = tmp_path / "vivid.pptx"
    write_deck(example, target, template=template)
    assert new_violations(template, target) == set()  # the template's own masters have some
    prs = Presentation(str(target))
    assert off_slide(prs) == []
    shapes = [sh for slide in prs.slides for sh in slide.shapes]
    assert sum(sh.has_chart for sh in shapes) == 3
    assert sum(sh.has_table for sh in shapes) >= 2
