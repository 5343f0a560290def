# Two commands for a fresh machine: `make serve` and `make test`. Each sets up
# what it needs first (idempotently): .venv, node_modules and Debian's chromium.

VENV := .venv
PY := $(VENV)/bin/python
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve test build bench install chromium clean

serve: install
	$(VENV)/bin/mkdocs serve --dev-addr 127.0.0.1:8000

test: install chromium
	$(PY) -m pytest

build: install
	$(VENV)/bin/mkdocs build --strict

bench: install chromium
	$(PY) bench/widget_startup.py

install: $(VENV)/.installed node_modules/.installed

$(VENV)/.installed: pyproject.toml constraints.txt
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check pip==26.3
	$(VENV)/bin/pip install --quiet -c constraints.txt -e . --group dev
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# Playwright's own browser download cannot work here: the tests drive Debian's chromium.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
		$(SUDO) apt-get update -qq && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

clean:
	rm -rf site .pytest_cache
