"""Hypothesis strategies over the content model: valid projects of every shape the model allows.

Projects have random sections holding every block kind, text in any script (emoji,
right-to-left, combining marks, inline ``**bold**``/``*italic*`` markup), now and then a
string thousands of characters long, and lists from empty (where allowed) to the model's
limits. Every project drawn here validates, so anything a build does with it other than
succeed (or refuse with a :class:`~neslis_desktop.errors.NeslisError`) is a bug.
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from neslis_desktop.model import Project

# Any character Office XML can hold, but controls (tab and line breaks are added where allowed),
# surrogates and unassigned code points.
_CHARS = st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Cn"))
ODD = [
    "Growth 🚀 for all 👩🏽‍🔬 🇬🇧",
    "الاستراتيجية الصناعية المحلية",
    "אסטרטגיה תעשייתית מקומית",
    "Cafe\u0301 Zo\u0308e a\u030a\u0323",
    "**bold** and *italic* and \\*literal\\* and *unclosed",
    "ﷺ ﷽ 𒐫 ꧅",
    "zero\u200bwidth\u200djoin\u2028line sep",
    "Ελληνικά 中文 日本語 한국어 हिन्दी",
]


def _clean(value: str) -> bool:
    return bool(value.strip())


def titles(max_size: int = 80) -> st.SearchStrategy[str]:
    """One line of up to ``max_size`` characters (the model allows 300)."""
    return (
        st.one_of(
            st.text(_CHARS, min_size=1, max_size=max_size),
            st.sampled_from(ODD),
            st.text(_CHARS, min_size=250, max_size=300),
        )
        .map(lambda s: s.replace("\u2028", " "))
        .filter(_clean)
    )


def texts(max_size: int = 200) -> st.SearchStrategy[str]:
    """Body text, line breaks allowed; occasionally thousands of characters."""
    line = st.text(_CHARS, min_size=1, max_size=max_size)
    return st.one_of(
        line,
        line,
        st.sampled_from(ODD),
        st.lists(line, min_size=2, max_size=4).map("\n".join),
        st.text(_CHARS, min_size=1000, max_size=5000),
    ).filter(_clean)


def _bullet(depth: int) -> st.SearchStrategy[Any]:
    if depth <= 1:
        return texts()
    return st.one_of(
        texts(),
        st.fixed_dictionaries({"text": texts(), "items": st.lists(_bullet(depth - 1), min_size=1, max_size=4)}),
    )


def _maybe(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.none(), strategy)


def _block(
    kind: str, fields: dict[str, st.SearchStrategy[Any]], optional: dict[str, st.SearchStrategy[Any]] | None = None
) -> st.SearchStrategy[dict[str, Any]]:
    common = {"heading": titles(), "notes": texts()}
    return st.fixed_dictionaries({"kind": st.just(kind), **fields}, optional={**common, **(optional or {})})


def _card() -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {"title": titles(60)},
        optional={
            "body": texts(),
            "bullets": st.lists(_bullet(2), max_size=4),
            "wide": st.booleans(),
            "highlight": st.booleans(),
        },
    )


def _orgchart() -> st.SearchStrategy[dict[str, Any]]:
    @st.composite
    def nodes(draw: st.DrawFn) -> list[dict[str, Any]]:
        count = draw(st.integers(1, 20))
        out: list[dict[str, Any]] = []
        for i in range(count):
            node: dict[str, Any] = {"id": f"node-{i}", "title": draw(titles(60))}
            if i and draw(st.booleans()):
                node["parent"] = f"node-{draw(st.integers(0, i - 1))}"
            if draw(st.booleans()):
                node["members"] = draw(st.lists(titles(40), max_size=8))
            if draw(st.booleans()):
                node["side_label"] = draw(titles(30))
            if draw(st.booleans()):
                node["note"] = draw(texts(80))
            out.append(node)
        return out

    return _block("orgchart", {"nodes": nodes()})


def _timeline() -> st.SearchStrategy[dict[str, Any]]:
    @st.composite
    def block(draw: st.DrawFn) -> dict[str, Any]:
        first = draw(st.integers(2015 * 12, 2030 * 12))
        length = draw(st.integers(1, 36))

        def month(offset: int) -> str:
            n = first + offset
            return f"{n // 12:04d}-{n % 12 + 1:02d}"

        lanes: list[dict[str, Any]] = [
            {
                "name": (f"Lane {i} " + draw(titles(30)))[:300],
                "milestones": [
                    {"month": month(draw(st.integers(0, length - 1))), "text": draw(texts(80))}
                    for _ in range(draw(st.integers(0, 6)))
                ],
            }
            for i in range(draw(st.integers(0, 5)))
        ]
        spans: list[dict[str, str]] = []
        for _ in range(draw(st.integers(0, 4))):
            a = draw(st.integers(0, length - 1))
            b = draw(st.integers(a, length - 1))
            span = {"text": draw(texts(60)), "start": month(a), "end": month(b)}
            use_lane: bool = draw(st.booleans())
            if lanes and use_lane:
                span["lane"] = str(draw(st.sampled_from(lanes))["name"])
            spans.append(span)
        return {"kind": "timeline", "start": month(0), "end": month(length - 1), "lanes": lanes, "spans": spans}

    return block()


def blocks() -> st.SearchStrategy[dict[str, Any]]:
    """Any block, as the dict a section file holds."""
    return st.one_of(
        _block("paragraph", {"text": texts()}),
        _block(
            "bullets",
            {"items": st.lists(_bullet(3), min_size=1, max_size=20)},
            {"lead": texts(60), "numbered": st.booleans()},
        ),
        _block(
            "cards",
            {"cards": st.lists(_card(), min_size=1, max_size=12)},
            {"intro": st.lists(texts(80), max_size=3), "footer": texts(80), "columns": st.integers(1, 4)},
        ),
        _block(
            "structure",
            {
                "columns": st.lists(
                    st.fixed_dictionaries(
                        {
                            "title": titles(40),
                            "items": st.lists(
                                st.one_of(
                                    titles(40),
                                    st.fixed_dictionaries({"label": titles(40)}, optional={"aim": texts(60)}),
                                ),
                                min_size=1,
                                max_size=8,
                            ),
                        },
                        optional={"note": texts(60)},
                    ),
                    min_size=1,
                    max_size=6,
                )
            },
        ),
        _block(
            "targets",
            {
                "targets": st.lists(
                    st.fixed_dictionaries({"text": texts(100)}, optional={"figure": titles(12)}),
                    min_size=1,
                    max_size=12,
                )
            },
            {"goal": texts(80), "label": titles(30), "footer": st.lists(texts(80), max_size=3)},
        ),
        _orgchart(),
        _timeline(),
        _block(
            "flow",
            {
                "steps": st.lists(
                    st.fixed_dictionaries({"title": texts(40)}, optional={"notes": st.lists(texts(60), max_size=4)}),
                    min_size=1,
                    max_size=8,
                )
            },
        ),
        _block("questions", {"questions": st.lists(texts(120), min_size=1, max_size=15)}, {"intro": texts(80)}),
        _block("divider", {}, {"text": titles(40), "subtitle": texts(60)}),
    )


@st.composite
def projects(draw: st.DrawFn, max_sections: int = 6) -> Project:
    """A valid project with 1 to ``max_sections`` sections of 0 to 5 blocks each."""
    count = draw(st.integers(1, max_sections))
    sections = [
        {
            "id": f"section-{i}",
            "title": draw(titles()),
            "blocks": draw(st.lists(blocks(), max_size=5)),
            **({"notes": draw(texts())} if draw(st.booleans()) else {}),
        }
        for i in range(count)
    ]
    meta = draw(
        st.fixed_dictionaries(
            {"title": titles(), "organisation": titles(60)},
            optional={
                "subtitle": titles(),
                "event": titles(40),
                "audience": titles(40),
                "status": st.sampled_from(["Draft", "Consultation", "Final"]),
                "version": titles(10),
                "date": st.dates().map(str),
            },
        )
    )
    meta["slug"] = "fuzz"
    return Project.model_validate({"meta": meta, "sections": sections})
