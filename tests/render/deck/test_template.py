"""Deck templates: ours, Pandoc's, LibreOffice's, 4:3, .potx, mapped, and ones that cannot serve."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from deckread import new_violations, off_slide, open_deck, sample_plans, slide_text, title_of
from lxml import etree
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.util import Emu

from neslis_desktop.errors import TemplateError
from neslis_desktop.model import Project
from neslis_desktop.render.deck.layout_choice import ROLES
from neslis_desktop.render.deck.plan import Frame
from neslis_desktop.render.deck.preview import section_preview, template_look
from neslis_desktop.render.deck.template import load_template, open_presentation
from neslis_desktop.render.deck.writer import draw_deck
from neslis_desktop.resources import bundled_deck_template

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def _inside(frame: Frame) -> None:
    for rect in (frame.title, frame.body):
        assert rect.x >= 0 and rect.right <= frame.slide_w
        assert rect.y >= 0 and rect.bottom <= frame.slide_h
        assert rect.w > 0 and rect.h > 0


def _write(template: Path | None, project: Project, target: Path) -> tuple[Path, list[str]]:
    deck_template = load_template(template)
    messages = deck_template.messages + draw_deck(deck_template, sample_plans(deck_template.frames), project)
    deck_template.prs.save(str(target))
    return target, messages


def _check_deck(path: Path, validate: Callable[..., str], template: Path | None = None) -> None:
    deck = open_deck(path)
    plans = sample_plans()
    assert [title_of(s) for s in deck.slides] == [p.title for p in plans]
    for slide in deck.slides:
        for shape in slide.placeholders:
            assert shape.text_frame.text.strip(), f"empty {shape.name}"
    assert off_slide(deck) == []
    if template is None:
        validate(path)
    else:  # LibreOffice's exports break the schema themselves; the deck must add nothing to that
        assert new_violations(template, path) == set()


# --- the bundled template ---------------------------------------------------------------------


def test_bundled_template_is_16_9_with_the_office_layouts_and_our_theme() -> None:
    prs = Presentation(str(bundled_deck_template()))
    assert (prs.slide_width, prs.slide_height) == (12_192_000, 6_858_000)
    assert [layout.name for layout in prs.slide_layouts] == [
        "Title Slide",
        "Title and Content",
        "Section Header",
        "Title Only",
        "Blank",
    ]
    assert len(prs.slides) == 0
    look = template_look(None)
    assert look.fonts.major == "Calibri Light" and look.fonts.minor == "Calibri"
    assert look.palette["tx2"] == look.palette["dk2"] != look.palette["bg1"]
    assert set(look.palette) >= {"accent1", "accent6", "tx1", "tx2", "bg1", "bg2"}
    assert all(v.startswith("#") and len(v) == 7 for v in look.palette.values())
    for layout in prs.slide_layouts:
        kinds = {ph.placeholder_format.type for ph in layout.placeholders}
        assert {PP_PLACEHOLDER.DATE, PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER} <= kinds


def test_bundled_template_frames_and_no_messages() -> None:
    deck_template = load_template(None)
    assert deck_template.messages == []
    assert {role: deck_template.layouts[role].name for role in ROLES} == {
        "title": "Title Slide",
        "section": "Section Header",
        "content": "Title and Content",
        "title_only": "Title Only",
        "blank": "Blank",
    }
    content, title_only = deck_template.frames["content"], deck_template.frames["title_only"]
    for frame in deck_template.frames.values():
        _inside(frame)
    # Title Only: below the title, above the footers, within the title's margins.
    assert title_only.body.y >= title_only.title.bottom
    assert title_only.body.x == title_only.title.x and title_only.body.right == title_only.title.right
    assert title_only.body.bottom <= int(6.95 * 914_400)
    assert content.body.y >= content.title.bottom


def test_bundled_template_passes_the_validator(validate: Callable[..., str]) -> None:
    validate(bundled_deck_template())


def test_the_template_builder_is_reproducible(tmp_path: Path) -> None:
    import runpy

    module = runpy.run_path(str(bundled_deck_template().parent / "make_deck_template.py"))
    made = module["build"](tmp_path / "again.pptx")
    with zipfile.ZipFile(made) as fresh, zipfile.ZipFile(bundled_deck_template()) as committed:
        assert sorted(fresh.namelist()) == sorted(committed.namelist())
        for name in fresh.namelist():
            assert fresh.read(name) == committed.read(name), name


# --- foreign templates ------------------------------------------------------------------------


def test_pandoc_reference(
    pandoc_reference: Callable[[str], Path], project: Project, tmp_path: Path, validate: Callable[..., str]
) -> None:
    reference = pandoc_reference("pptx")
    assert len(Presentation(str(reference)).slides) > 0  # it has sample slides to remove
    path, messages = _write(reference, project, tmp_path / "pandoc.pptx")
    _check_deck(path, validate)
    with zipfile.ZipFile(path) as package:
        slides = [n for n in package.namelist() if n.startswith("ppt/slides/slide")]
        notes = [n for n in package.namelist() if n.startswith("ppt/notesSlides/notesSlide")]
    assert len(slides) == len(sample_plans())  # the reference's own slides left no orphan part
    assert len(notes) == sum(1 for plan in sample_plans() if plan.notes)
    assert not any("Section Header" in m for m in messages)


@pytest.mark.slow
def test_libreoffice_export(
    libreoffice_template: Callable[[str], Path], project: Project, tmp_path: Path, validate: Callable[..., str]
) -> None:
    vivid = libreoffice_template("Vivid")
    deck_template = load_template(vivid)
    assert deck_template.layouts["content"].name == "Title, Content"
    assert deck_template.layouts["blank"].name == "Blank Slide"
    assert any("no 'Section Header' layout" in m and "dividers" in m for m in deck_template.messages)
    for frame in deck_template.frames.values():
        _inside(frame)
    path, _ = _write(vivid, project, tmp_path / "vivid.pptx")
    _check_deck(path, validate, template=vivid)
    deck = open_deck(path)
    footers = [s for s in deck.slides[2].placeholders if s.placeholder_format.type == PP_PLACEHOLDER.FOOTER]
    assert footers and footers[0].left is not None  # position inherited from the master
    # No divider layout: the section's subtitle is drawn below the title instead.
    assert "Section 1" in slide_text(deck.slides[1])
    # LibreOffice keeps its bullets where PowerPoint does not look, so the deck writes its own.
    body = next(
        s
        for s in deck.slides[2].placeholders
        if s.placeholder_format.type in (PP_PLACEHOLDER.OBJECT, PP_PLACEHOLDER.BODY)
    )
    first = body.text_frame.paragraphs[1]._p  # "Second level point", a bullet
    assert first.find(f"{A}pPr/{A}buChar") is not None


def test_template_bullets_are_kept_where_it_has_them(tmp_path: Path, project: Project) -> None:
    path, _ = _write(None, project, tmp_path / "ours.pptx")
    content = open_deck(path).slides[2]
    body = next(s for s in content.placeholders if s.placeholder_format.idx == 1)
    assert body.text_frame.paragraphs[1]._p.find(f"{A}pPr/{A}buChar") is None  # the master's teal bullet


def test_four_by_three_template(project: Project, tmp_path: Path, validate: Callable[..., str]) -> None:
    prs = Presentation()  # python-pptx's default template is 4:3 (10 x 7.5 in)
    prs.slide_width, prs.slide_height = Emu(9_144_000), Emu(6_858_000)
    source = tmp_path / "four-three.pptx"
    prs.save(str(source))
    deck_template = load_template(source)
    assert all(f.slide_w == 9_144_000 for f in deck_template.frames.values())
    for frame in deck_template.frames.values():
        _inside(frame)
    path, _ = _write(source, project, tmp_path / "deck43.pptx")
    _check_deck(path, validate)


def test_potx_template(project: Project, tmp_path: Path, validate: Callable[..., str]) -> None:
    potx = tmp_path / "corporate.potx"
    with zipfile.ZipFile(bundled_deck_template()) as source, zipfile.ZipFile(potx, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"presentationml.presentation.main+xml", b"presentationml.template.main+xml")
            target.writestr(info, data)
    with pytest.raises(Exception):  # noqa: B017 - python-pptx alone refuses a .potx
        Presentation(str(potx))
    path, _ = _write(potx, project, tmp_path / "from-potx.pptx")
    _check_deck(path, validate)
    with zipfile.ZipFile(path) as package:
        assert b"presentationml.presentation.main+xml" in package.read("[Content_Types].xml")


def test_mapping_file_beside_the_template(project: Project, tmp_path: Path) -> None:
    source = tmp_path / "mapped.pptx"
    source.write_bytes(bundled_deck_template().read_bytes())
    (tmp_path / "mapped.layouts.yaml").write_text("section: Title Only\ncontent: Title and Content\n", "utf-8")
    deck_template = load_template(source)
    assert deck_template.layouts["section"].name == "Title Only"
    assert deck_template.layouts["title"].name == "Title Slide"


@pytest.mark.parametrize(
    ("mapping", "expected"),
    [
        ("section: No Such Layout\n", "has no layout named 'No Such Layout'"),
        ("cover: Title Slide\n", "unknown role 'cover'"),
        ("- Title Slide\n", "must map roles"),
        ("content: [unclosed\n", "could not be read"),
        ("content: Blank\n", "has no title placeholder"),
    ],
)
def test_bad_mapping_files_name_the_file_and_field(tmp_path: Path, mapping: str, expected: str) -> None:
    source = tmp_path / "mapped.pptx"
    source.write_bytes(bundled_deck_template().read_bytes())
    (tmp_path / "mapped.layouts.yaml").write_text(mapping, "utf-8")
    with pytest.raises(TemplateError, match=r"mapped\.layouts\.yaml") as caught:
        load_template(source)
    assert expected in str(caught.value)


# --- templates that cannot serve --------------------------------------------------------------


def test_not_a_zip(tmp_path: Path) -> None:
    bad = tmp_path / "notes.pptx"
    bad.write_text("this is not a presentation", "utf-8")
    with pytest.raises(TemplateError, match=r"notes\.pptx"):
        load_template(bad)


def test_a_damaged_presentation_part(tmp_path: Path) -> None:
    bad = tmp_path / "damaged.pptx"
    with zipfile.ZipFile(bundled_deck_template()) as source, zipfile.ZipFile(bad, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            target.writestr(info, b"<p:presentation" if info.filename == "ppt/presentation.xml" else data)
    with pytest.raises(TemplateError, match=r"damaged\.pptx"):
        open_presentation(bad)


def test_layouts_without_any_title_placeholder(tmp_path: Path) -> None:
    prs = Presentation()
    for layout in prs.slide_layouts:
        for ph in list(layout.placeholders):
            if ph.placeholder_format.type in (
                PP_PLACEHOLDER.TITLE,
                PP_PLACEHOLDER.CENTER_TITLE,
                PP_PLACEHOLDER.VERTICAL_TITLE,
            ):
                ph._element.getparent().remove(ph._element)
    source = tmp_path / "untitled.pptx"
    buffer = io.BytesIO()
    prs.save(buffer)
    source.write_bytes(buffer.getvalue())
    with pytest.raises(TemplateError, match=r"untitled\.pptx.*title placeholder"):
        load_template(source)


# --- preview ----------------------------------------------------------------------------------


def test_section_preview_uses_the_template_look(project: Project) -> None:
    preview = section_preview(project, 0)
    assert preview.plans and all(p.title for p in preview.plans)
    assert (preview.slide_w, preview.slide_h) == (12_192_000, 6_858_000)
    assert preview.palette["accent1"] == template_look(None).palette["accent1"]
    assert preview.fonts.major == "Calibri Light"


def test_template_look_is_cached_until_the_file_changes(tmp_path: Path) -> None:
    source = tmp_path / "t.pptx"
    source.write_bytes(bundled_deck_template().read_bytes())
    first = template_look(source)
    assert template_look(source) is first
    prs = Presentation(str(source))
    prs.slide_width = Emu(9_144_000)
    prs.save(str(source))
    import os

    os.utime(source, ns=(source.stat().st_atime_ns, source.stat().st_mtime_ns + 1_000_000_000))
    assert template_look(source).slide_w == 9_144_000


def test_sample_slides_in_sections_leave_no_dangling_ids(
    tmp_path: Path, project: Project, validate: Callable[..., str]
) -> None:
    """PowerPoint templates group their sample slides in sections, which name the slides by id."""
    prs = Presentation(str(bundled_deck_template()))
    slide = prs.slides.add_slide(prs.slide_layouts[1])
    slide.shapes.title.text = "Sample"
    slide_id = prs.slides._sldIdLst[0].get("id")
    p = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
    p14 = "{http://schemas.microsoft.com/office/powerpoint/2010/main}"
    ext = etree.SubElement(
        etree.SubElement(prs.part._element, f"{p}extLst"), f"{p}ext", uri="{521415D9-36F7-43E2-AB2F-B90AF26B5E84}"
    )
    section = etree.SubElement(
        etree.SubElement(ext, f"{p14}sectionLst"),
        f"{p14}section",
        name="Samples",
        id="{5B5C5C5C-0000-4000-8000-000000000001}",
    )
    etree.SubElement(etree.SubElement(section, f"{p14}sldIdLst"), f"{p14}sldId", id=slide_id)
    source = tmp_path / "sectioned.pptx"
    prs.save(str(source))
    with zipfile.ZipFile(source) as package:
        assert b"sectionLst" in package.read("ppt/presentation.xml")
    path, _ = _write(source, project, tmp_path / "out.pptx")
    with zipfile.ZipFile(path) as package:
        assert b"sectionLst" not in package.read("ppt/presentation.xml")
    _check_deck(path, validate)


def test_layouts_are_found_by_type_when_names_do_not_tell(tmp_path: Path) -> None:
    """A localised template ('Titelfolie' ...) is still understood from its layouts' types."""
    prs = Presentation(str(bundled_deck_template()))
    for n, layout in enumerate(prs.slide_layouts):
        layout._element.cSld.set("name", f"Folie {n}")
    source = tmp_path / "localised.pptx"
    prs.save(str(source))
    deck_template = load_template(source)
    assert {role: deck_template.layouts[role].name for role in ROLES} == {
        "title": "Folie 0",
        "content": "Folie 1",
        "section": "Folie 2",
        "title_only": "Folie 3",
        "blank": "Folie 4",
    }
    assert deck_template.messages == []


@pytest.mark.slow
def test_libreoffice_export_whose_layout_boxes_mislead(
    libreoffice_template: Callable[[str], Path], project: Project, tmp_path: Path
) -> None:
    """LibreOffice writes the same generic boxes into every layout; its sample slides show the real ones."""
    source = libreoffice_template("Midnightblue")
    deck_template = load_template(source)
    content = deck_template.frames["content"]
    layout_boxes = [
        ph.top
        for ph in deck_template.layouts["content"].placeholders
        if ph.placeholder_format.type == PP_PLACEHOLDER.TITLE
    ]
    assert content.title.y != layout_boxes[0]  # not the layout's own (generic) box
    assert content.title.w > content.slide_w * 0.8 and content.body.w > content.slide_w * 0.8
    path, _ = _write(source, project, tmp_path / "midnight.pptx")
    slide = open_deck(path).slides[2]
    assert slide.shapes.title.top == content.title.y and slide.shapes.title.width == content.title.w
    assert new_violations(source, path) == set()


def test_palette_follows_the_masters_colour_map(tmp_path: Path) -> None:
    """A dark template maps bg1 to dk1 and tx1 to lt1; the preview must show it so."""
    prs = Presentation(str(bundled_deck_template()))
    clr_map = prs.slide_master._element.find("{http://schemas.openxmlformats.org/presentationml/2006/main}clrMap")
    clr_map.set("bg1", "dk1")
    clr_map.set("tx1", "lt1")
    source = tmp_path / "dark.pptx"
    prs.save(str(source))
    look = template_look(source)
    assert look.palette["bg1"] == look.palette["dk1"] == "#1B1F24"
    assert look.palette["tx1"] == look.palette["lt1"] == "#FFFFFF"
    assert look.palette["accent1"] == "#00778A"
