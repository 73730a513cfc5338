"""``neslis feedback`` and ``neslis review``: consultation feedback and reviewers' comments.

Kept apart from :mod:`neslis_desktop.cli` so that the command line's core stays short; the
same exit codes apply (0 done, 1 something needs the user's attention, 2 bad input).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from neslis_desktop.resources import bundled_project

if TYPE_CHECKING:
    from neslis_desktop.model.project import Project


def run(args: argparse.Namespace) -> int:
    """Run a ``feedback`` or ``review`` action; returns the exit code."""
    actions = {
        ("feedback", "import"): _feedback_import,
        ("feedback", "summary"): _feedback_summary,
        ("feedback", "relink"): _feedback_relink,
        ("review", "import"): _review_import,
        ("review", "list"): _review_list,
        ("review", "resolve"): _review_resolve,
    }
    return actions[(args.command, args.action)](args)


def _feedback_import(args: argparse.Namespace) -> int:
    from neslis_desktop.store import load_project
    from neslis_desktop.store.feedback import load_feedback, load_mappings, save_feedback, save_mapping
    from neslis_desktop.store.feedback_import import ColumnMapping, import_table, read_table, suggest_mapping

    project = load_project(args.project)
    feedback = load_feedback(args.project)
    table = read_table(args.file)
    given = ColumnMapping(
        response=args.response,
        question=args.question,
        questions=dict(pair.split("=", 1) for pair in args.question_column if "=" in pair),
        organisation=args.organisation_column,
        sector=args.sector_column,
        event=args.event_column,
        date=args.date_column,
        keep=args.keep,
    )
    remembered = load_mappings(args.project).get(table.layout())
    if given.as_dict():
        mapping, how = given, "as given"
    elif remembered:
        mapping, how = ColumnMapping.from_dict(remembered), "remembered from the last import of this layout"
    else:
        mapping, how = suggest_mapping(table, project, feedback), "guessed from the column names"
    print(f"columns {how}: {mapping.as_dict()}", file=sys.stderr)
    result = import_table(project, feedback, table, mapping, event=args.at)
    for line in result.report():
        print(line)
    if not args.dry_run and result.added:
        save_feedback(result.feedback, args.project, project)
        save_mapping(args.project, table.layout(), mapping.as_dict())
    return 1 if result.skipped else 0


def _feedback_summary(args: argparse.Namespace) -> int:
    from neslis_desktop.model.feedback import questions, relink
    from neslis_desktop.model.heard import summary_line
    from neslis_desktop.store import load_project
    from neslis_desktop.store.feedback import load_feedback

    folder = args.project or bundled_project()
    project = load_project(folder, read_only=True)
    feedback = relink(project, load_feedback(folder)).feedback
    labels = {t.id: t.label for t in feedback.themes}
    for q in questions(project, feedback.questions):
        answers = [r for r in feedback.responses if r.question == q.key]
        themes = Counter(t for r in answers for t in r.themes)
        print(f"{q.key}\n  {q.text}\n  {summary_line(answers)}")
        for theme, n in themes.most_common():
            print(f"  - {labels.get(theme, theme)}: {n}")
    return 0


def _feedback_relink(args: argparse.Namespace) -> int:
    from neslis_desktop.model.feedback import relink
    from neslis_desktop.store import load_project
    from neslis_desktop.store.feedback import load_feedback, save_feedback

    project = load_project(args.project, read_only=args.dry_run)
    linked = relink(project, load_feedback(args.project))
    for line in linked.followed:
        print(f"{'would record' if args.dry_run else 'recorded'}: {line}")
    for line in linked.lost:
        print(f"problem: {line}", file=sys.stderr)
    if not args.dry_run:
        written = save_feedback(linked.feedback, args.project)
        print(f"{len(written)} feedback files changed", file=sys.stderr)
    return 1 if linked.lost else 0


def feedback_problems(project: Project, folder: Path) -> bool:
    """For ``neslis check``: say what in the feedback no longer fits the content; whether any must be fixed.

    Reworded or moved questions are notes (their responses follow them; ``neslis feedback
    relink`` records it); responses to questions gone, and links to content gone, are problems.
    Nothing is written.
    """
    from neslis_desktop.model.feedback import check_links, relink
    from neslis_desktop.store.feedback import load_feedback

    linked = relink(project, load_feedback(folder))
    for line in linked.followed:
        print(f"note: feedback: {line}; 'neslis feedback relink {folder}' records it", file=sys.stderr)
    # Responses to questions gone are in relink's lines already, with the fix.
    problems = [*linked.lost, *check_links(project, linked.feedback, answers=False)]
    for line in problems:
        print(f"problem: feedback: {line}", file=sys.stderr)
    return bool(problems)


def _review_import(args: argparse.Namespace) -> int:
    from neslis_desktop.render.review_import import read_review
    from neslis_desktop.store import load_project
    from neslis_desktop.store.review import load_review, save_review

    project = load_project(args.project)
    review, added = load_review(args.project).merged(read_review(args.draft, project))
    save_review(review, args.project)
    titles = {s.id: s.title for s in project.sections}
    for c in added:
        where = titles.get(c.section or "", "not placed")
        if c.block:
            where += f", block {c.block}"
        print(f"{c.id} {c.kind} by {c.author or 'unknown'} ({where}, by {c.located_by}): {_clip(c.text, 80)}")
    print(f"{len(added)} new comments and suggestions from {args.draft.name}", file=sys.stderr)
    return 1 if any(c.section is None for c in added) else 0


def _review_list(args: argparse.Namespace) -> int:
    from neslis_desktop.store import load_project
    from neslis_desktop.store.review import load_review

    project = load_project(args.project, read_only=True)
    comments = [c for c in load_review(args.project).comments if args.all or c.status == "open"]
    for section in [*project.sections, None]:
        sid = section.id if section else None
        here = [c for c in comments if c.section == sid]
        if not here:
            continue
        print(section.title if section else "Not placed")
        for c in here:
            quote = f' on "{_clip(c.quoted, 50)}"' if c.quoted else ""
            print(f"  {c.id} [{c.status}] {c.author or 'unknown'}{quote}: {_clip(c.text, 100)}")
    return 0


def _review_resolve(args: argparse.Namespace) -> int:
    from pydantic import ValidationError

    from neslis_desktop.errors import NeslisError
    from neslis_desktop.store.messages import message_for
    from neslis_desktop.store.review import load_review, save_review

    try:
        review = load_review(args.project).resolve(args.comment, args.snapshot, args.reply, args.changed)
    except KeyError:
        raise NeslisError(
            f"{args.project}: there is no comment '{args.comment}'; 'neslis review list' shows them"
        ) from None
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        field = ".".join(str(p) for p in first.get("loc", ()))
        raise NeslisError(f"comment {args.comment}, {field}: {message_for(dict(first))}") from None
    save_review(review, args.project)
    return 0


def _clip(text: str, limit: int) -> str:
    """``text`` on one line, cut at a word before ``limit`` characters with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + "\u2026"
