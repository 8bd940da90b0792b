# Two commands on a fresh machine: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8000
# Links printed by bootstrap and written in e-mails; override for a public address.
export BASE_URL ?= http://$(HOST):$(PORT)
# The settings turn DEBUG off and restrict the accepted host names unless this is a loopback address.
export BIND_HOST = $(HOST)

.PHONY: install run serve test lint test-sqlite test-postgres bench-pages bench-reporting bench-contest search-eval messages clean attack-suite

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP)

## Create the virtualenv, migrate, create the admin, load demo content, serve with the worker.
run: $(STAMP)
	@mkdir -p "$${VAR_DIR:-var}/static"
	$(PY) manage.py migrate --noinput -v0
	$(PY) manage.py bootstrap
	@$(MAKE) --no-print-directory serve

## Serve the site (uvicorn, ASGI) and the background worker together; Ctrl-C stops both.
## If either fails (port taken, crash), the other is stopped too and make fails.
serve:
	@echo "Serving at http://$(HOST):$(PORT)/ (admin: http://$(HOST):$(PORT)/quan-tri/) — Ctrl-C to stop"
	@$(PY) manage.py run_worker & worker=$$!; \
	$(BIN)/uvicorn config.asgi:application --host $(HOST) --port $(PORT) --log-level warning & web=$$!; \
	stop() { trap '' INT TERM; sleep 1; kill -TERM $$web $$worker 2>/dev/null; wait $$web $$worker 2>/dev/null; }; \
	trap 'stop; echo "Stopped."; exit 0' INT TERM; \
	wait -n $$web $$worker; status=$$?; stop; \
	case $$status in 0|130|143) echo "Stopped."; exit 0;; esac; \
	echo "The web server or the worker stopped unexpectedly (exit $$status); the other was stopped too." >&2; \
	exit $$status

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

## Render time, SQL queries and first-visit weight of the public pages (seeded database), as JSON.
bench-pages: $(STAMP)
	$(PY) manage.py bench_pages

## Legal pages: the biggest document (Bộ luật Dân sự in the demo), /van-ban/ and a list; warm median/p95 ms, SQL queries.
bench-legal-pages: $(STAMP)
	$(PY) manage.py bench_legal_pages

## Reporting: roll-up and XLSX export of 3,321 communes × 30 indicators × 4 periods (rolled back), as JSON.
bench-reporting: $(STAMP)
	$(PY) manage.py reporting_bench --communes 3321 --indicators 30 --periods 4

## Contest last-hour rush against uvicorn (2 workers, production settings) on PostgreSQL database
## pbgdpl_bench (BENCH_DB=sqlite for the embedded default); BENCH_USERS, BENCH_CONCURRENCY; JSON report.
bench-contest: $(STAMP)
	$(PY) bench/contest/run.py

## Security attack suite with many more generated inputs (ATTACK_EXAMPLES per property); prints the counts.
attack-suite: $(STAMP)
	ATTACK_EXAMPLES=$${ATTACK_EXAMPLES:-500} $(BIN)/pytest pbgdpl/security_tests/test_attack_inputs.py -s -p no:logging

clean:
	rm -rf var/test-media var/test-search
