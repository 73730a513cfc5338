"""The preview painter on hand-made slide plans, the live preview, and Generate in a thread."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from neslis_desktop.gui import dialogs
from neslis_desktop.gui.generate_worker import GenerateJob
from neslis_desktop.gui.main_window import MainWindow
from neslis_desktop.gui.preview import Preview, PreviewWidget, compute_preview, draw_slide
from neslis_desktop.model import Project, runs
from neslis_desktop.render.deck.plan import EMU_PER_INCH, Para, Rect, Shape, SlidePlan, TextFrame, TextStyle

W, H = 12_192_000, 6_858_000
PALETTE = {
    "tx1": "#000000",
    "bg1": "#FFFFFF",
    "tx2": "#1F3864",
    "bg2": "#EEEEEE",
    "accent1": "#C00000",
    "accent2": "#00B050",
    "accent3": "#0070C0",
    "accent4": "#FFC000",
    "accent5": "#7030A0",
    "accent6": "#00B0F0",
}


def render(plan: SlidePlan, width: int = 800) -> QImage:
    preview = Preview([plan], W, H, dict(PALETTE))
    image = QImage(width, int(width * H / W), QImage.Format.Format_RGB32)
    image.fill(QColor("#777777"))
    painter = QPainter(image)
    draw_slide(painter, preview, plan, QRectF(0, 0, image.width(), image.height()))
    painter.end()
    return image


def pixel(image: QImage, x_emu: int, y_emu: int) -> str:
    scale = image.width() / W
    return image.pixelColor(int(x_emu * scale), int(y_emu * scale)).name().upper()


def test_shapes_are_drawn_in_theme_colours_where_planned(qapp: Any) -> None:
    inch = EMU_PER_INCH
    kinds = ["rect", "rounded", "chevron", "pentagon", "arrow_right", "ellipse"]
    fills = ["accent1", "accent2", "accent3", "accent4", "accent5", "accent6"]
    shapes = [
        Shape(kind, Rect(inch // 2 + i * 2 * inch, 2 * inch, int(1.6 * inch), inch), f"s{i}", fill=fill)  # type: ignore[arg-type]
        for i, (kind, fill) in enumerate(zip(kinds, fills, strict=True))
    ]
    shapes.append(Shape("line", Rect(inch, 5 * inch, 6 * inch, 0), "connector", line="tx1", line_pt=3))
    plan = SlidePlan("title_only", "Shapes", shapes=shapes)
    image = render(plan)
    assert pixel(image, 0, H - 10) == PALETTE["bg1"]
    for shape in shapes[:-1]:
        b = shape.box
        assert pixel(image, b.x + b.w // 3, b.y + b.h // 2) == PALETTE[shape.fill], shape.kind  # type: ignore[index]
    assert pixel(image, 3 * inch, 5 * inch) == PALETTE["tx1"]


def test_text_boxes_draw_text_inside_their_box_only(qapp: Any) -> None:
    inch = EMU_PER_INCH
    box = Rect(inch, 2 * inch, 4 * inch, inch)
    frame = TextFrame([Para(runs("**Bold** words " * 20))], TextStyle(24, "tx1"))
    plan = SlidePlan("title_only", "", shapes=[Shape("text", box, "t", text=frame)])
    image = render(plan)
    scale = image.width() / W
    inside = [
        image.pixelColor(x, int((box.y + inch // 3) * scale)).name()
        for x in range(int(box.x * scale), int(box.right * scale))
    ]
    assert any(c != "#ffffff" for c in inside), "text drawn in its box"
    below = [image.pixelColor(x, int((box.bottom + inch // 2) * scale)).name() for x in range(image.width())]
    assert all(c == "#ffffff" for c in below), "overflow is clipped to the box"


def test_body_paragraphs_bullets_and_numbers(qapp: Any) -> None:
    paras = [
        Para(runs("Lead line")),
        Para(runs("First"), 0, "bullet"),
        Para(runs("Sub"), 1, "bullet"),
        Para(runs("One"), 0, "number"),
    ]
    plan = SlidePlan("content", "A title", body=paras, body_style=TextStyle(20))
    image = render(plan)
    dark = sum(
        1
        for y in range(image.height() // 4, image.height())
        for x in range(0, image.width(), 4)
        if image.pixelColor(x, y).lightness() < 128
    )
    assert dark > 100


def test_preview_widget_paints_and_reports(qtbot: Any, project: Project) -> None:
    widget = PreviewWidget()
    qtbot.addWidget(widget)
    widget.resize(500, 400)
    widget.show()
    preview = compute_preview(project, 0)
    assert preview.plans and preview.plans[0].section_id in (None, project.sections[0].id)
    with qtbot.waitSignal(widget.painted):
        widget.set_preview(preview)
    assert widget.minimumHeight() > 200


def test_keystroke_updates_the_preview(qtbot: Any, window: MainWindow) -> None:
    si, bi = next(
        (si, bi)
        for si, s in enumerate(window.model.project.sections)
        for bi, b in enumerate(s.blocks)
        if b.kind == "paragraph"
    )
    window.select_item(si, bi)
    with qtbot.waitSignal(window.preview_updated):
        window.editor.widgets[("text",)].setPlainText("Zebra crossing words")
    texts = [p.text for plan in window.preview.preview().plans for p in (plan.body or [])]
    texts += [
        s.text.paras[0].text for plan in window.preview.preview().plans for s in plan.shapes if s.text and s.text.paras
    ]
    assert any("Zebra crossing" in t for t in texts)


def test_generate_in_a_thread_then_open_buttons(qtbot: Any, window: MainWindow, tmp_path: Path, validate: Any) -> None:
    from pptx import Presentation

    window.pack_panel.set_output(tmp_path / "out")
    with qtbot.waitSignal(window.pack_panel.generated, timeout=120_000) as done:
        window.acts.generate.trigger()
        assert not window.pack_panel.generate_button.isEnabled()
    result = done.args[0]
    assert result.deck.is_file() and result.draft.is_file()
    qtbot.waitUntil(lambda: window.pack_panel.job is None)
    assert window.pack_panel.open_deck.isEnabled() and window.pack_panel.show_folder.isEnabled()
    titles = [s.shapes.title.text for s in Presentation(str(result.deck)).slides if s.shapes.title is not None]
    assert window.model.project.sections[0].title in titles
    validate(result.deck, result.draft)


def test_closing_then_cancelling_the_save_question_lets_the_build_finish(
    qtbot: Any, window: MainWindow, tmp_path: Path, dlg: Any
) -> None:
    window.add_section()  # unsaved changes, so closing asks
    dlg.save_choice = dialogs.SaveChoice.CANCEL
    window.pack_panel.set_output(tmp_path / "out")
    cancelled: list[bool] = []
    with qtbot.waitSignal(window.pack_panel.generated, timeout=120_000) as done:
        window.acts.generate.trigger()
        window.pack_panel.job.cancelled.connect(lambda: cancelled.append(True))
        assert not window.close()  # the user answered Cancel: the window stays
    assert "save changes" in dlg.asked
    assert cancelled == []
    assert done.args[0].deck.is_file()


def test_closing_during_a_build_stops_it_without_hanging(
    qtbot: Any, window: MainWindow, tmp_path: Path, dlg: Any
) -> None:
    window.pack_panel.set_output(tmp_path / "out")
    window.acts.generate.trigger()
    job = window.pack_panel.job
    assert job is not None
    assert window.close()  # waits for the build thread, which must end by itself
    assert job.worker_thread.isFinished()


def test_cancel_leaves_no_files(qtbot: Any, project: Project, tmp_path: Path) -> None:
    job = GenerateJob(project, tmp_path / "out")
    job.cancel()  # cancelled before the first step
    with qtbot.waitSignal(job.cancelled, timeout=60_000), qtbot.waitSignal(job.finished, timeout=60_000):
        job.start()
    job.wait()
    assert not any((tmp_path / "out").glob("*.pptx"))


def test_a_bad_template_is_refused_with_a_message(qtbot: Any, window: MainWindow, tmp_path: Path, dlg: Any) -> None:
    fake = tmp_path / "fake.pptx"
    fake.write_text("not a presentation", encoding="utf-8")
    dlg.template = fake
    window.pack_panel.choose_template("pptx")
    errors = dlg.take_errors()
    assert errors and "fake.pptx" in errors[-1][1]
    assert window.pack_panel.deck_template is None


def test_template_choice_is_remembered_per_project(
    qtbot: Any, window: MainWindow, tmp_path: Path, bundled_dir: Path
) -> None:
    import shutil

    from neslis_desktop.resources import bundled_deck_template

    mine = tmp_path / "corporate.pptx"
    shutil.copy(bundled_deck_template(), mine)
    with qtbot.waitSignal(window.preview_updated):
        assert window.pack_panel.set_template("pptx", mine)
    window.pack_panel.set_output(tmp_path / "somewhere")
    other = tmp_path / "other-project"
    shutil.copytree(bundled_dir, other)
    first = window.project_path
    window.open_project(other)
    assert window.pack_panel.deck_template is None  # a different project, its own choices
    window.open_project(first)
    assert window.pack_panel.deck_template == mine
    assert window.pack_panel.out_dir == tmp_path / "somewhere"
