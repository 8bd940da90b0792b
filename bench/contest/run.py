#!/usr/bin/env python
"""Last-hour rush of an online contest, against the production-like server.

Starts the serving command (``gunicorn -c config/gunicorn.py``, 2 uvicorn workers, config.settings.production,
a throwaway SECRET_KEY) on a dedicated
database (PostgreSQL ``pbgdpl_bench``, created and migrated here, or a SQLite file), creates an
open round and N contestants (``manage.py quiz_bench_setup``), then drives it with asyncio + httpx:

1. logins: a sample of contestants log in with their password (PBKDF2 makes this CPU-bound);
2. preparation: every contestant opens the round, starts an attempt, loads the questions and
   autosaves a few answers (htmx POST per answer);
3. the rush: every contestant submits (the form carries all 20 answers and the prediction),
   ``--concurrency`` at a time; sustained submissions/s = submissions / wall time of the wave.

Afterwards ``manage.py quiz_bench_verify`` checks that the database holds exactly one scored
attempt per submission the client saw succeed (none lost, none duplicated, every answer stored).
Prints one JSON report. Usage: ``python bench/contest/run.py --db postgres --users 2000``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import secrets
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))
TOKEN_RE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
CHOICE_RE = re.compile(r'name="q(\d+)" value="(\d+)"')


def percentiles(values: list[float]) -> dict:
    if not values:
        return {}
    ordered = sorted(values)
    q = statistics.quantiles(ordered, n=100, method="inclusive") if len(ordered) > 1 else [ordered[0]] * 99
    return {"n": len(values), "p50_ms": round(q[49] * 1000, 1), "p95_ms": round(q[94] * 1000, 1),
            "p99_ms": round(q[98] * 1000, 1), "max_ms": round(ordered[-1] * 1000, 1)}


def group_cpu_seconds(pgid: int) -> float:
    """CPU time (user + system) used so far by every process of a process group (the server and its workers)."""
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid:  # field 5 of /proc/<pid>/stat: process group
            total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def manage(env: dict, *args: str, capture: bool = False) -> str:
    result = subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, text=True,
                            capture_output=capture)
    return result.stdout if capture else ""


def prepare_database(db: str, env: dict) -> None:
    if db == "postgres":
        exists = subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-tAc",
                                 "select 1 from pg_database where datname='pbgdpl_bench'"],
                                capture_output=True, text=True, check=True).stdout.strip()
        if not exists:
            subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-c", "create database pbgdpl_bench"],
                           check=True, capture_output=True)
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "collectstatic", "--noinput", "-v0")


class Cookies:
    """A tiny cookie jar: production cookies are Secure, and this test talks plain HTTP to 127.0.0.1."""

    def __init__(self, **initial: str):
        self.values = dict(initial)

    def update(self, response: httpx.Response) -> None:
        for header in response.headers.get_list("set-cookie"):
            name, _, rest = header.partition("=")
            self.values[name.strip()] = rest.split(";", 1)[0]

    def header(self) -> dict:
        return {"Cookie": "; ".join(f"{k}={v}" for k, v in self.values.items())}


class Bench:
    def __init__(self, client: httpx.AsyncClient, setup: dict, autosaves: int):
        self.client, self.setup, self.autosaves = client, setup, autosaves
        self.latency: dict[str, list[float]] = {}
        self.errors: dict[str, int] = {}
        self.submitted: dict[str, int] = {}

    async def request(self, kind: str, method: str, url: str, jar: Cookies, **kwargs) -> httpx.Response | None:
        started = time.perf_counter()
        try:
            response = await self.client.request(method, url, headers={**jar.header(), **kwargs.pop("headers", {})},
                                                 **kwargs)
        except httpx.HTTPError as exc:
            self.errors[f"{kind}: {type(exc).__name__}"] = self.errors.get(f"{kind}: {type(exc).__name__}", 0) + 1
            return None
        self.latency.setdefault(kind, []).append(time.perf_counter() - started)
        jar.update(response)
        if response.status_code >= 400:
            self.errors[f"{kind}: HTTP {response.status_code}"] = self.errors.get(f"{kind}: HTTP {response.status_code}", 0) + 1
            return None
        return response

    async def login(self, person: dict) -> bool:
        jar = Cookies()
        page = await self.request("login page", "GET", "/cuoc-thi/dang-nhap/", jar)
        if page is None:
            return False
        token = TOKEN_RE.search(page.text).group(1)
        done = await self.request("login", "POST", "/cuoc-thi/dang-nhap/", jar,
                                  data={"csrfmiddlewaretoken": token, "phone": person["phone"],
                                        "password": self.setup["password"]})
        return done is not None and done.status_code == 302 and self.setup["cookie"] in jar.values

    async def prepare(self, person: dict) -> dict | None:
        jar = Cookies(**{self.setup["cookie"]: person["cookie"]})
        round_url = f"/cuoc-thi/{self.setup['slug']}/dot-{self.setup['number']}/"
        page = await self.request("round page", "GET", round_url, jar)
        if page is None:
            return None
        token = TOKEN_RE.search(page.text).group(1)
        started = await self.request("start", "POST", round_url + "bat-dau/", jar, data={"csrfmiddlewaretoken": token})
        if started is None or started.status_code != 302:
            return None
        take_url = started.headers["location"]
        take = await self.request("question page", "GET", take_url, jar)
        if take is None:
            return None
        options: dict[str, list[str]] = {}
        for qid, cid in CHOICE_RE.findall(take.text):
            options.setdefault(qid, []).append(cid)
        answers = {qid: random.choice(cids) for qid, cids in options.items()}
        for qid in list(answers)[: self.autosaves]:
            await self.request("autosave", "POST", take_url + "luu/", jar, headers={"X-CSRFToken": token, "HX-Request": "true"},
                               data={"question": qid, f"q{qid}": answers[qid]})
        return {"jar": jar, "url": take_url, "token": token, "answers": answers}

    async def submit(self, state: dict) -> None:
        # confirm=1 as quiz.js sends it once it has checked that nothing is left blank.
        data = {"csrfmiddlewaretoken": state["token"], "prediction": str(random.randint(0, 50)), "confirm": "1"}
        data.update({f"q{qid}": cid for qid, cid in state["answers"].items()})
        done = await self.request("submit", "POST", state["url"] + "nop-bai/", state["jar"], data=data)
        if done is not None and done.status_code == 302 and "/ket-qua/" in done.headers.get("location", ""):
            self.submitted[state["url"].rstrip("/").rsplit("/", 1)[-1]] = len(state["answers"])
        elif done is not None:
            self.errors["submit: not accepted"] = self.errors.get("submit: not accepted", 0) + 1


async def bounded(concurrency: int, items, func):
    semaphore = asyncio.Semaphore(concurrency)

    async def one(item):
        async with semaphore:
            return await func(item)

    return await asyncio.gather(*(one(item) for item in items))


async def scenario(base_url: str, setup: dict, args, server_pgid: int) -> dict:
    limits = httpx.Limits(max_connections=args.concurrency, max_keepalive_connections=args.concurrency)
    async with httpx.AsyncClient(base_url=base_url, limits=limits, timeout=60, follow_redirects=False) as client:
        bench = Bench(client, setup, args.autosaves)
        people = setup["contestants"]
        t0 = time.perf_counter()
        logged = await bounded(min(args.concurrency, 16), people[: args.logins], bench.login)
        login_wall = time.perf_counter() - t0
        t0 = time.perf_counter()
        states = [s for s in await bounded(args.concurrency, people, bench.prepare) if s]
        prepare_wall = time.perf_counter() - t0
        t0, cpu0, client0 = time.perf_counter(), group_cpu_seconds(server_pgid), time.process_time()
        await bounded(args.concurrency, states, bench.submit)
        rush_wall = time.perf_counter() - t0
        rush_server_cpu = group_cpu_seconds(server_pgid) - cpu0
        rush_client_cpu = time.process_time() - client0
    return {
        "logins": {"ok": sum(logged), "wall_s": round(login_wall, 2),
                   "per_s": round(sum(logged) / login_wall, 1) if login_wall else None},
        "preparation": {"attempts_started": len(states), "wall_s": round(prepare_wall, 2),
                        "requests_per_s": round(sum(len(bench.latency.get(k, [])) for k in
                                                    ("round page", "start", "question page", "autosave"))
                                                / prepare_wall, 1)},
        "rush": {"submissions_ok": len(bench.submitted), "wall_s": round(rush_wall, 2),
                 "submissions_per_s": round(len(bench.submitted) / rush_wall, 1) if rush_wall else None,
                 # Machine-independent capacity: web-server CPU per submission (PostgreSQL not included).
                 "server_cpu_ms_per_submission": round(1000 * rush_server_cpu / max(1, len(bench.submitted)), 2),
                 "client_cpu_ms_per_submission": round(1000 * rush_client_cpu / max(1, len(bench.submitted)), 2),
                 "load_average_1min_after": round(os.getloadavg()[0], 2)},
        "latency": {kind: percentiles(values) for kind, values in bench.latency.items()},
        "errors": bench.errors,
        "submitted": bench.submitted,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", choices=["postgres", "sqlite"], default=os.environ.get("BENCH_DB", "postgres"))
    parser.add_argument("--users", type=int, default=int(os.environ.get("BENCH_USERS", "1000")))
    parser.add_argument("--concurrency", type=int, default=int(os.environ.get("BENCH_CONCURRENCY", "16")))
    parser.add_argument("--logins", type=int, default=int(os.environ.get("BENCH_LOGINS", "16")))
    parser.add_argument("--autosaves", type=int, default=3, help="answers autosaved one by one before submitting")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--port", type=int, default=int(os.environ.get("BENCH_PORT", "8799")))
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="pbgdpl-bench-contest-"))
    env = os.environ.copy()
    env.update({
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(48),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "STATIC_ROOT": str(Path(tempfile.gettempdir()) / "pbgdpl-bench-static"),
        "VAR_DIR": str(work),
        "LOG_LEVEL": "WARNING",
        "QUIZ_LOGIN_FAILURES_PER_CLIENT": "100000",
        "DATABASE_URL": ("postgres://postgres@127.0.0.1:5432/pbgdpl_bench" if args.db == "postgres"
                         else f"sqlite:///{work / 'bench.sqlite3'}"),
    })
    prepare_database(args.db, env)
    setup_file = work / "setup.json"
    print(manage(env, "quiz_bench_setup", "--contestants", str(args.users), "--output", str(setup_file), capture=True),
          file=sys.stderr, end="")
    setup = json.loads(setup_file.read_text())

    # The documented serving command (config/gunicorn.py); contestants' connections stay open between
    # their requests as a browser's do.
    server = subprocess.Popen(
        [GUNICORN, "-c", "config/gunicorn.py", "--bind", f"127.0.0.1:{args.port}", "--workers", str(args.workers),
         "--keep-alive", "75"],
        cwd=ROOT, env=env, start_new_session=True,
    )
    base_url = f"http://127.0.0.1:{args.port}"
    try:
        for _ in range(120):
            try:
                if httpx.get(base_url + "/healthz", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.5)
        else:
            print("The server did not start.", file=sys.stderr)
            return 1
        result = asyncio.run(scenario(base_url, setup, args, server.pid))
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)

    submitted_file = work / "submitted.json"
    submitted_file.write_text(json.dumps(result.pop("submitted")))
    check = subprocess.run([PYTHON, "manage.py", "quiz_bench_verify", str(submitted_file)], cwd=ROOT, env=env,
                           text=True, capture_output=True)
    result["verification"] = json.loads(check.stdout) if check.stdout.strip() else {"error": check.stderr[-500:]}
    result["verification"]["ok"] = check.returncode == 0
    result["setup"] = {"db": args.db, "users": args.users, "concurrency": args.concurrency, "workers": args.workers,
                       "autosaves_per_user": args.autosaves, "questions_per_attempt": 20}
    print(json.dumps(result, ensure_ascii=False, indent=2))
    return 0 if check.returncode == 0 and not result["errors"] else 1


if __name__ == "__main__":
    sys.exit(main())
