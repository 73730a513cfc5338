#!/usr/bin/env bash
# Rebuild the pictures in docs/: deck contact sheets through the bundled template, Pandoc's
# reference.pptx and LibreOffice's Vivid template, and the draft's page images (bundled
# template and Pandoc's reference.docx). Needs soffice, pdftoppm and pandoc (make test-deps).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export FONTCONFIG_FILE="$PWD/tools/fonts.conf"
soffice_pdf() {  # soffice_pdf FILE OUTDIR: FILE as PDF in OUTDIR, with a private profile
  soffice "-env:UserInstallation=file://$work/lo-profile" --headless --convert-to pdf --outdir "$2" "$1" >/dev/null 2>&1
}

pandoc -o "$work/reference.pptx" --print-default-data-file reference.pptx
pandoc -o "$work/reference.docx" --print-default-data-file reference.docx
soffice "-env:UserInstallation=file://$work/lo-profile" --headless --convert-to pptx --outdir "$work" \
  /usr/lib/libreoffice/share/template/common/presnt/Vivid.otp >/dev/null 2>&1

deck() {  # deck NAME TITLE [--deck-template T]
  local name=$1 title=$2; shift 2
  mkdir -p "$work/$name"
  .venv/bin/neslis build -q --only deck -o "$work/$name" "$@" >/dev/null
  soffice_pdf "$work/$name/north-east-lis-deck.pptx" "$work/$name"
  pdftoppm -png -r 48 "$work/$name/north-east-lis-deck.pdf" "$work/$name/page"
  $PY tools/contact_sheet.py "docs/deck/$name.png" "$work/$name"/page-*.png --columns 5 --width 320 --title "$title"
}
deck contact-sheet "North East LIS deck - bundled template (neslis-deck.pptx)"
deck contact-sheet-pandoc "North East LIS deck - Pandoc's reference.pptx" --deck-template "$work/reference.pptx"
deck contact-sheet-libreoffice "North East LIS deck - LibreOffice Vivid template" --deck-template "$work/Vivid.pptx"
# Foreign templates of other kinds (the inspector's corpus, docs/deck/inspector.md): dark,
# 4:3, non-English layout names, a Keynote-style export, a title mid-slide, a stress project.
soffice "-env:UserInstallation=file://$work/lo-profile" --headless --convert-to pptx --outdir "$work" \
  /usr/lib/libreoffice/share/template/common/presnt/Midnightblue.otp \
  /usr/lib/libreoffice/share/template/common/presnt/Candy.otp >/dev/null 2>&1
$PY - "$work" <<'PYEOF'
import sys
from pathlib import Path
sys.path.insert(0, "tests/render/deck")
from corpus import mutate
from pptx import Presentation
work = Path(sys.argv[1])
Presentation().save(str(work / "python-pptx.pptx"))
mutate(work / "reference.pptx", "german-names", work / "german.pptx")
keynote = mutate(work / "reference.pptx", "keynote-names", work / "keynote-names.pptx")
mutate(keynote, "tiny-body", work / "keynote.pptx")
mutate(work / "python-pptx.pptx", "dark", work / "dark-4x3.pptx")
PYEOF
deck contact-sheet-dark "North East LIS deck - LibreOffice Midnightblue (dark)" --deck-template "$work/Midnightblue.pptx"
deck contact-sheet-4x3-dark "North East LIS deck - python-pptx default, 4:3, made dark" --deck-template "$work/dark-4x3.pptx"
deck contact-sheet-german "North East LIS deck - Pandoc's reference, German layout names" --deck-template "$work/german.pptx"
deck contact-sheet-keynote "North East LIS deck - Keynote-style names, 2% body box" --deck-template "$work/keynote.pptx"
deck contact-sheet-candy "North East LIS deck - LibreOffice Candy (small, moved title boxes)" --deck-template "$work/Candy.pptx"
mkdir -p "$work/stress"
.venv/bin/neslis build -q --only deck -o "$work/stress" tests/render/deck/data/stress-lis >/dev/null
soffice_pdf "$work/stress/riverside-lis-deck.pptx" "$work/stress"
pdftoppm -png -r 48 "$work/stress/riverside-lis-deck.pdf" "$work/stress/page"
$PY tools/contact_sheet.py docs/deck/contact-sheet-stress.png "$work/stress"/page-*.png --columns 5 --width 320 \
  --title "Stress project (tests/render/deck/data/stress-lis) - bundled template"
[ "${DECK_ONLY:-}" = 1 ] && exit 0

draft() {  # draft PREFIX PAGES [--doc-template T]
  local prefix=$1 pages=$2; shift 2
  mkdir -p "$work/draft-$prefix"
  .venv/bin/neslis build -q --only doc -o "$work/draft-$prefix" "$@" >/dev/null
  soffice_pdf "$work/draft-$prefix/north-east-lis-draft.docx" "$work/draft-$prefix"
  pdftoppm -png -r 60 -l "$pages" "$work/draft-$prefix/north-east-lis-draft.pdf" "$work/draft-$prefix/p"
  local i=1
  for f in "$work/draft-$prefix"/p-*.png; do
    cp "$f" "docs/draft/${prefix}page-$(printf %02d $i).png"; i=$((i + 1))
  done
}
rm -f docs/draft/*.png
draft "" 99
draft pandoc- 3 --doc-template "$work/reference.docx"
ls -la docs/deck docs/draft
