"""Charts, tables and pictures in the HTML edition, each a ``<figure>`` a screen reader can use.

A chart is its headline and subtitle as the figure's caption, the inline SVG of
:mod:`.svg_chart`, the source line (linked) and notes under it, then its data as a real table,
so every number is there as text. A table has its caption, a header row, numbers right-aligned
and a totals row in ``<tfoot>``. A picture is embedded as a ``data:`` URI (nothing is fetched)
with its alt text, or ``alt=""`` when it only decorates, and its caption and credit.
"""

from __future__ import annotations

import base64

from PIL import Image

from neslis_desktop.model.evidence import ChartBlock, PictureBlock, Source, TableBlock, format_number
from neslis_desktop.model.inline import plain_text
from neslis_desktop.render.html.blocks import Context, data_table, renders
from neslis_desktop.render.html.svg_chart import chart_svg
from neslis_desktop.render.html.text import attr, inline, paragraphs
from neslis_desktop.render.pictures import upright_image

_MIME = {"PNG": "image/png", "JPEG": "image/jpeg", "GIF": "image/gif"}


def _source(source: Source | None) -> str:
    if source is None:
        return ""
    dataset = inline(source.dataset)
    if source.link:
        dataset = f'<a href="{attr(source.link)}">{dataset}</a>'
    when = f" ({inline(source.date)})" if source.date else ""
    return f'<p class="source">Source: {inline(source.publisher)}, {dataset}{when}</p>'


@renders("chart")
def _chart(block: ChartBlock, ctx: Context) -> str:
    svg_id = ctx.new_id("chart")
    subtitle = f'<span class="chart-subtitle">{inline(block.subtitle)}</span>' if block.subtitle else ""
    header = ["Category" if block.chart_type != "pie" else "Part", *(inline(s.name) for s in block.series)]
    rows = [
        [inline(c), *(format_number(s.values[i], s.number_format) for s in block.series)]
        for i, c in enumerate(block.categories)
    ]
    numeric = [False, *([True] * len(block.series))]
    if block.chart_type == "pie":
        total = sum(v or 0 for v in block.series[0].values) or 1
        header.append("Percentage of the whole")
        numeric.append(True)
        for row, v in zip(rows, block.series[0].values, strict=True):
            row.append(f"{(v or 0) / total * 100:.1f}%")
    units = {plain_text(s.units) for s in block.series if s.units}
    caption = f"Data for the chart: {inline(block.title)}" + (f" ({attr(', '.join(sorted(units)))})" if units else "")
    table = data_table(caption, header, rows, ctx, row_headers=True, numeric=numeric)
    reference = (
        f'<p class="secondary">Dashed line: {inline(block.reference.label)} '
        f"({format_number(block.reference.value, block.series[0].number_format)}).</p>"
        if block.reference
        else ""
    )
    return (
        '<figure class="chart">'
        f'<figcaption><span class="chart-title">{inline(block.title)}</span>{subtitle}</figcaption>'
        f"{chart_svg(block, svg_id)}{_source(block.source)}"
        + "".join(paragraphs(block.chart_notes, "secondary"))
        + f"{reference}{table}</figure>"
    )


@renders("table")
def _table(block: TableBlock, ctx: Context) -> str:
    header = [inline(c.title) for c in block.columns]
    rows = [[inline(block.cell_text(r, i)) for i in range(len(block.columns))] for r in block.rows]
    totals = [inline(block.cell_text(block.totals, i)) for i in range(len(block.columns))] if block.totals else None
    numeric = [c.alignment() == "right" for c in block.columns]
    first_is_label = block.columns[0].number_format is None
    table = data_table(
        inline(block.caption), header, rows, ctx, row_headers=first_is_label, numeric=numeric, totals=totals
    )
    return table + _source(block.source)


def _data_uri(block: PictureBlock) -> str:
    assert block.path is not None
    data = upright_image(block.path).getvalue()
    with Image.open(block.path) as image:
        mime = _MIME.get(image.format or "", "image/png")
    if data[:8] == b"\x89PNG\r\n\x1a\n":  # a turned JPEG may have been re-encoded as PNG
        mime = "image/png"
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


@renders("picture")
def _picture(block: PictureBlock, ctx: Context) -> str:
    if block.path is None or block.pixels is None:
        return f'<p class="secondary">[Picture {inline(block.file)} was not found in the project.]</p>'
    w, h = block.pixels
    alt = "" if block.decorative else plain_text(block.alt_text or "")
    img = f'<img src="{_data_uri(block)}" alt="{attr(alt)}" width="{w}" height="{h}">'
    words = [f'<span class="caption">{inline(block.caption)}</span>' if block.caption else ""]
    if block.credit:
        words.append(f'<span class="credit">{inline(block.credit)}</span>')
    caption = " ".join(w for w in words if w)
    if not caption:
        return f'<figure class="picture">{img}</figure>'
    return f'<figure class="picture">{img}<figcaption>{caption}</figcaption></figure>'
