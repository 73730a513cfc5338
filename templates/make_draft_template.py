"""Builds templates/neslis-draft.docx, the bundled draft-document template, reproducibly.

Starts from python-docx's own default template and rewrites, as XML, the parts the draft
generator relies on: the named styles (cover, headings with 1 / 1.1 / 1.1.1 numbering bound
through numbering.xml, bullet and number lists, a table style with a shaded header row,
caption, contents entries, table text), an A4 page, a cover made of {{field}} paragraphs, a header
(title and status) and a footer (version and "Page X of Y"), en-GB language and a zoom Word
and the OOXML schema both accept. Zip entries get a fixed date so that the same script
writes the same bytes.

Run from the repository root:  .venv/bin/python templates/make_draft_template.py
"""

from __future__ import annotations

import datetime as dt
import io
import sys
import zipfile
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

HERE = Path(__file__).resolve().parent
TARGET = HERE / "neslis-draft.docx"

NAVY = "1B365D"
TEAL = "00787A"
GREY = "595959"
RULE = "A6A6A6"
W = nsdecls("w")

# Text width of an A4 page with 2.54 cm margins, in twentieths of a point.
PAGE_W, PAGE_H, MARGIN = 11906, 16838, 1440
TEXT_W = PAGE_W - 2 * MARGIN

NUMBERING = f"""<w:numbering {W}>
  <w:abstractNum w:abstractNumId="1">
    <w:multiLevelType w:val="multilevel"/>
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="Heading1"/>
      <w:lvlText w:val="%1"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="567" w:hanging="567"/></w:pPr></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="Heading2"/>
      <w:lvlText w:val="%1.%2"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="709" w:hanging="709"/></w:pPr></w:lvl>
    <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="Heading3"/>
      <w:lvlText w:val="%1.%2.%3"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="851" w:hanging="851"/></w:pPr></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="2">
    <w:multiLevelType w:val="multilevel"/>
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:pStyle w:val="ListBullet"/>
      <w:lvlText w:val="\u2022"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="360" w:hanging="360"/></w:pPr></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:pStyle w:val="ListBullet2"/>
      <w:lvlText w:val="\u2013"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl>
    <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:pStyle w:val="ListBullet3"/>
      <w:lvlText w:val="\u25e6"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="1080" w:hanging="360"/></w:pPr></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="3">
    <w:multiLevelType w:val="multilevel"/>
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="ListNumber"/>
      <w:lvlText w:val="%1."/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="360" w:hanging="360"/></w:pPr></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:pStyle w:val="ListNumber2"/>
      <w:lvlText w:val="%2)"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl>
    <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:pStyle w:val="ListNumber3"/>
      <w:lvlText w:val="%3."/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="1080" w:hanging="360"/></w:pPr></w:lvl>
  </w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>
  <w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>
  <w:num w:numId="3"><w:abstractNumId w:val="3"/></w:num>
</w:numbering>"""


def _para_style(
    sid: str,
    name: str,
    *,
    based: str | None = "Normal",
    nxt: str | None = None,
    ppr: str = "",
    rpr: str = "",
    ui: int = 10,
    qformat: bool = True,
) -> str:
    parts = [f'<w:style {W} w:type="paragraph" w:styleId="{sid}"><w:name w:val="{name}"/>']
    if based:
        parts.append(f'<w:basedOn w:val="{based}"/>')
    if nxt:
        parts.append(f'<w:next w:val="{nxt}"/>')
    parts.append(f'<w:uiPriority w:val="{ui}"/>')
    if qformat:
        parts.append("<w:qFormat/>")
    if ppr:
        parts.append(f"<w:pPr>{ppr}</w:pPr>")
    if rpr:
        parts.append(f"<w:rPr>{rpr}</w:rPr>")
    parts.append("</w:style>")
    return "".join(parts)


def _heading(level: int, size: int, before: int, color: str) -> str:
    return _para_style(
        f"Heading{level}",
        f"heading {level}",
        nxt="Normal",
        ui=9,
        ppr=(
            f'<w:keepNext/><w:keepLines/><w:numPr><w:ilvl w:val="{level - 1}"/><w:numId w:val="1"/></w:numPr>'
            f'<w:spacing w:before="{before}" w:after="120"/><w:outlineLvl w:val="{level - 1}"/>'
        ),
        rpr=(
            f'<w:rFonts w:asciiTheme="majorHAnsi" w:hAnsiTheme="majorHAnsi" w:cstheme="majorBidi"/><w:b/><w:bCs/>'
            f'<w:color w:val="{color}"/><w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'
        ),
    )


def _list_style(sid: str, name: str, num_id: int, level: int) -> str:
    # The indent repeats the list level's: a style's own (or inherited) indent outranks the
    # numbering's in Word, so a template whose Normal has a first-line indent would otherwise
    # push every bullet copied into it off its hanging indent.
    left = 360 * (level + 1)
    return _para_style(
        sid,
        name,
        ui=99,
        qformat=False,
        ppr=(
            f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'
            f'<w:spacing w:after="80"/><w:ind w:left="{left}" w:hanging="360"/><w:contextualSpacing/>'
        ),
    )


def _toc_style(level: int) -> str:
    # The number hangs in a fixed slot so that wrapped entries line up under the text.
    indent, slot = (0, 567, 1134)[level - 1], (567, 709, 851)[level - 1]
    return _para_style(
        f"TOC{level}",
        f"toc {level}",
        nxt="Normal",
        ui=39,
        qformat=False,
        ppr=(
            f'<w:tabs><w:tab w:val="left" w:pos="{indent + slot}"/>'
            f'<w:tab w:val="right" w:leader="dot" w:pos="{TEXT_W}"/></w:tabs>'
            f'<w:spacing w:before="{120 if level == 1 else 0}" w:after="60"/>'
            f'<w:ind w:left="{indent + slot}" w:right="567" w:hanging="{slot}"/>'
        ),
        rpr="<w:b/>" if level == 1 else "",
    )


def _borders(color: str) -> str:
    edge = f'w:val="single" w:sz="4" w:space="0" w:color="{color}"'
    return "".join(f"<w:{e} {edge}/>" for e in ("top", "left", "bottom", "right", "insideH", "insideV"))


STYLES = [
    # Body spacing lives in docDefaults, not Normal, so that the table style's tighter spacing
    # wins inside tables (Word applies a paragraph style's spacing over a table style's).
    _para_style("Normal", "Normal", based=None, ui=0),
    _para_style(
        "Title",
        "Title",
        nxt="Subtitle",
        ppr=(
            f'<w:pBdr><w:bottom w:val="single" w:sz="18" w:space="12" w:color="{TEAL}"/></w:pBdr>'
            '<w:spacing w:before="2400" w:after="360"/><w:contextualSpacing/>'
        ),
        rpr=(
            f'<w:rFonts w:asciiTheme="majorHAnsi" w:hAnsiTheme="majorHAnsi" w:cstheme="majorBidi"/><w:b/><w:bCs/>'
            f'<w:color w:val="{NAVY}"/><w:kern w:val="28"/><w:sz w:val="60"/><w:szCs w:val="60"/>'
        ),
    ),
    _para_style(
        "Subtitle",
        "Subtitle",
        nxt="Normal",
        ui=11,
        ppr='<w:spacing w:after="960"/>',
        rpr=f'<w:color w:val="{TEAL}"/><w:sz w:val="36"/><w:szCs w:val="36"/>',
    ),
    _para_style(
        "CoverDetails",
        "Cover Details",
        ui=12,
        ppr='<w:spacing w:after="120"/>',
        rpr=f'<w:color w:val="{GREY}"/><w:sz w:val="28"/><w:szCs w:val="28"/>',
    ),
    _heading(1, 36, 480, NAVY),
    _heading(2, 28, 320, NAVY),
    _heading(3, 24, 240, TEAL),
    # Table cells: left aligned, without the indents or justification a body style may have.
    _para_style(
        "TableText",
        "Table Text",
        ui=29,
        ppr=(
            '<w:spacing w:before="40" w:after="40" w:line="240" w:lineRule="auto"/>'
            '<w:ind w:left="0" w:right="0" w:firstLine="0"/><w:jc w:val="left"/>'
        ),
    ),
    _para_style("ListLead", "List Lead", nxt="ListBullet", ui=29, ppr='<w:keepNext/><w:spacing w:after="80"/>'),
    _list_style("ListBullet", "List Bullet", 2, 0),
    _list_style("ListBullet2", "List Bullet 2", 2, 1),
    _list_style("ListBullet3", "List Bullet 3", 2, 2),
    _list_style("ListNumber", "List Number", 3, 0),
    _list_style("ListNumber2", "List Number 2", 3, 1),
    _list_style("ListNumber3", "List Number 3", 3, 2),
    _para_style(
        "Caption",
        "caption",
        nxt="Normal",
        ui=35,
        ppr='<w:keepNext/><w:spacing w:before="120" w:after="80"/>',
        rpr=f'<w:b/><w:bCs/><w:color w:val="{NAVY}"/><w:sz w:val="20"/><w:szCs w:val="20"/>',
    ),
    _para_style(
        "TOCHeading",
        "TOC Heading",
        based="Normal",
        nxt="Normal",
        ui=39,
        ppr='<w:keepNext/><w:spacing w:before="0" w:after="240"/>',
        rpr=(
            f'<w:rFonts w:asciiTheme="majorHAnsi" w:hAnsiTheme="majorHAnsi" w:cstheme="majorBidi"/><w:b/><w:bCs/>'
            f'<w:color w:val="{NAVY}"/><w:sz w:val="36"/><w:szCs w:val="36"/>'
        ),
    ),
    _toc_style(1),
    _toc_style(2),
    _toc_style(3),
    _para_style(
        "Header",
        "header",
        ui=99,
        qformat=False,
        ppr=f'<w:tabs><w:tab w:val="right" w:pos="{TEXT_W}"/></w:tabs><w:spacing w:after="0"/>',
        rpr=f'<w:color w:val="{GREY}"/><w:sz w:val="18"/><w:szCs w:val="18"/>',
    ),
    _para_style(
        "Footer",
        "footer",
        ui=99,
        qformat=False,
        ppr=f'<w:tabs><w:tab w:val="right" w:pos="{TEXT_W}"/></w:tabs><w:spacing w:after="0"/>',
        rpr=f'<w:color w:val="{GREY}"/><w:sz w:val="18"/><w:szCs w:val="18"/>',
    ),
    f'<w:style {W} w:type="character" w:styleId="Strong"><w:name w:val="Strong"/>'
    '<w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="22"/><w:qFormat/>'
    "<w:rPr><w:b/><w:bCs/></w:rPr></w:style>",
    f'<w:style {W} w:type="table" w:styleId="DraftTable"><w:name w:val="Draft Table"/>'
    '<w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/>'
    '<w:pPr><w:spacing w:before="40" w:after="40" w:line="240" w:lineRule="auto"/></w:pPr>'
    '<w:rPr><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr>'
    f"<w:tblPr><w:tblBorders>{_borders(RULE)}</w:tblBorders>"
    '<w:tblCellMar><w:top w:w="57" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
    '<w:bottom w:w="57" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr>'
    '<w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:bCs/><w:color w:val="FFFFFF"/></w:rPr>'
    f'<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{NAVY}"/></w:tcPr></w:tblStylePr></w:style>',
]


def _styles(doc: DocxDocument) -> None:
    root = doc.styles.element
    by_id = {s.get(qn("w:styleId")): s for s in root.findall(qn("w:style"))}
    for xml in STYLES:
        new = parse_xml(xml)
        old = by_id.get(new.get(qn("w:styleId")))
        if new.get(qn("w:styleId")) == "Normal":
            new.set(qn("w:default"), "1")
        if old is not None:
            old.addprevious(new)
            root.remove(old)
        else:
            root.append(new)
    # python-docx's default carries a hundred of Word's built-in table styles. The draft uses its
    # own; Word adds a built-in style's definition when one is chosen, so they are dropped:
    # nine tenths of the styles part, which every build parses and writes again.
    kept_tables = {"TableNormal", "DraftTable"}
    for style in root.findall(qn("w:style")):
        if style.get(qn("w:type")) == "table" and style.get(qn("w:styleId")) not in kept_tables:
            root.remove(style)
    # Language and body size for every run: docDefaults.
    defaults = root.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    for tag in ("w:rFonts", "w:sz", "w:szCs", "w:lang"):
        for old_el in rpr.findall(qn(tag)):
            rpr.remove(old_el)
    # Calibri for body text (LibreOffice shows the metric-compatible Carlito); the theme's is Cambria.
    rpr.insert(
        0,
        parse_xml(
            f'<w:rFonts {W} w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsiaTheme="minorEastAsia" w:cs="Calibri"/>'
        ),
    )
    rpr.append(parse_xml(f'<w:sz {W} w:val="24"/>'))  # 12 pt: GOV.UK's smallest body text
    rpr.append(parse_xml(f'<w:szCs {W} w:val="24"/>'))
    rpr.append(parse_xml(f'<w:lang {W} w:val="en-GB" w:eastAsia="en-GB" w:bidi="ar-SA"/>'))
    ppr_default = defaults.find(qn("w:pPrDefault"))
    if ppr_default is None:
        ppr_default = parse_xml(f"<w:pPrDefault {W}/>")
        defaults.append(ppr_default)
    ppr_default.clear()
    ppr_default.append(parse_xml(f'<w:pPr {W}><w:spacing w:after="160" w:line="264" w:lineRule="auto"/></w:pPr>'))


def _numbering(doc: DocxDocument) -> None:
    part = doc.part.numbering_part
    part._element = parse_xml(NUMBERING)


def _settings(doc: DocxDocument) -> None:
    settings = doc.settings.element
    zoom = settings.find(qn("w:zoom"))
    zoom.attrib.clear()
    zoom.set(qn("w:percent"), "100")
    rsids = settings.find(qn("w:rsids"))
    if rsids is not None:
        settings.remove(rsids)


def _run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def _field(instr: str, shown: str) -> str:
    return (
        f'<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> {instr} '
        f'</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>{_run(shown)}'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def _body(doc: DocxDocument) -> None:
    """Cover (its own section, without header or footer), then {{content}} in the main section."""
    body = doc.element.body
    sect = body.find(qn("w:sectPr"))
    page = (
        f'<w:pgSz w:w="{PAGE_W}" w:h="{PAGE_H}"/><w:pgMar w:top="{MARGIN}" w:right="{MARGIN}" '
        f'w:bottom="{MARGIN}" w:left="{MARGIN}" w:header="709" w:footer="709" w:gutter="0"/>'
        '<w:cols w:space="708"/><w:docGrid w:linePitch="360"/>'
    )
    cover = [
        ("Title", "{{title}}"),
        ("Subtitle", "{{subtitle}}"),
        ("CoverDetails", "{{status}} \u2013 version {{version}}"),
        ("CoverDetails", "{{event}}"),
        ("CoverDetails", "{{audience}}"),
        ("CoverDetails", "{{date}}"),
    ]
    for style, text in cover:
        body.insert(len(body) - 1, parse_xml(f'<w:p {W}><w:pPr><w:pStyle w:val="{style}"/></w:pPr>{_run(text)}</w:p>'))
    body.insert(
        len(body) - 1,
        parse_xml(
            f'<w:p {W}><w:pPr><w:pStyle w:val="CoverDetails"/><w:sectPr>{page}</w:sectPr></w:pPr>'
            f"{_run('{{organisation}}')}</w:p>"
        ),
    )
    body.insert(len(body) - 1, parse_xml(f"<w:p {W}>{_run('{{content}}')}</w:p>"))
    header = _part(
        doc,
        "header",
        f'<w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr>{_run("{{title}}")}'
        f"<w:r><w:tab/></w:r>{_run('{{status}}')}</w:p>",
    )
    footer = _part(
        doc,
        "footer",
        f'<w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr>{_run("Version {{version}}")}'
        f"<w:r><w:tab/></w:r>{_run('Page ')}{_field('PAGE', '2')}{_run(' of ')}"
        f"{_field('NUMPAGES', '2')}</w:p>",
    )
    sect.clear()
    for kind, rid in (("header", header), ("footer", footer)):
        sect.append(parse_xml(f'<w:{kind}Reference {nsdecls("w", "r")} w:type="default" r:id="{rid}"/>'))
    for el in parse_xml(f"<w:sectPr {W}>{page}</w:sectPr>"):
        sect.append(el)


def _part(doc: DocxDocument, kind: str, inner: str) -> str:
    tag = "hdr" if kind == "header" else "ftr"
    xml = f"<w:{tag} {nsdecls('w', 'r')}>{inner}</w:{tag}>".encode()
    ct = f"application/vnd.openxmlformats-officedocument.wordprocessingml.{kind}+xml"
    part = Part(
        PackURI(f"/word/{kind}1.xml"),
        ct,
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + xml,
        doc.part.package,
    )
    return doc.part.relate_to(part, RT.HEADER if kind == "header" else RT.FOOTER)


def _core(doc: DocxDocument) -> None:
    fixed = dt.datetime(2019, 11, 1, tzinfo=dt.UTC)
    props = doc.core_properties
    props.title = "NESLIS draft strategy template"
    props.subject = "Local Industrial Strategy draft"
    props.author = "North East LEP"
    props.last_modified_by = "North East LEP"
    props.comments = "Made by templates/make_draft_template.py"
    props.keywords = ""
    props.language = "en-GB"
    props.revision = 1
    props.created = fixed
    props.modified = fixed


# Word 2010's copy of styles.xml that python-docx's default template still carries. Word
# rebuilds it from styles.xml; left in, it goes stale as soon as the styles change, and
# stricter checkers (openxml-audit) refuse it.
STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"


def build() -> bytes:
    """The template's bytes.

    python-docx's thumbnail of its own template (a stale picture) and its stylesWithEffects
    part are dropped: a part no relationship reaches is not written.
    """
    doc = Document()
    _styles(doc)
    _numbering(doc)
    _settings(doc)
    _body(doc)
    _core(doc)
    package = doc.part.package
    for rid, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package.rels[rid]
    for rid, rel in list(doc.part.rels.items()):
        if rel.reltype == STYLES_WITH_EFFECTS:
            del doc.part.rels[rid]
    raw = io.BytesIO()
    doc.save(raw)
    # Re-zip with fixed dates, so the same script writes the same bytes.
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in src.namelist():
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(info, src.read(name))
    return out.getvalue()


def main(argv: list[str]) -> int:
    target = Path(argv[1]) if len(argv) > 1 else TARGET
    target.write_bytes(build())
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
