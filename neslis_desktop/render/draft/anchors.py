"""Stable anchors in the draft: hidden bookmarks that name the section and block of the text.

A reviewer's comment in a returned draft is placed on the content it concerns by the last
anchor before it. Word keeps bookmarks through ordinary editing (typing, tracked changes,
comments, moving paragraphs), and names starting with ``_`` are hidden from its Bookmark
dialog, so reviewers never see them. Names are short (Word allows 40 characters) and made
from a hash of the section id, which the importer recomputes from the project.
"""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Iterator

from docx.oxml.ns import qn
from lxml import etree
from lxml.etree import _Element as Element

PREFIX = "_nl_"
GATHERED = ""
"""The section id of the anchor put where content gathered from many sections starts."""


def section_hash(section_id: str) -> str:
    """Eight hex digits standing for ``section_id`` in anchor names; zeros for :data:`GATHERED`."""
    if section_id == GATHERED:
        return "0" * 8
    return hashlib.sha1(section_id.encode("utf-8")).hexdigest()[:8]  # a name, not security


def anchor_name(section_id: str, block: int) -> str:
    """The bookmark name of block ``block`` (1-based; 0 for the heading) of a section."""
    return f"{PREFIX}{section_hash(section_id)}_{block}"


def parse_anchor(name: str) -> tuple[str, int] | None:
    """(section hash, block) from a bookmark name, or ``None`` when it is not one of ours."""
    if not name.startswith(PREFIX):
        return None
    digest, _, block = name[len(PREFIX) :].partition("_")
    if len(digest) != 8 or not block.isdigit():
        return None
    return digest, int(block)


class Anchors:
    """Numbers the bookmarks of one document and drops them into written elements."""

    def __init__(self) -> None:
        self._ids: Iterator[int] = itertools.count(1)

    def mark(self, elements: list[Element], section_id: str, block: int) -> None:
        """Put a collapsed bookmark at the start of the first paragraph of ``elements``."""
        para = next((p for el in elements for p in _paragraphs(el)), None)
        if para is None:
            return
        ident = str(next(self._ids))
        start = etree.Element(qn("w:bookmarkStart"))
        start.set(qn("w:id"), ident)
        start.set(qn("w:name"), anchor_name(section_id, block))
        end = etree.Element(qn("w:bookmarkEnd"))
        end.set(qn("w:id"), ident)
        ppr = para.find(qn("w:pPr"))
        at = 0 if ppr is None else list(para).index(ppr) + 1
        para.insert(at, start)
        para.insert(at + 1, end)


def _paragraphs(el: Element) -> Iterator[Element]:
    if el.tag == qn("w:p"):
        yield el
    else:
        yield from el.iter(qn("w:p"))
