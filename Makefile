# Two commands matter: `make run` and `make test`. Both set everything up first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run test lint bench eval validate clean

install: $(STAMP)

# Reinstall only when pyproject.toml changes, so a second `make install` is instant. The postgres
# extra (psycopg) lets the tests run on PostgreSQL too when TEST_POSTGRES_URL is set.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,postgres]'
	touch $(STAMP)

run: install
	$(BIN)/python -m bot

lint: install
	$(BIN)/ruff check bot bench tests
	$(BIN)/mypy bot bench

test: lint
	$(BIN)/python -m pytest

validate: install
	$(BIN)/python -m bot knowledge validate

eval: install
	$(BIN)/python -m bot eval --quiet --breakdown
	$(BIN)/python -m bot eval --quiet --breakdown --knowledge tests/fixtures/vn-th/knowledge tests/fixtures/vn-th/questions.yaml

bench: install
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
