# NESLIS Desktop: set up, build the bundled pack, test, run, bundle, benchmark.
# Works on a fresh Debian/Ubuntu machine with Python 3.11+; see README.md.

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
OUT ?= out

# Qt's system libraries for the offscreen platform (the first line was enough on bare Debian 12)
# and for a real window under X or Xvfb (the rest).
QT_DEBS := libglib2.0-0 libgl1 libegl1 libxkbcommon0 libfontconfig1 libdbus-1-3 \
	libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 \
	libxcb-xkb1 libxcb-shape0 libxcb-randr0
# What the tests use to look at outputs: LibreOffice renders decks and drafts, Pandoc makes
# a foreign reference template, poppler turns PDFs into pages, Xvfb gives the app a screen,
# Chromium (with axe-core and playwright-core from npm) tests the HTML edition in a real browser.
TEST_DEBS := libreoffice-impress libreoffice-writer poppler-utils fonts-crosextra-carlito fonts-crosextra-caladea \
	fonts-liberation pandoc xvfb xauth chromium
# The browser test's npm packages, installed into a git-ignored folder of the tests.
NPM_DIR := tests/.npm
NPM_PACKAGES := axe-core@4 playwright-core@1

# The folders ruff looks at (mypy's and the import contracts' are set in pyproject.toml).
LINT_DIRS := neslis_desktop tests tools bench templates
PYTEST := QT_QPA_PLATFORM=offscreen $(PY) -m pytest -p no:cacheprovider

# Runs pytest with the arguments given. pytest exits 5 when no test was selected: that is a
# broken checkout in CI, or PYTEST_ARGS naming only slow tests in `make check`; either way it
# fails, with a sentence instead of a bare "Error 5".
define run_pytest
	$(PYTEST) $(1) $(PYTEST_ARGS) || { status=$$?; \
	  [ $$status -ne 5 ] || echo "pytest selected no test: do PYTEST_ARGS name only slow ones? (make check leaves those out)" >&2; \
	  exit $$status; }
endef

.PHONY: help setup pack test check run bundle bench lint schema clean system-deps test-deps

help:
	@echo "make pack    set up and build the bundled pack into $(OUT)/"
	@echo "make test    set up and run every test, headless"
	@echo "make check   the quick loop: lint, then every test but the slow ones"
	@echo "make run     open the desktop app"
	@echo "make bundle  build the PyInstaller one-folder app into dist/"
	@echo "make bench   run the benchmarks and print the figures"
	@echo "make lint    ruff check, ruff format --check, mypy and the import contracts"

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(PY) pyproject.toml
	$(PY) -m pip install --quiet -e '.[test,bundle]'
	touch $@

setup: $(VENV)/.installed system-deps

# Installs Qt's libraries with apt-get when root on Debian/Ubuntu; otherwise says what to run.
system-deps:
	@bash tools/apt-deps.sh $(QT_DEBS)

test-deps:
	@bash tools/apt-deps.sh $(QT_DEBS) $(TEST_DEBS)
	@command -v npm >/dev/null || bash tools/apt-deps.sh npm
	@test -d $(NPM_DIR)/node_modules/axe-core -a -d $(NPM_DIR)/node_modules/playwright-core || \
		{ mkdir -p $(NPM_DIR) && npm install --silent --no-audit --no-fund --prefix $(NPM_DIR) $(NPM_PACKAGES); }

pack: $(VENV)/.installed
	$(VENV)/bin/neslis build -o $(OUT)

test: setup test-deps
	$(call run_pytest,)

# The two-minute loop before a commit: everything CI checks except the slow tests.
check: lint setup test-deps
	$(call run_pytest,-m "not slow")

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check $(LINT_DIRS)
	$(VENV)/bin/ruff format --check $(LINT_DIRS)
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

run: setup
	$(VENV)/bin/neslis-desktop

bundle: setup
	$(VENV)/bin/pyinstaller --noconfirm --clean build.spec

bench: setup test-deps
	$(PY) bench/run.py

schema: $(VENV)/.installed
	$(VENV)/bin/neslis schema > schema/neslis-content.schema.json

clean:
	rm -rf $(OUT) build dist .pytest_cache .mypy_cache .ruff_cache
