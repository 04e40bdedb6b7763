# Two commands do everything on a fresh machine: `make site` and `make test`.
# Each installs what it needs, idempotently.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
TSTAMP  := $(VENV)/.installed-test
SYSSTAMP := $(VENV)/.system-packages
export NO_MKDOCS_2_WARNING := 1

# Debian packages: Pango for WeasyPrint, fonts, poppler (pdftoppm), Ghostscript's CMYK profile,
# Chromium for screenshots and browser tests, Java for the Nu HTML checker. Installed only when missing.
DEBS := libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core poppler-utils libgs-common chromium default-jre-headless

.PHONY: site test venv system check serve bench clean editor edit

$(SYSSTAMP):
	@missing=""; for p in $(DEBS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  else echo "Missing Debian packages:$$missing (run: sudo apt-get install$$missing)"; fi; \
	fi
	@mkdir -p $(VENV) && touch $@

$(BIN)/python:
	$(PY) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e .
	@touch $@

$(TSTAMP): pyproject.toml $(STAMP)
	$(BIN)/pip install -q -e '.[test]'
	@touch $@

venv: $(STAMP) $(SYSSTAMP)

site: $(STAMP) $(SYSSTAMP)
	$(BIN)/cpsites build

# axe-core (accessibility rules) and vnu-jar (the Nu HTML checker) for tests/e2e, pinned by their lock file
AXE := tests/e2e/node_modules/axe-core/axe.min.js
$(AXE): tests/e2e/package.json tests/e2e/package-lock.json
	@if command -v npm >/dev/null; then npm ci --prefix tests/e2e --ignore-scripts --no-audit --no-fund --loglevel=error && touch $@; \
	else echo "npm not found: tests/e2e cannot check accessibility (install Node.js and npm)"; fi

# Decap CMS and decap-server for `cpsites edit`, pinned by their lock file; served from this install
DECAP := cpsites/editor/npm/node_modules/decap-cms/dist/decap-cms.js
$(DECAP): cpsites/editor/npm/package.json cpsites/editor/npm/package-lock.json
	@if command -v npm >/dev/null; then npm ci --prefix cpsites/editor/npm --ignore-scripts --no-audit --no-fund --loglevel=error && touch $@; \
	else echo "npm not found: \`cpsites edit\` needs Node.js and npm (apt-get install nodejs npm)"; fi

test: $(TSTAMP) $(SYSSTAMP) $(AXE) $(DECAP)
	$(BIN)/python -m pytest -q

editor: $(STAMP) $(DECAP)

edit: editor
	$(BIN)/cpsites edit

check: $(STAMP)
	$(BIN)/cpsites check

serve: $(STAMP)
	$(BIN)/cpsites serve

clean:
	rm -rf site .cache
