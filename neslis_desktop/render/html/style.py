"""The HTML edition's own style sheet, written into the page (no fonts or files are fetched).

It follows the look of GOV.UK HTML publications: a black header band, a single readable
column, 19 px text on wide screens and 16 px on phones, blue underlined links with the yellow
focus ring, tables with grey rules. Sizes are in rem and the layout is one column below
40 rem, so the page reads at 400% zoom and on a 320 px screen without sideways scrolling
(wide data tables scroll inside their own focusable box). Every colour pair is at least 4.5:1.
"""

CSS = """
*,*::before,*::after{box-sizing:border-box}
html{font-size:100%;-webkit-text-size-adjust:100%}
body{margin:0;font-family:Arial,"Liberation Sans",Helvetica,sans-serif;font-size:1rem;line-height:1.4;
color:#0b0c0c;background:#fff}
@media (min-width:40.0625em){body{font-size:1.1875rem}}
a{color:#1d70b8;text-decoration:underline;text-underline-offset:.1em}
a:visited{color:#4c2c92}
a:hover{color:#003078;text-decoration-thickness:.2em}
a:focus,.table-wrap:focus{outline:3px solid transparent;color:#0b0c0c;background:#fd0;
box-shadow:0 -2px #fd0,0 4px #0b0c0c;text-decoration:none}
.table-wrap:focus{box-shadow:0 0 0 4px #0b0c0c;background:#fff}
.skip{position:absolute;left:-9999em;top:auto}
.skip:focus{position:static;display:block;padding:.5rem 1rem}
.masthead{background:#0b0c0c;color:#fff;border-bottom:.5rem solid #1d70b8}
.masthead p{margin:0;padding:.75rem 0;font-weight:700;font-size:1.1rem}
.wrap{max-width:60rem;margin:0 auto;padding:0 1rem}
@media (min-width:40.0625em){.wrap{padding:0 2rem}}
.title-block{background:#1d70b8;color:#fff;padding:1.5rem 0 2rem;margin-bottom:2rem}
.title-block h1{font-size:2rem;line-height:1.1;margin:.5rem 0 .5rem}
@media (min-width:40.0625em){.title-block h1{font-size:3rem}}
.title-block .subtitle{font-size:1.25rem;margin:0 0 1rem}
.title-block dl{margin:1rem 0 0;display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}
.title-block dt{font-weight:700}
.title-block dd{margin:0}
.tag{display:inline-block;background:#fff;color:#0b0c0c;font-weight:700;padding:.15rem .5rem;
text-transform:uppercase;letter-spacing:.05em;font-size:.9rem}
main{max-width:40em}
h2,h3,h4,h5,h6{line-height:1.2;margin:2rem 0 1rem}
h2{font-size:1.5rem;margin-top:2.5rem}
@media (min-width:40.0625em){h2{font-size:2.25rem}}
h3{font-size:1.25rem}
@media (min-width:40.0625em){h3{font-size:1.5rem}}
h4,h5,h6{font-size:1.1rem}
.num{margin-right:.25em}
p{margin:0 0 1rem}
.lead{font-weight:700;margin-bottom:.5rem}
.secondary{color:#505a5f}
.contents{border-left:.25rem solid #b1b4b6;padding-left:1rem;margin-bottom:2rem}
.contents h2{margin-top:0;font-size:1.25rem}
.contents ol{list-style:none;padding:0;margin:0}
.contents li{margin:.35rem 0}
.list{padding-left:1.25rem;margin:0 0 1rem}
.list li{margin-bottom:.35rem}
.list .list{margin:.35rem 0 0}
.cards{list-style:none;padding:0;margin:0 0 1rem;display:grid;gap:1rem}
@media (min-width:40.0625em){.cards{grid-template-columns:repeat(auto-fit,minmax(16rem,1fr))}}
.card{border:1px solid #b1b4b6;border-top:.3rem solid #1d70b8;padding:1rem}
.card-highlight{border:.2rem solid #0b0c0c;border-top-width:.5rem;background:#f3f2f1}
.card h3,.card h4,.card h5,.card h6{margin-top:0}
.card-wide{grid-column:1/-1}
.visually-hidden{position:absolute!important;width:1px;height:1px;margin:0;padding:0;overflow:hidden;
clip:rect(0 0 0 0);clip-path:inset(50%);border:0;white-space:nowrap}
.card p:last-child,.card ul:last-child{margin-bottom:0}
.columns{display:grid;gap:1rem;margin-bottom:1rem}
@media (min-width:40.0625em){.columns{grid-template-columns:repeat(auto-fit,minmax(12rem,1fr))}}
.column{border-left:.25rem solid #1d70b8;padding-left:1rem}
.column h3,.column h4,.column h5,.column h6{margin-top:0}
.targets{padding-left:1.75rem;margin:0 0 1rem}
.targets li{margin-bottom:.75rem}
.figure{display:block;font-size:1.75rem;font-weight:700;line-height:1.1}
.org{list-style:none;margin:.5rem 0 0;padding-left:1rem;border-left:.2rem solid #b1b4b6}
.org-top{padding-left:0;border-left:0}
.org li{margin:.5rem 0}
.flow>li{margin-bottom:.75rem}
.table-wrap{overflow-x:auto;margin:0 0 1.5rem;max-width:100%}
table{border-collapse:collapse;width:100%;font-size:.95em}
caption{text-align:left;font-weight:700;font-size:1.1em;padding-bottom:.5rem}
th,td{text-align:left;vertical-align:top;padding:.5rem 1rem .5rem 0;border-bottom:1px solid #b1b4b6;
overflow-wrap:break-word;hyphens:auto}
th[scope=row]{min-width:7.5rem}
thead th{border-bottom-width:2px}
th.numeric,td.numeric{text-align:right;font-variant-numeric:tabular-nums;padding:.5rem 0 .5rem 1rem}
.questions{padding-left:2rem}
.questions li{margin-bottom:.5rem}
footer{border-top:.1rem solid #1d70b8;margin-top:3rem;padding:1.5rem 0 2rem;color:#505a5f}
@media print{.masthead,.skip{display:none}.title-block{background:none;color:#0b0c0c}
.tag{border:1px solid #0b0c0c}a{color:#0b0c0c}}
"""
