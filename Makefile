# Two commands for a fresh machine: `make serve` and `make test`. Each sets up
# what it needs first (idempotently): .venv, node_modules and Debian's chromium.

VENV := .venv
PY := $(VENV)/bin/python
SITE_DIR ?= site
ZIP ?= hjemmearbejde-site.zip
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve test build zip bench install chromium clean

serve: install
	$(VENV)/bin/mkdocs serve --dev-addr 127.0.0.1:8000

test: install chromium
	$(PY) -m pytest

build: install
	$(VENV)/bin/mkdocs build --strict --site-dir $(SITE_DIR)

# The built site as one zip, ready to upload to an intranet or any static host. Set SITE_URL (and
# ORGANISATION) as for `make build`.
zip: build
	rm -f $(ZIP)
	cd $(SITE_DIR) && $(abspath $(PY)) -m zipfile -c $(abspath $(ZIP)) *

# Measured as published: brotli at quality 11 (see the README's "Publishing").
bench: install chromium
	BROTLI_QUALITY=$${BROTLI_QUALITY:-11} $(PY) bench/widget_startup.py

install: $(VENV)/.installed node_modules/.installed

$(VENV)/.installed: pyproject.toml constraints.txt
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check pip==26.3
	$(VENV)/bin/pip install --quiet -c constraints.txt -e . --group dev
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# Playwright's own browser download cannot work here: the tests drive Debian's headless Chromium
# (chromium-headless-shell, what Playwright itself runs headless tests in).
chromium:
	@command -v chromium-headless-shell >/dev/null 2>&1 || { \
		$(SUDO) apt-get update -qq && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium-headless-shell >/dev/null; }

clean:
	rm -rf site hjemmearbejde-site.zip .pytest_cache
