"""The inspector's checks of one slide: fit, overlap, connectors, bounds, contrast, size, prompts.

Each check looks only at the slide as written (see :mod:`.facts`) and says what is wrong and
what to do, naming the shape. Floors: body text 12 pt; 10 pt for the labels of dense diagrams
(a slide drawing a dozen or more text boxes: timelines, org charts, wide grids), because
those labels are read up close or on a shared screen as a picture, the way a map's labels are;
and nothing below 10 pt at all, since that is not legible from the back of a meeting room.
"""

from __future__ import annotations

import re

from neslis_desktop.render.colour import blend
from neslis_desktop.render.deck.inspect.colour import contrast, hex_of
from neslis_desktop.render.deck.inspect.facts import Fill, ShapeFacts, SlideFacts
from neslis_desktop.render.deck.inspect.findings import Finding, section_of
from neslis_desktop.render.deck.inspect.geometry import connector_problem, intersect, path
from neslis_desktop.render.deck.inspect.measure import TextFit, fit
from neslis_desktop.render.deck.plan import EMU_PER_PT, Rect

BODY_FLOOR = 12.0
DENSE_FLOOR = 10.0
DENSE_SHAPES = 12
"""A slide drawing at least this many text boxes is a dense diagram (the 10 pt floor)."""
AA, AA_LARGE = 4.5, 3.0
TOLERANCE = 2 * EMU_PER_PT
"""Overlaps and overflows smaller than this (2 pt) are measurement noise, not problems."""
_FIELD = re.compile(r"^<[^<>]{1,20}>$")
_MARKUP = re.compile(r"\*\*[^*\n]+\*\*|(?<![*\w])\*[^*\s][^*\n]*\*(?![*\w])")


def _quote(text: str, n: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _label(s: ShapeFacts) -> str:
    what = (
        "the title"
        if s.ph_type in ("title", "ctrTitle")
        else "the body text"
        if s.ph_type in ("body", "obj", "subTitle")
        else f"the box '{s.name}'"
    )
    if s.layer != "slide":
        what = f"the template's fixed {'box' if s.text else 'shape'} '{s.name}'"
    return what


class SlideCheck:
    """All checks of one slide; :meth:`run` returns its findings."""

    def __init__(self, slide: SlideFacts) -> None:
        self.slide = slide
        self.section = section_of(slide.title)
        self.findings: list[Finding] = []
        self.fits: dict[int, TextFit] = slide.fits  # shared with every check of this reading
        """Measured text per shape, filled as the checks ask (the contrast repair needs few)."""
        # LibreOffice exports its masters' date and number fields as text boxes reading
        # "<date/time>" and "<number>"; they stand in for the footers, as placeholders would.
        self.texts = [s for s in slide.shapes if s.text and not (s.layer != "slide" and _FIELD.match(s.text))]
        drawn = [s for s in self.texts if s.layer == "slide" and s.kind in ("text", "shape")]
        self.dense = len(drawn) >= DENSE_SHAPES

    def fit_of(self, s: ShapeFacts) -> TextFit:
        """The measured text of ``s`` (measured once)."""
        found = self.fits.get(id(s))
        if found is None:
            found = self.fits[id(s)] = fit(s)
        return found

    def say(self, shape: ShapeFacts | None, kind: str, message: str) -> None:
        self.findings.append(
            Finding(
                self.slide.number,
                self.section,
                shape.name if shape else "",
                kind,
                message,
                box=shape.rect if shape else None,
                slide_title=self.slide.title,
            )
        )

    def run(self) -> list[Finding]:
        for s in self.slide.shapes:
            if s.layer != "slide":
                continue
            self.bounds(s)
            if s.kind == "connector":
                self.connector(s)
            if s.kind == "placeholder" and not s.text and s.ph_type not in ("pic",):
                self.say(
                    s,
                    "empty-placeholder",
                    f"the placeholder '{s.name}' is empty, so PowerPoint shows its "
                    "'Click to add' prompt; remove it or give it text.",
                )
            if s.text:
                self.fit_check(s)
                self.size_check(s)
                self.contrast_check(s)
        self.overlaps()
        self.room_check()
        if _MARKUP.search(self.slide.notes):
            self.say(None, "markup", "the speaker notes show raw **markup**; write them as plain text.")
        return self.findings

    def ink(self, s: ShapeFacts) -> Rect:
        f = self.fit_of(s)
        box = s.rect
        top = max(f.ink.y, box.y) if f.overflow <= 0 else f.ink.y
        height = min(f.need, box.bottom - top) if f.overflow <= 0 else f.need
        return Rect(f.ink.x, top, f.ink.w, max(height, 0))

    def bounds(self, s: ShapeFacts) -> None:
        """A filled or drawn shape must lie on the slide; of an unfilled text box, only its text must."""
        r = s.rect
        f = self.fit_of(s) if s.text else None
        if f is not None and not s.fill.opaque and s.kind != "connector":
            r = self.ink(s)
        elif f is not None and s.body.autofit == "shape" and f.overflow > 0:
            r = Rect(r.x, r.y, r.w, f.need + s.body.insets[1] + s.body.insets[3])
        if f is None and not s.fill.opaque:
            r = s.rect
        if s.kind == "connector":  # where its line runs: a turned connector's stored box is unturned
            pts = path(s)
            xs, ys = [round(x) for x, _ in pts], [round(y) for _, y in pts]
            r = Rect(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))
        out = (
            r.x < -TOLERANCE
            or r.y < -TOLERANCE
            or r.right > self.slide.width + TOLERANCE
            or (r.bottom > self.slide.height + TOLERANCE)
        )
        if out:
            self.say(s, "off-slide", f"{_label(s)} reaches outside the slide; move it in or make it smaller.")

    def fit_check(self, s: ShapeFacts) -> None:
        f = self.fit_of(s)
        if f.broken_word:
            self.say(
                s,
                "broken-word",
                f"{_label(s)} is too narrow for a word of '{_quote(s.text)}', which breaks "
                "across lines; widen the box or shorten the text.",
            )
        if s.body.autofit == "shape" or f.overflow <= TOLERANCE:
            return
        room = (
            ""
            if s.body.autofit != "norm"
            else (" (it relies on PowerPoint shrinking it, which happens only once someone edits the box)")
        )
        fix = {
            "title": "shorten the title",
            "ctrTitle": "shorten the title",
        }.get(s.ph_type or "", "shorten its text or split it over two slides")
        if s.layer == "slide" and s.kind in ("text", "shape") and self.dense:
            fix = "shorten its text or split the chart"
        self.say(
            s,
            "overflow",
            f"{_label(s)} holds more text than fits (about {f.overflow / EMU_PER_PT:.0f} pt "
            f"too tall at {s.paras[0].size:g} pt){room}; {fix}.",
        )

    def size_check(self, s: ShapeFacts) -> None:
        if s.is_footer or s.layer != "slide":
            return
        floor = DENSE_FLOOR if self.dense and s.kind in ("text", "shape") else BODY_FLOOR
        sizes = [
            r.size * (s.body.font_scale if s.body.autofit == "norm" else 1.0)
            for p in s.paras
            for r in p.runs
            if r.text.strip()
        ]
        if sizes and min(sizes) < floor - 0.05:
            why = "dense diagram labels" if floor == DENSE_FLOOR else "body text"
            self.say(
                s,
                "small-text",
                f"{_label(s)} is set at {min(sizes):g} pt, below the {floor:g} pt floor for "
                f"{why}; shorten the text or give it more room.",
            )

    def room_check(self) -> None:
        """A chart set small (most of its text below 12 pt) while a third of the content area is empty.

        "Most" is by characters, so abbreviated month headers at 10 pt over 12 pt milestones
        do not count; a whole timeline at 10 pt in a band at the top does.
        """
        drawn = [s for s in self.slide.shapes if s.layer == "slide" and s.kind in ("text", "shape", "connector")]
        weights = [(r.size, len(r.text.strip())) for s in drawn for p in s.paras for r in p.runs if r.text.strip()]
        total = sum(n for _, n in weights)
        small_chars = sum(n for size, n in weights if size < BODY_FLOOR - 0.05)
        if not total or small_chars * 2 <= total:
            return
        title = next((s for s in self.slide.shapes if s.layer == "slide" and s.ph_type in ("title", "ctrTitle")), None)
        top = title.rect.bottom if title is not None else 0
        footers = [s.rect.y for s in self.slide.shapes if s.is_footer and s.rect.y > self.slide.height // 2]
        bottom = min(footers, default=self.slide.height * 92 // 100)
        used = max(s.rect.bottom for s in drawn)
        if bottom - top > 0 and bottom - used >= (bottom - top) / 3:
            size = min(size for size, _ in weights)
            first = next(s for s in drawn if s.text)
            self.say(
                first,
                "small-text",
                f"text is set at {size:g} pt while a third of the slide below the "
                "drawing is empty; give the chart the room and set its text larger.",
            )

    def backdrop(self, s: ShapeFacts) -> Fill:
        """What is behind the text of ``s``: its fill, else the topmost filled shape below, else the
        background; a see-through fill (``a:alpha``) blended over what lies under it."""
        if s.fill.opaque and (s.fill.picture or s.fill.alpha >= 1.0):
            return s.fill
        ink = self.ink(s)
        cx, cy = ink.x + ink.w // 2, ink.y + min(ink.h, s.rect.h) // 2
        under = self._under(self.slide.shapes.index(s), cx, cy)
        return _over(s.fill, under) if s.fill.opaque else under

    def _under(self, index: int, cx: int, cy: int) -> Fill:
        """What shows at (cx, cy) under the shapes drawn before ``index``."""
        for k in range(index - 1, -1, -1):
            other = self.slide.shapes[k]
            r = other.rect
            if other.fill.opaque and other.kind != "connector" and r.x <= cx <= r.right and r.y <= cy <= r.bottom:
                if other.fill.picture or other.fill.alpha >= 1.0:
                    return other.fill
                return _over(other.fill, self._under(k, cx, cy))
        return self.slide.background

    def contrast_check(self, s: ShapeFacts) -> None:
        back = self.backdrop(s)
        if back.picture or not back.colours:
            return  # over a picture the contrast cannot be judged from the file
        worst: tuple[float, str, str, float] | None = None
        for p in s.paras:
            for r in p.runs:
                if not r.text.strip() or r.colour is None:
                    continue
                large = r.size >= 18 or (r.bold and r.size >= 14)
                need = AA_LARGE if large else AA
                for bg in back.colours:
                    ratio = contrast(r.colour, bg)
                    if ratio < need and (worst is None or ratio < worst[0]):
                        worst = (ratio, hex_of(r.colour), hex_of(bg), need)
        if worst is not None:
            ratio, fg, bg_hex, need = worst
            self.say(
                s,
                "contrast",
                f"the text of {_label(s)} ({fg} on {bg_hex}) has a contrast of {ratio:.1f}:1, below "
                f"the {need:g}:1 WCAG AA needs; use the theme's contrasting text colour for that fill.",
            )

    def connector(self, s: ShapeFacts) -> None:
        boxes = [
            o
            for o in self.slide.shapes
            if o.layer == "slide"
            and o.kind in ("shape", "text", "placeholder")
            and o is not s
            and o.kind != "connector"
        ]
        problem = connector_problem(s, boxes)
        if problem:
            self.say(s, "connector", f"the connector '{s.name}' {problem}.")

    def overlaps(self) -> None:
        texts = self.texts
        inks = {id(s): self.ink(s) for s in texts}
        said: set[tuple[int, int]] = set()
        for i, a in enumerate(texts):
            for b in texts[i + 1 :]:
                if a.layer != "slide" and b.layer != "slide":
                    continue
                area = intersect(inks[id(a)], inks[id(b)])
                if area is None or area.w <= TOLERANCE or area.h <= TOLERANCE:
                    continue
                key = (id(a), id(b))
                if key in said:
                    continue
                said.add(key)
                titles = [x for x in (a, b) if x.ph_type in ("title", "ctrTitle")]
                fixed = [x for x in (a, b) if x.layer != "slide"]
                if fixed:
                    mine = b if fixed[0] is a else a
                    self.say(
                        mine,
                        "covers-title" if mine.ph_type in ("title", "ctrTitle") else "overlap",
                        f"{_label(mine)} runs under {_label(fixed[0])}; keep the text clear of it "
                        "(a shorter title, or a layout without the box).",
                    )
                elif titles:
                    other = b if titles[0] is a else a
                    self.say(
                        other,
                        "covers-title",
                        f"{_label(other)} and the title overlap; "
                        "the layout's title box runs into the body: pick a layout whose title sits clear of it.",
                    )
                else:
                    self.say(
                        b,
                        "overlap",
                        f"the text of {_label(a)} and of {_label(b)} overlap; move one of them or give them less text.",
                    )
        # Filled shapes drawn over the title's text
        title = next((t for t in texts if t.ph_type in ("title", "ctrTitle") and t.layer == "slide"), None)
        if title is None:
            return
        order = self.slide.shapes.index(title)
        for other in self.slide.shapes[order + 1 :]:
            if other.layer == "slide" and other.fill.opaque and other.kind == "shape" and not other.text:
                area = intersect(self.ink(title), other.rect)
                if area is not None and area.w > TOLERANCE and area.h > TOLERANCE:
                    self.say(
                        other,
                        "covers-title",
                        f"the shape '{other.name}' is drawn over the title; keep drawn shapes below the title.",
                    )


def _over(top: Fill, under: Fill) -> Fill:
    """``top``, partly see-through, over ``under``: each pair of colours mixed by ``top``'s alpha."""
    if under.picture or not under.colours:
        return Fill(picture=under.picture) if under.picture else top
    mixed = (blend(t, top.alpha, u) for t in top.colours for u in under.colours)
    return Fill([(round(r), round(g), round(b)) for r, g, b in mixed])
