"""The ``neslis`` command line: build a pack, check a project, print the content schema.

Exit codes: 0 success, 1 ``check`` found problems (or ``build --strict`` found slide problems),
2 bad input or a failed build (with a message naming the file and field, never a traceback),
70 a bug in this program (one line saying so; the traceback goes to a log file, or is raised
when ``NESLIS_DEBUG`` is set), 130 interrupted.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
import traceback
from pathlib import Path

from neslis_desktop import __version__
from neslis_desktop.errors import NeslisError
from neslis_desktop.resources import bundled_project


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
    build.add_argument("-q", "--quiet", action="store_true", help="print only the output paths")
    build.add_argument(
        "--strict", action="store_true", help="exit 1 and write nothing when any slide of the deck has a problem"
    )

    check = sub.add_parser("check", help="validate a project and report problems")
    check.add_argument("project", nargs="?", type=Path, help="project folder (default: the bundled example)")

    sub.add_parser("schema", help="print the JSON Schema of the content files")

    export = sub.add_parser("export", help="export a project to another format")
    export.add_argument("project", nargs="?", type=Path, help="project folder (default: the bundled example)")
    export.add_argument("--markdown", action="store_true", required=True, help="Pandoc Markdown")
    export.add_argument("-o", "--out", type=Path, required=True, metavar="FILE.md", help="file to write")
    return parser


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
    except NeslisError as exc:
        print(f"neslis: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("neslis: interrupted; no files were changed.", file=sys.stderr)
        return 130
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
    from neslis_desktop.render.pack import DeckProblems, build_pack
    from neslis_desktop.store import load_project

    project = load_project(args.project or bundled_project())
    try:
        result = build_pack(
            project,
            args.out,
            deck_template=args.deck_template,
            doc_template=args.doc_template,
            only=args.only,
            strict=args.strict,
        )
    except DeckProblems as exc:
        for problem in exc.problems:
            print(f"problem: {problem}", file=sys.stderr)
        print(f"neslis: {exc}", file=sys.stderr)
        return 1
    if not args.quiet:
        for message in result.messages + result.inspection_notes:
            print(f"note: {message}", file=sys.stderr)
    # Problems are printed even with --quiet: a deck that needs hand-fixing is never silent.
    for problem in result.problems:
        print(f"problem: {problem}", file=sys.stderr)
    if result.problems and not args.quiet:
        print(f"neslis: the deck was written, but {len(result.problems)} slide problem(s) above need a fix "
              "by hand or in the content.", file=sys.stderr)
    for path in result.paths:
        print(path)
    return 0


def _check(args: argparse.Namespace) -> int:
    from neslis_desktop.errors import ContentError
    from neslis_desktop.store import load_project

    folder = args.project or bundled_project()
    try:
        project = load_project(folder)
    except ContentError as exc:
        print(exc, file=sys.stderr)
        return 1
    blocks = sum(len(s.blocks) for s in project.sections)
    print(f"{folder}: OK ({len(project.sections)} sections, {blocks} blocks)")
    return 0


def _export(args: argparse.Namespace) -> int:
    from neslis_desktop.render.markdown import write_markdown
    from neslis_desktop.store import load_project

    project = load_project(args.project or bundled_project())
    write_markdown(project, args.out)
    print(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
