"""The HTML edition in a real browser: Debian's Chromium, driven by playwright-core, with the
axe-core engine at WCAG 2.0/2.1/2.2 A and AA, at 1280 px and at 320 px (what 400% zoom of a
1280 px window leaves), with every request the page makes recorded.

The harness first shows it catches a bad page (low contrast, a picture without alt text, no
language, an external request), then trusts its zero for ours. Tools come from
``make test-deps`` (Chromium from apt, axe-core and playwright-core from npm into tests/.npm).
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest
from office import REPO, require_tool

from neslis_desktop.cli import main
from neslis_desktop.model import Project
from neslis_desktop.render.html import write_html

VARIANTS = {
    "meta": {
        "title": "Every block, every option",
        "subtitle": "A test of the HTML edition",
        "organisation": "Test *Partnership* & Co",
        "date": "2026-03-01",
        "event": "Summit",
        "audience": "officers",
        "status": "Consultation",
    },
    "sections": [
        {
            "id": "text",
            "title": "Text <and> **marks**",
            "blocks": [
                {"kind": "paragraph", "heading": "A heading", "text": "One.\n\nTwo, with a\nbreak and *italic*."},
                {
                    "kind": "bullets",
                    "lead": "It will:",
                    "numbered": True,
                    "items": ["first", {"text": "second", "items": ["a", {"text": "b", "items": ["deep"]}]}],
                },
            ],
        },
        {
            "id": "grids",
            "title": "Grids",
            "blocks": [
                {
                    "kind": "cards",
                    "intro": ["Intro line"],
                    "footer": "Footer line",
                    "cards": [
                        {"title": "Plain", "body": "Body"},
                        {"title": "Stand-out", "body": "Body", "highlight": True},
                        {"title": "Listed", "bullets": ["one", "two"]},
                        {"body": "No title", "wide": True},
                    ],
                },
                {"kind": "cards", "cards": [{"title": "Only a title"}, {"body": "Only a body"}]},
                {
                    "kind": "targets",
                    "goal": "Goal",
                    "label": "3 targets",
                    "footer": ["Delivery"],
                    "targets": [
                        {"text": "More jobs", "figure": "100,000"},
                        {"text": "Better jobs"},
                        {"text": "Fewer gaps", "figure": "50%"},
                    ],
                },
            ],
        },
        {
            "id": "diagrams",
            "title": "Diagrams",
            "blocks": [
                {
                    "kind": "structure",
                    "columns": [
                        {"title": "A", "note": "small print", "items": ["x", {"label": "y", "aim": "z"}]},
                        {"title": "B", "items": ["only"]},
                    ],
                },
                {
                    "kind": "orgchart",
                    "nodes": [
                        {"id": "top", "title": "Board", "side_label": "Decides"},
                        {
                            "id": "mid",
                            "title": "Group",
                            "parent": "top",
                            "note": "(note)",
                            "members_heading": "Members:",
                            "members": ["One", "Two"],
                        },
                        {"id": "low", "title": "Panel", "parent": "mid"},
                        {"id": "other", "title": "Other", "parent": "top"},
                    ],
                },
                {
                    "kind": "timeline",
                    "heading": "Plan",
                    "start": "2026-01",
                    "end": "2026-06",
                    "lanes": [
                        {"name": "Board", "milestones": [{"month": "2026-02", "text": "Approve"}]},
                        {
                            "name": "Work",
                            "milestones": [
                                {"month": "2026-02", "text": "Start"},
                                {"month": "2026-05", "text": "Report"},
                            ],
                        },
                    ],
                    "spans": [
                        {"text": "Engage", "start": "2026-02", "end": "2026-04", "lane": "Work"},
                        {"text": "Across", "start": "2026-01", "end": "2026-06"},
                    ],
                },
                {"kind": "flow", "steps": [{"title": "Ask", "notes": ["widely"]}, {"title": "Act"}]},
            ],
        },
        {
            "id": "evidence",
            "title": "Evidence",
            "blocks": [
                *(
                    {
                        "kind": "chart",
                        "title": f"A {kind.replace('_', ' ')} chart",
                        "subtitle": "Made-up figures",
                        "chart_type": kind,
                        "categories": ["North East", "Yorkshire and the Humber", "2024", "West"],
                        "series": [
                            {"name": name, "values": values, "units": "Jobs", "number_format": "#,##0"}
                            for name, values in (
                                [("Share", [50, 25, 0, 25])]
                                if kind == "pie"
                                else [("First", [3000, -200, 1000, 500]), ("Second", [1000, 400, None, 2500])]
                                if kind in ("column", "bar", "line")
                                else [("First", [3000, 200, 1000, 500]), ("Second", [1000, 400, 0, 2500])]
                            )
                        ],
                        **({"reference": {"label": "Target", "value": 2000}} if kind in ("column", "line") else {}),
                        "source": {"publisher": "Us", "dataset": "Sums", "link": "https://example.org/sums"},
                    }
                    for kind in ("column", "bar", "stacked_column", "stacked_bar", "line", "pie")
                ),
                {
                    "kind": "table",
                    "caption": "Ten columns",
                    "columns": ["Place", *({"title": f"Year {y}", "number_format": "#,##0.0"} for y in range(9))],
                    "rows": [["Somewhere with a long name", *range(1000, 10000, 1000)]] * 3,
                    "totals": ["Total", *range(3000, 30000, 3000)],
                },
            ],
        },
        {
            "id": "asks",
            "title": "Asks",
            "blocks": [
                {"kind": "divider", "text": "Questions?"},
                {"kind": "questions", "intro": "Tell us:", "questions": ["Why?", "How?"]},
            ],
        },
    ],
}

pytestmark = pytest.mark.slow

SCRIPT = Path(__file__).with_name("browser_check.js")
NODE_MODULES = REPO / "tests" / ".npm" / "node_modules"
EXAMPLE = REPO / "content" / "evidence-example"


def browser_check(page: Path, shots: Path, anchors: list[str] | None = None) -> dict[str, Any]:
    node = require_tool("node")
    chromium = require_tool("chromium")
    for package in ("axe-core", "playwright-core"):
        if not (NODE_MODULES / package).is_dir():
            pytest.fail(f"npm package {package} is missing from {NODE_MODULES}; run 'make test-deps'")
    shots.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, NODE_PATH=str(NODE_MODULES), CHROMIUM=chromium)
    proc = subprocess.run(
        [node, str(SCRIPT), str(page), str(shots), ",".join(anchors or [])],
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
    )
    if proc.returncode != 0:
        pytest.fail(f"the browser check failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout)


def test_the_harness_catches_a_bad_page(tmp_path: Path) -> None:
    bad = tmp_path / "bad.html"
    bad.write_text(
        "<!DOCTYPE html><html><head><title>Bad</title><link rel='stylesheet' href='https://example.invalid/s.css'>"
        "</head><body><main><p style='color:#bbb'>pale words</p><img src='data:image/gif;base64,R0lGODlhAQABAAAAACw='>"
        "<div style='width:2000px'>wide</div></main></body></html>",
        "utf-8",
    )
    result = browser_check(bad, tmp_path / "shots")
    found = {v["id"] for v in result["widths"]["1280"]["axe"]["violations"]}
    assert {"color-contrast", "image-alt", "html-has-lang"} <= found
    assert any("example.invalid" in url for url in result["requests"])
    narrow = result["widths"]["320"]["layout"]
    assert narrow["scrollWidth"] > narrow["clientWidth"]


def test_html_edition_has_no_violations_and_reflows(tmp_path: Path, project: Project) -> None:
    page = tmp_path / "north-east-lis-draft.html"
    write_html(project, page)
    result = browser_check(
        page,
        Path(os.environ.get("NESLIS_HTML_SHOTS", tmp_path / "shots")),
        ["strategy-structure", "governance", "progress"],
    )
    assert result["requests"] == []
    for width, seen in result["widths"].items():
        assert seen["axe"]["violations"] == [], (width, seen["axe"]["violations"])
        assert {"color-contrast", "document-title", "html-lang-valid", "list", "th-has-data-cells"} <= set(
            seen["axe"]["passes"]
        ), width
        layout = seen["layout"]
        assert layout["lang"] == "en-GB" and layout["title"].startswith(project.meta.title)
        # No sideways scrolling of the page, even at 320 px, and no box that scrolls sideways.
        assert layout["scrollWidth"] <= layout["clientWidth"], width
        assert layout["scrollingWidth"] <= int(width) and layout["scrollers"] == [], (width, layout)


def test_every_block_option_passes_too(tmp_path: Path) -> None:
    page = tmp_path / "variants.html"
    write_html(Project.model_validate(VARIANTS), page)
    result = browser_check(page, tmp_path / "shots")
    assert result["requests"] == []
    for width, seen in result["widths"].items():
        assert seen["axe"]["violations"] == [], (width, seen["axe"]["violations"])
        assert seen["layout"]["scrollWidth"] <= seen["layout"]["clientWidth"], width
        assert seen["layout"]["scrollingWidth"] <= int(width), width
        # At 320 px every table stacks; on a wide screen the ten-column table may scroll in its
        # own focusable box (axe checks that a keyboard can reach it).
        allowed = [] if width == "320" else ["div.table-wrap reflow"]
        assert seen["layout"]["scrollers"] == allowed, width


def test_the_evidence_example_with_charts_passes_and_reflows(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["build", str(EXAMPLE), "-o", str(out), "--html", "--only", "doc", "-q"]) == 0
    shots = Path(os.environ.get("NESLIS_HTML_SHOTS", tmp_path / "shots"))
    result = browser_check(out / "evidence-example-draft.html", shots, ["productivity-gap"])
    assert result["requests"] == []
    for width, seen in result["widths"].items():
        assert seen["axe"]["violations"] == [], (width, seen["axe"]["violations"])
        assert {"svg-img-alt", "color-contrast", "image-alt", "th-has-data-cells"} <= set(seen["axe"]["passes"]), width
        layout = seen["layout"]
        assert layout["scrollingWidth"] <= int(width) and layout["scrollers"] == [], (width, layout)
        assert sum("-chart-" in Path(p).name for p in seen["screenshots"]) == 3
