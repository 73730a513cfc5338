"""The ``review/`` folder of a project: reviewers' comments imported from returned drafts."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from neslis_desktop.errors import ContentError
from neslis_desktop.model.review import Review
from neslis_desktop.store import yamlio
from neslis_desktop.store.listfile import problems_for, read_list, save_texts

COMMENTS_FILE = "review/comments.yaml"


def load_review(folder: Path) -> Review:
    """The comments of the project in ``folder``; empty when none were imported yet."""
    path = Path(folder) / COMMENTS_FILE
    comments, node = read_list(path, "comments")
    try:
        return Review.model_validate({"comments": comments})
    except ValidationError as exc:
        raise ContentError(problems_for(exc, {"comments": (path, node)}, default="comments")) from None


def save_review(review: Review, folder: Path) -> list[Path]:
    """Write ``review/comments.yaml`` atomically; returns it when it changed."""
    data = review.model_dump(mode="json", exclude_defaults=True)
    return save_texts(Path(folder), {COMMENTS_FILE: yamlio.dump({"comments": data.get("comments", [])})})
