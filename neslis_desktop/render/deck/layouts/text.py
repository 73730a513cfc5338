"""Text blocks (paragraph, bullets, questions) as paragraphs for a slide's body placeholder.

Consecutive text blocks share a "content" slide while they fit at a comfortable size; a block
too long for one slide continues on further slides, cut between paragraphs or, for one very
long paragraph, between lines. Continuation is bounded (see ``MAX_CONTINUATIONS``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from neslis_desktop.model.blocks import BulletItem, BulletsBlock, ParagraphBlock, QuestionsBlock
from neslis_desktop.model.inline import Run
from neslis_desktop.render.deck.layouts import BODY_FLOOR, MAX_CONTINUATIONS, Ctx, para, sizes
from neslis_desktop.render.deck.plan import EMU_PER_PT, Para, Rect, TextStyle
from neslis_desktop.render.deck.textfit import INSET, LINE_SPACING, Measurer, _slice

TextBlock = ParagraphBlock | BulletsBlock | QuestionsBlock

START = 24.0
"""Preferred body size (pt)."""
SHARED_MIN = 16.0
"""Blocks share a slide only while the text stays at least this size."""
SPLIT_SIZE = 18.0
"""A block too long for one slide is cut into slides that each hold this size (or
``SHARED_MIN`` when that saves a slide)."""
ALONE_MIN = 14.0
"""A single block shrinks to this before it is continued on a further slide."""


def space_before(size: float) -> float:
    """Space before paragraphs in the body placeholder: about half a line."""
    return round(max(6.0, size * 0.5), 1)


def block_paras(block: TextBlock) -> list[Para]:
    """The paragraphs of a text block: bold heading, lead or intro, then the text or list."""
    out: list[Para] = []
    if block.heading:
        out += para(block.heading, bold=True)
    if isinstance(block, ParagraphBlock):
        out += para(block.text)
    elif isinstance(block, BulletsBlock):
        if block.lead:
            out += para(block.lead)
        kind = "number" if block.numbered else "bullet"

        def walk(items: list[BulletItem], level: int) -> None:
            for item in items:
                out.extend(para(item.text, level=level, bullet=kind if level == 0 else "bullet"))
                walk(item.items, level + 1)

        walk(block.items, 0)
    else:
        if block.intro:
            out += para(block.intro)
        for q in block.questions:
            out += para(q, bullet="number")
    return out


def body_style(size: float) -> TextStyle:
    return TextStyle(size, "tx1", space_before_pt=space_before(size))


def height(m: Measurer, paras: list[Para], box: Rect, size: float) -> int:
    return m.text_height(paras, box.w - 2 * INSET, size, "minor", space_before_pt=space_before(size)) + 2 * INSET


def fit(m: Measurer, paras: list[Para], box: Rect, start: float, floor: float) -> float | None:
    for s in sizes(start, floor):
        if height(m, paras, box, s) <= box.h:
            return s
    return None


@dataclass
class TextPage:
    """The paragraphs of one content slide, the size they fit at, and the blocks starting there."""

    paras: list[Para]
    size: float
    starts: list[int] = field(default_factory=list)
    adjustments: list[str] = field(default_factory=list)
    cut: bool = False
    steady: bool = False
    """A slide of a continued block: its size is the block's, never larger (no 18 then 23 pt)."""


def _split(m: Measurer, paras: list[Para], box: Rect, size: float) -> tuple[list[list[Para]], bool]:
    """``paras`` spread over pages that each fit ``box`` at ``size``, and whether text was cut
    (after ``MAX_CONTINUATIONS`` continuation slides)."""
    inner_w = box.w - 2 * INSET
    line_h = size * LINE_SPACING * EMU_PER_PT
    pages: list[list[Para]] = [[]]
    queue = list(reversed(paras))
    # More characters than a page's lines could hold in the narrowest glyphs never fit.
    page_chars = int((box.h / line_h + 1) * (inner_w / EMU_PER_PT / size / 0.15))
    while queue:
        if len(pages) > MAX_CONTINUATIONS + 1:
            return [pg for pg in pages[: MAX_CONTINUATIONS + 1] if pg], True
        p = queue.pop()
        cur = pages[-1]
        if len(p.text) <= page_chars and height(m, [*cur, p], box, size) <= box.h:
            # A lead line needs room for two lines of what it leads, else it starts the next page.
            room_after = box.h - height(m, [*cur, p], box, size) - space_before(size) * EMU_PER_PT
            if cur and queue and _leads(p, queue[-1]) and room_after < 2 * line_h:
                pages.append([p])
                continue
            cur.append(p)
            continue
        # A paragraph that fits a slide of its own moves whole to the next slide; only one
        # longer than a slide is cut, filling this slide first (when two lines or more are free).
        alone = len(p.text) <= page_chars and height(m, [p], box, size) <= box.h
        if cur and alone:
            pages.append([p])
            continue
        used = height(m, cur, box, size) if cur else 2 * INSET
        room = box.h - used - (space_before(size) * EMU_PER_PT if cur else 0)
        max_lines = int(room // line_h)
        if cur and max_lines < 2:
            pages.append([])
            queue.append(p)
            continue
        head, tail = m.split_para(p, inner_w, size, max(1, max_lines))
        if tail is not None:
            head, tail = _at_sentence(p, head, tail)
        cur.append(head)
        if tail is not None:
            queue.append(tail)
        pages.append([])
    pages = [pg for pg in pages if pg]
    _keep_with_next(m, pages, box, size)
    return pages, False


_SENTENCE_ENDS = (". ", "? ", "! ", "; ", ": ", ".\u201d ", ".) ")


def _at_sentence(p: Para, head: Para, tail: Para) -> tuple[Para, Para]:
    """A cut of ``p`` moved back to the end of a sentence in ``head`` when one is in its later half.

    A slide that stops mid-sentence makes the audience wait for the next; a slide that ends
    a sentence a few lines early reads whole.
    """
    text, cut = p.text, len(head.text)
    end = max(text.rfind(mark, 0, cut + 1) + len(mark) - 1 for mark in _SENTENCE_ENDS)
    if end <= cut // 2 or end >= cut:
        return head, tail
    start = end
    while start < len(text) and text[start].isspace():
        start += 1
    return (
        Para(_slice(p.runs, 0, end), p.level, p.bullet),
        Para(_slice(p.runs, start, len(text)), p.level, "none" if p.bullet == "number" else p.bullet),
    )


def _leads(para: Para, following: Para) -> bool:
    """Whether ``para`` introduces ``following``: a heading, a line ending in a colon, or a
    point whose sub-points follow."""
    text = para.text.rstrip()
    heading = bool(para.runs) and all(r.bold for r in para.runs if r.text.strip())
    return heading or text.endswith(":") or following.level > para.level


def _keep_with_next(m: Measurer, pages: list[list[Para]], box: Rect, size: float) -> None:
    """Moves a page's last paragraph to the next page when it introduces what follows there
    and the next page still fits; a lead line is not left alone at the foot of a slide."""
    for i in range(len(pages) - 1):
        page, nxt = pages[i], pages[i + 1]
        if len(page) > 1 and _leads(page[-1], nxt[0]) and height(m, [page[-1], *nxt], box, size) <= box.h:
            nxt.insert(0, page.pop())


def _budget(paras: list[Para], box: Rect, size: float) -> tuple[list[Para], bool]:
    """``paras`` cut to what ``MAX_CONTINUATIONS`` + 1 slides could ever show, and whether cut.

    A slide shows at most its lines times the characters a line can hold in the narrowest
    glyphs (about 0.15 em); measuring beyond that would only be thrown away.
    """
    lines = box.h / (size * LINE_SPACING * EMU_PER_PT)
    per_line = box.w / EMU_PER_PT / size / 0.15
    budget = int((MAX_CONTINUATIONS + 1) * (lines + 1) * per_line) + 1
    out: list[Para] = []
    used = 0
    for p in paras:
        n = len(p.text)
        if used + n > budget:
            keep = budget - used
            if keep > 0:
                out.append(Para(_head(p, keep), p.level, p.bullet))
            return out, True
        out.append(p)
        used += n
    return out, False


def _head(p: Para, n: int) -> list[Run]:
    runs, left = [], n
    for r in p.runs:
        if left <= 0:
            break
        runs.append(Run(r.text[:left], r.bold, r.italic))
        left -= len(r.text)
    return runs


def plan_text_run(blocks: list[TextBlock], box: Rect, ctx: Ctx) -> list[TextPage]:
    """Pages for consecutive text blocks sharing content slides of body area ``box``."""
    m = ctx.m
    pages: list[TextPage] = []
    cur: TextPage | None = None
    for index, block in enumerate(blocks):
        ps, trimmed = _budget(block_paras(block), box, BODY_FLOOR)
        if cur is not None:
            s = fit(m, cur.paras + ps, box, START, SHARED_MIN)
            if s is not None:
                cur.paras += ps
                cur.size = min(s, cur.size) if cur.steady else s
                cur.starts.append(index)
                continue
            pages.append(cur)
            cur = None
        s = fit(m, ps, box, START, ALONE_MIN)
        if s is not None:
            cur = TextPage(ps, s, [index])
            if s < SHARED_MIN:
                cur.adjustments.append(ctx.say(f"text set at {s:g} pt to fit one slide"))
            continue
        # The fewest slides, at the larger size when a smaller one saves none.
        options = [(_split(m, ps, box, s), s) for s in (SPLIT_SIZE, SHARED_MIN)]
        (chunks, cut), split_size = min(options, key=lambda o: (len(o[0][0]), -o[1]))
        cut = cut or trimmed
        for i, chunk in enumerate(chunks):
            # Every slide of a continued block keeps the size it was split at.
            page = TextPage(chunk, split_size, [index] if i == 0 else [], steady=True)
            if i == 0:
                page.adjustments.append(ctx.say(f"text too long for one slide; continued on {len(chunks) - 1} more"))
            if cut and i == len(chunks) - 1:
                page.adjustments.append(ctx.say(f"text cut after {len(chunks)} slides; shorten it to show all of it"))
                page.cut = True
            if i < len(chunks) - 1:
                pages.append(page)
            else:
                cur = page
    if cur is not None:
        pages.append(cur)
    # One size across the section's text slides: a smaller size always still fits.
    steady = min((pg.size for pg in pages), default=START)
    for pg in pages:
        pg.size = steady
    return pages


__all__ = ["TextPage", "block_paras", "body_style", "plan_text_run"]
