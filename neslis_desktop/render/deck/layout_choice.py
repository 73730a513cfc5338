"""Choosing a template's layout for each role of a deck slide (title, section, content ...).

In order: a mapping file beside the template (``<stem>.layouts.yaml``), then layout names
(Office's, LibreOffice's, Pandoc's and common variants), then the layout's type and its
placeholders' types, then a near role as stand-in, reported to the user. Layouts the
template's own sample slides use are preferred: in a multi-master template they show which
master the designer meant for content.
"""

from __future__ import annotations

from pathlib import Path

from pptx.presentation import Presentation as PresentationObj
from pptx.slide import SlideLayout, SlideMaster

from neslis_desktop.errors import TemplateError
from neslis_desktop.render.deck.oxml.placeholders import (
    BODY_TYPES,
    FOOTER_TYPES,
    TITLE_TYPES,
    Placements,
    first_rect,
    ph_types,
    placeholder_rects,
)
from neslis_desktop.render.deck.oxml.shapes import element
from neslis_desktop.render.deck.plan import LayoutRole

ROLES: tuple[LayoutRole, ...] = ("title", "section", "content", "title_only", "blank")

ROLE_NAMES: dict[LayoutRole, tuple[str, ...]] = {
    "title": ("Title Slide", "Title", "Title Page", "Cover", "Title slide layout"),
    "section": ("Section Header", "Section Heading", "Section Title", "Section", "Section Divider", "Divider"),
    "content": (
        "Title and Content",
        "Title, Content",
        "Title and Text",
        "Title and Body",
        "Title, Text",
        "Content",
        "Title and Content Layout",
    ),
    "title_only": ("Title Only", "Title, Only", "Only Title", "Title only layout"),
    "blank": ("Blank", "Blank Slide", "Empty"),
}
"""Layout names per role, compared ignoring case, spaces and punctuation."""

OFFICE_NAMES: dict[LayoutRole, str] = {
    "title": "Title Slide",
    "section": "Section Header",
    "content": "Title and Content",
    "title_only": "Title Only",
    "blank": "Blank",
}
_USE: dict[LayoutRole, str] = {
    "title": "the title slide",
    "section": "dividers",
    "content": "text slides",
    "title_only": "diagram slides",
    "blank": "blank slides",
}
_FALLBACKS: dict[LayoutRole, tuple[LayoutRole, ...]] = {
    "title": ("section", "title_only", "content"),
    "section": ("title_only", "title", "content"),
    "content": ("title_only", "section", "title"),
    "title_only": ("content", "section", "title"),
    "blank": ("title_only", "content", "section", "title"),
}
_LAYOUT_TYPES: dict[LayoutRole, tuple[str, ...]] = {
    "title": ("title",),
    "section": ("secHead",),
    "content": ("obj", "tx"),
    "title_only": ("titleOnly",),
    "blank": ("blank",),
}


def _key(name: str) -> str:
    return "".join(ch for ch in name.lower() if ch.isalnum())


def all_layouts(prs: PresentationObj) -> list[SlideLayout]:
    """Every layout of every master, the first master's first."""
    return [layout for master in prs.slide_masters for layout in master.slide_layouts]


def fits(layout: SlideLayout, role: LayoutRole) -> bool:
    """Whether ``layout``'s placeholders suit ``role`` (used when names do not tell)."""
    types = ph_types(layout)
    has_title = any(t in TITLE_TYPES for t in types)
    bodies = [t for t in types if t in BODY_TYPES]
    others = [t for t in types if t not in (*TITLE_TYPES, *BODY_TYPES, *FOOTER_TYPES)]
    if role == "title":
        return "ctrTitle" in types or (has_title and "subTitle" in types)
    if role == "section":
        return has_title and types.count("body") == 1 and not others and "obj" not in types
    if role == "content":
        return has_title and len(bodies) == 1 and not others
    if role == "title_only":
        return has_title and not bodies and not others
    return not has_title and not bodies and not others


def _has_title(layout: SlideLayout) -> bool:
    return any(t in TITLE_TYPES for t in ph_types(layout))


def read_mapping(template: Path, layouts: list[SlideLayout]) -> dict[LayoutRole, SlideLayout]:
    """The layouts named in ``<template stem>.layouts.yaml`` beside the template, if there is one."""
    mapping_path = template.with_name(f"{template.stem}.layouts.yaml")
    if not mapping_path.is_file():
        return {}
    import yaml  # only for templates with a mapping file (~10 ms to import)

    try:
        data = yaml.safe_load(mapping_path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise TemplateError(f"The layout mapping {mapping_path} could not be read: {exc}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise TemplateError(
            f"The layout mapping {mapping_path} must map roles ({', '.join(ROLES)}) to layout names, "
            "such as 'content: Text and Picture'."
        )
    by_name = {layout.name: layout for layout in reversed(layouts)}
    chosen: dict[LayoutRole, SlideLayout] = {}
    for role, name in data.items():
        if role not in ROLES:
            raise TemplateError(
                f"The layout mapping {mapping_path} has an unknown role '{role}'; the roles are {', '.join(ROLES)}."
            )
        if not isinstance(name, str) or name not in by_name:
            available = ", ".join(f"'{n}'" for n in dict.fromkeys(layout.name for layout in layouts))
            raise TemplateError(
                f"The layout mapping {mapping_path}, field '{role}': {template.name} has no layout named "
                f"'{name}'. Its layouts are {available}."
            )
        layout = by_name[name]
        if role != "blank" and not _has_title(layout):
            raise TemplateError(
                f"The layout mapping {mapping_path}, field '{role}': the layout '{name}' has no title placeholder."
            )
        chosen[role] = layout
    return chosen


def _ordered(layouts: list[SlideLayout], first: list[SlideLayout], master: SlideMaster | None) -> list[SlideLayout]:
    """``layouts`` with ``first`` ahead, then ``master``'s, then the rest, each once."""
    ahead = list(first) + ([layout for layout in layouts if layout.slide_master == master] if master else [])
    return _unique([*ahead, *layouts])


def _unique(layouts: list[SlideLayout]) -> list[SlideLayout]:
    seen: set[int] = set()
    result = []
    for layout in layouts:
        if id(layout.part) not in seen:
            seen.add(id(layout.part))
            result.append(layout)
    return result


def choose_layouts(
    prs: PresentationObj,
    template: Path,
    sample_layouts: list[SlideLayout] | None = None,
    placements: dict[str, Placements] | None = None,
) -> tuple[dict[LayoutRole, SlideLayout], list[str]]:
    """The layout for each role, and a message for each role served by a stand-in.

    Layouts the template's own sample slides use come first (a designer's multi-master
    template shows which master is meant for content), then those of the content layout's master.
    """
    layouts = all_layouts(prs)
    if not any(_has_title(layout) for layout in layouts):
        raise TemplateError(
            f"The template {template.name} cannot serve as a deck template: none of its {len(layouts)} slide "
            "layouts has a title placeholder. Pick a template with layouts such as 'Title Slide' and "
            "'Title and Content'."
        )
    chosen = read_mapping(template, layouts)
    samples = _unique(sample_layouts or [])
    if "content" not in chosen:
        # Of the content layouts the sample slides use, the one giving text the most room.
        used = [layout for layout in samples if _by_name([layout], "content") or fits(layout, "content")]
        found = max(used, key=lambda layout: _body_area(layout, placements)) if used else None
        found = found or _by_name(layouts, "content") or _by_type(layouts, "content")
        if found is not None:
            chosen["content"] = found
    content_master = chosen["content"].slide_master if "content" in chosen else None
    candidates = _ordered(layouts, samples, content_master)
    for role in ROLES:
        if role in chosen:
            continue
        found = _by_name(candidates, role) or _by_type(candidates, role)
        if found is not None:
            chosen[role] = found
    messages = []
    for role in ROLES:
        if role in chosen:
            continue
        stand_in = next((chosen[r] for r in _FALLBACKS[role] if r in chosen), None)
        if stand_in is None:
            stand_in = next(layout for layout in candidates if _has_title(layout))
        chosen[role] = stand_in
        messages.append(
            f"Template {template.name} has no '{OFFICE_NAMES[role]}' layout; used '{stand_in.name}' for {_USE[role]}."
        )
    return chosen, messages


def _body_area(layout: SlideLayout, placements: dict[str, Placements] | None) -> int:
    rects = placeholder_rects(layout, (placements or {}).get(str(layout.part.partname)))
    body = first_rect(rects, BODY_TYPES, largest=True)
    return body.w * body.h if body else 0


def _by_name(layouts: list[SlideLayout], role: LayoutRole) -> SlideLayout | None:
    for wanted in ROLE_NAMES[role]:
        for layout in layouts:
            if _key(layout.name) == _key(wanted) and (role == "blank" or _has_title(layout)):
                if role == "content" and not any(t in BODY_TYPES for t in ph_types(layout)):
                    continue
                return layout
    return None


def _by_type(layouts: list[SlideLayout], role: LayoutRole) -> SlideLayout | None:
    for layout in layouts:
        if element(layout).get("type") in _LAYOUT_TYPES[role] and fits(layout, role):
            return layout
    return next((layout for layout in layouts if fits(layout, role)), None)
