"""The live preview: slide plans drawn with QPainter, exactly as the deck writer will lay them out.

The deck planner turns a section into :class:`SlidePlan` s (boxes in EMU, theme colour names,
text after shrinking); the pptx writer and this painter both draw from those plans, so what
the officer sees is what the deck will hold. :func:`compute_preview` asks the planner for a
section's plans (``render.deck.preview.section_preview``).
"""

from __future__ import annotations

import html
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPolygonF,
    QResizeEvent,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from neslis_desktop.gui.preview_evidence import draw_evidence
from neslis_desktop.model import Project, Run, runs
from neslis_desktop.render.colour import office_palette
from neslis_desktop.render.deck.plan import (
    EMU_PER_INCH,
    Frame,
    Para,
    Rect,
    Shape,
    SlidePlan,
    TextFrame,
    TextStyle,
    ThemeFonts,
)
from neslis_desktop.render.deck.preview import section_preview, template_look

DEFAULT_PALETTE = office_palette()
"""The colours drawn with before a template is read: Office's own theme."""
MARK_COLOUR = QColor("#E8112D")
"""The outline round a box chosen from the pack panel's slide problems."""
SLIDE_W, SLIDE_H = 12 * EMU_PER_INCH + EMU_PER_INCH * 4 // 3, int(7.5 * EMU_PER_INCH)


@dataclass
class Preview:
    """What the painter needs: the plans of one section and how to colour and size them."""

    plans: list[SlidePlan]
    slide_w: int = SLIDE_W
    slide_h: int = SLIDE_H
    palette: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_PALETTE))
    fonts: ThemeFonts = field(default_factory=ThemeFonts)
    frames: dict[Any, Frame] = field(default_factory=dict)
    """The template's title and body areas per layout role."""

    @property
    def adjustments(self) -> list[str]:
        return [a for p in self.plans for a in p.adjustments]


def compute_preview(project: Project, index: int, deck_template: Path | None = None) -> Preview:
    """The preview of section ``index``: the deck planner's slide plans, in the template's look."""
    result = section_preview(project, index, template=deck_template)
    frames = template_look(deck_template).frames
    return Preview(
        plans=list(result.plans),
        slide_w=result.slide_w,
        slide_h=result.slide_h,
        palette=dict(result.palette),
        fonts=result.fonts,
        frames=dict(frames),
    )


# ------------------------------------------------------------------------------ painting


def _colour(palette: dict[str, str], name: str | None) -> QColor:
    if name is None:
        return QColor(Qt.GlobalColor.transparent)
    return QColor(palette.get(name, DEFAULT_PALETTE.get(name, "#888888")))


def _run_html(run: Run) -> str:
    text = html.escape(run.text).replace("\n", "<br/>")
    if run.italic:
        text = f"<i>{text}</i>"
    return f"<b>{text}</b>" if run.bold else text


def _paras_html(paras: list[Para], style: TextStyle, palette: dict[str, str], px_per_pt: float = 1.0) -> str:
    colour = _colour(palette, style.colour).name()
    parts = []
    number = 0
    space_pt = getattr(style, "space_before_pt", 0.0) or 0.0
    for i, para in enumerate(paras):
        text = "".join(_run_html(r) for r in para.runs)
        marker = ""
        if para.bullet == "bullet":
            marker = "• "
        elif para.bullet == "number":
            number += 1
            marker = f"{number}. "
        indent = para.level * 1.6 + (1.0 if marker else 0)
        parts.append(
            f'<p style="margin:{space_pt * px_per_pt if i else 0:.2f}px 0 0 {indent}em; '
            f"text-indent:{-1.0 if marker else 0}em; line-height:{style.size_pt * px_per_pt * 1.2:.2f}px; "
            f'color:{colour}; text-align:{style.align};">{marker}{text}</p>'
        )
    bold = "font-weight:bold;" if style.bold else ""
    return f'<div style="{bold}">{"".join(parts)}</div>'


@lru_cache(maxsize=32)
def _family(name: str) -> str:
    """``name`` or, when it is not installed, its regular family ('Calibri Light' -> 'Calibri')."""
    from PySide6.QtGui import QFontDatabase

    if QFontDatabase.hasFamily(name) or " " not in name:
        return name
    base = name.rsplit(" ", 1)[0] if name.endswith((" Light", " Semilight")) else name
    return base


def draw_text(  # noqa: PLR0917 - a drawing primitive, called positionally everywhere
    painter: QPainter, frame: TextFrame, box: QRectF, scale: float, palette: dict[str, str], fonts: ThemeFonts
) -> None:
    """Draw a text frame's paragraphs inside ``box`` (pixels), scaled from points."""
    style = frame.style
    inset = frame.inset * scale
    inner = box.adjusted(inset, inset / 2, -inset, -inset / 2)
    if inner.width() <= 1 or inner.height() <= 1:
        return
    doc = QTextDocument()
    doc.setDocumentMargin(0)
    font = QFont(_family(fonts.major if style.font == "major" else fonts.minor))
    font.setPixelSize(max(1, round(style.size_pt * 12_700 * scale)))
    doc.setDefaultFont(font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    doc.setDefaultTextOption(option)
    doc.setTextWidth(inner.width())
    doc.setHtml(_paras_html(frame.paras, style, palette, 12_700 * scale))
    height = doc.size().height()
    dy = 0.0
    if style.anchor == "middle":
        dy = (inner.height() - height) / 2
    elif style.anchor == "bottom":
        dy = inner.height() - height
    painter.save()
    painter.setClipRect(box)
    painter.translate(inner.left(), inner.top() + max(dy, 0))
    doc.drawContents(painter)
    painter.restore()


def _shape_path(kind: str, r: QRectF) -> QPainterPath:
    path = QPainterPath()
    tip = min(r.height() / 2, r.width() / 3)
    if kind == "rounded":
        rad = min(r.width(), r.height()) * 0.12
        path.addRoundedRect(r, rad, rad)
    elif kind == "ellipse":
        path.addEllipse(r)
    elif kind in ("chevron", "pentagon", "arrow_right"):
        pts = [
            r.topLeft(),
            QPointF(r.right() - tip, r.top()),
            QPointF(r.right(), r.center().y()),
            QPointF(r.right() - tip, r.bottom()),
            r.bottomLeft(),
        ]
        if kind == "chevron":
            pts.append(QPointF(r.left() + tip, r.center().y()))
        path.addPolygon(QPolygonF(pts))
        path.closeSubpath()
    else:
        path.addRect(r)
    return path


def draw_shape(painter: QPainter, shape: Shape, scale: float, palette: dict[str, str], fonts: ThemeFonts) -> None:
    """Draw one planned shape (box, connector or text) at ``scale`` pixels per EMU."""
    if draw_evidence(painter, shape, scale, palette, _family(fonts.minor)):
        return  # a chart, table or picture, drawn from its plan as the writer draws it
    b = shape.box
    r = QRectF(b.x * scale, b.y * scale, b.w * scale, b.h * scale)
    if shape.kind in ("line", "elbow"):
        pen = QPen(_colour(palette, shape.line or "tx1"), max(1.0, shape.line_pt * 12_700 * scale))
        painter.setPen(pen)
        start, end = QPointF(r.left(), r.top()), QPointF(r.right(), r.bottom())
        if shape.kind == "elbow":
            mid = (start.y() + end.y()) / 2
            painter.drawPolyline([start, QPointF(start.x(), mid), QPointF(end.x(), mid), end])
        else:
            painter.drawLine(start, end)
        return
    if shape.kind != "text":
        painter.setBrush(_colour(palette, shape.fill))
        if shape.line is not None and shape.line_pt > 0:
            painter.setPen(QPen(_colour(palette, shape.line), max(1.0, shape.line_pt * 12_700 * scale)))
        else:
            painter.setPen(Qt.PenStyle.NoPen)
        painter.drawPath(_shape_path(shape.kind, r))
    if shape.text is not None:
        draw_text(painter, shape.text, r, scale, palette, fonts)


def draw_slide(painter: QPainter, preview: Preview, plan: SlidePlan, target: QRectF) -> None:
    """Draw one slide of ``preview`` into ``target`` (pixels), keeping the slide's aspect."""
    scale = target.width() / preview.slide_w
    pal = preview.palette
    painter.save()
    painter.translate(target.topLeft())
    painter.setClipRect(QRectF(0, 0, target.width(), target.height()))
    painter.fillRect(QRectF(0, 0, target.width(), target.height()), _colour(pal, "bg1"))
    w, h = preview.slide_w, preview.slide_h
    frame = preview.frames.get(plan.layout)
    if frame is not None:
        title_box, body_box = frame.title, frame.body
    elif plan.layout in ("title", "section"):
        title_box = Rect(w // 12, h // 3, w * 5 // 6, h // 5)
        body_box = Rect(w // 12, h * 8 // 15, w * 5 // 6, h // 6)
    else:
        title_box = Rect(w // 20, h // 25, w * 9 // 10, h // 6)
        body_box = Rect(w // 20, h // 4, w * 9 // 10, h * 2 // 3)
    if plan.title:
        size = 40 if plan.layout in ("title", "section") else 28
        style = getattr(plan, "title_style", None) or TextStyle(
            size, "tx1", anchor="middle" if plan.layout != "content" else "bottom", font="major"
        )
        title = TextFrame([Para(runs(plan.title))], style)
        draw_text(painter, title, _scaled(title_box, scale), scale, pal, preview.fonts)
    if plan.subtitle:
        sub_style = getattr(plan, "subtitle_style", None) or TextStyle(20, "tx2")
        sub_paras = [Para(runs(line)) for line in plan.subtitle.splitlines() if line.strip()]
        draw_text(painter, TextFrame(sub_paras, sub_style), _scaled(body_box, scale), scale, pal, preview.fonts)
    if plan.body:
        draw_text(
            painter,
            TextFrame(plan.body, plan.body_style or TextStyle(18)),
            _scaled(body_box, scale),
            scale,
            pal,
            preview.fonts,
        )
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    for shape in plan.shapes:
        draw_shape(painter, shape, scale, pal, preview.fonts)
    painter.restore()


def _section_of(preview: Preview | None) -> str | None:
    return next((p.section_id for p in preview.plans if p.section_id), None) if preview is not None else None


def _scaled(rect: Rect, scale: float) -> QRectF:
    return QRectF(rect.x * scale, rect.y * scale, rect.w * scale, rect.h * scale)


class PreviewWidget(QWidget):
    """Draws every slide of a section, one under the other, fitted to the widget's width."""

    painted = Signal(float)
    """Emitted after each paint with ``time.perf_counter()`` (for the benchmark and tests)."""

    GAP = 14

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._preview: Preview | None = None
        self._mark: tuple[int, Rect] | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setAccessibleName("Slide preview")
        self.setMinimumWidth(240)

    def set_preview(self, preview: Preview | None) -> None:
        if preview is None or _section_of(preview) != _section_of(self._preview):
            self._mark = None  # another section: the marked box no longer applies
        self._preview = preview
        self.updateGeometry()
        self.setMinimumHeight(self._height_for(self.width()))
        self.update()

    def preview(self) -> Preview | None:
        return self._preview

    def set_mark(self, slide: int, box: Rect | None) -> None:
        """Outline ``box`` (EMU) on the section's slide ``slide`` (0-based); ``None`` clears it."""
        self._mark = (slide, box) if box is not None else None
        self.update()

    def slide_rect(self, slide: int) -> QRectF:
        """Where slide ``slide`` (0-based) of the section is drawn in the widget (pixels)."""
        width = self.width() - 2 * self.GAP
        p = self._preview
        height = width * p.slide_h / p.slide_w if p is not None else 0.0
        return QRectF(self.GAP, self.GAP + slide * (height + self.GAP), width, height)

    def marked_rect(self) -> QRectF | None:
        """The marked box in widget pixels (the slide's offset plus the box at the slide's scale)."""
        if self._mark is None or self._preview is None:
            return None
        slide, box = self._mark
        target = self.slide_rect(slide)
        scale = target.width() / self._preview.slide_w
        return QRectF(target.left() + box.x * scale, target.top() + box.y * scale, box.w * scale, box.h * scale)

    def _height_for(self, width: int) -> int:
        if self._preview is None or not self._preview.plans:
            return 100
        slide_h = (width - 2 * self.GAP) * self._preview.slide_h / self._preview.slide_w
        return int(len(self._preview.plans) * (slide_h + self.GAP) + self.GAP)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._height_for(width)

    def sizeHint(self) -> QSize:
        return QSize(480, self._height_for(480))

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.setMinimumHeight(self._height_for(self.width()))
        super().resizeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#d9dce1"))
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        preview = self._preview
        if preview is None or not preview.plans:
            painter.setPen(QColor("#555"))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "Select a section to see its slides")
            painter.end()
            self.painted.emit(time.perf_counter())
            return
        width = self.width() - 2 * self.GAP
        height = width * preview.slide_h / preview.slide_w
        y = float(self.GAP)
        for plan in preview.plans:
            target = QRectF(self.GAP, y, width, height)
            painter.fillRect(target.translated(2, 3), QColor(0, 0, 0, 40))
            draw_slide(painter, preview, plan, target)
            painter.setPen(QPen(QColor("#9aa0a6"), 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(target)
            y += height + self.GAP
        marked = self.marked_rect()
        if marked is not None:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(MARK_COLOUR, 3))
            painter.drawRect(marked.adjusted(-2, -2, 2, 2))
        painter.end()
        self.painted.emit(time.perf_counter())
