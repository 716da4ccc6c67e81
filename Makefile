# Two set-up commands for a fresh machine:
#   make run    create .venv, install nyhetsgraf, ingest the demo corpus into ./nyhetsgraf.db
#   make test   create .venv, install nyhetsgraf with its test extras, run ruff and the test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test install install-test lint model benchmark clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install --quiet .

install-test: $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'

run: install
	$(BIN)/nyhetsgraf ingest examples/demo --db nyhetsgraf.db
	$(BIN)/nyhetsgraf articles --db nyhetsgraf.db --limit 10

lint: install-test
	$(BIN)/ruff check src tests benchmarks training
	$(BIN)/lint-imports

test: lint
	$(BIN)/python -m pytest -q

model: $(BIN)/python
	$(BIN)/pip install --quiet -e '.[train]'
	$(BIN)/nyhetsgraf train --lang nb
	$(BIN)/nyhetsgraf train --lang nn

benchmark: install
	$(BIN)/python benchmarks/ingest.py
	$(BIN)/python benchmarks/nlp_speed.py
	$(BIN)/python benchmarks/extract_speed.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info nyhetsgraf.db nyhetsgraf.db-wal nyhetsgraf.db-shm
