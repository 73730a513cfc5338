"""Reading a returned draft: its comments and tracked changes, placed on the project's content.

Works on any .docx, not only ours: Word, LibreOffice and Google Docs all write comments as
``word/comments.xml`` with ranges marked in the body, and tracked changes as ``w:ins`` and
``w:del``. Each is placed, in order of trust:

1. **anchor**: the last of the draft's hidden bookmarks before it (see ``draft/anchors.py``);
2. **heading**: the last heading before it whose words are a section's title, and within
   that section the block whose words hold the quoted text;
3. **text**: the block anywhere in the project whose words hold the quoted text.

What cannot be placed is still imported, marked ``nowhere``, so no comment is lost.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from neslis_desktop.errors import NeslisError
from neslis_desktop.model import Block, Project, plain_text
from neslis_desktop.model.review import Reply, ReviewComment
from neslis_desktop.render.draft.anchors import parse_anchor, section_hash

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
MAX_PART_BYTES = 100_000_000
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


class ReviewReadError(NeslisError):
    """The returned draft cannot be read (not a Word document, damaged, too large)."""


@dataclass
class _Open:
    """A comment range being read: its words so far, and where it started."""

    words: list[str] = field(default_factory=list)
    place: tuple[str | None, int | None, str] = (None, None, "nowhere")


@dataclass
class _Reader:
    project: Project
    source: str
    anchors: dict[str, str] = field(default_factory=dict)  # section hash -> id
    titles: dict[str, str] = field(default_factory=dict)  # normalised title -> id
    anchor: tuple[str, int] | None = None
    heading: str | None = None
    open: dict[str, _Open] = field(default_factory=dict)
    quoted: dict[str, str] = field(default_factory=dict)
    starts: dict[str, tuple[str | None, int | None, str]] = field(default_factory=dict)
    changes: list[ReviewComment] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.anchors = {section_hash(s.id): s.id for s in self.project.sections}
        self.titles = {_norm(plain_text(s.title)): s.id for s in self.project.sections}


def read_review(docx: Path, project: Project) -> list[ReviewComment]:
    """The comments and tracked changes of ``docx``, each placed on ``project``'s content."""
    docx = Path(docx)
    parts = _parts(docx)
    document = parts.get("word/document.xml")
    if document is None:
        raise ReviewReadError(f"{docx}: is not a Word document (it has no word/document.xml)")
    styles = _heading_styles(parts.get("word/styles.xml"))
    reader = _Reader(project, docx.name)
    for para in document.iter(_w("p")):
        _read_paragraph(reader, para, styles)
    comments = _comments(parts, reader)
    return comments + reader.changes


def _parts(docx: Path) -> dict[str, etree._Element]:
    wanted = ("word/document.xml", "word/comments.xml", "word/commentsExtended.xml", "word/styles.xml")
    try:
        with zipfile.ZipFile(docx) as z:
            out = {}
            for name in wanted:
                try:
                    info = z.getinfo(name)
                except KeyError:
                    continue
                if info.file_size > MAX_PART_BYTES:
                    raise ReviewReadError(f"{docx}: its part {name} is too large to be a draft")
                data = z.read(name)
                if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
                    raise ReviewReadError(f"{docx}: its part {name} has a document type declaration; refused")
                out[name] = etree.fromstring(data, _PARSER)
            return out
    except (zipfile.BadZipFile, OSError, etree.XMLSyntaxError) as exc:
        raise ReviewReadError(f"{docx}: could not be read as a Word document ({exc})") from None


def _heading_styles(styles: etree._Element | None) -> dict[str, int]:
    """Style id -> heading level, from the style names ('heading 1') or outline levels."""
    out: dict[str, int] = {}
    if styles is None:
        return out
    for style in styles.iter(_w("style")):
        sid = style.get(_w("styleId")) or ""
        name_el = style.find(_w("name"))
        name = (name_el.get(_w("val")) if name_el is not None else "") or ""
        m = re.fullmatch(r"heading ([1-9])", name.strip().casefold())
        lvl = style.find(f"{_w('pPr')}/{_w('outlineLvl')}")
        if m:
            out[sid] = int(m.group(1))
        elif lvl is not None and (lvl.get(_w("val")) or "").isdigit():
            out[sid] = int(lvl.get(_w("val")) or 0) + 1
    return out


def _place(reader: _Reader, quoted: str) -> tuple[str | None, int | None, str]:
    """(section id, block, how) for text at the reader's position quoting ``quoted``."""
    if reader.anchor is not None:
        digest, number = reader.anchor
        if digest in reader.anchors:
            return reader.anchors[digest], number or None, "anchor"
    under = reader.titles.get(reader.heading or "")
    if under is not None:
        block = _block_holding(reader.project, quoted, under)
        if block is not None:
            return under, block, "heading"
    for section in reader.project.sections:
        block = _block_holding(reader.project, quoted, section.id)
        if block is not None:
            return section.id, block, "text"
    if under is not None:
        return under, None, "heading"
    return None, None, "nowhere"


def _block_holding(project: Project, quoted: str, section_id: str) -> int | None:
    words = _norm(quoted)
    if len(words) < 4:
        return None
    section = project.section(section_id)
    for i, block in enumerate(section.blocks, start=1):
        if words in _norm(block_words(block)):
            return i
    return None


def _read_paragraph(reader: _Reader, para: etree._Element, styles: dict[str, int]) -> None:
    style = para.find(f"{_w('pPr')}/{_w('pStyle')}")
    level = styles.get(style.get(_w("val")) or "", 0) if style is not None else 0
    if level:
        text = "".join(t.text or "" for t in para.iter(_w("t")))
        reader.heading = _norm(re.sub(r"^\s*[\d.]+\s+", "", text))
    for el in para.iter():
        tag = el.tag
        if tag == _w("bookmarkStart"):
            parsed = parse_anchor(el.get(_w("name")) or "")
            if parsed is not None:
                reader.anchor = parsed
        elif tag == _w("commentRangeStart"):
            # Where the range starts is what counts for an anchor; for words, the whole quote.
            start = _place(reader, "")
            reader.open[el.get(_w("id")) or ""] = _Open(
                place=start if start[2] == "anchor" else (None, None, "nowhere")
            )
        elif tag == _w("commentRangeEnd"):
            cid = el.get(_w("id")) or ""
            opened = reader.open.pop(cid, None)
            if opened is not None:
                reader.quoted[cid] = "".join(opened.words).strip()
                reader.starts[cid] = (
                    opened.place if opened.place[2] != "nowhere" else _place(reader, reader.quoted[cid])
                )
        elif tag == _w("commentReference"):
            cid = el.get(_w("id")) or ""
            reader.starts.setdefault(cid, _place(reader, reader.quoted.get(cid, "")))
        elif tag in (_w("t"), _w("delText")):
            if tag == _w("t") and next(el.iterancestors(_w("ins")), None) is not None:
                continue  # words a reviewer proposes are not the words they commented on
            for opened in reader.open.values():
                opened.words.append(el.text or "")
        elif tag in (_w("ins"), _w("del")) and el.getparent() is not None and el.getparent().tag == _w("p"):
            _tracked(reader, el)


def _tracked(reader: _Reader, el: etree._Element) -> None:
    kind = "insertion" if el.tag == _w("ins") else "deletion"
    inner = _w("t") if kind == "insertion" else _w("delText")
    words = "".join(t.text or "" for t in el.iter(inner)).strip()
    if not words:
        return
    # Writer puts an insertion made at the start of a block before the block's anchor, inside
    # the w:ins; the anchor is read first, so the suggestion lands on the block it begins.
    for inner_el in el.iter(_w("bookmarkStart"), _w("t"), _w("delText")):
        if inner_el.tag != _w("bookmarkStart"):
            break
        parsed = parse_anchor(inner_el.get(_w("name")) or "")
        if parsed is not None:
            reader.anchor = parsed
    author = el.get(_w("author")) or None
    date = _date(el.get(_w("date")))
    last = reader.changes[-1] if reader.changes else None
    # Word splits one typed change into runs; adjacent runs by one author read as one suggestion.
    if last is not None and last.kind == kind and last.author == author and last.date == date:
        reader.changes[-1] = last.model_copy(update={"text": f"{last.text} {words}"})
        return
    section, block, how = _place(reader, words)
    reader.changes.append(
        ReviewComment(
            id=f"c-{len(reader.changes) + 1:04d}",
            kind=kind,
            author=author,
            date=date,
            text=words,
            section=section,
            block=block,
            located_by=how,
            source=reader.source,
        )
    )


def _comments(parts: dict[str, etree._Element], reader: _Reader) -> list[ReviewComment]:
    root = parts.get("word/comments.xml")
    if root is None:
        return []
    done, parent_of = _extended(parts.get("word/commentsExtended.xml"))
    by_para: dict[str, ReviewComment] = {}
    out: list[ReviewComment] = []
    for comment in root.iter(_w("comment")):
        cid = comment.get(_w("id")) or ""
        paras = comment.findall(_w("p"))
        text = "\n".join("".join(t.text or "" for t in p.iter(_w("t"))) for p in paras).strip()
        if not text:
            continue
        para_id = paras[-1].get(f"{{{W14}}}paraId") if paras else None
        author = comment.get(_w("author")) or None
        date = _date(comment.get(_w("date")))
        parent = by_para.get(parent_of.get(para_id or "", ""))
        if parent is not None:  # a reply in a thread (Word 2013 and later)
            i = out.index(parent)
            out[i] = parent.model_copy(
                update={"replies": [*parent.replies, Reply(author=author, date=date, text=text)]}
            )
            by_para.update({k: out[i] for k, v in by_para.items() if v is parent})
            if para_id:
                by_para[para_id] = out[i]
            continue
        section, block, how = reader.starts.get(cid, (None, None, "nowhere"))
        item = ReviewComment(
            id=f"c-{len(out) + 1:04d}",
            author=author,
            date=date,
            text=text,
            quoted=reader.quoted.get(cid) or None,
            section=section,
            block=block,
            located_by=how,
            source=reader.source,
            status="resolved" if para_id in done else "open",
        )
        out.append(item)
        if para_id:
            by_para[para_id] = item
    return out


def _extended(root: etree._Element | None) -> tuple[set[str], dict[str, str]]:
    done: set[str] = set()
    parents: dict[str, str] = {}
    if root is None:
        return done, parents
    for ex in root.iter(f"{{{W15}}}commentEx"):
        pid = ex.get(f"{{{W15}}}paraId") or ""
        if ex.get(f"{{{W15}}}done") in ("1", "true"):
            done.add(pid)
        parent = ex.get(f"{{{W15}}}paraIdParent")
        if parent:
            parents[pid] = parent
    return done, parents


def _date(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def block_words(block: Block) -> str:
    """Every word a block holds, as plain text, in field order."""
    out: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, str):
            out.append(plain_text(value))
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    walk(block.model_dump(exclude={"kind", "notes"}))
    return " ".join(out)


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())
