"""python-pptx's private attributes and the deck's namespaces stay inside ``render/deck/oxml``.

The deck reaches below python-pptx's public API in one package (issue 16), so an upgrade of
python-pptx that renames ``_spTree`` or ``_sldIdLst`` breaks one place, and a prefix means one
namespace everywhere. These tests read the source of ``render/`` with :mod:`ast` and name the
file and line of every slip; the scanners are tried on snippets that break each rule first,
so a scanner that finds nothing cannot pass unnoticed.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Sequence
from pathlib import Path

from office import REPO

RENDER = REPO / "neslis_desktop" / "render"
OXML = RENDER / "deck" / "oxml"
NS_MODULE = OXML / "ns.py"

PRIVATE = frozenset(
    {
        "_spTree",
        "_element",
        "_txBody",
        "_sldIdLst",
        "_rels",
        "_next_slide_partname",
        "_add_sldId",
        "_add_relationship",
    }
)
"""python-pptx's private attributes the deck once used all over; only ``oxml`` may use them."""

_NAMESPACE_HOSTS = ("schemas.openxmlformats.org", "schemas.microsoft.com", "purl.org/dc")


def _is_namespace(node: ast.AST | None) -> bool:
    return (
        isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and any(host in node.value for host in _NAMESPACE_HOSTS)
    )


def _pptx_names(tree: ast.Module) -> set[str]:
    """Names a module binds by importing from python-pptx (``from pptx.oxml.text import CT_...``)."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "pptx":
            names |= {alias.asname or alias.name for alias in node.names}
        elif isinstance(node, ast.Import):
            names |= {alias.asname or alias.name for alias in node.names if alias.name.split(".")[0] == "pptx"}
    return names


def private_accesses(source: str) -> list[tuple[int, str]]:
    """(line, attribute) of each private python-pptx attribute ``source`` uses.

    Those in :data:`PRIVATE` on any object, and any ``_private`` attribute of a name imported
    from python-pptx (such as ``CT_RegularTextRun._escape_ctrl_chars``).
    """
    tree = ast.parse(source)
    pptx_names = _pptx_names(tree)
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Attribute):
            continue
        on_pptx_name = isinstance(node.value, ast.Name) and node.value.id in pptx_names
        if node.attr in PRIVATE or (on_pptx_name and node.attr.startswith("_") and not node.attr.startswith("__")):
            found.append((node.lineno, node.attr))
    return sorted(found)


def _is_namespace_map(node: ast.expr) -> bool:
    if isinstance(node, ast.Dict):
        return any(_is_namespace(v) for v in node.values)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "dict":
        return any(_is_namespace(k.value) for k in node.keywords)
    return False


def namespace_maps(source: str) -> list[int]:
    """Lines where ``source`` defines a namespace map: a dict (literal or ``dict(...)``) of namespace URIs."""
    nodes = ast.walk(ast.parse(source))
    return sorted(node.lineno for node in nodes if isinstance(node, ast.expr) and _is_namespace_map(node))


def namespace_uris(source: str) -> list[int]:
    """Lines of ``source`` that spell out a namespace URI (in a string or an f-string)."""
    nodes = ast.walk(ast.parse(source))
    return sorted({node.lineno for node in nodes if isinstance(node, ast.expr) and _is_namespace(node)})


def _scan(root: Path, rule: Callable[[str], Sequence[object]], *, skip: tuple[Path, ...]) -> list[str]:
    """``file:line`` (and ``: attribute``) of each hit of ``rule`` in the Python files under ``root``."""
    slips = []
    for path in sorted(root.rglob("*.py")):
        if any(path == s or s in path.parents for s in skip):
            continue
        for hit in rule(path.read_text(encoding="utf-8")):
            where = f"{hit[0]}: {hit[1]}" if isinstance(hit, tuple) else str(hit)
            slips.append(f"{path.relative_to(REPO).as_posix()}:{where}")
    return slips


# --- the scanners catch what they look for --------------------------------------------------------

_BREAKS_EVERY_RULE = """
from pptx.oxml.text import CT_RegularTextRun as Run
from lxml import etree

NSMAP = {"p": "http://schemas.openxmlformats.org/presentationml/2006/main"}
OTHER = dict(a="http://schemas.openxmlformats.org/drawingml/2006/main")
P14 = "{http://schemas.microsoft.com/office/powerpoint/2010/main}"

def draw(slide, prs, frame, layout, uri):
    tree = slide.shapes._spTree
    root = layout._element
    body = frame._txBody
    ids = prs.slides._sldIdLst
    part = prs.part
    rid = part._rels._add_relationship("rt", part)
    ids._add_sldId(id=256, rId=rid)
    name = part._next_slide_partname
    clean = Run._escape_ctrl_chars("x")
    found = root.find(f"{{{uri}}}sld")
    return etree._Element, slide.name
"""


def test_the_scanner_finds_every_kind_of_private_access() -> None:
    found = private_accesses(_BREAKS_EVERY_RULE)
    assert {attr for _, attr in found} == PRIVATE | {"_escape_ctrl_chars"}
    assert (18, "_escape_ctrl_chars") in found and (10, "_spTree") in found
    # lxml's own _Element and plain attributes are not python-pptx's privates.
    assert "_Element" not in {attr for _, attr in found}


def test_the_scanner_finds_namespace_maps_and_uris() -> None:
    assert namespace_maps(_BREAKS_EVERY_RULE) == [5, 6]
    assert namespace_uris(_BREAKS_EVERY_RULE) == [5, 6, 7]
    assert namespace_maps('LABELS = {"p": "slide", "a": "drawing"}\nURL = {"home": "https://example.org"}') == []


def test_the_scanners_see_the_oxml_package_itself() -> None:
    """Run on the real files, the rules find what ``oxml`` is there to hold."""
    used = {slip.rsplit(": ", 1)[1] for slip in _scan(OXML, private_accesses, skip=())}
    assert {"_spTree", "_element", "_sldIdLst", "_escape_ctrl_chars"} <= used <= PRIVATE | {"_escape_ctrl_chars"}
    maps = _scan(OXML, namespace_maps, skip=())
    assert len(maps) == 1 and maps[0].startswith("neslis_desktop/render/deck/oxml/ns.py:"), maps


# --- the rules hold in render/ -----------------------------------------------------------------


def test_no_private_python_pptx_attribute_outside_oxml() -> None:
    slips = _scan(RENDER, private_accesses, skip=(OXML,))
    assert slips == [], "use (or add) a function of render/deck/oxml instead:\n" + "\n".join(slips)


def test_the_one_namespace_map_is_oxml_ns() -> None:
    slips = _scan(RENDER, namespace_maps, skip=(NS_MODULE,))
    assert slips == [], "use render/deck/oxml/ns.py's NS and qn instead:\n" + "\n".join(slips)


def test_the_deck_takes_its_namespaces_from_oxml_ns() -> None:
    slips = _scan(RENDER / "deck", namespace_uris, skip=(NS_MODULE,))
    assert slips == [], "use render/deck/oxml/ns.py's NS and qn instead:\n" + "\n".join(slips)
