"""Fixes the writer applies after the inspector has looked: contrast, and footers that wrap.

The planner names theme colours without knowing the template's palette, and templates set
their own colours for footers and placeholders. Where the inspector finds text below WCAG AA
against what is behind it, the text gets whichever of the theme's text and background
colours (``tx1``, ``bg1``, ``tx2``, ``bg2``) contrasts most with that backdrop: still theme
colours, so the template's theme keeps deciding the look. Where none of them passes on a box's
own theme fill (mid-tone accents with grey text and background colours), the box takes the
first of the theme's other fill and text pairs that passes: another accent, else a dark or
light colour, with the text colour that reads best on it.
"""

from __future__ import annotations

from dataclasses import replace

from lxml import etree
from pptx.presentation import Presentation as PresentationObj

from neslis_desktop.render.deck.inspect.checks import AA, AA_LARGE, SlideCheck
from neslis_desktop.render.deck.inspect.colour import contrast, hex_rgb
from neslis_desktop.render.deck.inspect.facts import ShapeFacts, SlideFacts
from neslis_desktop.render.deck.inspect.measure import fit
from neslis_desktop.render.deck.inspect.read import slide_facts
from neslis_desktop.render.deck.oxml.ns import NS, qn
from neslis_desktop.render.deck.oxml.theme import palette
from neslis_desktop.render.slide_memo import Memo

_FILLS = {qn(f"a:{t}") for t in ("noFill", "solidFill", "gradFill", "blipFill", "pattFill", "grpFill")}
_PAIRS = ("tx1", "bg1", "tx2", "bg2")
_FILLS_TRIED = ("accent1", "accent2", "accent3", "accent4", "accent5", "accent6", "tx2", "tx1", "bg2", "bg1")
"""Fills a box may take when no text colour reads on its own: accents first, to keep colour."""


def _recolour(shape: ShapeFacts, name: str) -> None:
    assert shape.element is not None
    for part in [*shape.element.iterfind(".//a:r", NS), *shape.element.iterfind(".//a:fld", NS)]:
        rpr = part.find("a:rPr", NS)
        if rpr is None:
            rpr = etree.Element(qn("a:rPr"))
            part.insert(0, rpr)
        for old in [c for c in rpr if c.tag in _FILLS]:
            rpr.remove(old)
        fill = etree.Element(qn("a:solidFill"))
        etree.SubElement(fill, qn("a:schemeClr")).set("val", name)
        ln = rpr.find("a:ln", NS)  # the schema puts the fill right after a:ln, else first
        if ln is not None:
            ln.addnext(fill)
        else:
            rpr.insert(0, fill)


READABLE: Memo[bool] = Memo(4096)
"""Slides, by the digests of what was read (:attr:`SlideFacts.key`), whose text all read well
enough against its background: the next build skips them (:mod:`...slide_memo`)."""


def fix_contrast(prs: PresentationObj, facts: list[SlideFacts] | None = None, touched: set[int] | None = None) -> int:
    """Recolour every slide text whose contrast is below AA; returns how many shapes changed.

    ``facts``: the slides as already read (after :func:`fix_footers`), to save reading again.
    ``touched`` gets the 0-based index of each slide changed (its facts are then out of date).
    """
    changed = 0
    facts = facts if facts is not None else slide_facts(prs)
    for index, (slide, facts_of) in enumerate(zip(prs.slides, facts, strict=True)):
        if facts_of.key is not None and READABLE.get(facts_of.key):
            continue  # read like this before, and all its text read well (the theme is in the key)
        readable = True
        colours = palette(slide.slide_layout.slide_master)
        check = SlideCheck(facts_of)
        for shape in facts_of.shapes:
            if shape.layer != "slide" or not shape.text or shape.element is None:
                continue
            back = check.backdrop(shape)
            if back.picture or not back.colours:
                continue
            runs = [r for p in shape.paras for r in p.runs if r.text.strip() and r.colour is not None]
            if not runs:
                continue
            need = max(AA_LARGE if (r.size >= 18 or (r.bold and r.size >= 14)) else AA for r in runs)
            worst = min(contrast(r.colour, bg) for r in runs for bg in back.colours)  # type: ignore[arg-type]
            if worst >= need:
                continue
            readable = False
            best = max(_PAIRS, key=lambda n: min(contrast(hex_rgb(colours[n]), bg) for bg in back.colours))
            reached = min(contrast(hex_rgb(colours[best]), bg) for bg in back.colours)
            own = _own_fill(shape) if reached < need else None
            pair = _passing_pair(colours, need, own.get("val", "")) if own is not None else None
            if own is not None and pair is not None:
                for transform in list(own):  # lumMod and the like belonged to the old colour
                    own.remove(transform)
                own.set("val", pair[0])
                _recolour(shape, pair[1])
            elif reached > worst:
                _recolour(shape, best)
            else:
                continue
            changed += 1
            if touched is not None:
                touched.add(index)
        if readable and facts_of.key is not None:
            READABLE.put(facts_of.key, True)
    return changed


def _own_fill(shape: ShapeFacts) -> etree._Element | None:
    """The theme colour of ``shape``'s own solid fill (as the planner draws boxes), or ``None``."""
    assert shape.element is not None
    return shape.element.find("p:spPr/a:solidFill/a:schemeClr", NS)


def _passing_pair(colours: dict[str, str], need: float, current: str) -> tuple[str, str] | None:
    """The first fill of :data:`_FILLS_TRIED` (not ``current``) with a text colour reaching ``need``."""
    for fill in _FILLS_TRIED:
        if fill == current or fill not in colours:
            continue
        back = hex_rgb(colours[fill])
        text = max((n for n in _PAIRS if n != fill), key=lambda n: contrast(hex_rgb(colours[n]), back))
        if contrast(hex_rgb(colours[text]), back) >= need:
            return fill, text
    return None


FOOTER_FLOOR = 8.0
"""Footers may shrink to this size (pt) to stay on one line in the template's footer box."""


def fix_footers(prs: PresentationObj, facts: list[SlideFacts] | None = None, touched: set[int] | None = None) -> int:
    """Set footer text that does not fit its footer box a size smaller, down to 8 pt; how many changed.

    Footers are the template's: a footer box made for "Page 1" gets an event's name. The text
    keeps the template's look but shrinks, rather than wrapping below the slide's edge.
    ``touched`` gets the 0-based index of each slide changed.
    """
    changed = 0
    for index, slide in enumerate(facts if facts is not None else slide_facts(prs)):
        for shape in slide.shapes:
            if shape.layer != "slide" or not shape.is_footer or not shape.text or shape.element is None:
                continue
            if fit(shape).overflow <= 0:
                continue
            start = max(r.size for p in shape.paras for r in p.runs)
            size = start
            while size > FOOTER_FLOOR:
                size -= 1.0
                if fit(_at_size(shape, size)).overflow <= 0:
                    break
            for run in shape.element.iterfind(".//a:r", NS):
                rpr = run.find("a:rPr", NS)
                if rpr is None:
                    rpr = etree.Element(qn("a:rPr"))
                    run.insert(0, rpr)
                rpr.set("sz", str(round(size * 100)))
            for fld in shape.element.iterfind(".//a:fld", NS):
                rpr = fld.find("a:rPr", NS)
                if rpr is None:
                    rpr = etree.Element(qn("a:rPr"))
                    fld.insert(0, rpr)
                rpr.set("sz", str(round(size * 100)))
            changed += 1
            if touched is not None:
                touched.add(index)
    return changed


def _at_size(shape: ShapeFacts, size: float) -> ShapeFacts:
    """``shape`` with all its text at ``size`` pt, to measure: facts once read are shared, never changed."""
    paras = [replace(p, runs=[replace(r, size=size) for r in p.runs]) for p in shape.paras]
    return replace(shape, paras=paras)
