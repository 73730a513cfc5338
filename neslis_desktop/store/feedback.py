"""The ``feedback/`` folder of a project: responses, themes and remembered import mappings.

Kept in the same diff-friendly YAML as the content (one response a list entry, fields in a
fixed order), read with the safe loader and saved all-or-nothing, so a reviewer can read a
change to the feedback in a diff like a change to the strategy.

``feedback/responses.yaml`` holds the responses, ``feedback/themes.yaml`` the themes,
``feedback/questions.yaml`` the id of every question with its words (the ids responses name),
and ``feedback/imports.yaml`` the column mapping last used for each survey export layout.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from neslis_desktop.errors import ContentError
from neslis_desktop.model.feedback import Feedback, relink
from neslis_desktop.model.project import Project
from neslis_desktop.store import yamlio
from neslis_desktop.store.listfile import problems_for, read_list, save_texts

FEEDBACK_DIR = "feedback"
RESPONSES_FILE = f"{FEEDBACK_DIR}/responses.yaml"
THEMES_FILE = f"{FEEDBACK_DIR}/themes.yaml"
QUESTIONS_FILE = f"{FEEDBACK_DIR}/questions.yaml"
IMPORTS_FILE = f"{FEEDBACK_DIR}/imports.yaml"


def load_feedback(folder: Path) -> Feedback:
    """The feedback of the project in ``folder``; empty when it has none yet.

    Raises :class:`ContentError` naming the file, the field and the line of each problem.
    """
    folder = Path(folder)
    themes_path, responses_path = folder / THEMES_FILE, folder / RESPONSES_FILE
    questions_path = folder / QUESTIONS_FILE
    themes, theme_node = read_list(themes_path, "themes")
    responses, response_node = read_list(responses_path, "responses")
    asked, asked_node = read_list(questions_path, "questions")
    try:
        return Feedback.model_validate({"questions": asked, "themes": themes, "responses": responses})
    except ValidationError as exc:
        sources = {
            "themes": (themes_path, theme_node),
            "responses": (responses_path, response_node),
            "questions": (questions_path, asked_node),
        }
        raise ContentError(problems_for(exc, sources, default="responses")) from None


def feedback_files(feedback: Feedback) -> dict[str, str]:
    """The text of each feedback file, by path relative to the project folder."""
    dump = feedback.model_dump(mode="json", exclude_defaults=True)
    return {
        QUESTIONS_FILE: yamlio.dump({"questions": dump.get("questions", [])}),
        THEMES_FILE: yamlio.dump({"themes": dump.get("themes", [])}),
        RESPONSES_FILE: yamlio.dump({"responses": dump.get("responses", [])}),
    }


def save_feedback(feedback: Feedback, folder: Path, project: Project | None = None) -> list[Path]:
    """Write the feedback files of ``folder`` all-or-nothing; returns the files that changed.

    With ``project``, the record of questions is brought up to date first (see
    :func:`~neslis_desktop.model.feedback.relink`): new questions get their ids, reworded ones
    keep theirs with the new words.
    """
    if project is not None:
        feedback = relink(project, feedback).feedback
    return save_texts(Path(folder), feedback_files(feedback))


def load_mappings(folder: Path) -> dict[str, dict[str, Any]]:
    """Column mappings remembered per survey layout (see :mod:`store.feedback_import`)."""
    path = Path(folder) / IMPORTS_FILE
    items, _ = read_list(path, "layouts")
    out = {}
    for item in items:
        if isinstance(item, dict) and isinstance(item.get("columns"), str) and isinstance(item.get("mapping"), dict):
            out[item["columns"]] = item["mapping"]
    return out


def save_mapping(folder: Path, layout: str, mapping: dict[str, Any]) -> None:
    """Remember ``mapping`` for survey exports whose columns give ``layout``."""
    known = load_mappings(folder)
    known[layout] = mapping
    text = yamlio.dump({"layouts": [{"columns": k, "mapping": v} for k, v in known.items()]})
    save_texts(Path(folder), {IMPORTS_FILE: text})
