#!/usr/bin/env bash
# Rebuild docs/evidence/: the evidence example's deck (contact sheet and the chart, table and
# picture slides) and its draft's pages with charts, data tables, tables and the picture,
# rendered by LibreOffice. Needs soffice and pdftoppm (make test-deps).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export FONTCONFIG_FILE="$PWD/tools/fonts.conf"
mkdir -p docs/evidence
$PY -m neslis_desktop build -q content/evidence-example -o "$work" >/dev/null
for f in "$work"/evidence-example-deck.pptx "$work"/evidence-example-draft.docx; do
  soffice "-env:UserInstallation=file://$work/lo-profile" --headless --convert-to pdf --outdir "$work" "$f" >/dev/null 2>&1
done
pdftoppm -png -r 48 "$work/evidence-example-deck.pdf" "$work/deck"
$PY tools/contact_sheet.py docs/evidence/deck-contact-sheet.png "$work"/deck-*.png --columns 4 --width 320 \
  --title "Evidence example deck - bundled template"
pdftoppm -png -r 80 -f 2 -l 7 "$work/evidence-example-deck.pdf" docs/evidence/deck-slide
pdftoppm -png -r 60 -f 3 -l 7 "$work/evidence-example-draft.pdf" docs/evidence/draft-page
