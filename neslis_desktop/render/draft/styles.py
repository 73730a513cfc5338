"""The named styles the draft uses, resolved once in the template and added where missing.

The generator writes style ids only. Each style it needs is looked up by name once (python-
docx's ``styles[name]`` walks every style on every call). A template lacking one gets it copied
from the bundled template's styles.xml, with its list numbering, and the build reports it.
Headings that carry no numbering are bound to the bundled 1 / 1.1 / 1.1.1 scheme, since the
document refers to its sections by number, and headings that would let a page break after
them are set to keep with the next paragraph: a heading must never end a page.
"""

from __future__ import annotations

import zipfile
from functools import lru_cache
from pathlib import Path

from docx.document import Document
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.oxml.ns import nsmap, qn
from docx.oxml.parser import parse_xml
from docx.parts.numbering import NumberingPart
from lxml import etree

from neslis_desktop.errors import TemplateError
from neslis_desktop.render.draft.ooxml import Element
from neslis_desktop.resources import bundled_doc_template

PARAGRAPH, CHARACTER, TABLE = "paragraph", "character", "table"
TABLE_STYLE = "Draft Table"
TABLE_TEXT = "Table Text"
"""The paragraph style of table cells: left aligned, no indents (copied when a template lacks it)."""
COVER_STYLE = "Cover Details"
STYLE_TYPES: dict[str, str] = {
    "Strong": CHARACTER,
    TABLE_STYLE: TABLE,
}
"""Style types other than paragraph, by name."""

HEADINGS = ("Heading 1", "Heading 2", "Heading 3")
INTRODUCERS = ("Caption", "List Lead")
"""Styles of a line that introduces what follows (a table's label, 'It will:'): kept with it."""


@lru_cache(maxsize=1)
def _bundled_parts() -> tuple[bytes, bytes]:
    path = bundled_doc_template()
    try:
        with zipfile.ZipFile(path) as package:
            return package.read("word/styles.xml"), package.read("word/numbering.xml")
    except (OSError, KeyError, zipfile.BadZipFile) as exc:
        raise TemplateError(f"The bundled document template {path} is missing or damaged ({exc}).") from None


def _name_key(name: str) -> str:
    return name.casefold()


class StyleSheet:
    """Style ids of a template by name, adding bundled styles and numbering it lacks."""

    def __init__(self, doc: Document, template_name: str) -> None:
        self.doc = doc
        """The document being written (its styles part is the one these ids are in)."""
        self._root: Element = doc.styles.element
        self._template = template_name
        self.messages: list[str] = []
        self._ids: dict[str, str] = {}
        self._by_name: dict[tuple[str, str], Element] = {}
        self._taken_ids: set[str] = set()
        for style in self._root.iterfind(qn("w:style")):
            sid = style.get(qn("w:styleId")) or ""
            self._taken_ids.add(sid)
            name_el = style.find(qn("w:name"))
            name = name_el.get(qn("w:val")) if name_el is not None else sid
            kind = style.get(qn("w:type")) or PARAGRAPH
            self._by_name.setdefault((kind, _name_key(name or sid)), style)
        self._bundled: tuple[Element, Element] | None = None
        self._copied_nums: dict[str, str] = {}
        self._headings_checked = False

    # -- look-up -------------------------------------------------------------------------------

    def id(self, name: str) -> str:
        """The style id of ``name`` in the template, adding the bundled style when it lacks it."""
        sid = self._ids.get(name)
        if sid is None:
            kind = STYLE_TYPES.get(name, PARAGRAPH)
            style = self._by_name.get((kind, _name_key(name)))
            if style is None:
                style = self._add_from_bundled(name, kind)
            sid = style.get(qn("w:styleId")) or name
            self._ids[name] = sid
            if name in HEADINGS and not self._headings_checked:
                self._headings_checked = True
                self._number_headings()
                self._keep_with_next(HEADINGS, "a heading never ends a page")
            elif name in INTRODUCERS:
                self._keep_with_next((name,), "it stays on the page of what it introduces")
        return sid

    def _style_el(self, name: str) -> Element:
        self.id(name)
        return self._by_name[(STYLE_TYPES.get(name, PARAGRAPH), _name_key(name))]

    def chain(self, name: str) -> list[Element]:
        """Style ``name`` and those it is based on (``w:basedOn``), nearest first; a loop is cut."""
        return self._chain(self._style_el(name))

    def _chain(self, style: Element | None) -> list[Element]:
        out: list[Element] = []
        while style is not None and style not in out:
            out.append(style)
            based = style.find(qn("w:basedOn"))
            sid = (based.get(qn("w:val")) or "") if based is not None else ""
            style = next((s for s in self._root.iterfind(qn("w:style")) if s.get(qn("w:styleId")) == sid), None)
        return out

    # -- copying from the bundled template -------------------------------------------------------

    def _bundled_roots(self) -> tuple[Element, Element]:
        if self._bundled is None:
            styles, numbering = _bundled_parts()
            self._bundled = (etree.fromstring(styles), etree.fromstring(numbering))
        return self._bundled

    def _bundled_style(self, name: str, kind: str) -> Element:
        styles, _ = self._bundled_roots()
        for style in styles.iterfind(qn("w:style")):
            name_el = style.find(qn("w:name"))
            if (
                style.get(qn("w:type")) == kind
                and name_el is not None
                and _name_key(name_el.get(qn("w:val")) or "") == _name_key(name)
            ):
                return style
        raise TemplateError(
            f"The bundled document template has no style '{name}'; rebuild it with templates/make_draft_template.py."
        )

    def _bundled_name_of(self, sid: str) -> tuple[str, str] | None:
        styles, _ = self._bundled_roots()
        for style in styles.iterfind(qn("w:style")):
            if style.get(qn("w:styleId")) == sid:
                name_el = style.find(qn("w:name"))
                return style.get(qn("w:type")) or PARAGRAPH, (name_el.get(qn("w:val")) if name_el is not None else sid)
        return None

    def _add_from_bundled(self, name: str, kind: str) -> Element:
        source = self._bundled_style(name, kind)
        style = parse_xml(etree.tostring(source))
        sid = style.get(qn("w:styleId")) or "Style"
        new_id, n = sid, 2
        while new_id in self._taken_ids:
            new_id, n = f"{sid}{n}", n + 1
        style.set(qn("w:styleId"), new_id)
        self._taken_ids.add(new_id)
        self._by_name[(kind, _name_key(name))] = style
        # References to other styles point at the template's own style of the same name.
        for tag in ("w:basedOn", "w:next", "w:link"):
            ref = style.find(qn(tag))
            if ref is None:
                continue
            target = self._resolve_bundled_ref(ref.get(qn("w:val")) or "")
            if target is None or tag == "w:link":
                style.remove(ref)
            else:
                ref.set(qn("w:val"), target)
        numpr = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
        if numpr is not None:
            num_id = numpr.find(qn("w:numId"))
            if num_id is not None:
                num_id.set(qn("w:val"), self._copy_num(num_id.get(qn("w:val")) or "0", {}))
        self._root.append(style)
        self.messages.append(f"Template {self._template} lacks style '{name}'; added from the bundled template.")
        return style

    def _resolve_bundled_ref(self, bundled_id: str) -> str | None:
        found = self._bundled_name_of(bundled_id)
        if found is None:
            return None
        kind, name = found
        style = self._by_name.get((kind, _name_key(name)))
        if style is not None:
            return style.get(qn("w:styleId"))
        return None

    def _copy_num(self, bundled_num_id: str, pstyles: dict[str, str]) -> str:
        """Copy the bundled list ``bundled_num_id`` (and its abstractNum) into the template's numbering.

        ``pstyles`` maps bundled style ids to template style ids for the levels' style links;
        levels linked to any other style lose the link, so no style is claimed by two lists.
        """
        key = bundled_num_id + "|" + ",".join(sorted(pstyles))
        if key in self._copied_nums:
            return self._copied_nums[key]
        _, bundled_numbering = self._bundled_roots()
        num = next(n for n in bundled_numbering.iterfind(qn("w:num")) if n.get(qn("w:numId")) == bundled_num_id)
        abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
        abstract = next(
            a for a in bundled_numbering.iterfind(qn("w:abstractNum")) if a.get(qn("w:abstractNumId")) == abstract_id
        )
        numbering = self._numbering()
        used = [int(a.get(qn("w:abstractNumId")) or 0) for a in numbering.iterfind(qn("w:abstractNum"))]
        new_abstract_id = str(max(used, default=0) + 1)
        copied = parse_xml(etree.tostring(abstract))
        copied.set(qn("w:abstractNumId"), new_abstract_id)
        for lvl in copied.iterfind(qn("w:lvl")):
            link = lvl.find(qn("w:pStyle"))
            if link is not None:
                if link.get(qn("w:val")) in pstyles:
                    link.set(qn("w:val"), pstyles[link.get(qn("w:val")) or ""])
                else:
                    lvl.remove(link)
        existing = numbering.findall(qn("w:abstractNum"))
        if existing:
            existing[-1].addnext(copied)
        else:
            numbering.insert(0, copied)
        new_num = numbering.add_num(int(new_abstract_id))
        new_id = str(new_num.get(qn("w:numId")))
        self._copied_nums[key] = new_id
        return new_id

    # -- numbering -------------------------------------------------------------------------------

    def _numbering(self) -> Element:
        """The template's numbering part, made when it has none (python-docx cannot make one)."""
        part = self.doc.part
        try:
            return part.part_related_by(RT.NUMBERING).element  # type: ignore[attr-defined]
        except KeyError:
            xml = parse_xml(f'<w:numbering xmlns:w="{nsmap["w"]}"/>')
            numbering = NumberingPart(PackURI("/word/numbering.xml"), CT.WML_NUMBERING, xml, part.package)
            part.relate_to(numbering, RT.NUMBERING)
            return xml

    def _numbered(self, style: Element) -> bool:
        return any(s.find(f"{qn('w:pPr')}/{qn('w:numPr')}") is not None for s in self._chain(style))

    def _number_headings(self) -> None:
        styles = [self._style_el(name) for name in HEADINGS]
        if any(self._numbered(s) for s in styles):
            return
        mapping = {f"Heading{i}": s.get(qn("w:styleId")) or f"Heading{i}" for i, s in enumerate(styles, 1)}
        num_id = self._copy_num("1", mapping)
        for level, style in enumerate(styles):
            ppr = style.get_or_add_pPr()
            numpr = ppr.get_or_add_numPr()
            numpr.get_or_add_ilvl().val = level
            numpr.get_or_add_numId().val = int(num_id)
            if ppr.find(qn("w:ind")) is None:
                # The level's hanging indent, said in the style too: Word ranks a style's own
                # or inherited indent (an indented Normal) above the numbering's.
                ind = ppr.get_or_add_ind()
                for key, value in self._bundled_level_indent("1", level).items():
                    ind.set(key, value)
        # Styles built on a heading (Pandoc's TOC Heading is based on Heading 1) must not
        # inherit its new number: numId 0 switches numbering off.
        heading_ids = set(mapping.values())
        for style in self._root.iterfind(qn("w:style")):
            based = style.find(qn("w:basedOn"))
            if (
                based is not None
                and based.get(qn("w:val")) in heading_ids
                and style.get(qn("w:styleId")) not in heading_ids
                and style.find(f"{qn('w:pPr')}/{qn('w:numPr')}") is None
            ):
                style.get_or_add_pPr().get_or_add_numPr().get_or_add_numId().val = 0
        self.messages.append(
            f"Template {self._template} has unnumbered headings; numbered them 1, 1.1, 1.1.1 "
            "as in the bundled template."
        )

    def _bundled_level_indent(self, bundled_num_id: str, level: int) -> dict[str, str]:
        """The ``w:ind`` attributes of ``level`` of the bundled list ``bundled_num_id``."""
        _, numbering = self._bundled_roots()
        num = next(n for n in numbering.iterfind(qn("w:num")) if n.get(qn("w:numId")) == bundled_num_id)
        abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
        abstract = next(
            a for a in numbering.iterfind(qn("w:abstractNum")) if a.get(qn("w:abstractNumId")) == abstract_id
        )
        lvl = next(lv for lv in abstract.iterfind(qn("w:lvl")) if lv.get(qn("w:ilvl")) == str(level))
        ind = lvl.find(f"{qn('w:pPr')}/{qn('w:ind')}")
        return dict(ind.attrib) if ind is not None else {}

    def _inherited(self, style: Element, tag: str) -> Element | None:
        """The ``w:pPr`` child ``tag`` that ``style`` has or inherits through ``w:basedOn``."""
        found = (s.find(f"{qn('w:pPr')}/{qn(tag)}") for s in self._chain(style))
        return next((el for el in found if el is not None), None)

    def tab_stops(self, name: str) -> list[int]:
        """Positions of the tab stops that paragraph style ``name`` sets or inherits (clears applied)."""
        stops: set[int] = set()
        for style in reversed(self.chain(name)):  # the base first, so a style's own clears win
            for tab in style.iterfind(f"{qn('w:pPr')}/{qn('w:tabs')}/{qn('w:tab')}"):
                try:
                    pos = int(tab.get(qn("w:pos")) or "")
                except ValueError:
                    continue
                if tab.get(qn("w:val")) == "clear":
                    stops.discard(pos)
                else:
                    stops.add(pos)
        return sorted(stops)

    def _keep_with_next(self, names: tuple[str, ...], why: str) -> None:
        """Set keep-with-next on the styles ``names`` that lack it (or switch it off), and say so."""
        changed = []
        for name in names:
            style = self._style_el(name)
            keep = self._inherited(style, "w:keepNext")
            if keep is not None and (keep.get(qn("w:val")) or "true").lower() not in ("0", "false", "off"):
                continue
            style.get_or_add_pPr().keepNext_val = True
            changed.append(name)
        if changed:
            self.messages.append(
                f"Template {self._template}'s {', '.join(changed)} did not keep with the next paragraph; set "
                f"keep-with-next on {'them' if len(changed) > 1 else 'it'} so that {why}."
            )

    def headings_numbered(self) -> bool:
        """Whether Heading 1 is numbered (after any numbering was added)."""
        return self._numbered(self._style_el("Heading 1"))

    def restart_list(self, name: str) -> int:
        """A new list instance for the numbered style ``name`` that starts again at 1."""
        style = self._style_el(name)
        numpr = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
        num_el = numpr.find(qn("w:numId")) if numpr is not None else None
        if num_el is None:
            return 0
        numbering = self._numbering()
        num_id = num_el.get(qn("w:val"))
        source = next((n for n in numbering.iterfind(qn("w:num")) if n.get(qn("w:numId")) == num_id), None)
        if source is None:
            return 0
        abstract_id = int(source.find(qn("w:abstractNumId")).get(qn("w:val")) or 0)
        new_num = numbering.add_num(abstract_id)
        override = new_num.add_lvlOverride(ilvl=0)
        override.add_startOverride(1)
        return int(new_num.get(qn("w:numId")))

    def list_level(self, name: str) -> int | None:
        """The ilvl the style ``name`` sits at in its list (``None`` when it is not a list style)."""
        numpr = self._style_el(name).find(f"{qn('w:pPr')}/{qn('w:numPr')}")
        if numpr is None:
            return None
        ilvl = numpr.find(qn("w:ilvl"))
        return int(ilvl.get(qn("w:val")) or 0) if ilvl is not None else 0

    def same_list(self, first: str, other: str) -> bool:
        """Whether styles ``first`` and ``other`` number through the same list definition."""
        numbering = self._numbering()

        def abstract(name: str) -> str | None:
            numpr = self._style_el(name).find(f"{qn('w:pPr')}/{qn('w:numPr')}")
            num_el = numpr.find(qn("w:numId")) if numpr is not None else None
            if num_el is None:
                return None
            for n in numbering.iterfind(qn("w:num")):
                if n.get(qn("w:numId")) == num_el.get(qn("w:val")):
                    return n.find(qn("w:abstractNumId")).get(qn("w:val"))
            return None

        a = abstract(first)
        return a is not None and a == abstract(other)


def template_label(path: Path | None) -> str:
    """How messages name a template."""
    return path.name if path is not None else "neslis-draft.docx"
