"""The accessibility rules for a Word document, paragraph by paragraph.

Locations are paragraph numbers of the body (counting paragraphs in tables too, in reading
order) with the heading they sit under, since pages exist only once Word lays the text out.
Findings that repeat through a document (small text, poor contrast, spacing paragraphs) are
reported once per kind with a count and the first place, so a long report stays readable.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from neslis_desktop.render.a11y.docx_style import RunLook, StyleSheet, W
from neslis_desktop.render.a11y.findings import Finding, Report
from neslis_desktop.render.a11y.text_rules import (
    BLANK_FIX,
    BLANKS_FIX,
    LINK_FIX,
    alt_problem,
    blank_lines,
    blank_message,
    link_problem,
    repeated_blanks,
    snippet,
)
from neslis_desktop.render.colour import RGB, Contrast, contrast, hex_rgb, rgb_hex

Element = Any
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
V = "{urn:schemas-microsoft-com:vml}"
_DECORATIVE = "{http://schemas.microsoft.com/office/drawing/2017/decorative}decorative"
_NOT_BODY = ("caption", "footnote", "endnote", "toc", "header", "footer", "table of figures", "index")
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_SKIP_ANCESTORS = {W + "txbxContent", _FALLBACK}
"""Text in text boxes is left out (its place in the reading order is not knowable from the file),
and so is a fallback copy of content written twice for older programs."""


@dataclass
class _Tally:
    """A repeated finding: how many times, and the first place."""

    count: int = 0
    first: int = 0
    where: str = ""
    detail: str = ""
    places: list[int] = field(default_factory=list)

    def hit(self, paragraph: int, where: str, detail: str = "") -> None:
        if not self.count:
            self.first, self.where, self.detail = paragraph, where, detail
        self.count += 1
        self.places.append(paragraph)


def check_document(doc: Any, report: Report, min_size: float) -> None:
    """Add every finding of the document ``doc`` to ``report``."""
    _DocumentCheck(doc, report, min_size).run()


class _DocumentCheck:
    def __init__(self, doc: Any, report: Report, min_size: float) -> None:
        self.doc = doc
        self.report = report
        self.min_size = min_size
        self.styles = StyleSheet(doc)
        bg = doc.element.find(f"{W}background")
        self.page = hex_rgb(bg.get(f"{W}color", "")) if bg is not None else None
        self.small: dict[tuple[str, float], _Tally] = {}
        self.poor: dict[tuple[str, str, float], tuple[Contrast, _Tally]] = {}
        self.colour_only: _Tally = _Tally()
        self.link_colour: _Tally = _Tally()
        self.blanks: _Tally = _Tally()

    def add(self, rule: str, where: str, message: str, fix: str, paragraph: int | None = None) -> None:
        self.report.add(Finding(rule, where, message, fix, paragraph=paragraph))

    def run(self) -> None:
        self._file_properties()
        body = self.doc.element.body
        paragraphs = [p for p in body.iter(f"{W}p") if not any(a.tag in _SKIP_ANCESTORS for a in p.iterancestors())]
        number = {id(p): n for n, p in enumerate(paragraphs, start=1)}
        heading = ""
        last_level = 0
        empties: list[tuple[int, str]] = []
        pending: list[tuple[int, str]] = []
        seen_text = False
        self.where_of: dict[int, str] = {}
        for n, p in enumerate(paragraphs, start=1):
            where = f"paragraph {n}" + (f" (under '{snippet(heading)}')" if heading else "")
            self.where_of[n] = where
            text = "".join(t.text or "" for t in p.iter(f"{W}t")).strip()
            level = self.styles.heading_level(p)
            if level is not None and text:
                if level > last_level + 1:
                    self.add(
                        "heading-skip",
                        where,
                        f"heading '{snippet(text)}' is level {level} after "
                        + (f"level {last_level}" if last_level else "no heading"),
                        f"use Heading {last_level + 1} here, or add the missing level above it",
                        n,
                    )
                last_level = level
                heading = text
            if text:
                if seen_text:
                    empties += pending
                pending = []
                seen_text = True
            elif self._spacing(p):
                pending.append((n, where))
            self._runs(p, n, where, level is not None)
            self._drawings(p, n, where)
            self._links(p, n, where)
        for tbl in body.iter(f"{W}tbl"):
            first = next(tbl.iter(f"{W}p"), None)
            n = number.get(id(first), 0) if first is not None else 0
            self._table(tbl, n, self.where_of.get(n, "a table"))
        self._summaries(empties)

    # -- whole file --------------------------------------------------------------------------

    def _file_properties(self) -> None:
        core = self.doc.core_properties
        if not (core.title or "").strip():
            self.add(
                "doc-title",
                "the document",
                "the file's title is not set",
                "in Word set File > Info > Properties > Title (screen readers and PDFs announce it)",
            )
        langs = [core.language or ""]
        defaults = self.styles.defaults_rpr
        if defaults is not None:
            langs += [el.get(f"{W}val", "") for el in defaults.iter(f"{W}lang")]
        for style in self.styles.chain(self.styles.default_para):
            langs += [el.get(f"{W}val", "") for el in style.iter(f"{W}lang")]
        if not any(lang.strip() for lang in langs):
            self.add(
                "doc-language",
                "the document",
                "no language is set for the text",
                "select all text and set Review > Language (for example English (United Kingdom)), so "
                "screen readers pronounce it correctly",
            )

    # -- paragraphs --------------------------------------------------------------------------

    @staticmethod
    def _spacing(p: Element) -> bool:
        """Whether an empty paragraph is only there to make space (not a break, picture or field)."""
        if p.getparent() is not None and p.getparent().tag == f"{W}tc":
            return False
        if p.find(f"{W}pPr/{W}sectPr") is not None:
            return False
        for tag in ("drawing", "pict", "object", "fldChar", "fldSimple", "instrText"):
            if p.find(f".//{W}{tag}") is not None:
                return False
        return all(br.get(f"{W}type") not in ("page", "column") for br in p.iter(f"{W}br"))

    def _runs(self, p: Element, n: int, where: str, is_heading: bool) -> None:
        style_name = self.styles.name(self.styles.para_style(p)).casefold()
        body_text = not is_heading and not any(style_name.startswith(s) for s in _NOT_BODY)
        cell = next((a for a in p.iterancestors(f"{W}tc")), None)
        table = self.styles.table_layers(cell)
        if body_text and cell is None and _blanks(p):
            self.blanks.hit(n, where)
        looks: list[tuple[str, RunLook, bool]] = []
        for run in p.iter(f"{W}r"):
            text = "".join(t.text or "" for t in run.iter(f"{W}t"))
            if not text.strip() or any(a.tag in _SKIP_ANCESTORS for a in run.iterancestors()):
                continue
            look = self.styles.look(p, run, table)
            in_link = any(a.tag == f"{W}hyperlink" for a in run.iterancestors())
            looks.append((text, look, in_link))
            if body_text and look.size_pt < self.min_size:
                self.small.setdefault((self.styles.name(self.styles.para_style(p)), look.size_pt), _Tally()).hit(
                    n, where
                )
            if look.colour is not None:
                bg = self.styles.background(p, run, cell, self.page, table)
                check = Contrast(look.colour, bg, look.size_pt, look.bold)
                if not check.passes:
                    key = (rgb_hex(look.colour), rgb_hex(bg), check.needed)
                    entry = self.poor.setdefault(key, (check, _Tally()))
                    entry[1].hit(n, where)
        self._colour_cue(looks, n, where)

    def _colour_cue(self, looks: list[tuple[str, RunLook, bool]], n: int, where: str) -> None:
        if len(looks) < 2:
            return
        weight: Counter[tuple[RGB | None, bool, bool, bool]] = Counter()
        for text, look, link in looks:
            if not link:
                weight[(look.colour, look.bold, look.italic, look.underline)] += len(text)
        if not weight:
            return
        (main, bold, italic, underline), _ = weight.most_common(1)[0]
        main_rgb = main or (0.0, 0.0, 0.0)
        for text, look, link in looks:
            if link:
                # A document has no hover or focus state: a link needs a mark besides its colour.
                if not look.underline and not look.bold:
                    self.link_colour.hit(n, where, snippet(text))
                    return
                continue
            rgb = look.colour or (0.0, 0.0, 0.0)
            if not _differs(rgb, main_rgb) or contrast(rgb, main_rgb) >= 3:
                continue
            if (look.bold, look.italic, look.underline) == (bold, italic, underline):
                self.colour_only.hit(n, where, f"'{snippet(text)}' ({rgb_hex(rgb)} among {rgb_hex(main_rgb)})")
                return

    def _drawings(self, p: Element, n: int, where: str) -> None:
        for drawing in p.iter(f"{W}drawing"):
            if any(a.tag == _FALLBACK for a in drawing.iterancestors()):
                continue  # the same picture again, for programs that cannot read the first copy
            doc_pr = next(drawing.iter(f"{WP}docPr"), None)
            data = next(drawing.iter(f"{A}graphicData"), None)
            uri = data.get("uri", "") if data is not None else ""
            if "picture" in uri:
                what = "picture"
            elif "chart" in uri:
                what = "chart"
            elif "diagram" in uri:
                what = "diagram"
            else:
                continue
            if doc_pr is None or any(el.get("val") in ("1", "true") for el in doc_pr.iter(_DECORATIVE)):
                continue
            problem = alt_problem(doc_pr.get("descr"), doc_pr.get("title"))
            if problem:
                self.add(
                    "alt-text",
                    where,
                    f"the {what} '{doc_pr.get('name', '')}' {problem}",
                    f"right-click the {what}, choose View Alt Text and describe what it shows (or tick "
                    "'Mark as decorative' if it adds nothing)",
                    n,
                )
        for shape in p.iter(f"{V}shape"):
            if any(a.tag == _FALLBACK for a in shape.iterancestors()):
                continue
            if shape.find(f"{V}imagedata") is not None:
                problem = alt_problem(shape.get("alt"))
                if problem:
                    self.add(
                        "alt-text",
                        where,
                        f"a picture {problem}",
                        "right-click the picture, choose View Alt Text and describe what it shows",
                        n,
                    )

    def _links(self, p: Element, n: int, where: str) -> None:
        for link in p.iter(f"{W}hyperlink"):
            problem = link_problem("".join(t.text or "" for t in link.iter(f"{W}t")))
            if problem:
                self.add("link-text", where, problem, LINK_FIX, n)
        for simple in p.iter(f"{W}fldSimple"):
            if "HYPERLINK" in simple.get(f"{W}instr", ""):
                problem = link_problem("".join(t.text or "" for t in simple.iter(f"{W}t")))
                if problem:
                    self.add("link-text", where, problem, LINK_FIX, n)

    # -- tables ------------------------------------------------------------------------------

    def _table(self, tbl: Element, n: int, where: str) -> None:
        rows = tbl.findall(f"{W}tr")
        cells = sum(len(r.findall(f"{W}tc")) for r in rows)
        nested = any(a.tag == f"{W}tbl" for a in tbl.iterancestors())
        if nested or len(rows) <= 1 or cells <= 1:
            why = "is inside another table" if nested else f"has {len(rows)} row{'s' if len(rows) != 1 else ''}"
            self.add(
                "layout-table",
                where,
                f"a table that {why} looks like it is used for layout",
                "lay the text out with paragraphs, columns or styles; keep tables for data with headers",
                n,
            )
            return
        merged = [
            el
            for el in tbl.iter(f"{W}gridSpan", f"{W}vMerge", f"{W}hMerge")
            if next(el.iterancestors(f"{W}tbl")) is tbl and el.get(f"{W}val", "continue") not in ("1", "0")
        ]
        if merged:
            self.add(
                "table-merged",
                where,
                "a table has merged cells, which screen readers announce out of step with the headers",
                "split the merged cells (Table Layout > Split Cells) and repeat the text, or make two simpler tables",
                n,
            )
        grid = [["".join(t.text or "" for t in tc.iter(f"{W}t")) for tc in r.findall(f"{W}tc")] for r in rows]
        blank_rows, blank_cols = blank_lines(grid)
        if blank_rows or blank_cols:
            self.add("table-blank", where, blank_message(blank_rows, blank_cols), BLANK_FIX, n)
        header = rows[0].find(f"{W}trPr/{W}tblHeader")
        if header is None or header.get(f"{W}val", "true") in ("0", "false", "off"):
            self.add(
                "table-header",
                where,
                "a table has no header row marked",
                "put the column headings in the first row, select it and tick Table Properties > Row > "
                "'Repeat as header row at the top of each page'",
                n,
            )

    # -- repeated findings -------------------------------------------------------------------

    def _summaries(self, empties: list[tuple[int, str]]) -> None:
        if empties:
            n, where = empties[0]
            listed = ", ".join(str(e[0]) for e in empties[:8]) + (", ..." if len(empties) > 8 else "")
            self.add(
                "empty-paragraph",
                where,
                f"{len(empties)} empty paragraph{'s' if len(empties) != 1 else ''} used for spacing "
                f"(paragraph{'s' if len(empties) != 1 else ''} {listed})",
                "delete the empty paragraphs and set the style's Spacing Before/After instead",
                n,
            )
        if self.blanks.count:
            t = self.blanks
            listed = ", ".join(map(str, t.places[:8])) + (", ..." if t.count > 8 else "")
            self.add(
                "blank-characters",
                t.where,
                f"text is lined up with repeated spaces or tabs in {t.count} paragraph{'s' if t.count != 1 else ''} "
                f"({listed})",
                BLANKS_FIX,
                t.first,
            )
        by_size: dict[float, list[tuple[str, _Tally]]] = {}
        for (style, size), tally in self.small.items():
            by_size.setdefault(size, []).append((style, tally))
        for size, groups in sorted(by_size.items()):
            first = min(groups, key=lambda g: g[1].first)[1]
            names = ", ".join(f"'{style}'" for style, _ in groups)
            count = sum(t.count for _, t in groups)
            self.add(
                "text-size",
                first.where,
                f"body text is {size:g} pt, below {self.min_size:g} pt, in {count} paragraph"
                f"{'s' if count != 1 else ''} (style{'s' if len(groups) != 1 else ''} {names})",
                f"make {'these styles' if len(groups) != 1 else 'the style'} at least {self.min_size:g} pt",
                first.first,
            )
        for check, tally in self.poor.values():
            more = f" ({tally.count} runs of text)" if tally.count > 1 else ""
            self.add(
                "contrast",
                tally.where,
                check.describe() + more,
                "darken the text or lighten its background (or the other way round) until the ratio is met",
                tally.first,
            )
        if self.colour_only.count:
            t = self.colour_only
            self.add(
                "colour-only",
                t.where,
                f"{t.detail} stands out from the text around it only by its colour"
                + (f" ({t.count} places)" if t.count > 1 else ""),
                "also make it bold or add a word or symbol, so the difference does not rely on colour",
                t.first,
            )
        if self.link_colour.count:
            t = self.link_colour
            self.add(
                "colour-only",
                t.where,
                f"the link '{t.detail}' is marked only by its colour (it is not underlined)"
                + (f" ({t.count} links)" if t.count > 1 else ""),
                "underline links (the Hyperlink style) so they are found without seeing colour",
                t.first,
            )


def _blanks(p: Element) -> bool:
    """Whether a paragraph uses runs of spaces or of tabs (``w:tab`` elements) to place text."""
    pieces: list[str] = []
    for el in p.iter(f"{W}t", f"{W}tab", f"{W}ptab"):
        if any(up.tag in _SKIP_ANCESTORS for up in el.iterancestors()):
            continue  # text boxes have their own paragraphs
        if el.tag == f"{W}t":
            pieces.append(el.text or "")
        elif el.getparent() is not None and el.getparent().tag == f"{W}r":  # a tab character, not a tab stop
            pieces.append("\t")
    return repeated_blanks("".join(pieces))


def _differs(a: RGB, b: RGB) -> bool:
    return max(abs(x - y) for x, y in zip(a, b, strict=True)) > 0.2
