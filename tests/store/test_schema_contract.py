"""The published JSON Schema is a contract: every project it accepts loads and builds.

Projects are generated from ``neslis schema`` itself with hypothesis-jsonschema: a
``project.yaml`` from the root schema, and for each section it lists a section file from
``$defs/SectionFile``. Each is written out as YAML and loaded by the store, which may refuse it
only for the rules across fields that the schema's description lists. Changed as little as
needed to meet those, it must load and build into a deck and a draft that pass the OOXML check.
Every block kind is drawn, charts, tables and pictures included, and project logos; every
picture and logo is pointed at one small PNG written into the folder, the change that meets
"the file exists in the project".
CI runs a fixed set of examples; set ``NESLIS_SCHEMA_EXAMPLES=300`` for a longer, random run.
"""

from __future__ import annotations

import copy
import os
import re
import tempfile
from pathlib import Path
from typing import Any

import jsonschema
import ooxml
import pytest
import yaml
from hypothesis import HealthCheck, Phase, assume, given, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema
from PIL import Image

from neslis_desktop.errors import ContentError, NeslisError
from neslis_desktop.render.pack import build_pack
from neslis_desktop.store import PROJECT_FILE, SECTIONS_DIR, load_project
from neslis_desktop.store.schema import content_schema

_OPT_IN = os.environ.get("NESLIS_SCHEMA_EXAMPLES")
EXAMPLES = int(_OPT_IN or 30)  # in all, shared among the block kinds

SCHEMA = content_schema()
PROJECT_CHECK = jsonschema.Draft202012Validator(SCHEMA)
SECTION_CHECK = jsonschema.Draft202012Validator({"$defs": SCHEMA["$defs"], **SCHEMA["$defs"]["SectionFile"]})

# Drawn from as is, the schema gives mostly projects without sections, and hypothesis-jsonschema
# is slow on a oneOf of ten block kinds. So projects are drawn in parts, each from the
# schema's own definitions: 1-3 sections of 1-4 blocks, the first block of the kind the test
# is run for, so that every kind is drawn as often. Every project drawn is then checked
# against the whole schema (jsonschema, above).
DEFS = SCHEMA["$defs"]
# Every kind is drawn, the evidence kinds (chart, table, picture) and project logos too: their
# rules across fields and files (series as long as the categories, a picture file that exists
# in the folder) are in the schema's description, and meeting_the_rules below meets them.
KINDS = dict(DEFS["SectionFile"]["properties"]["blocks"]["items"]["discriminator"]["mapping"])


def _for_generation(node: Any) -> Any:
    """The same rules in the shapes hypothesis-jsonschema draws from quickly (tens of times faster).

    An optional field's ``anyOf: [X, null]`` becomes X: a file leaves the field out rather
    than write null, and the generator rebuilds an anyOf's strategies on every draw. A text
    rule's ``pattern`` + ``not: {pattern}`` becomes one anchored pattern meaning the same, and
    a bullet's ``anyOf: [text, object]`` one schema of both types.
    """
    if isinstance(node, list):
        return [_for_generation(item) for item in node]
    if not isinstance(node, dict):
        return node
    options = node.get("anyOf")
    if isinstance(options, list) and len(options) == 2 and {"type": "null"} in options:
        (kept,) = [o for o in options if o != {"type": "null"}]
        return _for_generation(kept)
    if isinstance(options, list) and [o.get("type") for o in options] == ["string", "object"]:
        # a bullet: text, or an object with sub-points; keywords apply only to their own type
        return _for_generation({**options[0], **options[1], "type": ["string", "object"]})
    node = {key: _for_generation(value) for key, value in node.items() if key != "default"}
    forbidden = node.get("not", {}).get("pattern", "") if isinstance(node.get("not"), dict) else ""
    visible = node.get("pattern", "")
    if forbidden.startswith("[") and visible.startswith("[^"):
        del node["not"]
        node["pattern"] = f"^[^{forbidden[1:-1]}]*[^{visible[2:-1]}][^{forbidden[1:-1]}]*$"
    return node


GENERATION_DEFS = _for_generation(DEFS)


def _part(schema: dict[str, Any]) -> st.SearchStrategy[Any]:
    return from_schema({"$defs": GENERATION_DEFS, **_for_generation(schema)})


_PROJECT = _for_generation(SCHEMA)
_PROJECT["properties"]["logos"]["maxItems"] = 2  # a few logos; each file is written by _write
_PROJECT["properties"]["sections"].update(minItems=1, maxItems=3)
_PROJECT["required"].append("sections")
_SECTION = copy.deepcopy(GENERATION_DEFS["SectionFile"])
del _SECTION["properties"]["blocks"]  # drawn apart, below
PROJECTS = from_schema(_PROJECT)  # its $defs are already GENERATION_DEFS
SECTIONS = _part(_SECTION)
BLOCK = {kind: _part({"$ref": ref}) for kind, ref in KINDS.items()}
BLOCKS = st.one_of(list(BLOCK.values()))
Files = tuple[dict[str, Any], dict[str, dict[str, Any]]]


@st.composite
def project_files(draw: st.DrawFn, kind: str) -> Files:
    """(project.yaml's data, {section name: its file's data}), with a ``kind`` block first."""
    project = draw(PROJECTS)
    sections = {}
    for name in project["sections"]:
        blocks = [draw(BLOCK[kind]) if not sections else draw(BLOCKS), *draw(st.lists(BLOCKS, max_size=3))]
        sections[name] = {**draw(SECTIONS), "blocks": blocks}
    return project, sections


# The rules across fields that the schema's description lists (RULES_BEYOND_THE_SCHEMA). A
# project the schema accepts may be refused for these, and for nothing else.
BEYOND_THE_SCHEMA = re.compile(
    r"ends \(.*\) before it starts|may show at most 36 months|outside the timeline's|is not a lane here"
    r"|node ids must be unique|which is not a node id here|is its own ancestor"
    r"|is not the id of a box in this org chart|is not the name of a lane in this timeline"
    r"|values but the chart has|has no numbers|a pie chart|a reference line can be drawn"
    r"|cells but the table has|not a number|should be a number|write a finite number"
    r"|points outside the project|is not a PNG, JPEG or GIF|has no alt text|which is not in the project folder"
    r"|is a folder, not a picture|contains the control character"
)


def meeting_the_rules(sections: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The section files changed as little as needed to meet the rules the schema cannot state."""
    sections = copy.deepcopy(sections)
    for section in sections.values():
        for block in section["blocks"]:
            if block["kind"] == "timeline":  # everything in the start month, spans in no lane
                for lane in block.get("lanes", []):
                    for milestone in lane.get("milestones", []):
                        milestone["month"] = block["start"]
                for span in block.get("spans", []):
                    span.update(start=block["start"], end=block["start"])
                    span.pop("lane", None)
                block["end"] = block["start"]
            elif block["kind"] == "orgchart":  # unique ids, each node under the one before
                for n, node in enumerate(block["nodes"]):
                    node["id"] = f"n{n}"
                    node["parent"] = f"n{n - 1}" if n else None
            elif block["kind"] == "chart":  # a value per category, all 1; a pie of one series
                for series in block["series"]:
                    series["values"] = [1.0] * len(block["categories"])
                if block.get("chart_type") == "pie":
                    del block["series"][1:]
                if block.get("chart_type") not in (None, "column", "line", "stacked_column"):
                    block.pop("reference", None)
            elif block["kind"] == "table":  # a cell per column, numbers in number columns
                width = len(block["columns"])
                numbers = [isinstance(c, dict) and c.get("number_format") is not None for c in block["columns"]]
                for row in [*block["rows"], *([block["totals"]] if block.get("totals") is not None else [])]:
                    row[:] = [1 if numbers[j] else _text_cell(row[j] if j < len(row) else None) for j in range(width)]
            elif block["kind"] == "picture":  # a picture in assets/ (written by _write), described
                block["file"] = PICTURE
                if not block.get("decorative") and not str(block.get("alt_text") or "").strip():
                    block["decorative"] = True
    return sections


def _text_cell(cell: Any) -> Any:
    """A text cell without the control characters Office files cannot hold."""
    return re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]", "", cell) if isinstance(cell, str) else cell


PICTURE = "assets/picture.png"
"""The one picture file of a generated project: every picture and logo names it (see _write)."""


def project_meeting_the_rules(project: dict[str, Any]) -> dict[str, Any]:
    """project.yaml with every logo's file the one picture that _write puts in the folder."""
    project = copy.deepcopy(project)
    for logo in project.get("logos") or []:
        logo["file"] = PICTURE
    return project


def _write(folder: Path, project: dict[str, Any], sections: dict[str, dict[str, Any]]) -> None:
    def dump(data: dict[str, Any]) -> str:
        return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)

    (folder / PROJECT_FILE).write_text(dump(project), "utf-8")
    (folder / PICTURE).parent.mkdir()
    Image.new("RGB", (40, 30), (200, 80, 40)).save(folder / PICTURE)
    (folder / SECTIONS_DIR).mkdir()
    for name, data in sections.items():
        (folder / SECTIONS_DIR / f"{name}.yaml").write_text(dump(data), "utf-8")


@pytest.mark.slow
@pytest.mark.parametrize("kind", list(KINDS))
@settings(
    max_examples=max(1, EXAMPLES // len(KINDS)),
    deadline=None,
    derandomize=_OPT_IN is None,  # CI sees the same examples every run
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
        HealthCheck.filter_too_much,
    ],
    print_blob=True,
    # No shrinking: on data this deep it takes many minutes, and the failing example is shown anyway.
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
)
@given(data=st.data())
def test_every_project_the_schema_accepts_loads_and_builds(kind: str, data: st.DataObject) -> None:
    project_data, sections = data.draw(project_files(kind), label="files")
    # the generator's output, checked by an independent validator of the same schema
    assume(PROJECT_CHECK.is_valid(project_data) and all(SECTION_CHECK.is_valid(s) for s in sections.values()))
    with tempfile.TemporaryDirectory(prefix="neslis-schema-") as scratch:
        raw, folder, out = Path(scratch) / "raw", Path(scratch) / "project", Path(scratch) / "out"
        raw.mkdir()
        _write(raw, project_data, sections)
        try:
            load_project(raw)
        except ContentError as exc:  # only for a rule the schema says it cannot state
            assert all(BEYOND_THE_SCHEMA.search(p.message) for p in exc.problems), str(exc)
        fixed = meeting_the_rules(sections)
        assert all(SECTION_CHECK.is_valid(s) for s in fixed.values())
        folder.mkdir()
        _write(folder, project_meeting_the_rules(project_data), fixed)
        project = load_project(folder)
        assert [s.id for s in project.sections] == project_data["sections"]
        result = build_pack(project, out)
        assert result.deck is not None and result.draft is not None
        reports = ooxml.check([result.deck, result.draft])
        assert [r.violations for r in reports] == [[], []]


def test_a_project_without_sections_loads_and_says_there_is_nothing_to_build(tmp_path: Path) -> None:
    project_data = {
        "schema_version": SCHEMA["properties"]["schema_version"]["const"],
        "title": "T",
        "organisation": "O",
    }
    assert PROJECT_CHECK.is_valid(project_data)
    _write(tmp_path, project_data, {})
    project = load_project(tmp_path)
    with pytest.raises(NeslisError, match="no sections"):
        build_pack(project, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_the_schema_says_what_a_file_must_hold() -> None:
    """The rules written into the schema, read back from it (the contract test above relies on them)."""
    defs = SCHEMA["$defs"]
    blocks = [d for d in defs.values() if "kind" in d.get("properties", {})]
    assert len(blocks) >= 10 and all("kind" in d["required"] for d in blocks)
    assert defs["SectionFile"]["additionalProperties"] is False and SCHEMA["additionalProperties"] is False
    assert SCHEMA["properties"]["language"]["pattern"] and SCHEMA["properties"]["sections"]["uniqueItems"]
    assert "schema_version" in SCHEMA["required"]
    card = jsonschema.Draft202012Validator({"$defs": defs, **defs["Card"]})
    assert not card.is_valid({}) and not card.is_valid({"title": None, "bullets": []})
    assert card.is_valid({"bullets": ["one"]})
    title = jsonschema.Draft202012Validator({"$defs": defs, **defs["SectionFile"]["properties"]["title"]})
    assert [title.is_valid(t) for t in ("A title", " ", "two\nlines", "bell\x07", "x" * 301)] == [
        True,
        False,
        False,
        False,
        False,
    ]
    assert "org chart" in SCHEMA["description"] and "timeline" in SCHEMA["description"]
    assert {"ChartBlock", "TableBlock", "PictureBlock", "Logo"} <= set(defs)
    source = jsonschema.Draft202012Validator({"$defs": defs, **defs["Source"]})
    assert source.is_valid({"publisher": "ONS", "dataset": "Productivity", "link": "https://www.ons.gov.uk/x"})
    assert not source.is_valid({"publisher": "ONS", "dataset": "Productivity", "link": "www.ons.gov.uk"})
    for words in ("one value per category", "pie chart", "one cell per column", "exists"):
        assert words in SCHEMA["description"]
