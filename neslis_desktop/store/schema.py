"""The JSON Schema of the content files, as ``neslis schema`` prints it.

Two documents in one: ``project.yaml`` (the root) and a section file (``$defs/SectionFile``).
The committed copy in ``schema/`` is checked against this by a test, so it never drifts.
"""

from __future__ import annotations

from typing import Any

from pydantic import Field, create_model

from neslis_desktop.model import SCHEMA_VERSION, ProjectMeta, Section
from neslis_desktop.model.packs import Pack


def content_schema() -> dict[str, Any]:
    """JSON Schema for ``project.yaml``, with the section file format under ``$defs``."""
    project_file = create_model(
        "ProjectFile",
        __base__=ProjectMeta,
        __doc__="project.yaml: the format version, title-page facts, and the order of section files.",
        schema_version=(int, Field(SCHEMA_VERSION, description="Version of the content format.")),
        sections=(
            list[str],
            Field(default_factory=list, description="Section file names (without .yaml), in order."),
        ),
        packs=(
            list[Pack],
            Field(
                default_factory=list,
                description="Decks and documents made from the sections; a deck and a draft when omitted.",
            ),
        ),
    )
    section_fields = {
        name: (info.annotation, info) for name, info in Section.model_fields.items() if name != "id"
    }
    section_file = create_model(  # type: ignore[call-overload]
        "SectionFile",
        __doc__="sections/<id>.yaml: one section's title, notes and blocks.",
        **section_fields,
    )
    schema = project_file.model_json_schema()
    section_schema = section_file.model_json_schema()
    defs = schema.setdefault("$defs", {})
    defs.update(section_schema.pop("$defs", {}))
    defs["SectionFile"] = section_schema
    # A bullet without sub-points is written as plain text (see BulletItem's serializer).
    bullet = defs.pop("BulletItem")
    defs["BulletItem"] = {
        "anyOf": [{"type": "string", "description": "A bullet without sub-points."}, bullet],
        "description": bullet.get("description", ""),
    }
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "NESLIS Desktop content"
    return dict(sorted(schema.items(), key=lambda kv: kv[0] != "$schema"))
