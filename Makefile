# Two commands do all set-up on a fresh machine: `make serve` and `make test`.
# Everything is installed into .venv and node_modules; Chromium (for the browser tests)
# comes from Debian's package when it is missing.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: setup serve build check test test-fast bench bench-large schemas digest clean

$(STAMP): requirements.txt requirements-dev.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r requirements-dev.txt
	$(PY) -m pip install -q --no-deps -e .
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Debian's Chromium for the browser tests (CHROMIUM_PATH names another one); where apt-get cannot
# run, the browser tests are skipped and say why.
CHROMIUM_PATH ?= /usr/bin/chromium
chromium:
	@test -x "$(CHROMIUM_PATH)" || { (apt-get update -q && apt-get install -y -q chromium) >/dev/null 2>&1 \
	  || echo "note: could not install Debian's chromium; browser tests will be skipped"; }

setup: $(STAMP) node_modules/.installed

# Served at the root, with absolute links (feeds, calendars, canonical) to this local copy.
# Only the languages in LANGS are built on each save (English alone unless told: LANGS=en,sv or
# LANGS=all), so an edit shows in about a second (hub/mkdocs/preview.py).
LANGS ?= en
serve: $(STAMP)
	@echo "Previewing: $(LANGS) (the default language is always built). Others: LANGS=en,sv make serve, or LANGS=all."
	HUB_LANGS=$(LANGS) SITE_URL=$${SITE_URL:-http://127.0.0.1:8000/} $(VENV)/bin/mkdocs serve --livereload

# `mkdocs build --strict` on every core: the languages in parallel processes (JOBS=N to choose;
# JOBS=1 is plain `mkdocs build --strict`, which also works on its own). hub/mkdocs/parallel.py.
build: $(STAMP)
	$(PY) -m hub.mkdocs.parallel$(if $(JOBS), --jobs $(JOBS))

check: $(STAMP)
	$(PY) -m hub check

# A newsletter digest: `make digest SINCE=2021-01-01 LANG=sv` (add HTML=1 for e-mail tools).
# LANG counts only when given here: the shell's own LANG is a locale such as en_GB.UTF-8.
DIGEST_LANG = $(if $(filter command line,$(origin LANG)),$(LANG),en)
digest: $(STAMP)
	@test -n "$(SINCE)" || { echo "usage: make digest SINCE=YYYY-MM-DD [LANG=sv] [HTML=1]" >&2; exit 2; }
	PYTHONUTF8=1 $(PY) -m hub digest --since $(SINCE) --lang $(DIGEST_LANG)$(if $(HTML), --html)

# JSON Schemas for editors, generated from hub/model/records.py (commit the result).
schemas: $(STAMP)
	$(PY) -m hub schemas

test: setup chromium
	$(PY) -m pytest -q -n 2

bench: $(STAMP)
	$(PY) bench/run.py

bench-large: $(STAMP)
	$(PY) bench/run.py --large

clean:
	rm -rf site .pytest_cache

# Lighthouse (npm, pinned) with Debian's Chromium on home, a listing, an event and a statement, in
# English and Swedish, phone and desktop: prints the scores; fails unless accessibility, best practices
# and SEO are 100 (performance is printed only). Audits the site `make build` wrote.
.PHONY: audit
audit: setup chromium
	@test -f site/index.html || $(VENV)/bin/mkdocs build --strict -q
	$(PY) tools/audit.py site
