"""The JSON Schema of the content files, as ``neslis schema`` prints it.

Two documents in one: ``project.yaml`` (the root) and a section file (``$defs/SectionFile``).
The committed copy in ``schema/`` is checked against this by a test, so it never drifts.
The schema is the contract other tools rely on: a project it accepts loads and builds
(``tests/store/test_schema_contract.py`` generates projects from it to show so). What it
cannot say, rules across fields and files, is in its description (``RULES_BEYOND_THE_SCHEMA``).
"""

from __future__ import annotations

import copy
from typing import Any

from pydantic import Field, create_model

from neslis_desktop.model import SCHEMA_VERSION, ProjectMeta, Section
from neslis_desktop.model.blocks import MAX_BULLET_DEPTH, ContentModel
from neslis_desktop.model.packs import Pack
from neslis_desktop.model.text import Slug

RULES_BEYOND_THE_SCHEMA = (
    "project.yaml of a NESLIS Desktop project; each name in `sections` is a file "
    "`sections/<name>.yaml` in the format of `$defs/SectionFile`. Rules this schema cannot "
    "state, which `neslis check` applies: every section listed has its file; in an org chart, "
    "node ids are unique, each `parent` is the id of a node of the same chart, and the "
    "reporting lines form a tree; in a timeline, `end` is not before `start` and at most 36 "
    "months from it, every milestone's month and every span lies within them, a span does not "
    "end before it starts, and a span's `lane` is the `name` of one of the timeline's lanes. "
    "In a chart, each series has one value per category and at least one number, a pie chart has "
    "one series and no negative values, and a reference line goes only on column and line charts; "
    "in a table, each row (and the totals row) has one cell per column, and a column with a "
    "`number_format` holds numbers, and a text cell holds no control character. "
    "A picture's or logo's `file` is a PNG, JPEG or GIF inside the "
    "project folder (no `..`, no absolute path) that exists and is at most 40 megapixels. "
    "A project without sections is valid, but has nothing to build."
)


def _bullet_levels(bullet: dict[str, Any]) -> dict[str, Any]:
    """BulletItem's recursive schema unrolled into one definition per level of nesting allowed.

    So the schema says how deep bullets may nest, and tools that cannot follow a recursive
    ``$ref`` (hypothesis-jsonschema among them) can use it. A bullet without sub-points is
    written as plain text (see BulletItem's serializer), so each level is text or an object.
    """
    names = ["BulletItem", *(f"BulletItemLevel{n}" for n in range(2, MAX_BULLET_DEPTH + 1))]
    levels = {}
    for depth, name in enumerate(names, start=1):
        item = copy.deepcopy(bullet)
        sub = item["properties"]["items"]
        if depth < MAX_BULLET_DEPTH:
            sub["items"] = {"$ref": f"#/$defs/{names[depth]}"}
        else:
            del sub["items"]
            sub["maxItems"] = 0
            sub["description"] = f"None here: bullets nest at most {MAX_BULLET_DEPTH} levels deep."
        text = {**item["properties"]["text"], "description": "A bullet without sub-points: its text."}
        text.pop("title", None)
        levels[name] = {
            "anyOf": [text, item],
            "description": f"{bullet.get('description', '')} (level {depth} of at most {MAX_BULLET_DEPTH})",
        }
    return levels


def content_schema() -> dict[str, Any]:
    """JSON Schema for ``project.yaml``, with the section file format under ``$defs``."""
    project_file = create_model(
        "ProjectFile",
        __base__=ProjectMeta,
        __doc__="project.yaml: the format version, title-page facts, and the order of section files.",
        # required in a file, though a Project made in code has it; older formats are migrated
        schema_version=(
            int,
            Field(description="Version of the content format.", json_schema_extra={"const": SCHEMA_VERSION}),
        ),
        sections=(
            list[Slug],
            Field(
                default_factory=list,
                description="Section file names (without .yaml), in order.",
                json_schema_extra={"uniqueItems": True},
            ),
        ),
        packs=(
            list[Pack],
            Field(
                default_factory=list,
                description="Decks and documents made from the sections; a deck and a draft when omitted.",
            ),
        ),
    )
    section_fields = {name: (info.annotation, info) for name, info in Section.model_fields.items() if name != "id"}
    section_file = create_model(  # type: ignore[call-overload]
        "SectionFile",
        __base__=ContentModel,  # unknown keys are errors here too
        __doc__="sections/<id>.yaml: one section's title, notes and blocks.",
        **section_fields,
    )
    schema = project_file.model_json_schema()
    section_schema = section_file.model_json_schema()
    defs = schema.setdefault("$defs", {})
    defs.update(section_schema.pop("$defs", {}))
    defs["SectionFile"] = section_schema
    defs.update(_bullet_levels(defs.pop("BulletItem")))
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "NESLIS Desktop content"
    schema["description"] = RULES_BEYOND_THE_SCHEMA
    return dict(sorted(schema.items(), key=lambda kv: kv[0] != "$schema"))
