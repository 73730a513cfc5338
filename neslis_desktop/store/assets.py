"""Pictures named in content files: found inside the project, checked before anything decodes them.

Project folders arrive by email, so a picture's path goes through
:func:`~neslis_desktop.store.paths.resolve_inside` (no ``..``, no absolute path, no link out
of the folder), and the file itself is only opened far enough to read its header: its pixel
count is checked against :data:`MAX_PIXELS` before any decoder runs, so a "decompression
bomb" is refused with a message, not by running out of memory during a build.
"""

from __future__ import annotations

import warnings
from pathlib import Path

from neslis_desktop.errors import ContentError, Problem
from neslis_desktop.model.blocks import Block
from neslis_desktop.model.evidence import PictureBlock
from neslis_desktop.model.project import Project, ProjectMeta, Section
from neslis_desktop.store.paths import resolve_inside

MAX_PIXELS = 40_000_000
"""Largest picture accepted, in pixels (a 40-megapixel photo); far above what a slide shows."""
MAX_BYTES = 30 * 1024 * 1024
"""Largest picture file accepted, in bytes."""
_FORMATS = {"PNG", "JPEG", "GIF"}
_ROTATED = {5, 6, 7, 8}
"""EXIF orientations that turn the picture a quarter turn: width and height swap."""


def picture_size(path: Path, *, where: Path, field: str) -> tuple[int, int]:
    """Upright (width, height) of the picture at ``path``; :class:`ContentError` naming ``where``/``field``."""

    def refuse(why: str) -> ContentError:
        return ContentError([Problem(where, field, why)])

    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise refuse(f"names '{path.name}', which is not in the project folder; copy the picture there") from None
    except OSError as exc:
        raise refuse(f"'{path.name}' could not be read: {exc.strerror or exc}") from None
    if not path.is_file():
        raise refuse(f"'{path.name}' is a folder, not a picture file")
    if size > MAX_BYTES:
        raise refuse(
            f"'{path.name}' is {size / 1e6:.0f} MB, over the {MAX_BYTES // 2**20} MB limit; save a smaller copy"
        )
    from PIL import Image, UnidentifiedImageError  # only for a project with pictures (neslis check needs none)

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            # Image.open reads the header only; nothing is decoded until load().
            with Image.open(path) as image:
                fmt, (w, h) = image.format, image.size
                if w * h > MAX_PIXELS:
                    raise refuse(
                        f"'{path.name}' is {w:,} x {h:,} pixels, over the {MAX_PIXELS // 1_000_000} megapixel "
                        "limit; save a smaller copy (2,000 pixels across is plenty for a slide)"
                    )
                orientation = image.getexif().get(0x0112, 1) if fmt == "JPEG" else 1
    except ContentError:
        raise
    except (UnidentifiedImageError, Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise refuse(
            f"'{path.name}' is not a picture that can be read, or is too large; save it as PNG or JPEG"
        ) from None
    except OSError as exc:
        raise refuse(f"'{path.name}' could not be read as a picture ({exc}); save it again as PNG or JPEG") from None
    if fmt not in _FORMATS:
        raise refuse(f"'{path.name}' is a {fmt} file; save it as PNG or JPEG")
    return (h, w) if orientation in _ROTATED else (w, h)


def attach_logos(meta: ProjectMeta, folder: Path) -> list[Problem]:
    """Check the partner logos named in ``project.yaml``, recording each one's path and size; the problems."""
    problems: list[Problem] = []
    where = Path(folder) / "project.yaml"
    for index, logo in enumerate(meta.logos or []):
        field = f"logos, item {index + 1}, file"
        try:
            path = resolve_inside(folder, logo.file, field=field, file=where)
            logo.attach(path, picture_size(path, where=where, field=field))
        except ContentError as exc:
            problems += exc.problems
    return problems


def attach_pictures(project: Project, folder: Path) -> None:
    """Find and check every picture and logo of ``project`` in ``folder``; :class:`ContentError` lists every problem."""
    problems: list[Problem] = attach_logos(project.meta, folder)
    for section in project.sections:
        problems += attach_section_pictures(section, folder)
    if problems:
        raise ContentError(problems)


def attach_section_pictures(section: Section, folder: Path) -> list[Problem]:
    """Check the pictures of one section, recording each one's path and size; the problems found."""
    problems: list[Problem] = []
    for index, block in enumerate(section.blocks):
        if not isinstance(block, PictureBlock):
            continue
        where = Path(folder) / "sections" / f"{section.id}.yaml"
        field = f"blocks, item {index + 1}, file"
        try:
            path = resolve_inside(folder, block.file, field=field, file=where)
            block.attach(path, picture_size(path, where=where, field=field))
        except ContentError as exc:
            problems += exc.problems
    return problems


def copy_into_assets(source: Path, folder: Path) -> str:
    """Copy the picture ``source`` into the project's ``assets/`` folder; its path as content files write it.

    The picture is checked first (:func:`picture_size`), given a Windows-safe name made from
    its own, and never overwrites another picture: the same picture already there is reused,
    another with the same name gets a number. :class:`ContentError` names the file when it is
    not a picture this app can use.
    """
    from neslis_desktop.model.evidence import ASSETS_DIR
    from neslis_desktop.model.text import slugify
    from neslis_desktop.store.atomic import atomic_write_bytes

    source = Path(source)
    picture_size(source, where=source, field="")
    data = source.read_bytes()
    suffix = source.suffix.lower().replace(".jpeg", ".jpg")
    stem = slugify(source.stem, fallback="picture")[:60]
    assets = Path(folder) / ASSETS_DIR
    name, n = f"{stem}{suffix}", 2
    while (assets / name).exists():
        if (assets / name).read_bytes() == data:
            return f"{ASSETS_DIR}/{name}"
        name, n = f"{stem}-{n}{suffix}", n + 1
    assets.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(assets / name, data)
    return f"{ASSETS_DIR}/{name}"


def copy_pictures(sections: list[Section], source: Path, target: Path | None) -> list[Section]:
    """``sections`` (copied from the project in ``source``) with their pictures copied into ``target``.

    Each picture block's file is copied into ``target``'s assets/ (see :func:`copy_into_assets`)
    and the block points at the copy. :class:`ContentError` when a section has pictures and
    ``target`` is ``None`` (a project not saved yet has no folder for them).
    """
    out = []
    for section in sections:
        blocks: list[Block] = []
        for block in section.blocks:
            if isinstance(block, PictureBlock):
                if target is None:
                    raise ContentError(
                        [
                            Problem(
                                source,
                                block.file,
                                "holds a picture; save this project first, "
                                "so that the picture can be copied into its folder",
                            )
                        ]
                    )
                src = resolve_inside(source, block.file, field="file", file=source)
                blocks.append(block.model_copy(update={"file": copy_into_assets(src, target)}))
            else:
                blocks.append(block)
        out.append(section.model_copy(update={"blocks": blocks}))
    return out
