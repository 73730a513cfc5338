"""The fields an officer edits for each block kind (paragraphs, cards, timelines...), and the
section and project-details forms. :mod:`neslis_desktop.gui.kinds` names which list serves which kind."""

from __future__ import annotations

from typing import Any

from neslis_desktop.gui.editors.fields import F, common_fields


def _node_ids(root: dict[str, Any], item: dict[str, Any]) -> list[str]:
    return [""] + [n.get("id", "") for n in root.get("nodes", []) if n is not item and n.get("id")]


def _lane_names(root: dict[str, Any], item: dict[str, Any]) -> list[str]:
    return [""] + [lane.get("name", "") for lane in root.get("lanes", []) if lane.get("name")]


def paragraph_fields() -> list[F]:
    return [F("text", "Text", "markup")]


def bullets_fields() -> list[F]:
    return [
        F("lead", "Lead-in line", optional=True, help="Such as 'It will:'"),
        F("items", "Bullets", "bullets"),
        F("numbered", "Number the items (1, 2, 3)", "check"),
    ]


def cards_fields() -> list[F]:
    card = [
        F("title", "Title", optional=True),
        F("body", "Text", "markup", optional=True),
        F("bullets", "Sub-bullets", "bullets", optional=True),
        F("wide", "Span the whole width", "check"),
        F("highlight", "Highlight in the accent colour", "check"),
    ]
    return [
        F("intro", "Intro lines (one per line)", "lines", optional=True),
        F("cards", "Cards", "list", item=card, new=lambda r: {"title": "New card"}, noun="card"),
        F("footer", "Footer line", optional=True),
        F("columns", "Cards per row", "int", optional=True, minimum=0, maximum=4, special="Automatic"),
    ]


def structure_fields() -> list[F]:
    entry = [F("label", "Label"), F("aim", "Aim", optional=True)]
    column = [
        F("title", "Column title"),
        F("note", "Small print", optional=True),
        F("items", "Entries", "list", item=entry, new=lambda r: {"label": "New entry"}, noun="entry"),
    ]
    return [
        F(
            "columns",
            "Columns",
            "list",
            item=column,
            new=lambda r: {"title": "New column", "items": [{"label": "Entry"}]},
            noun="column",
        ),
    ]


def targets_fields() -> list[F]:
    target = [F("text", "Target", "text"), F("figure", "Headline figure", optional=True)]
    return [
        F("goal", "Goal", optional=True),
        F("label", "Label for the tiles", optional=True, help="Such as '6 Targets'"),
        F("targets", "Targets", "list", item=target, new=lambda r: {"text": "New target"}, noun="target"),
        F("footer", "Lines below the tiles (one per line)", "lines", optional=True),
    ]


def orgchart_fields() -> list[F]:
    node = [
        F("id", "Identifier", help="lower-case-with-hyphens", renames=("nodes", "parent"), rebuild=True),
        F("title", "Name"),
        F("parent", "Reports to", "combo", optional=True, options=_node_ids),
        F("side_label", "Side label", optional=True, help="Such as 'Decision making'"),
        F("note", "Small print", optional=True),
        F("members_heading", "Members heading", optional=True, help="Such as 'Representatives from:'"),
        F("members", "Members (one per line)", "lines", optional=True),
    ]
    return [F("nodes", "Boxes", "list", item=node, new=_new_node, noun="box")]


_counter = [0]


def _new_node(root: dict[str, Any]) -> dict[str, Any]:
    _counter[0] += 1
    return {"id": f"new-box-{_counter[0]}", "title": "New box"}


def timeline_fields() -> list[F]:
    milestone = [F("month", "Month", "month"), F("text", "What happens", "text")]
    lane = [
        F("name", "Lane name", renames=("spans", "lane"), rebuild=True),
        F(
            "milestones",
            "Milestones",
            "list",
            item=milestone,
            new=lambda r: {"month": r.get("start"), "text": "New milestone"},
            noun="milestone",
        ),
    ]
    span = [
        F("text", "What runs"),
        F("start", "From", "month"),
        F("end", "To", "month"),
        F("lane", "Lane", "combo", optional=True, options=_lane_names),
    ]
    return [
        F("start", "First month", "month"),
        F("end", "Last month", "month"),
        F("lanes", "Lanes", "list", item=lane, new=lambda r: {"name": "New lane"}, noun="lane"),
        F(
            "spans",
            "Spans",
            "list",
            item=span,
            new=lambda r: {"text": "New span", "start": r.get("start"), "end": r.get("start")},
            noun="span",
        ),
    ]


def flow_fields() -> list[F]:
    step = [F("title", "Step", "text"), F("notes", "Notes (one per line)", "lines", optional=True)]
    return [F("steps", "Steps", "list", item=step, new=lambda r: {"title": "New step"}, noun="step")]


def questions_fields() -> list[F]:
    return [
        F("intro", "Intro line", optional=True),
        F("questions", "Questions (one per line)", "lines"),
    ]


def divider_fields() -> list[F]:
    return [F("text", "Big text"), F("subtitle", "Smaller line", optional=True)]


def with_common(fields: list[F]) -> list[F]:
    """A block kind's own fields with the common ones (heading, notes) last."""
    return [*fields, *common_fields()]


def section_fields() -> list[F]:
    """The section form: title and notes."""
    return [F("title", "Section title"), F("notes", "Speaker notes", "text", optional=True)]


def meta_fields() -> list[F]:
    """The project details form."""
    return [
        F("title", "Title"),
        F("subtitle", "Subtitle", optional=True),
        F("organisation", "Organisation"),
        F("event", "Event", optional=True, help="Such as 'LIS Summit'"),
        F("date", "Date", optional=True, help="YYYY-MM-DD, such as 2019-09-12"),
        F("version", "Version"),
        F("status", "Status", "choice", choices=("Draft", "Consultation", "Final")),
        F("audience", "Audience", optional=True),
        F("language", "Language", help="Such as en-GB"),
        F("slug", "File name stem", optional=True, help="Such as north-east-lis; made from the title when empty"),
    ]
