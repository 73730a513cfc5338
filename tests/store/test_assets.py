"""Pictures are found inside the project and checked before decoding when a project loads."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PIL import Image

from neslis_desktop.errors import ContentError
from neslis_desktop.model.evidence import PictureBlock
from neslis_desktop.store import assets as assets_module
from neslis_desktop.store import load_project

EXAMPLE = Path(__file__).resolve().parents[2] / "content" / "evidence-example"


@pytest.fixture
def example(tmp_path: Path) -> Path:
    target = tmp_path / "evidence-example"
    shutil.copytree(EXAMPLE, target)
    return target


def _set_picture(folder: Path, file: str) -> None:
    path = folder / "sections" / "place.yaml"
    path.write_text(path.read_text("utf-8").replace("assets/tyne-bridge-drawing.png", file), "utf-8")


def test_the_example_picture_is_found_and_sized(example: Path) -> None:
    project = load_project(example)
    picture = project.section("place").blocks[0]
    assert isinstance(picture, PictureBlock)
    assert picture.path == (example / "assets" / "tyne-bridge-drawing.png").resolve()
    assert picture.pixels == (1200, 675)


def test_a_missing_picture_names_the_file_and_field(example: Path) -> None:
    _set_picture(example, "assets/missing.png")
    with pytest.raises(ContentError) as info:
        load_project(example)
    problem = info.value.problems[0]
    assert problem.file.name == "place.yaml" and "file" in problem.field
    assert "missing.png" in problem.message


def test_a_link_out_of_the_project_is_refused(example: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside.png"
    Image.new("RGB", (4, 4)).save(outside)
    (example / "assets" / "link.png").symlink_to(outside)
    _set_picture(example, "assets/link.png")
    with pytest.raises(ContentError, match="leads out of the project folder"):
        load_project(example)


def test_a_file_that_is_not_a_picture_is_refused(example: Path) -> None:
    (example / "assets" / "fake.png").write_bytes(b"not a picture at all")
    _set_picture(example, "assets/fake.png")
    with pytest.raises(ContentError, match="is not a picture that can be read"):
        load_project(example)


def test_an_oversized_picture_is_refused_from_its_header(example: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A 3000 x 3000 PNG against a lowered limit: refused from the header, never decoded.
    Image.new("L", (3000, 3000)).save(example / "assets" / "big.png")
    monkeypatch.setattr(assets_module, "MAX_PIXELS", 1_000_000)
    opened: list[str] = []
    real_load = Image.Image.load

    def spy(self: Image.Image) -> object:
        opened.append("decoded")
        return real_load(self)

    monkeypatch.setattr(Image.Image, "load", spy)
    _set_picture(example, "assets/big.png")
    with pytest.raises(ContentError, match="3,000 x 3,000 pixels, over the 1 megapixel limit"):
        load_project(example)
    assert opened == []


def test_a_sideways_photo_is_measured_upright(example: Path) -> None:
    image = Image.new("RGB", (40, 20), "red")
    exif = image.getexif()
    exif[0x0112] = 6  # turned a quarter: shown 20 wide, 40 high
    image.save(example / "assets" / "photo.jpg", exif=exif)
    _set_picture(example, "assets/photo.jpg")
    picture = load_project(example).section("place").blocks[0]
    assert isinstance(picture, PictureBlock) and picture.pixels == (20, 40)


def test_partner_logos_are_checked_like_pictures(example: Path) -> None:
    project = load_project(example)
    logos = project.meta.logos or []
    assert [logo.pixels for logo in logos] == [(480, 160)]
    path = example / "project.yaml"
    path.write_text(path.read_text("utf-8").replace("assets/example-logo.png", "assets/gone.png"), "utf-8")
    with pytest.raises(ContentError) as info:
        load_project(example)
    problem = info.value.problems[0]
    assert problem.file.name == "project.yaml" and problem.field.startswith("logos")
