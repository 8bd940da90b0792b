#!/usr/bin/env python
"""``make bench-web``: the public pages against the machine's own ceiling, as one JSON object.

1. Prepares a production-like installation on loopback: PostgreSQL database ``pbgdpl_benchweb``
   (created, migrated, demo data loaded once), Redis (``BENCH_REDIS_URL``, default DB 2),
   ``config.settings.production``, static files collected, search index built.
2. Serves a bare ASGI hello-world (``bench/web/hello.py``) with the same server and worker count
   as the portal: the ceiling of this machine for this stack, measured in the same run.
3. Serves the portal the documented way (gunicorn -c config/gunicorn.py, ``WEB_CONCURRENCY`` workers), once with the page cache on
   (warm: each page requested once before measuring), once with it off (``PAGE_CACHE=0``: every request
   renders, reusing the cached parts of pages, as staff and visitors with a session get it) and once
   with nothing cached (``FRAGMENT_CACHE=0`` too: the cost of a render from scratch).
   A fourth mode, ``behind_nginx``, is the documented production set-up: Debian's nginx in front of
   the same portal (``bench/cluster/nginx.conf.template``, as in docs/operations.md), answering
   strangers' pages from its own copy of the page cache (each page compressed once by the
   application), logging those answers, which ``count_frontend_hits`` then counts as visits (timed).
4. Measures each page with wrk (2 threads, 32 connections by default): home, a news article,
   the Bộ luật Dân sự page, a filtered document list, 20 different searches, a Q&A page, /healthz.

Prints ``{"ceiling": {...}, "cached": {page: {...}}, "uncached": {...}, "from_scratch": {...},
"behind_nginx": {...}, "setup": {...}}``
plus ``"ceilings_same_size"``: the same hello-world app answering with the response of the cached home
page and of the civil code (their ~19 security and caching headers and as many body bytes), since the
server's own work grows with both, and ``"ceilings_nginx_static_same_size"``: nginx serving files of
those sizes with those headers, the most its front could do; cached and nginx-fronted pages also get
``fraction_of_same_size_ceiling`` against the nearer size. Requests carry a phone browser's
User-Agent, so visit counting is part of the work measured. Each
page has rps, p50/p95/p99/max in ms, errors and ``fraction_of_ceiling``. Absolute numbers depend on
what else the machine is doing; the fractions are the robust figures.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))
from bench.cluster.nginx import write_conf  # noqa: E402

PYTHON = sys.executable
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))
DB_NAME = "pbgdpl_benchweb"
# A phone's browser: real visits carry one, and the portal counts them (a request without one is
# taken for a script and not counted, which would leave that work out of the figures).
USER_AGENT = "Mozilla/5.0 (Linux; Android 13; SM-A135F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36"
# The pages whose responses a hello-world app (and, behind nginx, nginx itself serving a static
# file) repeats byte for byte: the smallest page, the code's first page and the largest response
# (the whole code on one page). A page is compared with the nearest of them, since the cost of an
# answer grows with its bytes whatever produced it.
SIZED_PAGES = ("home", "civil_code_689_articles", "civil_code_whole_text")

# Twenty searches a citizen might type (with and without diacritics, numbers, article references).
SEARCHES = [
    "ly hon", "chia tài sản khi ly hôn", "thừa kế theo pháp luật", "lai suat cho vay", "hợp đồng lao động",
    "nghỉ thai sản", "điều 651 bộ luật dân sự", "91/2015/QH13", "đất đai", "tranh chấp đất",
    "bạo lực gia đình", "hòa giải ở cơ sở", "dang ky ket hon", "nuôi con sau ly hôn", "di chúc",
    "bồi thường thiệt hại", "giao thông", "xử phạt vi phạm hành chính", "quyền của người lao động",
    "tuổi kết hôn",
]


def bench_env(args) -> dict:
    var_dir = ROOT / "var" / "bench-web"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{DB_NAME}",
        "REDIS_URL": os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/2"),
        "SECRET_KEY": "bench-web-only-" + "x7Qp2" * 10,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "BASE_URL": f"http://127.0.0.1:{args.port}",
        "SECURE_SSL_REDIRECT": "0",
        "VAR_DIR": str(var_dir),
        "LOG_LEVEL": "WARNING",
        "WEB_CONCURRENCY": str(args.workers),
        "HOST": "127.0.0.1",
        "PORT": str(args.port),
    }
    env.pop("DEBUG", None)
    return env


def manage(env: dict, *args: str) -> str:
    return subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, text=True,
                          capture_output=True).stdout


def prepare(env: dict) -> dict:
    started = time.monotonic()
    exists = subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-tA", "-v", f"name={DB_NAME}"],
                            input="select 1 from pg_database where datname = :'name'",
                            capture_output=True, text=True, check=True).stdout.strip()
    if not exists:
        subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-c", f"create database {DB_NAME}"],
                       check=True, capture_output=True)
    Path(env["VAR_DIR"]).mkdir(parents=True, exist_ok=True)
    manage(env, "migrate", "--noinput", "-v0")
    marker = Path(env["VAR_DIR"]) / "demo-loaded"
    if not marker.exists():
        manage(env, "bootstrap")
        manage(env, "search_rebuild")
        marker.write_text("1")
    manage(env, "collectstatic", "--noinput", "-v0")
    subprocess.run(["redis-cli", "-u", env["REDIS_URL"], "flushdb"], check=True, capture_output=True)
    return {"prepare_seconds": round(time.monotonic() - started, 1)}


DISCOVER = """
import json
from pbgdpl.news.models import ArticlePage
from pbgdpl.legal.models import LegalDocument, DocumentType
from pbgdpl.qa.models import Question
article = ArticlePage.objects.live().order_by("-date").first()
code = LegalDocument.objects.filter(live=True, number="91/2015/QH13").first()
qa = Question.objects.published().order_by("-published_at").first()
law = DocumentType.objects.filter(name="Luật").first()
from pbgdpl.legal.views.rendering import rendered_text
code_pages = len(rendered_text(code.current_version).pages)
print(json.dumps({"article": article.url, "civil_code": code.get_absolute_url(), "civil_code_pages": code_pages,
                  "qa": qa.get_absolute_url(), "law_slug": law.slug if law else ""}))
"""


def discover(env: dict) -> dict[str, list[str]]:
    found = json.loads(manage(env, "shell", "-c", DISCOVER).strip().splitlines()[-1])
    listing = "/van-ban/?hieu_luc=con-hieu-luc" + (f"&loai={found['law_slug']}" if found["law_slug"] else "")
    from urllib.parse import urlencode

    return {
        "home": ["/"],
        "news_article": [found["article"]],
        "civil_code_689_articles": [found["civil_code"]],
        # The code comes in pages (decision 0029): what a reader who reads on loads next, and the
        # whole text on one page (``?toan-van=1``, for finding in the page) for comparison.
        "civil_code_later_pages": [f"{found['civil_code']}?trang={n}&noi-dung=1"
                                   for n in range(2, found["civil_code_pages"] + 1)],
        "civil_code_whole_text": [f"{found['civil_code']}?toan-van=1"],
        "document_list_filtered": [listing],
        "search_20_queries": ["/tim-kiem/?" + urlencode({"q": q}) for q in SEARCHES],
        "qa_page": [found["qa"]],
        "healthz": ["/healthz"],
    }


def start(cmd: list[str], env: dict, port: int) -> subprocess.Popen:
    process = subprocess.Popen(cmd, cwd=ROOT, env=env, start_new_session=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited: {process.stderr.read().decode()[-2000:]}")
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2)
            return process
        except Exception:
            time.sleep(0.3)
    stop(process)
    raise RuntimeError("server did not start within 60 s")


def stop(process: subprocess.Popen) -> None:
    try:
        os.killpg(process.pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def fetch_sizes(port: int, path: str) -> tuple[int, int, list[tuple[str, str]]]:
    """(status, body bytes, headers) of ``path`` as the benchmark asks for it (gzip accepted)."""
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}",
                                     headers={"X-Forwarded-Proto": "https", "Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request, timeout=60) as response:
        body = response.read()
        return response.status, len(body), [(name, value) for name, value in response.getheaders()
                                            if name.lower() not in ("date", "server", "connection")]  # set per connection


def wrk(port: int, paths: list[str], args) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as handle:
        handle.write("\n".join(paths) + "\n")
        paths_file = handle.name
    try:
        output = subprocess.run(
            ["wrk", f"-t{args.threads}", f"-c{args.connections}", f"-d{args.duration}s", "--timeout", "10s",
             "-H", "X-Forwarded-Proto: https", "-H", "Accept-Encoding: gzip", "-H", f"User-Agent: {USER_AGENT}", "-s", str(HERE / "wrk_report.lua"), f"http://127.0.0.1:{port}"],
            env={**os.environ, "WRK_PATHS": paths_file}, check=True, capture_output=True, text=True).stdout
    finally:
        os.unlink(paths_file)
    match = re.search(r"^WRK_JSON (\{.*\})$", output, re.M)
    if not match:
        raise RuntimeError(f"no wrk report in: {output[-1000:]}")
    return json.loads(match.group(1))


def server_cmd(app: str, args) -> list[str]:
    """The documented production command (docs/operations.md, config/gunicorn.py): gunicorn with uvicorn
    workers, the application imported once and forked."""
    return [GUNICORN, "-c", "config/gunicorn.py", "--bind", f"127.0.0.1:{args.port}", "--workers", str(args.workers),
            app]


MODES = {  # report key → what is switched on
    "cached": {"PAGE_CACHE": "1", "FRAGMENT_CACHE": "1"},
    "uncached": {"PAGE_CACHE": "0", "FRAGMENT_CACHE": "1"},
    "from_scratch": {"PAGE_CACHE": "0", "FRAGMENT_CACHE": "0"},
    # The documented production set-up: nginx in front with its copy of the page cache
    # (bench/cluster/nginx.conf.template, as in docs/operations.md); strangers' pages are answered by nginx.
    "behind_nginx": {"PAGE_CACHE": "1", "FRAGMENT_CACHE": "1"},
}


def start_nginx(args, run: Path) -> subprocess.Popen:
    conf = write_conf(run, [args.port], args.port + 1, args.port + 2, workers=os.cpu_count() or 1)
    return start(["nginx", "-c", str(conf), "-p", str(run)], os.environ.copy(), args.port + 1)


def measure_portal(env: dict, pages: dict, args, ceilings: dict, mode: str) -> dict:
    server = start(server_cmd("config.asgi:application", args), {**env, **MODES[mode]}, args.port)
    nginx, port = None, args.port
    if mode == "behind_nginx":
        run = Path(tempfile.mkdtemp(prefix="pbgdpl-bench-nginx-"))
        nginx, port = start_nginx(args, run), args.port + 1
    try:
        sizes = {}
        for name, paths in pages.items():
            for path in paths:
                fetch_sizes(port, path)  # the first request fills the cache (when on)
                status, body, headers = fetch_sizes(port, path)
                if status != 200:
                    raise RuntimeError(f"{path} answered {status}")
                sizes.setdefault(name, (body, headers))
        results = {}
        for name, paths in pages.items():
            result = wrk(port, paths, args)
            result["bytes"] = sizes[name][0] + sum(len(n) + len(v) + 4 for n, v in sizes[name][1])
            result["fraction_of_ceiling"] = round(result["rps"] / ceilings["hello"], 3) if ceilings["hello"] else None
            if nginx is not None:
                result["answered_by_nginx"] = [value for header, value in sizes[name][1]
                                               if header.lower() == "x-frontend-cache"]
            results[name] = result
        if nginx is not None:
            results["frontend_hits"] = count_frontend_hits(env, run / "frontend-hits.log")
    finally:
        if nginx is not None:
            stop(nginx)
            shutil.rmtree(run, ignore_errors=True)
        stop(server)
    # Same-size ceilings, measured once the portal has stopped (they need the pages it answered).
    if mode == "cached":
        ceilings["sized"] = {name: measure_sized_ceiling(env, args, *sizes[name]) for name in SIZED_PAGES}
        add_sized_fractions(results, sizes, ceilings["sized"])
    elif mode == "behind_nginx":
        ceilings["nginx_static"] = {name: measure_nginx_static(args, *sizes[name]) for name in SIZED_PAGES}
        add_sized_fractions(results, sizes, ceilings["nginx_static"])
    return results


def add_sized_fractions(results: dict, sizes: dict, sized: dict) -> None:
    """Each page's throughput against the same-size ceiling nearest to its own size (log scale)."""
    for name, result in results.items():
        if name not in sizes:
            continue
        nearest = min(sized, key=lambda ref: abs(math.log((sizes[name][0] + 1) / (sizes[ref][0] + 1))))
        result["same_size_reference"] = nearest
        result["fraction_of_same_size_ceiling"] = round(result["rps"] / sized[nearest]["rps"], 3)


def count_frontend_hits(env: dict, log: Path) -> dict:
    """What nginx logged of its own answers, and how long the application takes to count them as
    visits and searches (``count_frontend_hits``, the service docs/operations.md runs beside nginx)."""
    time.sleep(1.5)  # nginx flushes its buffered log every second
    lines = sum(1 for _line in log.open()) if log.exists() else 0
    started = time.monotonic()
    output = manage({**env, **MODES["cached"]}, "count_frontend_hits", str(log)).strip()
    return {"logged": lines, "counted": output, "count_seconds": round(time.monotonic() - started, 1)}


def measure_sized_ceiling(env: dict, args, body: int, headers: list[tuple[str, str]]) -> dict:
    sized = start(server_cmd("bench.web.hello:sized", args),
                  {**env, "HELLO_RESPONSE": json.dumps({"headers": headers, "body": body})}, args.port)
    try:
        result = wrk(args.port, ["/"], args)
    finally:
        stop(sized)
    result["bytes"] = body + sum(len(n) + len(v) + 4 for n, v in headers)
    result["headers"] = len(headers)
    return result


NGINX_STATIC = """{user}
worker_processes {workers};
daemon off;
pid {run}/nginx.pid;
error_log {run}/nginx-error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    sendfile on;
    tcp_nopush on;
    client_body_temp_path {run}/body;
    proxy_temp_path {run}/proxy;
    fastcgi_temp_path {run}/fastcgi;
    uwsgi_temp_path {run}/uwsgi;
    scgi_temp_path {run}/scgi;
    server {{
        listen 127.0.0.1:{port};
        root {run}/www;
        default_type text/html;
        location = /healthz {{ return 200 "ok"; }}
{headers}
    }}
}}
"""


def measure_nginx_static(args, body: int, headers: list[tuple[str, str]]) -> dict:
    """nginx itself answering a file of the page's size with its headers: what the front could do
    for that response if no application were behind it at all."""
    run = Path(tempfile.mkdtemp(prefix="pbgdpl-bench-static-"))
    try:
        (run / "www").mkdir()
        (run / "www" / "index.html").write_bytes(b"x" * body)
        skipped = {"content-length", "content-type", "last-modified", "etag", "accept-ranges", "x-frontend-cache"}
        lines = "\n".join(f"        add_header {name} '{value.replace(chr(39), '')}' always;"
                          for name, value in headers if name.lower() not in skipped)
        conf = run / "nginx.conf"
        conf.write_text(NGINX_STATIC.format(run=run, port=args.port + 3, workers=os.cpu_count() or 1, headers=lines,
                                            user="user root;" if os.geteuid() == 0 else ""))
        nginx = start(["nginx", "-c", str(conf), "-p", str(run)], os.environ.copy(), args.port + 3)
        try:
            result = wrk(args.port + 3, ["/"], args)
        finally:
            stop(nginx)
    finally:
        shutil.rmtree(run, ignore_errors=True)
    result["bytes"] = body + sum(len(n) + len(v) + 4 for n, v in headers)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=int(os.environ.get("BENCH_DURATION", "10")))
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--workers", type=int, default=int(os.environ.get("BENCH_WORKERS", "0")) or None)
    parser.add_argument("--port", type=int, default=int(os.environ.get("BENCH_PORT", "8790")))
    parser.add_argument("--only", choices=list(MODES), default=None)
    args = parser.parse_args()
    if args.workers is None:
        args.workers = 2 * (os.cpu_count() or 1)  # the documented default: two per core
    env = bench_env(args)
    report = {"setup": {"server": "gunicorn + uvicorn workers (ASGI, page cache fast path)", "workers": args.workers,
                        "wrk": f"-t{args.threads} -c{args.connections} -d{args.duration}s, Accept-Encoding: gzip "
                               "(as browsers send it)",
                        "cpus": os.cpu_count(), "database": "PostgreSQL", "cache": "Redis"}}
    report["setup"]["load_average_before"] = [round(value, 1) for value in os.getloadavg()]
    report["setup"].update(prepare(env))
    pages = discover(env)
    report["setup"]["pages"] = {name: paths[0] for name, paths in pages.items()}
    hello = start(server_cmd("bench.web.hello:asgi", args), env, args.port)
    try:
        report["ceiling"] = wrk(args.port, ["/"], args)
    finally:
        stop(hello)
    ceilings = {"hello": report["ceiling"]["rps"]}
    for mode in MODES:
        if args.only in (None, mode):
            report[mode] = measure_portal(env, pages, args, ceilings, mode)
    if "sized" in ceilings:
        report["ceilings_same_size"] = ceilings["sized"]
    if "nginx_static" in ceilings:
        report["ceilings_nginx_static_same_size"] = ceilings["nginx_static"]
    report["setup"]["load_average_after"] = [round(value, 1) for value in os.getloadavg()]
    print(json.dumps(report, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
