# The two commands of the README, with all set-up included.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
CHROMIUM := /usr/bin/chromium

.PHONY: serve site validate check-published test test-py313 lint chromium validators clean bench

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	touch $(STAMP)

# The preview's site is thrown away when serve stops: kept in memory (/dev/shm) where there is
# one, its ~40,000 files are written in half the time a disk may take.
PREVIEW_TMP := $(shell test -d /dev/shm -a -w /dev/shm && echo /dev/shm || echo $${TMPDIR:-/tmp})

# MKDOCS=properdocs previews with ProperDocs, the maintained fork of MkDocs 1.6 (see README).
MKDOCS ?= mkdocs

serve: $(STAMP)
	TMPDIR=$(PREVIEW_TMP) $(BIN)/$(MKDOCS) serve --dirty --dev-addr 127.0.0.1:8000

SITE_URL ?=

site: $(STAMP)
	$(BIN)/arkiv build --protocols protocols --site site $(if $(SITE_URL),--site-url $(SITE_URL))

validate: $(STAMP)
	$(BIN)/arkiv validate

# The hosted CI's check against what is live (SITE_URL/data/publicerad-version.txt, written by
# the CI templates beside the site): no published protocol removed or silently changed.
check-published: $(STAMP)
	$(BIN)/arkiv check-published --site-url "$(SITE_URL)"

# Browser tests use Debian's Chromium; never a downloaded browser build.
chromium:
	@test -x $(CHROMIUM) || { \
	  echo "Installerar Debians chromium (krävs för webbläsartesterna)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

# The reference validators the tests run (ical.js, the Nu HTML Checker, Lighthouse): pinned npm
# packages, with Node.js and Java from Debian where the machine has none; Lighthouse drives
# Debian's Chromium (CHROME_PATH), never a downloaded one (--ignore-scripts). package.json's
# "overrides" hold two packages Lighthouse's trace engine asks for at "latest", which npm ci would
# otherwise resolve anew and find out of step with the lock.
VALIDATORS := tests/validators
validators: $(VALIDATORS)/node_modules/.installed

$(VALIDATORS)/node_modules/.installed: $(VALIDATORS)/package-lock.json
	@command -v npm >/dev/null && command -v java >/dev/null || { \
	  echo "Installerar Debians nodejs, npm och java (krävs för validerarna)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm default-jre-headless >/dev/null; }
	cd $(VALIDATORS) && npm ci --silent --no-audit --no-fund --ignore-scripts
	touch $@

test: $(STAMP) chromium validators
	$(BIN)/pytest

# The whole suite on Python 3.13, in an environment of its own (the code runs on 3.11 and later).
PYTHON313 ?= $(shell ls -d $(HOME)/.pyenv/versions/3.13*/bin/python3.13 2>/dev/null | tail -n 1 | grep . || command -v python3.13)

test-py313:
	@test -n "$(PYTHON313)" || { echo "python3.13 finns inte på den här datorn"; exit 1; }
	$(MAKE) test PYTHON=$(PYTHON313) VENV=.venv-3.13

lint: $(STAMP)
	$(BIN)/ruff check generator tests
	$(BIN)/mypy

clean:
	rm -rf $(VENV) .venv-3.13 site .pytest_cache .mypy_cache .ruff_cache $(VALIDATORS)/node_modules

# Build benchmark on the synthetic archive (small, medium, full); prints figures, not a test.
bench: $(STAMP)
	$(BIN)/python benchmarks/build.py
	$(BIN)/python benchmarks/search.py full
