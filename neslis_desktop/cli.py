"""The ``neslis`` command line: build packs, check a project, compare versions, print the content schema.

Exit codes: 0 success, 1 ``check`` found problems (or ``build --strict`` found slide problems),
2 bad input or a failed build (with a message naming the file and field, never a traceback),
70 a bug in this program (one line saying so; the traceback goes to a log file, or is raised
when ``NESLIS_DEBUG`` is set), 130 interrupted.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
import tempfile
import time
import traceback
from pathlib import Path
from typing import TYPE_CHECKING

from neslis_desktop import __version__
from neslis_desktop.errors import NeslisError
from neslis_desktop.resources import bundled_project

if TYPE_CHECKING:
    from neslis_desktop.model import Project


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="neslis",
        description="Build engagement decks and draft strategy documents from a NESLIS project folder.",
    )
    parser.add_argument("--version", action="version", version=f"neslis {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    build = sub.add_parser("build", help="write the deck (.pptx) and the draft (.docx)")
    build.add_argument("project", nargs="?", type=Path, help="project folder (default: the bundled example)")
    build.add_argument("-o", "--out", type=Path, default=Path("out"), help="output folder (default: ./out)")
    build.add_argument("--deck-template", type=Path, metavar="T.pptx", help="PowerPoint template (.pptx/.potx)")
    build.add_argument("--doc-template", type=Path, metavar="T.docx", help="Word template (.docx/.dotx)")
    build.add_argument("--only", choices=("deck", "doc"), help="build only the deck or only the document")
    which = build.add_mutually_exclusive_group()
    which.add_argument("--pack", action="append", metavar="NAME", help="build this pack (repeat for more)")
    which.add_argument("--all", action="store_true", help="build every pack of the project")
    build.add_argument("-q", "--quiet", action="store_true", help="print only the output paths")
    build.add_argument(
        "--with-feedback", action="store_true", help="add 'What we heard' and 'You said, we did' from feedback/"
    )
    build.add_argument(
        "--strict", action="store_true", help="exit 1 and write nothing when any slide of the deck has a problem"
    )
    build.add_argument("--pdf", action="store_true", help="also write both as tagged PDF (needs LibreOffice)")
    build.add_argument("--html", action="store_true", help="also write the draft as one accessible HTML file")

    a11y = sub.add_parser("a11y", help="check decks and documents (anyone's) for accessibility problems")
    a11y.add_argument("files", nargs="+", type=Path, metavar="FILE", help=".pptx or .docx files to check")
    a11y.add_argument("--json", action="store_true", help="write the findings as JSON")
    a11y.add_argument("--min-size", type=float, metavar="PT", help="smallest body text allowed (default 12 pt)")

    check = sub.add_parser("check", help="validate a project and report problems")
    check.add_argument("project", nargs="?", type=Path, help="project folder (default: the bundled example)")

    sub.add_parser("schema", help="print the JSON Schema of the content files")

    packs = sub.add_parser("packs", help="list the project's packs and the snapshots kept in it")
    packs.add_argument("project", nargs="?", type=Path, help="project folder (default: the bundled example)")

    diff = sub.add_parser("diff", help="what changed between two project folders, or a folder and a snapshot")
    diff.add_argument("old", help="project folder, or the name of a snapshot of NEW")
    diff.add_argument("new", help="project folder, or the name of a snapshot of OLD")
    diff.add_argument("-o", "--out", type=Path, metavar="FILE.md", help="write the report as Markdown")

    snap = sub.add_parser("snapshot", help="keep the project as saved now under a name, to compare with later")
    snap.add_argument("name", help="such as 'sent to Steering Group, 12 March'")
    snap.add_argument("project", nargs="?", type=Path, default=Path("."), help="project folder (default: .)")

    export = sub.add_parser("export", help="export a project to another format")
    export.add_argument("project", nargs="?", type=Path, help="project folder (default: the bundled example)")
    export.add_argument("--markdown", action="store_true", required=True, help="Pandoc Markdown")
    export.add_argument("-o", "--out", type=Path, required=True, metavar="FILE.md", help="file to write")
    _feedback_parsers(sub)
    return parser


def _feedback_parsers(sub: argparse._SubParsersAction) -> None:
    feedback = sub.add_parser("feedback", help="summit feedback: import a survey export, summarise")
    fsub = feedback.add_subparsers(dest="action", required=True, metavar="ACTION")
    imp = fsub.add_parser("import", help="add responses from a CSV or XLSX survey export")
    imp.add_argument("project", type=Path, help="project folder")
    imp.add_argument("file", type=Path, help="the survey export (.csv, .xlsx)")
    imp.add_argument("--response", metavar="COLUMN", help="the column holding the answers (one row per answer)")
    imp.add_argument("--question", metavar="COLUMN", help="the column naming the question each answer is to")
    imp.add_argument(
        "--question-column",
        action="append",
        default=[],
        metavar="COLUMN=Q",
        help="a column holding answers to question Q (its key or number): one row per respondent",
    )
    for name in ("organisation", "sector", "event", "date"):
        imp.add_argument(f"--{name}", dest=f"{name}_column", metavar="COLUMN", help=f"the column holding the {name}")
    imp.add_argument("--keep", action="append", default=[], metavar="COLUMN", help="keep this column on purpose")
    imp.add_argument("--at", metavar="EVENT", help="the event, for rows that do not name one")
    imp.add_argument("--dry-run", action="store_true", help="report what would be imported; change nothing")
    summary = fsub.add_parser("summary", help="responses per question, with themes")
    summary.add_argument("project", type=Path, nargs="?", help="project folder (default: the bundled example)")
    relink = fsub.add_parser("relink", help="record reworded or moved questions, so their responses follow them")
    relink.add_argument("project", type=Path, help="project folder")
    relink.add_argument("--dry-run", action="store_true", help="say what would be recorded; change nothing")

    review = sub.add_parser("review", help="reviewers' comments on a returned draft")
    rsub = review.add_subparsers(dest="action", required=True, metavar="ACTION")
    rimp = rsub.add_parser("import", help="read the comments and tracked changes of a returned draft")
    rimp.add_argument("project", type=Path, help="project folder")
    rimp.add_argument("draft", type=Path, help="the returned draft (.docx)")
    rlist = rsub.add_parser("list", help="list the open comments per section")
    rlist.add_argument("project", type=Path, help="project folder")
    rlist.add_argument("--all", action="store_true", help="resolved comments too")
    rres = rsub.add_parser("resolve", help="mark a comment resolved")
    rres.add_argument("project", type=Path, help="project folder")
    rres.add_argument("comment", help="the comment's id, such as c-0003")
    rres.add_argument("--snapshot", help="the snapshot it was resolved in")
    rres.add_argument("--reply", help="a reply to keep with it")
    rres.add_argument(
        "--changed", action="append", default=[], metavar="LINK", help="the content changed in answer: 'section#block'"
    )


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = _parser().parse_args(argv)
    try:
        if args.command == "build":
            return _build(args)
        if args.command == "check":
            return _check(args)
        if args.command == "schema":
            from neslis_desktop.store.schema import content_schema

            print(json.dumps(content_schema(), indent=2, ensure_ascii=False))
            return 0
        if args.command == "export":
            return _export(args)
        if args.command in ("packs", "diff", "snapshot"):
            return {"packs": _packs, "diff": _diff, "snapshot": _snapshot}[args.command](args)
        if args.command in ("feedback", "review"):
            from neslis_desktop import cli_loop

            return cli_loop.run(args)
        if args.command == "a11y":
            from neslis_desktop.render.a11y.command import run

            return run(args.files, as_json=args.json, min_size=args.min_size, out=sys.stdout, err=sys.stderr)
    except NeslisError as exc:
        print(f"neslis: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("neslis: interrupted; no files were changed.", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader went away (neslis schema | head): nothing more to say
        return 0
    except Exception as exc:  # a bug, not bad input: say so in one line, keep the details
        if os.environ.get("NESLIS_DEBUG"):
            raise
        log = _crash_log()
        summary = f"{type(exc).__name__}: {exc}".splitlines()[0][:200]
        print(
            f"neslis: internal error ({summary}). This is a bug in NESLIS Desktop, not a problem in your "
            f"files; nothing was changed. Details for a bug report: {log}",
            file=sys.stderr,
        )
        return 70
    return 2


_ONE_RUN = [False]
"""``[True]`` in the ``neslis`` program (:func:`run`), which ends when its command does."""


def _collect_from_here() -> None:
    """Turn the garbage collector back on in a ``neslis build`` run, leaving out all made so far.

    Python's collector runs every 700 new objects and walks the young ones, and every so often
    all of them. Importing pydantic, the content model, python-pptx and python-docx and loading
    the project make some 70,000 objects it tracks, nearly all living to the end (modules,
    classes, the project); it ran 161 times in a build of the bundled pack: ~30 ms of 430,
    for next to nothing freed.
    :func:`run` turns the collector off for that part; here it is turned on again for the build,
    which does make garbage in cycles (python-pptx's parts and package point at each other),
    with what exists so far frozen out of its walks. Only in that program: a caller of
    :func:`main` (the tests) keeps its own collector as it was.
    """
    if _ONE_RUN[0] and not gc.isenabled():
        gc.freeze()
        gc.enable()


def run() -> None:
    """The ``neslis`` program: :func:`main`, then exit at once without tearing the interpreter down.

    By the time ``main`` returns every output is written, closed and moved into place, so the
    interpreter's clean-up (freeing the templates' XML trees, module teardown) changes no file
    and only costs time: about a fifth of a whole ``neslis build`` (see docs/performance.md).
    """
    if sys.argv[1:2] == ["build"]:
        _ONE_RUN[0] = True
        gc.disable()  # until the build's modules and project are in: see _collect_from_here
    try:
        code = main()
    except SystemExit as exc:  # argparse's --help, --version and usage errors
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
        if exc.code is not None and not isinstance(exc.code, int):
            print(exc.code, file=sys.stderr)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):  # a closed pipe (neslis packs | head): nothing more to say
        code = code or 1
    os._exit(code)


def _crash_log() -> str:
    """Write the current traceback to a log file in the temporary folder; its path."""
    path = os.path.join(tempfile.gettempdir(), f"neslis-crash-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}.log")
    try:
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(traceback.format_exc())
    except OSError:
        return "(the log could not be written)"
    return path


def _build(args: argparse.Namespace) -> int:
    from neslis_desktop.model.packs import PackKind
    from neslis_desktop.render.pack import DeckProblems
    from neslis_desktop.render.packs import build_packs, find_pack, main_packs

    folder = args.project or bundled_project()
    project = _load(folder, quiet=args.quiet)
    _collect_from_here()
    if args.all:
        packs = project.all_packs()
    elif args.pack:
        packs = [find_pack(project, name) for name in dict.fromkeys(args.pack)]
    else:
        packs = main_packs(project)
    if args.only:
        packs = [p for p in packs if p.kind is (PackKind.DECK if args.only == "deck" else PackKind.DOCUMENT)]
        if not packs:
            raise NeslisError(f"None of the packs chosen is a {'deck' if args.only == 'deck' else 'document'}.")
    if args.with_feedback:
        packs = [p.model_copy(update={"what_we_heard": True}) for p in packs]
    try:
        result = build_packs(
            project,
            packs,
            args.out,
            folder=folder,
            deck_template=args.deck_template,
            doc_template=args.doc_template,
            check_accessibility=True,
            strict=args.strict,
        )
    except DeckProblems as exc:
        for problem in exc.problems:
            print(f"problem: {problem}", file=sys.stderr)
        print(f"neslis: {exc}", file=sys.stderr)
        return 1
    from neslis_desktop.render.a11y.command import build_summary
    from neslis_desktop.render.publish import html_view, publish

    shown = html_view(project, packs, folder) if args.html else project
    extra = publish(shown, result.paths, args.out, pdf=args.pdf, html=args.html)
    if not args.quiet:
        for message in [*result.messages, *result.inspection_notes, *extra.messages]:
            print(f"note: {message}", file=sys.stderr)
        for line in build_summary(result.accessibility):
            print(line, file=sys.stderr)
    # Problems are printed even with --quiet: a deck that needs hand-fixing is never silent.
    for problem in result.problems:
        print(f"problem: {problem}", file=sys.stderr)
    if result.problems and not args.quiet:
        print(
            f"neslis: the deck was written, but {len(result.problems)} slide problem(s) above need a fix "
            "by hand or in the content.",
            file=sys.stderr,
        )
    for path in [*result.paths, *extra.paths]:
        print(path)
    return 0


def _packs(args: argparse.Namespace) -> int:
    from neslis_desktop.errors import ContentError
    from neslis_desktop.model.packs import pack_sections
    from neslis_desktop.store import load_project
    from neslis_desktop.store.packs import pack_file_problems
    from neslis_desktop.store.snapshots import list_snapshots

    folder = args.project or bundled_project()
    project = load_project(folder, read_only=True)  # listing changes nothing in the folder
    rows = [
        (p.name, p.kind.value, f"{len(pack_sections(p, project.sections))} sections", p.file_name(project.meta))
        for p in project.all_packs()
    ]
    widths = [max(len(r[i]) for r in rows) for i in range(3)]
    for row in rows:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=False)) + "  " + row[3])
    for snapshot in list_snapshots(folder):
        print(f"{snapshot.label()[0].upper()}{snapshot.label()[1:]}: {snapshot.folder}")
    problems = pack_file_problems(project, folder)
    if problems:
        print(ContentError(problems), file=sys.stderr)
    return 1 if problems else 0


def _diff(args: argparse.Namespace) -> int:
    from neslis_desktop.model.diff import diff_projects
    from neslis_desktop.render.diff_report import report_lines
    from neslis_desktop.store import PROJECT_FILE, load_project
    from neslis_desktop.store.snapshots import find_snapshot, load_snapshot, read_snapshot

    def side(arg: str, other: str) -> tuple[object, str]:
        path = Path(arg)
        if (path / PROJECT_FILE).is_file():
            kept = read_snapshot(path)
            return load_project(path, read_only=True), kept.label() if kept else str(path)
        if not (Path(other) / PROJECT_FILE).is_file():
            raise NeslisError(f"{arg}: is not a project folder (it has no {PROJECT_FILE}), nor a snapshot's name.")
        snapshot = find_snapshot(Path(other), arg)
        return load_snapshot(snapshot), snapshot.label()

    old, old_label = side(args.old, args.new)
    new, new_label = side(args.new, args.old)
    diff = diff_projects(old, new)  # type: ignore[arg-type]
    if args.out is not None:
        from neslis_desktop.errors import OutputError
        from neslis_desktop.store import atomic_write_bytes
        from neslis_desktop.store.atomic import describe_os_error

        text = "\n".join(report_lines(diff, old_label, new_label, "markdown")) + "\n"
        try:
            atomic_write_bytes(args.out, text.encode("utf-8"))
        except OSError as exc:
            raise OutputError(describe_os_error(args.out, exc)) from exc
        print(args.out)
        return 0
    colour = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    print("\n".join(report_lines(diff, old_label, new_label, "tty" if colour else "plain")))
    return 0


def _snapshot(args: argparse.Namespace) -> int:
    from neslis_desktop.store.snapshots import take_snapshot

    snapshot = take_snapshot(args.project, args.name)
    print(snapshot.folder)
    return 0


def _check(args: argparse.Namespace) -> int:
    """Validate a project and report every problem, changing nothing in the folder.

    The folder is read with ``read_only=True``: an interrupted save is reported, not
    completed, and no temporary file is removed. Notes (a section file not listed in
    ``project.yaml``, a pending save) do not fail the check; a project with no sections does,
    as it fails ``build``.
    """
    from neslis_desktop.errors import ContentError, Problem
    from neslis_desktop.store import PROJECT_FILE, load_project_partial

    folder = args.project or bundled_project()
    result = load_project_partial(folder, read_only=True)
    for note in result.notes:
        print(f"note: {note}", file=sys.stderr)
    problems = list(result.problems)
    if result.project is not None and not problems and not result.project.sections:
        problems.append(
            Problem(
                Path(folder) / PROJECT_FILE,
                "sections",
                ("the project has no sections, so there is nothing to build; add a section first"),
            )
        )
    if problems or result.project is None:
        print(ContentError(problems), file=sys.stderr)
        return 1
    project = result.project
    from neslis_desktop.store.packs import pack_file_problems

    problems = pack_file_problems(project, folder)
    if problems:
        print(ContentError(problems), file=sys.stderr)
        return 1
    from neslis_desktop.cli_loop import feedback_problems

    if feedback_problems(project, folder):
        return 1
    blocks = sum(len(s.blocks) for s in project.sections)
    print(f"{folder}: OK ({len(project.sections)} sections, {blocks} blocks)")
    return 0


def _load(folder: Path, *, quiet: bool = False) -> Project:
    """The whole project in ``folder``, printing what loading did or noticed (a completed save)."""
    from neslis_desktop.store import load_project_partial

    result = load_project_partial(folder)
    for note in [] if quiet else result.notes:
        print(f"note: {note}", file=sys.stderr)
    return result.require()


def _export(args: argparse.Namespace) -> int:
    from neslis_desktop.render.markdown import write_markdown

    project = _load(args.project or bundled_project())
    write_markdown(project, args.out)
    print(args.out)
    return 0


if __name__ == "__main__":
    run()
