# Set-up and everyday commands. `make site` builds the example site, `make test` runs every test.
# Both create the virtual environment and install what they need on first use.

VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: site serve test fuzz check lint schema snapshots setup setup-test bench clean

site: $(VENV)/.installed
	$(BIN)/consult check
	$(BIN)/mkdocs build

serve: $(VENV)/.installed
	$(BIN)/mkdocs serve --dirty

check: $(VENV)/.installed
	$(BIN)/consult check

# The whole suite on all cores with pytest-xdist: one worker per core (`auto`), each test file on
# one worker, so a file's built sites and browser are made once. PYTEST_JOBS=0 runs it serially.
PYTEST_JOBS ?= auto
test: setup-test
	$(BIN)/python -m pytest -n $(PYTEST_JOBS) --dist loadfile

# The fuzz tests with many more examples than `make test` runs (FUZZ_EXAMPLES per test).
fuzz: $(VENV)/.installed-test
	FUZZ_EXAMPLES=$${FUZZ_EXAMPLES:-3000} $(BIN)/python -m pytest -q tests/test_fuzz.py

# Performance figures (several minutes; run on a quiet machine): build times and memory against a
# bare mkdocs-material build at N = 100, 1,000 and 5,000 with the blog plugin at 2,000, the
# 10,000-consultation budgets for reading and feeds, and how long the preview takes to show an edit.
bench: $(VENV)/.installed
	$(BIN)/python benchmarks/bench.py -n 100 -n 1000 -n 5000
	$(BIN)/python benchmarks/bench.py -n 2000 --runs 1 --blog --no-stages
	$(BIN)/python benchmarks/scale.py
	$(BIN)/python benchmarks/preview.py

# Rewrite the reviewed expectations (calendar UIDs and SEQUENCEs, feed and message golden files)
# from what the code produces now; `git diff tests/` is then what a reviewer reads.
snapshots: $(VENV)/.installed-test
	UPDATE_SNAPSHOTS=1 UPDATE_GOLDEN=1 $(BIN)/python -m pytest -q tests/test_ical_site.py tests/test_rss.py tests/test_bad_input.py

# The JSON Schema editors' tools read (schema/campaign.schema.json); regenerate after changing generator/source/model.py.
schema: $(VENV)/.installed
	$(BIN)/consult schema > schema/campaign.schema.json

lint: $(VENV)/.installed-test
	$(BIN)/ruff check generator tests
	$(BIN)/mypy

setup: $(VENV)/.installed

setup-test: $(VENV)/.installed-test
	bash scripts/setup-test-tools

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

clean:
	rm -rf site $(VENV) tests/js/node_modules .pytest_cache
