# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run serve test lint test-sqlite test-postgres bench-pages search-eval messages clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP)

## Create the virtualenv, migrate, create the admin, load demo content, serve with the worker.
run: $(STAMP)
	@mkdir -p var
	$(PY) manage.py migrate --noinput -v0
	$(PY) manage.py bootstrap
	@$(MAKE) --no-print-directory serve

## Serve the site (uvicorn, ASGI) and the background worker together; Ctrl-C stops both.
serve:
	@echo "Serving at http://$(HOST):$(PORT)/ (admin: http://$(HOST):$(PORT)/quan-tri/) — Ctrl-C to stop"
	@trap 'kill 0' INT TERM; \
	$(PY) manage.py run_worker & \
	$(BIN)/uvicorn config.asgi:application --host $(HOST) --port $(PORT) --log-level warning & \
	wait

lint: $(STAMP)
	$(BIN)/ruff check .

test-sqlite: $(STAMP)
	env -u DATABASE_URL $(BIN)/pytest

test-postgres: $(STAMP)
	@case "$$DATABASE_URL" in \
	  postgres*) $(BIN)/pytest ;; \
	  *) echo "DATABASE_URL does not point at PostgreSQL: the PostgreSQL run is skipped." ;; \
	esac

## ruff, then the suite on SQLite, then on PostgreSQL when DATABASE_URL points at one.
test: lint test-sqlite test-postgres

## Merge Wagtail's msgids into locale/vi (after a Wagtail upgrade), compile the .mo files, report coverage.
messages: $(STAMP)
	$(PY) manage.py i18n_coverage --sync --compile

clean:
	rm -rf var/test-media var/test-search
