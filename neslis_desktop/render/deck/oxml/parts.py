"""Package parts: free part names handed out by counting, and a chart taken off a slide again.

python-pptx names each new chart part and embedded workbook by collecting the names of every
part in the package (a walk of all relationships) and taking the first free number: for a
deck of 500 charts that walk ran 1,000 times over some 2,600 parts, more than half of the
build. :func:`count_part_names` gives a presentation a counter per name pattern instead,
started from the names the package holds when it first asks.
"""

from __future__ import annotations

from pptx.opc.package import OpcPackage
from pptx.opc.packuri import PackURI
from pptx.presentation import Presentation as PresentationObj
from pptx.shapes.graphfrm import GraphicFrame
from pptx.slide import Slide


class PartNames:
    """Free part names of one package, per pattern (``/ppt/charts/chart%d.xml``), by counting.

    The names in the package are read once, at the first request; every later name comes from
    here, so it is free as long as parts of these patterns are added only through this (as
    python-pptx does: ``next_partname`` is the one place it names charts, workbooks and
    notes). A name freed by a part dropped later is not given out again: the numbers may have
    gaps, which PowerPoint does not mind.
    """

    def __init__(self, package: OpcPackage) -> None:
        self._package = package
        self._taken: set[str] | None = None
        self._next: dict[str, int] = {}

    def next_partname(self, tmpl: str) -> PackURI:
        """The first free name of ``tmpl`` after those given so far (python-pptx's signature)."""
        if self._taken is None:
            self._taken = {str(part.partname) for part in self._package.iter_parts()}
        n = self._next.get(tmpl, 1)
        while tmpl % n in self._taken:
            n += 1
        self._taken.add(tmpl % n)
        self._next[tmpl] = n + 1
        return PackURI(tmpl % n)


def count_part_names(prs: PresentationObj) -> None:
    """Make ``prs``'s package name new parts with a :class:`PartNames` (see the module)."""
    package = prs.part.package
    package.next_partname = PartNames(package).next_partname  # type: ignore[method-assign]


def take_off(slide: Slide, frame: GraphicFrame) -> None:
    """Remove the chart ``frame`` from ``slide`` with its relationship, so its parts leave the package."""
    element = frame._element
    rid = element.chart_rId
    parent = element.getparent()
    if parent is not None:
        parent.remove(element)
    if rid:
        slide.part.drop_rel(rid)
