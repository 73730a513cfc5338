"""The accessibility rules for a PowerPoint deck, slide by slide.

Each rule looks at the slide XML as PowerPoint and screen readers use it: the title
placeholder, the order of shapes in the slide's shape tree (which is the order a screen
reader reads them), ``descr`` on pictures and charts, table header flags, and run
properties resolved through the layout, master and theme (see :mod:`.pptx_style`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from neslis_desktop.render.a11y.findings import Finding, Report
from neslis_desktop.render.a11y.pptx_geometry import SHAPE_TAGS, Box, flatten, own_box, precedes
from neslis_desktop.render.a11y.pptx_style import (
    A,
    P,
    Paint,
    R,
    SlideColours,
    TextStyles,
    background,
    composite,
    first_attr,
    first_fill,
    level_props,
    placeholder_type,
)
from neslis_desktop.render.a11y.text_rules import (
    BLANK_FIX,
    BLANKS_FIX,
    LINK_FIX,
    alt_problem,
    blank_lines,
    blank_message,
    link_problem,
    normalise,
    repeated_blanks,
    snippet,
)
from neslis_desktop.render.a11y.values import int_attr
from neslis_desktop.render.colour import RGB, Contrast, contrast, rgb_hex
from neslis_desktop.render.slide_memo import Memo, SlideDigests

Element = Any
_SKIP_PH = {"dt", "ftr", "sldNum", "hdr"}
_TITLE_TYPES = {"title", "ctrTitle"}
_TABLE_URI = "http://schemas.openxmlformats.org/drawingml/2006/table"
_DECORATIVE = "{http://schemas.microsoft.com/office/drawing/2017/decorative}decorative"
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
ORDER_FIX = (
    "in PowerPoint open Review > Check Accessibility > Reading Order (or Home > Arrange > Selection Pane, "
    "which lists the last-read shape at the top) and put the title first, then the rest top to bottom, "
    "left to right"
)


def _text(shape_el: Element) -> str:
    return "".join(t.text or "" for t in shape_el.iter(A + "t"))


def _name(shape_el: Element) -> str:
    c_nv = next(shape_el.iter(P + "cNvPr"), None)
    return c_nv.get("name", "") if c_nv is not None else ""


def _label(shape_el: Element) -> str:
    """How a finding names a shape: its text's start, or its name in the Selection Pane."""
    text = _text(shape_el).strip()
    return f"'{snippet(text)}'" if text else f"shape '{_name(shape_el)}'"


def _is_content(shape_el: Element) -> bool:
    is_ph, ph_type, _ = placeholder_type(shape_el)
    if is_ph and ph_type in _SKIP_PH:
        return False
    tag = shape_el.tag
    if tag in (P + "pic", P + "graphicFrame"):
        return True
    return bool(_text(shape_el).strip()) or (tag == P + "grpSp" and shape_el.find(f".//{P}pic") is not None)


SLIDES_CHECKED: Memo[tuple[Finding, ...]] = Memo(4096)
"""What the rules inside a slide found, by smallest size, number and digests (:mod:`..slide_memo`)."""


def check_deck(
    prs: Any, report: Report, min_size: float, slide_keys: Sequence[tuple[bytes, bytes] | None] | None = None
) -> None:
    """Add every finding of the deck ``prs`` to ``report``.

    What the rules find inside a slide is remembered by what the slide and its layout say
    (:data:`SLIDES_CHECKED`): a deck generated again with a section changed is checked again on
    that section's slides only. ``slide_keys``: the slides' digests, when the caller has them.
    """
    _file_properties(prs, report)
    titles: dict[str, int] = {}
    shared = _Shared()
    digests = SlideDigests(prs)
    if slide_keys is not None and len(slide_keys) != len(prs.slides):
        slide_keys = None  # not this deck's: digest its slides here
    for number, slide in enumerate(prs.slides, start=1):
        title_el = _title_shape(slide)
        title = _text(title_el).strip() if title_el is not None else ""
        where = f"slide {number}" + (f" ('{snippet(title)}')" if title else "")
        if title_el is None:
            report.add(
                Finding(
                    "title-missing",
                    where,
                    "the slide has no title",
                    "give it a layout with a title and type one; to keep it off the visible slide, drag the title "
                    "just off the slide's edge, where screen readers still find it",
                    slide=number,
                )
            )
        elif not title:
            report.add(
                Finding(
                    "title-missing",
                    where,
                    "the slide's title is empty",
                    "type a title that says what the slide is about",
                    slide=number,
                )
            )
        else:
            folded = normalise(title)
            if folded in titles:
                report.add(
                    Finding(
                        "title-duplicate",
                        where,
                        f"the title is the same as slide {titles[folded]}'s",
                        "make each title unique, for example add '(2 of 3)' or what this slide adds",
                        slide=number,
                    )
                )
            else:
                titles[folded] = number
        known = slide_keys[number - 1] if slide_keys is not None else None
        key = (float(min_size), number, *(known or digests.of(slide)))  # the findings name the slide's number
        found = SLIDES_CHECKED.get(key)
        if found is None:  # a slide not checked before, or changed since, or over a changed layout
            own = Report(report.path, report.kind)
            _SlideCheck(prs, slide, number=number, where=where, report=own, min_size=min_size, shared=shared).run(
                title_el
            )
            found = tuple(own.findings)
            SLIDES_CHECKED.put(key, found)
        report.findings += found


def _title_shape(slide: Any) -> Element | None:
    tree = slide.element.find(f"{P}cSld/{P}spTree")
    for shape_el in tree.iterchildren() if tree is not None else []:
        is_ph, ph_type, _ = placeholder_type(shape_el)
        if is_ph and ph_type in _TITLE_TYPES:
            return shape_el
    return None


def _file_properties(prs: Any, report: Report) -> None:
    core = prs.core_properties
    if not (core.title or "").strip():
        report.add(
            Finding(
                "doc-title",
                "the deck",
                "the file's title is not set",
                "in PowerPoint set File > Info > Properties > Title (screen readers and PDFs announce it)",
            )
        )
    langs = [core.language or ""]
    default = prs.element.find(f"{P}defaultTextStyle")
    if default is not None:
        langs += [el.get("lang", "") for el in default.iter(A + "defRPr")]
    for slide in prs.slides:
        langs += [el.get("lang", "") for el in slide.element.iter(A + "rPr")]
        break
    if not any(lang.strip() for lang in langs):
        report.add(
            Finding(
                "doc-language",
                "the deck",
                "no language is set for the text",
                "select all text and set Review > Language (for example English (United Kingdom)), so "
                "screen readers pronounce it correctly",
            )
        )


class _Shared:
    """What every slide of one deck reads alike: its masters' themes, its layouts' placeholders
    and the fixed shapes they draw beneath each slide, and the list styles' levels."""

    def __init__(self) -> None:
        self.themes: dict[Any, Any] = {}
        self.matches: dict[Any, Any] = {}
        self.underlays: dict[tuple[Any, ...], list[tuple[Box | None, Paint | list[Paint]]]] = {}
        self.levels: dict[tuple[Any, ...], list[Element]] = {}


class _SlideCheck:
    """The rules that look inside one slide."""

    def __init__(
        self, prs: Any, slide: Any, *, number: int, where: str, report: Report, min_size: float, shared: _Shared
    ) -> None:
        self.slide = slide
        self.number = number
        self.where = where
        self.report = report
        self.min_size = min_size
        self.shared = shared
        self.colours = SlideColours(slide, shared.themes)
        self.styles = TextStyles(slide, prs, shared.matches)
        self.background = background(slide, self.colours)
        self.boxes: dict[int, Box | None] = {}
        tree = slide.element.find(f"{P}cSld/{P}spTree")
        self.tree = tree if tree is not None else slide.element.makeelement(f"{P}spTree")

    def box(self, shape_el: Element) -> Box | None:
        """Where a shape is: its own position, else its layout's or master's placeholder's."""
        key = id(shape_el)
        if key not in self.boxes:
            found = own_box(shape_el)
            for base in [] if found is not None else self.styles.base_shapes(shape_el):
                found = own_box(base)
                if found is not None:
                    break
            self.boxes[key] = found
        return self.boxes[key]

    def add(self, rule: str, message: str, fix: str, where: str | None = None) -> None:
        self.report.add(Finding(rule, where or self.where, message, fix, slide=self.number))

    def run(self, title_el: Element | None) -> None:
        shapes = [el for el in self.tree.iterchildren() if el.tag in SHAPE_TAGS]
        self._reading_order(shapes, title_el)
        for shape_el in self.tree.iter(P + "pic", P + "graphicFrame"):
            if not any(up.tag == _FALLBACK for up in shape_el.iterancestors()):  # not the copy for old programs
                self._alt_text(shape_el)
        for shape_el in self.tree.iter(A + "tbl"):
            self._table(shape_el)
        self._text(shapes)

    # -- reading order ---------------------------------------------------------------------

    def _reading_order(self, shapes: list[Any], title_el: Element | None) -> None:
        content = [(s, self.box(s)) for s in shapes if _is_content(s)]
        if title_el is not None and content and content[0][0] is not title_el:
            self.add("reading-order", f"{_label(content[0][0])} is read before the title", ORDER_FIX)
            return
        placed = [(s, b) for s, b in content if b is not None]
        for i, (earlier, a) in enumerate(placed):
            for later, b in placed[i + 1 :]:
                if precedes(b, a):
                    self.add(
                        "reading-order",
                        f"{_label(later)} is read after {_label(earlier)}, though it comes first on the slide",
                        ORDER_FIX,
                    )
                    return

    # -- pictures, charts, tables ----------------------------------------------------------

    def _alt_text(self, shape_el: Element) -> None:
        if shape_el.tag == P + "graphicFrame":
            data = shape_el.find(f"{A}graphic/{A}graphicData")
            uri = data.get("uri", "") if data is not None else ""
            if uri == _TABLE_URI:
                return
            what = "chart" if "chart" in uri else "diagram" if "diagram" in uri else "object"
        else:
            what = "picture"
        c_nv = next(shape_el.iter(P + "cNvPr"), None)
        if c_nv is None or any(el.get("val") in ("1", "true") for el in c_nv.iter(_DECORATIVE)):
            return
        problem = alt_problem(c_nv.get("descr"), c_nv.get("title"))
        if problem:
            self.add(
                "alt-text",
                f"the {what} '{c_nv.get('name', '')}' {problem}",
                f"right-click the {what}, choose View Alt Text and describe what it shows (or tick "
                "'Mark as decorative' if it adds nothing)",
            )

    def _table(self, tbl: Element) -> None:
        rows = tbl.findall(f"{A}tr")
        cells = sum(len(r.findall(f"{A}tc")) for r in rows)
        pr = tbl.find(f"{A}tblPr")
        if len(rows) <= 1 or cells <= 1:
            self.add(
                "layout-table",
                f"a table of {len(rows)} row{'s' if len(rows) != 1 else ''} and {cells} "
                f"cell{'s' if cells != 1 else ''} looks like it is used for layout",
                "use text boxes or a layout for placing text; keep tables for data with headers",
            )
        elif pr is None or pr.get("firstRow") not in ("1", "true"):
            self.add(
                "table-header",
                "a table has no header row marked",
                "select the table and tick Table Design > Header Row, with the column headings in the first row",
            )
        grid = [["".join(t.text or "" for t in tc.iter(f"{A}t")) for tc in r.findall(f"{A}tc")] for r in rows]
        blank_rows, blank_cols = blank_lines(grid)
        if blank_rows or blank_cols:
            self.add("table-blank", blank_message(blank_rows, blank_cols), BLANK_FIX)
        if len(rows) > 1 and any(_merged(tc) for tc in tbl.iter(f"{A}tc")):
            self.add(
                "table-merged",
                "a table has merged cells, which screen readers announce out of step with the headers",
                "split the merged cells (Table Layout > Split Cells) and repeat the text, or make two simpler tables",
            )

    # -- text ------------------------------------------------------------------------------

    def _text(self, shapes: list[Any]) -> None:
        low: list[tuple[float, str]] = []
        poor: dict[tuple[str, str, float], tuple[Contrast, str, int]] = {}
        boxes = list(self._underlay())  # the shapes drawn so far, bottom first
        for el, box in flatten(shapes, self.box):
            fill = self._shape_fill(el)
            if el.tag == P + "sp" and el.find(f"{P}txBody") is not None:
                layers = [fill]
                if box is not None:
                    cx, cy = box.left + box.width / 2, box.top + box.height / 2
                    for under_box, under_fill in reversed(boxes):
                        if under_box is not None and under_box.contains(cx, cy):
                            layers.append(under_fill)
                seen = composite(layers, self.background)
                self._text_body(el, seen, low, poor)
            if el.tag in (P + "pic", P + "grpSp", P + "graphicFrame"):
                fill = Paint(None)
            boxes.append((box, fill))
        if low:
            size, label = min(low)
            self.add(
                "text-size",
                f"{label} has text at {size:g} pt, below {self.min_size:g} pt",
                f"make body text at least {self.min_size:g} pt; move detail to the notes or another slide",
            )
        for check, label, count in poor.values():
            more = f" ({count} places on the slide)" if count > 1 else ""
            self.add(
                "contrast",
                f"{label}: {check.describe()}{more}",
                "darken the text or lighten its background (or the other way round) until the ratio is met",
            )

    def _underlay(self) -> list[tuple[Box | None, Paint | list[Paint]]]:
        """The master's and layout's own shapes (not placeholders), drawn beneath the slide's.

        The same for every slide of a layout that maps the theme's colours alike: read once
        (the list is shared: copy it to add to it).
        """
        key = (self.styles.layout, self.slide.element.get("showMasterSp"), *sorted(self.colours.mapping.items()))
        found = self.shared.underlays.get(key)
        if found is None:
            found = self.shared.underlays[key] = self._read_underlay()
        return found

    def _read_underlay(self) -> list[tuple[Box | None, Paint | list[Paint]]]:
        layout = self.slide.slide_layout
        parts = [layout]
        if layout.element.get("showMasterSp") not in ("0", "false"):
            parts.insert(0, layout.slide_master)
        if self.slide.element.get("showMasterSp") in ("0", "false"):
            parts = []
        out: list[tuple[Box | None, Paint | list[Paint]]] = []
        for part in parts:
            tree = part.element.find(f"{P}cSld/{P}spTree")
            for el in tree.iterchildren() if tree is not None else []:
                if placeholder_type(el)[0] or el.tag not in (P + "sp", P + "pic", P + "grpSp", P + "graphicFrame"):
                    continue
                opaque_unknown = el.tag != P + "sp"  # pictures, groups, charts: colours not judged
                out.append((own_box(el), Paint(None) if opaque_unknown else self._shape_fill(el)))
        return out

    def _shape_fill(self, el: Element) -> Paint | list[Paint]:
        own = self.colours.fill(el.find(f"{P}spPr"))
        if own is not None:
            return own
        for base in self.styles.base_shapes(el):
            inherited = self.colours.fill(base.find(f"{P}spPr"))
            if inherited is not None:
                return inherited
        ref = el.find(f"{P}style/{A}fillRef")
        if ref is not None and ref.get("idx", "0") != "0" and len(ref):
            return self.colours.colour(ref[0]) or Paint(None)
        return Paint(None, 0.0)

    def _text_body(
        self,
        el: Element,
        seen: list[RGB] | None,
        low: list[tuple[float, str]],
        poor: dict[tuple[str, str, float], tuple[Contrast, str, int]],
    ) -> None:
        is_ph, ph_type, _ = placeholder_type(el)
        if is_ph and ph_type in _SKIP_PH:
            return
        chain = self.styles.chain(el)
        body = el.find(f"{P}txBody")
        autofit = body.find(f"{A}bodyPr/{A}normAutofit")
        scale = int_attr(autofit.get("fontScale"), 100000) / 100000 if autofit is not None else 1.0
        font_ref = el.find(f"{P}style/{A}fontRef")
        label = _label(el)
        paragraphs = body.findall(f"{A}p")
        raw = ["".join(t.text or "" for t in p.iter(A + "t")) for p in paragraphs]
        texts = [t.strip() for t in raw]
        filled = [i for i, t in enumerate(texts) if t]
        if filled:
            gaps = [i for i in range(filled[0], filled[-1]) if not texts[i]]
            if gaps:
                self.add(
                    "empty-paragraph",
                    f"{label} has {len(gaps)} empty paragraph{'s' if len(gaps) != 1 else ''} used for spacing",
                    "delete the empty lines and set Paragraph > Spacing Before/After instead",
                    f"{self.where}, {label}",
                )
        # Tabs are a:tab-free text in DrawingML: they sit in a:t as characters.
        spaced = [t for t in raw if repeated_blanks(t)]
        if spaced:
            self.add(
                "blank-characters",
                f"{label} lines text up with repeated spaces or tabs ('{snippet(spaced[0])}')",
                BLANKS_FIX,
                f"{self.where}, {label}",
            )
        for p in paragraphs:
            ppr = p.find(f"{A}pPr")
            level = int_attr(ppr.get("lvl"), 0) if ppr is not None else 0
            key = (level, *chain)
            inherited = self.shared.levels.get(key)
            if inherited is None:  # the same for every paragraph of the level in shapes of one style
                inherited = self.shared.levels[key] = level_props(chain, level)
            styled: list[tuple[str, RGB, bool, bool, bool]] = []
            for run in p.iter(A + "r"):
                text = "".join(t.text or "" for t in run.iter(A + "t"))
                if not text.strip():
                    continue
                rpr = run.find(f"{A}rPr")
                props = [rpr, *inherited]
                size = int_attr(first_attr(props, "sz"), 1800) / 100 * scale
                bold = first_attr(props, "b") in ("1", "true")
                italic = first_attr(props, "i") in ("1", "true")
                underline = (first_attr(props, "u") or "none") != "none"
                link = rpr is not None and rpr.find(f"{A}hlinkClick") is not None
                paint = self._text_colour(rpr, inherited, font_ref, link)
                if size < self.min_size:
                    low.append((round(size, 1), label))
                behind = seen
                marker = rpr.find(f"{A}highlight") if rpr is not None else None
                if marker is not None and len(marker):  # a highlighted run is read against its highlight
                    lit = self.colours.colour(marker[0])
                    behind = [lit.rgb] if lit is not None and lit.rgb is not None else None
                if paint is not None and paint.rgb is not None and behind is not None:
                    for bg in behind:
                        check = Contrast(paint.rgb, bg, size, bold)
                        if not check.passes:
                            key = (rgb_hex(paint.rgb), rgb_hex(bg), check.needed)
                            prior = poor.get(key)
                            poor[key] = (prior[0], prior[1], prior[2] + 1) if prior else (check, label, 1)
                            break
                if paint is not None and paint.rgb is not None:
                    styled.append((text, paint.rgb, bold, italic, underline or link))
            self._links(p, label)
            self._colour_only(styled, label)

    def _text_colour(
        self, rpr: Element | None, inherited: list[Element], font_ref: Element | None, link: bool
    ) -> Paint | None:
        own = first_fill(self.colours, [rpr]) if rpr is not None else None
        if own is not None:
            return own
        if link:
            return Paint(self.colours.scheme_colour("hlink"))
        paint = first_fill(self.colours, inherited)
        if paint is None and font_ref is not None and len(font_ref):
            paint = self.colours.colour(font_ref[0])
        return paint or Paint(self.colours.scheme_colour("tx1"))

    def _links(self, p: Element, label: str) -> None:
        groups: list[tuple[str, str]] = []
        for run in p.iter(A + "r"):
            link = run.find(f"{A}rPr/{A}hlinkClick")
            if link is None:
                continue
            rid = link.get(R + "id", "")
            text = "".join(t.text or "" for t in run.iter(A + "t"))
            if groups and groups[-1][0] == rid:
                groups[-1] = (rid, groups[-1][1] + text)
            else:
                groups.append((rid, text))
        for _, text in groups:
            problem = link_problem(text)
            if problem:
                self.add("link-text", problem, LINK_FIX, f"{self.where}, {label}")

    def _colour_only(self, styled: list[tuple[str, RGB, bool, bool, bool]], label: str) -> None:
        if len(styled) < 2:
            return
        weight: Counter[tuple[RGB, bool, bool, bool]] = Counter()
        for text, rgb, bold, italic, marked in styled:
            weight[(rgb, bold, italic, marked)] += len(text)
        (main, bold, italic, marked), _ = weight.most_common(1)[0]
        for text, rgb, b, i, m in styled:
            if (b, i, m) == (bold, italic, marked) and _differs(rgb, main) and contrast(rgb, main) < 3:
                self.add(
                    "colour-only",
                    f"'{snippet(text)}' in {label} stands out from the text around it only by its colour "
                    f"({rgb_hex(rgb)} among {rgb_hex(main)})",
                    "also make it bold or add a word or symbol, so the difference does not rely on colour",
                    f"{self.where}, {label}",
                )
                return


def _merged(tc: Element) -> bool:
    """Whether a table cell spans others (``gridSpan``/``rowSpan`` over 1) or is covered by one."""
    spans = any(int_attr(tc.get(attr), 1) > 1 for attr in ("gridSpan", "rowSpan"))
    return spans or any(tc.get(attr) in ("1", "true") for attr in ("hMerge", "vMerge"))


def _differs(a: RGB, b: RGB) -> bool:
    return max(abs(x - y) for x, y in zip(a, b, strict=True)) > 0.2
