#!/usr/bin/env bash
# Rebuild docs/html/*.png: the HTML edition of the bundled project in headless Chromium, at
# 1280 px and at 320 px (400% zoom), the top of the page and the timeline section; then the
# evidence example's charts (SVG, source and data table), each on its own.
# Needs Chromium and the npm packages of 'make test-deps'.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$PY" -m neslis_desktop build -o "$out" --only doc --html -q >/dev/null
mkdir -p docs/html
NODE_PATH=tests/.npm/node_modules node tests/render/html/browser_check.js \
  "$out/north-east-lis-draft.html" docs/html progress > "$out/result.json"
"$PY" -m neslis_desktop build content/evidence-example -o "$out" --only doc --html -q >/dev/null
mkdir -p "$out/evidence"
NODE_PATH=tests/.npm/node_modules node tests/render/html/browser_check.js \
  "$out/evidence-example-draft.html" "$out/evidence" > "$out/evidence.json"
cp "$out"/evidence/html-*-chart-*.png docs/html/
"$PY" -c "import json,sys; d=json.load(open(sys.argv[1])); v=[w['axe']['violations'] for w in d['widths'].values()]; print('axe violations:', sum(map(len, v)), '; requests:', len(d['requests']))" "$out/result.json"
"$PY" -c "import json,sys; d=json.load(open(sys.argv[1])); v=[w['axe']['violations'] for w in d['widths'].values()]; print('evidence example: axe violations:', sum(map(len, v)), '; requests:', len(d['requests']))" "$out/evidence.json"
ls docs/html
