"""The HTML edition's page: title block and metadata, contents, numbered sections, questions.

It follows the draft document: sections are numbered headings (``1``, ``1.1`` for a block's
heading), dividers are left out, and discussion questions are gathered at the end under
"Consultation questions", grouped under the last section that printed, numbered throughout.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from neslis_desktop import __version__
from neslis_desktop.model import DividerBlock, Project, QuestionsBlock, plain_text
from neslis_desktop.model.month import MONTH_NAMES
from neslis_desktop.render.html import evidence as _evidence  # noqa: F401  (registers chart, table, picture)
from neslis_desktop.render.html.blocks import Context, render_block
from neslis_desktop.render.html.style import CSS
from neslis_desktop.render.html.text import attr, inline, paragraphs

CONSULTATION = "Consultation questions"
CONSULTATION_ID = "consultation-questions"


@dataclass
class _Group:
    title: str
    anchor: str
    intros: list[str] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)


def _date(value: dt.date) -> str:
    return f"{value.day} {MONTH_NAMES[value.month - 1]} {value.year}"


def to_html(project: Project) -> str:
    """The whole HTML edition of ``project`` as one string."""
    meta = project.meta
    sections: list[str] = []
    toc: list[tuple[str, str, str]] = []
    groups: list[_Group] = []
    last: tuple[str, str] | None = None
    number = 0
    for section in project.sections:
        body: list[str] = []
        asked: list[QuestionsBlock] = []
        number_if_printed = number + 1
        sub = 0
        previous = plain_text(section.title)
        ctx = Context(level=3, prefix=section.id)
        for block in section.blocks:
            if isinstance(block, DividerBlock):
                continue
            if isinstance(block, QuestionsBlock):
                asked.append(block)
                continue
            html = render_block(block, Context(level=4 if block.heading else 3, prefix=section.id, counter=ctx.counter))
            if not html:
                continue
            if block.heading and plain_text(block.heading) != previous:
                sub += 1
                body.append(
                    f'<h3 id="{attr(section.id)}-{sub}"><span class="num">{number_if_printed}.{sub}</span>'
                    f" {inline(block.heading)}</h3>"
                )
                previous = plain_text(block.heading)
            body.append(html)
        if body:
            number = number_if_printed
            anchor = section.id
            toc.append((anchor, str(number), inline(section.title)))
            sections.append(
                f'<section aria-labelledby="{attr(anchor)}"><h2 id="{attr(anchor)}"><span class="num">{number}</span>'
                f" {inline(section.title)}</h2>\n" + "\n".join(body) + "</section>"
            )
            last = (section.title, anchor)
        if asked:
            title, anchor = last or (section.title, section.id)
            group = groups[-1] if groups and groups[-1].title == title else None
            if group is None:
                group = _Group(title, anchor)
                groups.append(group)
            for q in asked:
                if q.intro:
                    group.intros.append(q.intro)
                group.questions += q.questions
    if groups:
        number += 1
        toc.append((CONSULTATION_ID, str(number), CONSULTATION))
        sections.append(_questions(groups, number))
    title = plain_text(meta.title)
    return "\n".join(
        [
            "<!DOCTYPE html>",
            f'<html lang="{attr(meta.language)}">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{attr(title)}{' – ' + attr(plain_text(meta.subtitle)) if meta.subtitle else ''}</title>",
            f'<meta name="author" content="{attr(plain_text(meta.organisation))}">',
            f'<meta name="description" content="{attr(_description(project))}">',
            f'<meta name="generator" content="NESLIS Desktop {__version__}">',
            *([f'<meta name="date" content="{meta.date.isoformat()}">'] if meta.date else []),
            # No request may leave the page: nothing but its own inline style and data.
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
            'img-src data:">',
            f"<style>{CSS}</style>",
            "</head>",
            "<body>",
            '<a class="skip" href="#main">Skip to main content</a>',
            f'<header class="masthead"><div class="wrap"><p>{inline(meta.organisation)}</p></div></header>',
            _title_block(project),
            '<div class="wrap">',
            _contents(toc),
            '<main id="main" tabindex="-1">',
            *sections,
            "</main>",
            f"<footer><p>{inline(meta.organisation)}. {attr(meta.status.value)}, "
            f"version {attr(plain_text(meta.version))}. Made with NESLIS Desktop {__version__}.</p></footer>",
            "</div>",
            "</body>",
            "</html>",
            "",
        ]
    )


def _description(project: Project) -> str:
    meta = project.meta
    parts = [plain_text(meta.title)]
    if meta.subtitle:
        parts.append(plain_text(meta.subtitle))
    parts.append(f"{meta.status.value} by {plain_text(meta.organisation)}")
    return ": ".join(parts[:2]) + (". " + parts[2] if len(parts) > 2 else "")


def _title_block(project: Project) -> str:
    meta = project.meta
    facts: list[tuple[str, str]] = [("Organisation", inline(meta.organisation))]
    if meta.date:
        facts.append(("Date", f'<time datetime="{meta.date.isoformat()}">{_date(meta.date)}</time>'))
    facts.append(("Version", inline(meta.version)))
    if meta.event:
        facts.append(("Event", inline(meta.event)))
    if meta.audience:
        facts.append(("For", inline(meta.audience)))
    rows = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in facts)
    subtitle = f'<p class="subtitle">{inline(meta.subtitle)}</p>' if meta.subtitle else ""
    return (
        '<div class="title-block"><div class="wrap">'
        f'<p><span class="tag">{attr(meta.status.value)}</span></p>'
        f"<h1>{inline(meta.title)}</h1>{subtitle}<dl>{rows}</dl></div></div>"
    )


def _contents(toc: list[tuple[str, str, str]]) -> str:
    items = "".join(f'<li><a href="#{attr(a)}"><span class="num">{n}</span> {t}</a></li>' for a, n, t in toc)
    return (
        '<nav class="contents" aria-labelledby="contents-title">'
        f'<h2 id="contents-title">Contents</h2><ol>{items}</ol></nav>'
    )


def _questions(groups: list[_Group], number: int) -> str:
    parts = [
        f'<section aria-labelledby="{CONSULTATION_ID}"><h2 id="{CONSULTATION_ID}">'
        f'<span class="num">{number}</span> {CONSULTATION}</h2>'
    ]
    start = 1
    for sub, group in enumerate(groups, start=1):
        parts.append(
            f'<h3 id="{CONSULTATION_ID}-{sub}"><span class="num">{number}.{sub}</span> {inline(group.title)}</h3>'
        )
        parts.append(
            f'<p class="secondary">From <a href="#{attr(group.anchor)}">section {inline(group.title)}</a>.</p>'
        )
        for intro in group.intros:
            parts += paragraphs(intro, "lead")
        parts.append(
            f'<ol class="questions" start="{start}">'
            + "".join(f"<li>{inline(q)}</li>" for q in group.questions)
            + "</ol>"
        )
        start += len(group.questions)
    parts.append("</section>")
    return "\n".join(parts)
