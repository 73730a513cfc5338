"""Reviewers' comments and suggested changes on a draft, attached to the content they concern.

The Working Group, the Steering Group and the LEP Board each return the draft with comments
and tracked changes. Imported, each becomes a :class:`ReviewComment` that names the section
and block it falls in, so an officer answers it beside the content, and nothing is retyped.
A resolved comment is kept, with the snapshot it was resolved in.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Literal

from pydantic import Field, model_validator

from neslis_desktop.model.blocks import ContentModel
from neslis_desktop.model.feedback import ContentLink
from neslis_desktop.model.text import Slug, Text, Title

Kind = Literal["comment", "insertion", "deletion"]
Located = Literal["anchor", "heading", "text", "nowhere"]


class Reply(ContentModel):
    """A reply in a comment's thread: a reviewer's in Word, or the officer's in the app."""

    author: Title | None = Field(None, description="Who wrote it.")
    date: dt.datetime | None = Field(None, description="When, as Word recorded it.")
    text: Text = Field(description="The reply.")


class ReviewComment(ContentModel):
    """One comment, or one tracked insertion or deletion, from a returned draft."""

    id: Slug = Field(description="Identifier, such as 'c-0007'.")
    kind: Kind = Field("comment", description="A comment, or a tracked insertion or deletion (a suggestion).")
    author: Title | None = Field(None, description="The reviewer, as Word recorded them.")
    date: dt.datetime | None = Field(None, description="When it was made.")
    text: Text = Field(description="The comment, or the words inserted or deleted.")
    quoted: Text | None = Field(None, description="The draft's words the comment is attached to.")
    section: Slug | None = Field(None, description="The section it falls in; none when it could not be placed.")
    block: int | None = Field(None, ge=1, description="The block (1-based) in that section; none for the heading.")
    located_by: Located = Field("nowhere", description="How it was placed: the draft's anchors, a heading, its text.")
    source: Title = Field(description="The file it came from, such as 'draft-from-steering-group.docx'.")
    status: Literal["open", "resolved"] = "open"
    resolved_in: Title | None = Field(None, description="The snapshot in which it was resolved.")
    replies: list[Reply] = Field(default_factory=list, description="The thread, oldest first.")
    changed: list[ContentLink] = Field(default_factory=list, description="The content changed in answer.")

    def fingerprint(self) -> str:
        """Same comment, same fingerprint: importing one draft twice adds nothing."""
        facts = "\x1f".join([self.kind, self.author or "", str(self.date or ""), self.text, self.quoted or ""])
        return hashlib.sha256(facts.encode("utf-8")).hexdigest()[:16]


class Review(ContentModel):
    """Every comment imported into a project, as kept in ``review/comments.yaml``."""

    comments: list[ReviewComment] = Field(default_factory=list)

    @model_validator(mode="after")
    def _unique(self) -> Review:
        seen: set[str] = set()
        for c in self.comments:
            if c.id in seen:
                raise ValueError(f"comment ids must be unique; '{c.id}' is used twice")
            seen.add(c.id)
        return self

    def merged(self, incoming: list[ReviewComment]) -> tuple[Review, list[ReviewComment]]:
        """This review with ``incoming`` added, except those already here; and the ones added.

        Incoming comments get fresh ids; a Word-resolved comment already here stays as the
        officer left it.
        """
        known = {c.fingerprint() for c in self.comments}
        taken = {c.id for c in self.comments}
        serial = len(self.comments)
        added = []
        for comment in incoming:
            if comment.fingerprint() in known:
                continue
            serial += 1
            while f"c-{serial:04d}" in taken:
                serial += 1
            fresh = comment.model_copy(update={"id": f"c-{serial:04d}"})
            taken.add(fresh.id)
            known.add(fresh.fingerprint())
            added.append(fresh)
        return self.model_copy(update={"comments": [*self.comments, *added]}), added

    def resolve(
        self, comment_id: str, snapshot: str | None = None, reply: str | None = None, changed: list[str] | None = None
    ) -> Review:
        """This review with one comment resolved (in ``snapshot``), an optional reply and links to the change.

        Raises ``KeyError`` for an unknown id and ``ValidationError`` for a bad link or reply.
        """
        out = []
        found = False
        for c in self.comments:
            if c.id == comment_id:
                found = True
                replies = [*c.replies, Reply(text=reply)] if reply else c.replies
                update: dict[str, object] = {"status": "resolved", "resolved_in": snapshot, "replies": replies}
                if changed:
                    update["changed"] = [*c.changed, *changed]
                # Validated again, so a link or snapshot name that is not valid is refused here.
                out.append(ReviewComment.model_validate({**c.model_dump(), **update}))
            else:
                out.append(c)
        if not found:
            raise KeyError(comment_id)
        return self.model_copy(update={"comments": out})
