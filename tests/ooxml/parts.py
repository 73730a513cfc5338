"""One XML part checked: well-formed, Markup Compatibility applied, the right root, valid by the schemas.

Also collects the part's relationship references (every ``r:`` attribute) for the package
check, and checks a chart's axis ids, which no schema rule covers but PowerPoint repairs.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from .compat import Compat
from .names import C, R, short
from .report import Report
from .schemas import Schemas

_R_ATTRIBUTES = etree.XPath("//@r:*", namespaces={"r": R})
_AXES = {f"{{{C}}}{name}" for name in ("catAx", "dateAx", "serAx", "valAx")}


@dataclass(frozen=True)
class Reference:
    """An ``r:`` attribute of a part: it must name a relationship in the part's ``.rels``."""

    part: str
    line: int
    attribute: str  # "r:id", "r:embed"...
    value: str
    path: str  # the element's XPath


def parse(data: bytes) -> etree._Element:
    """The root element of ``data``, parsed without network, entities or size limits."""
    parser = etree.XMLParser(no_network=True, resolve_entities=False, huge_tree=True)
    return etree.fromstring(data, parser)


def check_part(
    report: Report,
    part: str,
    data: bytes,
    expected_root: str,
    schemas: Schemas,
    *,
    compat: bool = True,
    references: list[Reference] | None = None,
) -> etree._Element | None:
    """Check one part's XML into ``report``; its root after Markup Compatibility, None if unparsable.

    ``compat`` is off for the package's own parts (content types, relationships), which Markup
    Compatibility does not apply to. ``references``, when given, receives the part's ``r:``
    attributes, read before Markup Compatibility so that those in any mc:Choice count too.
    """
    report.parts_checked += 1
    try:
        root = parse(data)
    except etree.XMLSyntaxError as exc:
        report.add(part, exc.lineno, f"not well-formed XML: {exc.msg}")
        return None
    if references is not None:
        tree = root.getroottree()
        for attribute in _R_ATTRIBUTES(root):
            owner = attribute.getparent()
            name = "r:" + attribute.attrname.rpartition("}")[2]
            references.append(Reference(part, owner.sourceline or 0, name, str(attribute), tree.getpath(owner)))
    if compat:
        processor = Compat(schemas.namespaces)
        processor.process(root)
        for line, message in processor.problems:
            report.add(part, line, message)
    if root.tag == f"{{{C}}}chartSpace":
        check_chart_axes(report, part, root)
    if root.tag != expected_root:
        report.add(part, root.sourceline, f"root element is {short(root.tag)}, expected {short(expected_root)}")
        return root
    if not schemas.validator.validate(root):
        for error in schemas.validator.error_log:
            where = f" (at {error.path})" if error.path else ""
            report.add(part, error.line, error.message + where)
    return root


def check_chart_axes(report: Report, part: str, root: etree._Element) -> None:
    """Every ``c:axId`` of a chart group and every ``c:crossAx`` names an axis of the same plot area.

    MS-OI29500 2.1.1432 / 2.1.1446: PowerPoint repairs a chart whose axis ids dangle. A
    ``val="0"`` stands for "no axis" (PowerPoint writes it for the third axis of 3-D charts).
    """
    tree = root.getroottree()
    for plot in root.iter(f"{{{C}}}plotArea"):
        axes = {ax_id.get("val") for ax in plot if ax.tag in _AXES for ax_id in ax.findall(f"{{{C}}}axId")}
        for child in plot:
            refs = child.findall(f"{{{C}}}crossAx" if child.tag in _AXES else f"{{{C}}}axId")
            for ref in refs:
                if ref.get("val") not in axes and ref.get("val") != "0":
                    report.add(
                        part,
                        ref.sourceline,
                        f'[chart] {short(ref.tag)} val="{ref.get("val")}" names no axis of this plotArea '
                        f"(MS-OI29500 2.1.1432) (at {tree.getpath(ref)})",
                    )
