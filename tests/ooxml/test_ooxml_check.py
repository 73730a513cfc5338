"""The OOXML check catches what Office would repair, in real generated files, and passes them clean.

Each fault is injected into a freshly built deck or draft of the bundled project; the check
must report that fault, and only that fault. Markup Compatibility is tested the same way:
ignorable extensions and ``mc:AlternateContent`` pass as Office reads them, and the same
markup without its ``mc:`` declarations fails.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree

import ooxml
from neslis_desktop.render.pack import build_pack
from neslis_desktop.resources import bundled_project
from neslis_desktop.store import load_project
from ooxml.names import CT, MC, PR, A, P, R, W
from ooxml.schemas import XSD_DIR, SchemaError

P14 = "http://schemas.microsoft.com/office/powerpoint/2010/main"
NS = {"p": P, "a": A, "w": W, "r": R, "ct": CT, "pr": PR, "mc": MC}
Edit = Callable[[etree._Element], etree._Element | None]  # returns a new root, or None to keep the root


@pytest.fixture(scope="module")
def pack(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The bundled project's deck and draft, built once for this module."""
    out = tmp_path_factory.mktemp("pack")
    result = build_pack(load_project(bundled_project()), out)
    assert result.deck is not None and result.draft is not None
    return {"deck": result.deck, "draft": result.draft}


def mutated(source: Path, target: Path, entry: str, edit: Edit) -> Path:
    """A copy of package ``source`` at ``target`` with ``edit`` applied to the XML of ``entry``."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        assert entry in zin.namelist(), f"{entry} is not in {source.name}"
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == entry:
                root = etree.fromstring(data)
                new = edit(root)
                root = root if new is None else new
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            zout.writestr(info, data)
    return target


def first(root: etree._Element, xpath: str) -> etree._Element:
    found = root.xpath(xpath, namespaces=NS)
    assert found, f"nothing at {xpath}"
    return found[0]


def move_first_child_to_end(xpath: str) -> Edit:
    def edit(root: etree._Element) -> None:
        el = first(root, xpath)
        el.append(el[0])

    return edit


def set_attribute(xpath: str, name: str, value: str) -> Edit:
    def edit(root: etree._Element) -> None:
        first(root, xpath).set(name, value)

    return edit


def insert(xpath: str, xml: str, index: int = 0) -> Edit:
    """Insert ``xml`` (namespaces of ``NS`` declared) as child ``index`` of the element at ``xpath``."""

    def edit(root: etree._Element) -> None:
        declared = " ".join(f'xmlns:{k}="{v}"' for k, v in {**NS, "p14": P14}.items())
        wrapper = etree.fromstring(f"<wrap {declared}>{xml}</wrap>")
        first(root, xpath).insert(index, wrapper[0])

    return edit


def remove(xpath: str) -> Edit:
    def edit(root: etree._Element) -> None:
        el = first(root, xpath)
        el.getparent().remove(el)

    return edit


def declare_p14(ignorable: bool, must_understand: bool = False, process_content: str = "") -> Callable[[Edit], Edit]:
    """Wrap an edit of a slide so that the slide's root declares p14 (and, if asked, mc: attributes)."""

    def wrap(inner: Edit) -> Edit:
        def edit(root: etree._Element) -> etree._Element:
            text = etree.tostring(root, encoding="unicode")
            extra = f' xmlns:p14="{P14}" xmlns:mc="{MC}"'
            extra += ' mc:Ignorable="p14"' if ignorable else ""
            extra += ' mc:MustUnderstand="p14"' if must_understand else ""
            extra += f' mc:ProcessContent="{process_content}"' if process_content else ""
            at = text.index(" ")  # after the root's tag name
            new = etree.fromstring(text[:at] + extra + text[at:])
            inner(new)
            return new

        return edit

    return wrap


SLIDE = "ppt/slides/slide2.xml"
DOC = "word/document.xml"
SHAPE = "//p:spTree/p:sp[1]"
VALID_SHAPE = '<p:sp><p:nvSpPr><p:cNvPr id="99" name="Fallback"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr/></p:sp>'

# (fault, output, entry, edit, what the one violation says)
FAULTS = [
    (
        "element out of order",
        "deck",
        SLIDE,
        move_first_child_to_end(SHAPE),
        "p:spPr': This element is not expected. Expected is ( p:nvSpPr )",
    ),
    (
        "bad enumeration value",
        "deck",
        SLIDE,
        set_attribute(f"{SHAPE}//a:bodyPr", "anchor", "middle"),
        "'middle' is not an element of the set",
    ),
    (
        "unknown element",
        "deck",
        SLIDE,
        insert(f"{SHAPE}//a:rPr", "<a:sparkle/>"),
        "a:sparkle': This element is not expected",
    ),
    (
        "dangling r:id",
        "deck",
        "ppt/presentation.xml",
        set_attribute("//p:sldId[2]", f"{{{R}}}id", "rId999"),
        '[rel] r:id="rId999" has no matching Relationship in /ppt/_rels/presentation.xml.rels',
    ),
    (
        "part without a content type",
        "deck",
        "[Content_Types].xml",
        remove("//ct:Default[@Extension='bin']"),
        "[opc] part has no content type",
    ),
    (
        "slide without its Override",
        "deck",
        "[Content_Types].xml",
        remove("//ct:Override[@PartName='/ppt/slides/slide2.xml']"),
        "[opc] a p:sld part with the generic content type application/xml",
    ),
    (
        "missing relationship target",
        "deck",
        "ppt/slides/_rels/slide2.xml.rels",
        set_attribute("//pr:Relationship", "Target", "../slideLayouts/slideLayout99.xml"),
        "targets /ppt/slideLayouts/slideLayout99.xml, which is not in the package",
    ),
    (
        "unknown extension, not declared ignorable",
        "deck",
        SLIDE,
        declare_p14(False)(insert("//p:cSld", "<p14:sparkle/>", 1)),
        f"Element '{{{P14}}}sparkle': This element is not expected",
    ),
    (
        "mc:MustUnderstand of an unknown namespace",
        "deck",
        SLIDE,
        declare_p14(True, must_understand=True)(lambda r: None),
        f"[mc] mc:MustUnderstand requires {P14}",
    ),
    (
        "mc:AlternateContent whose fallback is invalid",
        "deck",
        SLIDE,
        insert(
            "//p:spTree",
            '<mc:AlternateContent><mc:Choice Requires="p"><p:bogus/></mc:Choice>'
            f"<mc:Fallback>{VALID_SHAPE}</mc:Fallback></mc:AlternateContent>",
            2,
        ),
        "p:bogus': This element is not expected",
    ),
    (
        "mc:ProcessContent keeping an invalid child",
        "deck",
        SLIDE,
        declare_p14(True, process_content="p14:wrap")(insert("//p:spTree", "<p14:wrap><p:bogus/></p14:wrap>", 2)),
        "p:bogus': This element is not expected",
    ),
    (
        "element out of order",
        "draft",
        DOC,
        move_first_child_to_end("//w:body/w:p[1]"),
        "w:pPr': This element is not expected",
    ),
    (
        "bad enumeration value",
        "draft",
        DOC,
        insert("//w:body/w:p[1]/w:pPr", '<w:jc w:val="middle"/>', 1),
        "'middle' is not an element of the set",
    ),
    ("unknown element", "draft", DOC, insert("//w:body", "<w:sparkle/>"), "w:sparkle': This element is not expected"),
    (
        "dangling r:id",
        "draft",
        DOC,
        set_attribute("//w:headerReference", f"{{{R}}}id", "rId99"),
        '[rel] r:id="rId99" has no matching Relationship in /word/_rels/document.xml.rels',
    ),
    (
        "part without a content type",
        "draft",
        "[Content_Types].xml",
        remove("//ct:Default[@Extension='xml']"),
        "[opc] part has no content type",
    ),
    (
        "style sheet without its Override",
        "draft",
        "[Content_Types].xml",
        remove("//ct:Override[@PartName='/word/styles.xml']"),
        "[opc] a w:styles part with the generic content type application/xml",
    ),
]


@pytest.mark.parametrize("case", FAULTS, ids=[f"{f[1]}: {f[0]}" for f in FAULTS])
def test_each_injected_fault_is_caught_and_only_it(
    pack: dict[str, Path], tmp_path: Path, case: tuple[str, str, str, Edit, str]
) -> None:
    fault, output, entry, edit, message = case
    broken = mutated(pack[output], tmp_path / f"broken{pack[output].suffix}", entry, edit)
    found = [v.message for v in ooxml.check_package(broken).violations]
    assert len(found) == 1 and message in found[0], f"{fault}: {found}"


# Markup Compatibility as Office applies it: these are valid although the schemas alone would refuse them.
ACCEPTED = [
    ("an ignorable extension element", declare_p14(True)(insert("//p:cSld", "<p14:sparkle/>", 1))),
    ("an ignorable extension attribute", declare_p14(True)(set_attribute(SHAPE, f"{{{P14}}}glow", "1"))),
    (
        "mc:AlternateContent taking its fallback",
        insert(
            "//p:spTree",
            f'<mc:AlternateContent><mc:Choice Requires="p14"><p14:sparkle/></mc:Choice>'
            f"<mc:Fallback>{VALID_SHAPE}</mc:Fallback></mc:AlternateContent>",
            2,
        ),
    ),
    (
        "mc:AlternateContent taking its first understood choice",
        insert(
            "//p:spTree",
            f'<mc:AlternateContent><mc:Choice Requires="p">{VALID_SHAPE}</mc:Choice>'
            "<mc:Fallback><p:bogus/></mc:Fallback></mc:AlternateContent>",
            2,
        ),
    ),
    (
        "mc:ProcessContent unwrapping an ignorable element",
        declare_p14(True, process_content="p14:wrap")(insert("//p:spTree", f"<p14:wrap>{VALID_SHAPE}</p14:wrap>", 2)),
    ),
    (
        "an ignorable element inside mc:AlternateContent's choice",
        declare_p14(True)(
            insert(
                "//p:spTree",
                f'<mc:AlternateContent><mc:Choice Requires="p"><p14:sparkle/>{VALID_SHAPE}</mc:Choice>'
                "</mc:AlternateContent>",
                2,
            )
        ),
    ),
]


@pytest.mark.parametrize(("what", "edit"), ACCEPTED, ids=[a[0] for a in ACCEPTED])
def test_markup_compatibility_accepts_what_office_accepts(
    pack: dict[str, Path], tmp_path: Path, what: str, edit: Edit
) -> None:
    changed = mutated(pack["deck"], tmp_path / "changed.pptx", SLIDE, edit)
    assert ooxml.check_package(changed).violations == [], what


def test_the_bundled_pack_is_clean_and_every_part_is_checked(pack: dict[str, Path]) -> None:
    reports = ooxml.check([pack["deck"], pack["draft"]])
    assert [r.violations for r in reports] == [[], []]
    for report, path in zip(reports, (pack["deck"], pack["draft"]), strict=True):
        with zipfile.ZipFile(path) as z:
            xml_entries = [n for n in z.namelist() if n.endswith((".xml", ".rels"))]
        # every XML entry has a schema here, except customXml/item1.xml (free-form data)
        assert report.parts_checked == len([n for n in xml_entries if n != "customXml/item1.xml"])
    assert ooxml.summary(reports).endswith(f"{sum(r.parts_checked for r in reports)} parts checked, 0 violations")


def test_the_command_line_exits_1_on_a_fault_and_0_when_clean(pack: dict[str, Path], tmp_path: Path) -> None:
    broken = mutated(pack["deck"], tmp_path / "broken.pptx", SLIDE, insert(f"{SHAPE}//a:rPr", "<a:sparkle/>"))
    tests = Path(__file__).resolve().parent.parent
    run = [sys.executable, "-m", "ooxml"]
    clean = subprocess.run([*run, str(pack["deck"])], capture_output=True, text=True, cwd=tests, check=False)
    assert (clean.returncode, clean.stdout.splitlines()[-1].endswith(" 0 violations")) == (0, True), clean.stderr
    bad = subprocess.run([*run, str(broken)], capture_output=True, text=True, cwd=tests, check=False)
    assert bad.returncode == 1 and f"{broken}:/{SLIDE}:" in bad.stdout and "a:sparkle" in bad.stdout


def test_a_schema_folder_missing_a_file_is_refused_by_name(tmp_path: Path) -> None:
    folder = tmp_path / "xsd"
    shutil.copytree(XSD_DIR, folder)
    (folder / "dml-main.xsd").unlink()
    with pytest.raises(SchemaError, match=r"dml-main\.xsd"):
        ooxml.load(folder)
