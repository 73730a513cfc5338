"""Chart, table and picture blocks edited as an officer would: ranges pasted from a spreadsheet,
rows and columns moved, every change one undo step, a picture chosen and copied in."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PIL import Image
from pptx import Presentation
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from neslis_desktop.gui.editors.grid import GridEditor
from neslis_desktop.gui.editors.picture import PictureField
from neslis_desktop.gui.generate_worker import GenerateWorker
from neslis_desktop.model.evidence import ChartBlock, PictureBlock, TableBlock

FIGURES = "Year\tNorth East\tEngland excl. London\n2015\t28.1\t32.4\n2016\t28.9\t33.0\n2017\t29.4\t33.6\n"


def _current_block(window: Any) -> Any:
    si, bi = window.current_location()
    return window.doc.project.sections[si].blocks[bi]


def _grid(window: Any) -> GridEditor:
    grids = window.editor.findChildren(GridEditor)
    assert len(grids) == 1
    return grids[0]


def test_a_range_pasted_into_a_new_chart_becomes_its_series(qtbot: Any, window: Any) -> None:
    window.select_item(0)
    window.add_block("chart")
    grid = _grid(window)
    QGuiApplication.clipboard().setText(FIGURES)
    grid.table.setCurrentCell(0, 0)
    qtbot.keyClick(grid.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    chart = _current_block(window)
    assert isinstance(chart, ChartBlock)
    assert chart.categories == ["2015", "2016", "2017"]
    assert [(s.name, s.values) for s in chart.series] == [
        ("North East", [28.1, 28.9, 29.4]),
        ("England excl. London", [32.4, 33.0, 33.6]),
    ]
    drafted = window.editor._derived[0][0]
    assert drafted.isVisible() and drafted.text().startswith("Column chart")
    assert "2015 to 2017" in drafted.text()
    window.doc.undo.undo()  # one paste, one undo step
    chart = _current_block(window)
    assert chart.categories == ["2017", "2018", "2019"] and chart.series[0].name == "Series 1"


def test_text_in_a_number_cell_is_marked_and_never_reaches_the_project(qtbot: Any, window: Any) -> None:
    window.select_item(0)
    window.add_block("chart")
    before = _current_block(window)
    grid = _grid(window)
    grid.table.item(1, 1).setText("n/a?")
    assert window.editor.has_errors()
    assert "not a number" in window.editor.problem()[1]
    assert _current_block(window) == before
    grid.table.item(1, 1).setText("4.5")
    assert not window.editor.has_errors()
    assert _current_block(window).series[0].values[0] == 4.5


def test_table_rows_and_columns_move_and_number_columns_are_recognised(qtbot: Any, window: Any) -> None:
    window.select_item(0)
    window.add_block("table")
    grid = _grid(window)
    grid.set_cells([["Area", "Employment rate"], ["North East", "70.6%"], ["England", "75.9%"]])
    grid.paste([["Area"]])  # any finished change sends the whole grid
    table = _current_block(window)
    assert isinstance(table, TableBlock)
    assert [c.number_format for c in table.columns] == [None, "0.0%"]
    assert table.columns[1].alignment() == "right"
    grid.table.setCurrentCell(2, 0)
    grid.buttons["row_up"].click()
    grid.table.setCurrentCell(0, 1)
    grid.buttons["add_column"].click()
    grid.table.item(0, 2).setText("Year")
    grid.table.item(1, 2).setText("2019")
    grid.table.item(2, 2).setText("2019")
    table = _current_block(window)
    assert [c.title for c in table.columns] == ["Area", "Employment rate", "Year"]
    assert table.rows[0][0] == "England" and table.columns[2].number_format == "#,##0"
    steps = window.doc.undo.count()
    grid.table.setCurrentCell(1, 2)
    grid.buttons["remove_column"].click()
    assert len(_current_block(window).columns) == 2 and window.doc.undo.count() == steps + 1


def test_a_chosen_picture_is_copied_into_the_project_and_built(
    qtbot: Any, window: Any, project_dir: Path, dlg: Any, tmp_path: Path
) -> None:
    photo = tmp_path / "Quayside Photo.PNG"
    Image.new("RGB", (400, 300), (20, 90, 140)).save(photo)
    dlg.file = photo
    window.select_item(0)
    window.add_block("picture")
    picture = _current_block(window)
    assert isinstance(picture, PictureBlock)
    assert picture.file == "assets/quayside-photo.png"
    assert (project_dir / "assets" / "quayside-photo.png").read_bytes() == photo.read_bytes()
    field = window.editor.findChild(PictureField)
    assert field is not None and not field.thumbnail.pixmap().isNull()

    out = tmp_path / "out"
    worker = GenerateWorker(window.doc.project, out, None, None, folder=project_dir)
    failures: list[str] = []
    worker.failed.connect(lambda message, details: failures.append(message))
    worker.run()
    assert failures == []
    deck = Presentation(str(next(out.glob("*.pptx"))))
    pictures = [sh for slide in deck.slides for sh in slide.shapes if sh.shape_type == 13]
    assert len(pictures) == 1


def test_a_picture_needs_a_saved_project(qtbot: Any, dlg: Any) -> None:
    from neslis_desktop.gui.main_window import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    before = win.doc.project.model_copy(deep=True)
    win.add_block("picture")
    assert [t for t, _ in dlg.take_errors()] == ["Save the project first"]
    assert win.doc.project == before


def test_save_as_takes_pictures_feedback_and_comments_along(
    qtbot: Any, window: Any, project_dir: Path, dlg: Any, tmp_path: Path
) -> None:
    photo = tmp_path / "logo.png"
    Image.new("RGB", (40, 30), (200, 0, 0)).save(photo)
    dlg.file = photo
    window.select_item(0)
    window.add_block("picture")
    (project_dir / "feedback").mkdir()
    (project_dir / "feedback" / "responses.yaml").write_text("responses: []\n", "utf-8")
    elsewhere = tmp_path / "elsewhere"
    dlg.folder = elsewhere
    assert window.save_as()
    assert (elsewhere / "assets" / "logo.png").read_bytes() == photo.read_bytes()
    assert (elsewhere / "feedback" / "responses.yaml").is_file()
    from neslis_desktop.store import load_project

    assert any(b.kind == "picture" for s in load_project(elsewhere).sections for b in s.blocks)


def test_a_csv_file_replaces_a_tables_cells(qtbot: Any, window: Any, dlg: Any, tmp_path: Path) -> None:
    csv = tmp_path / "jobs.csv"
    csv.write_bytes('Area,Jobs\nNorthumberland,"1,250"\nDurham,980\n'.encode("cp1252"))
    window.select_item(0)
    window.add_block("table")
    dlg.file = csv
    _grid(window).buttons["import_csv"].click()
    table = _current_block(window)
    assert [c.title for c in table.columns] == ["Area", "Jobs"]
    assert [row[0] for row in table.rows] == ["Northumberland", "Durham"]
    assert table.columns[1].number_format == "#,##0"
