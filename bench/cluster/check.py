#!/usr/bin/env python
"""``make cluster-check``: two application nodes behind nginx on this machine, as the multi-node
recipe of docs/operations.md sets them up, and what must hold across them.

* one PostgreSQL database (``pbgdpl_cluster``, recreated) and one Redis (``CLUSTER_REDIS_URL``,
  default DB 7) shared by both nodes; each node has its own ``VAR_DIR`` and search index
  directory, kept current by its own ``search_follow``; node A also runs the task worker;
* node A and node B: gunicorn -c config/gunicorn.py (2 uvicorn workers each) on two ports; Debian's nginx in front as the load
  balancer with ``proxy_cache`` and the PURGE route (``bench/cluster/nginx.conf.template``).

Checks (a JSON report; exit status 1 if one fails):

1. an article and a legal document published on node A are, within 5 s, on the news list, the
   document list, the document's page and in search results on both nodes and through nginx,
   and then served from the page cache on both nodes (``X-Page-Cache: hit``);
2. a staff session opened on node A works on node B;
3. while requests flow through nginx, node B is stopped: no request fails (nginx retries).
"""

from __future__ import annotations

import concurrent.futures
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from bench.cluster.nginx import write_conf  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
PYTHON = sys.executable
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))
DB_NAME = "pbgdpl_cluster"
LB_PORT, A_PORT, B_PORT = (int(os.environ.get(name, default)) for name, default in
                           (("CLUSTER_LB_PORT", "8810"), ("CLUSTER_A_PORT", "8811"), ("CLUSTER_B_PORT", "8812")))
PURGE_PORT = int(os.environ.get("CLUSTER_PURGE_PORT", "8819"))
STAFF_PASSWORD = "cluster-check-Staff-2026"
VISIBLE_WITHIN_S = 5.0
TOKEN = "kiemtracum" + str(int(time.time()))[-6:]  # a word no demo text contains


def node_env(run: Path, name: str) -> dict:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{DB_NAME}",
        "REDIS_URL": os.environ.get("CLUSTER_REDIS_URL", "redis://127.0.0.1:6379/7"),
        "SECRET_KEY": "cluster-check-only-" + "k3Zt9" * 10,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "BASE_URL": f"http://127.0.0.1:{LB_PORT}",
        "SECURE_SSL_REDIRECT": "0",
        "VAR_DIR": str(run / name),
        "MEDIA_ROOT": str(run / "media"),  # shared media, as on an NFS mount
        "STATIC_ROOT": str(run / "static"),  # the same release's collected static files
        "WEB_CONCURRENCY": "2",
        "TWO_FACTOR_REQUIRED": "0",  # the staff login below has no authenticator app
        "FRONTEND_CACHE_PURGE_URLS": f"http://127.0.0.1:{PURGE_PORT}",
        "LOG_LEVEL": "WARNING",
    }
    env.pop("DEBUG", None)
    return env


def manage(env: dict, *args: str, stdin: str | None = None) -> str:
    return subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, text=True,
                          capture_output=True, input=stdin).stdout


class Processes:
    def __init__(self):
        self.running: dict[str, subprocess.Popen] = {}

    def start(self, name: str, cmd: list[str], env: dict, log_dir: Path) -> subprocess.Popen:
        log = open(log_dir / f"{name}.log", "w")  # noqa: SIM115 - closed with the process
        process = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                                   start_new_session=True)
        self.running[name] = process
        return process

    def stop(self, name: str, sig=signal.SIGTERM) -> None:
        process = self.running.pop(name, None)
        if process is None or process.poll() is not None:
            return
        try:
            os.killpg(process.pid, sig)
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        except ProcessLookupError:
            pass

    def stop_all(self) -> None:
        for name in list(self.running):
            self.stop(name)


def _headers(message) -> dict[str, str]:
    """Header names in lower case (servers differ); repeated headers (Set-Cookie) joined by newlines."""
    out: dict[str, str] = {}
    for name, value in message.items():
        out[name.lower()] = f"{out[name.lower()]}\n{value}" if name.lower() in out else value
    return out


def get(port: int, path: str, headers: dict | None = None, timeout: float = 10) -> tuple[int, dict, str]:
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}",
                                     headers={"X-Forwarded-Proto": "https", **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - loopback only
            return response.status, _headers(response.headers), response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, _headers(error.headers), error.read().decode("utf-8", "replace")


def wait_up(port: int, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if get(port, "/healthz", timeout=2)[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"nothing answers on port {port}")


def prepare_database(env: dict) -> None:
    for sql in (f"drop database if exists {DB_NAME} with (force)", f"create database {DB_NAME}"):
        subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-qc", sql], check=True, capture_output=True)
    subprocess.run(["redis-cli", "-u", env["REDIS_URL"], "flushdb"], check=True, capture_output=True)
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "bootstrap", "--no-demo", stdin="")
    manage(env, "shell", "-c", f"""
from django.contrib.auth import get_user_model
User = get_user_model()
user, _ = User.objects.get_or_create(username="cum-staff", defaults={{"is_staff": True, "is_superuser": True}})
user.set_password({STAFF_PASSWORD!r}); user.save()
""")
    manage(env, "collectstatic", "--noinput", "-v0")


PUBLISH = """
import datetime, json
from django.utils import timezone
from wagtail.models import Page
from pbgdpl.news.models import ArticlePage
from pbgdpl.legal.models import DocumentType, Issuer, LegalDocument
from pbgdpl.legal.services import save_document
index = Page.objects.get(url_path="/trang-chu/tin-tuc/").specific
article = ArticlePage(title="Tin thử nghiệm cụm máy chủ {token}", slug="tin-thu-nghiem-{token}",
                      summary="Bài đăng trên nút A để kiểm tra cụm {token}.", date=timezone.localdate())
index.add_child(instance=article)
article.save_revision().publish()
document = save_document(LegalDocument(number="77/2026/QĐ-UBND", title="Quyết định thử nghiệm cụm {token}",
    doc_type=DocumentType.objects.get(name="Quyết định"), issuer=Issuer.objects.order_by("pk").first(),
    issued_on=datetime.date(2026, 1, 5), effective_from=datetime.date(2026, 1, 15)),
    text="Điều 1. Phạm vi {token}\\nQuyết định này quy định thử nghiệm cụm máy chủ {token}.", publish=True)
print(json.dumps({{"article": article.url, "document": document.get_absolute_url()}}))
"""


def warm(ports, paths) -> None:
    for port in ports:
        for path in paths:
            get(port, path)
            get(port, path)


def check_visibility(targets: dict, ports: dict) -> dict:
    """Seconds until each (check, node) shows the new content, then whether a second read is a hit."""
    started = time.monotonic()
    pending = {(check, node) for check in targets for node in ports}
    seen: dict[str, dict] = {check: {} for check in targets}
    while pending and time.monotonic() - started < VISIBLE_WITHIN_S + 5:
        for check, node in sorted(pending):
            path, needle = targets[check]
            status, _headers, body = get(ports[node], path)
            if status == 200 and needle in body:
                seen[check][node] = {"visible_after_s": round(time.monotonic() - started, 2)}
                pending.discard((check, node))
        time.sleep(0.2)
    for check, nodes in seen.items():
        for node, row in nodes.items():
            path, needle = targets[check]
            # Served from the page cache (the node's or nginx's) within the 5 s: search pages are
            # purged again as each node's index catches up, so allow a few reads.
            for _attempt in range(8):
                status, headers, body = get(ports[node], path)
                row["cached"] = headers.get("x-page-cache") == "hit" or headers.get("x-frontend-cache") == "HIT"
                if row["cached"] or time.monotonic() - started > VISIBLE_WITHIN_S:
                    break
                time.sleep(0.3)
            row["ok"] = row["visible_after_s"] <= VISIBLE_WITHIN_S and needle in body and row["cached"]
        for node in ports:
            nodes.setdefault(node, {"visible_after_s": None, "ok": False})
    return seen


def staff_session(ports: dict) -> dict:
    status, headers, body = get(ports["node_a"], "/quan-tri/login/")
    csrf_cookie = re.search(r"csrftoken=([^;]+)", headers.get("set-cookie", "")).group(1)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1)
    data = urllib.parse.urlencode({"csrfmiddlewaretoken": token, "username": "cum-staff",
                                   "password": STAFF_PASSWORD, "next": "/quan-tri/"}).encode()
    request = urllib.request.Request(
        f"http://127.0.0.1:{ports['node_a']}/quan-tri/login/", data=data,
        headers={"X-Forwarded-Proto": "https", "Cookie": f"csrftoken={csrf_cookie}",
                 "Referer": f"https://127.0.0.1:{ports['node_a']}/quan-tri/login/"})

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        response = opener.open(request, timeout=10)
        set_cookie = response.headers.get_all("Set-Cookie") or []
    except urllib.error.HTTPError as error:  # the 302 after a successful login
        set_cookie = error.headers.get_all("Set-Cookie") or []
    session = next((re.search(r"sessionid=([^;]+)", c).group(1) for c in set_cookie if "sessionid=" in c), None)
    result = {"logged_in_on_node_a": session is not None}
    for node, port in ports.items():
        status, headers, body = get(port, "/quan-tri/", headers={"Cookie": f"sessionid={session}"}) if session else (0, {}, "")
        # Without the session the admin answers with its login form (after a redirect).
        result[node] = {"status": status, "admin_dashboard": status == 200 and 'name="password"' not in body,
                        "never_shared": "x-page-cache" not in headers}
    result["ok"] = all(row["admin_dashboard"] and row["never_shared"] for key, row in result.items()
                       if key.startswith("node_"))
    return result


def failover(processes: Processes, env_b: dict, run: Path) -> dict:
    """Requests through nginx while node B stops; pages that miss nginx's cache reach the nodes."""
    paths = ["/healthz", "/van-ban/", "/tin-tuc/", "/tim-kiem/?q=quy+%C4%91%E1%BB%8Bnh"]
    results: list[int] = []
    stop_at = time.monotonic() + 1.5
    stopped = False

    def one(i: int) -> int:
        path = paths[i % len(paths)]
        path += ("&" if "?" in path else "?") + f"n={i}" if path != "/healthz" else ""
        try:
            return get(LB_PORT, path, timeout=15)[0]
        except Exception:
            return -1

    with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
        futures = []
        for i in range(400):
            futures.append(pool.submit(one, i))
            if not stopped and time.monotonic() >= stop_at:
                processes.stop("web_b")
                stopped = True
            time.sleep(0.01)
        results = [f.result() for f in futures]
    failed = [status for status in results if status != 200]
    return {"requests": len(results), "failed": len(failed), "node_b_stopped_during_run": stopped,
            "ok": stopped and not failed}


def main() -> int:
    run = Path(tempfile.mkdtemp(prefix="pbgdpl-cluster-"))
    processes = Processes()
    report: dict = {"nodes": {"node_a": A_PORT, "node_b": B_PORT, "nginx": LB_PORT}}
    try:
        env_a, env_b = node_env(run, "node-a"), node_env(run, "node-b")
        prepare_database(env_a)
        for env in (env_a, env_b):
            manage(env, "search_rebuild")
        for name, env, port in (("a", env_a, A_PORT), ("b", env_b, B_PORT)):
            # The documented serving command (docs/operations.md, config/gunicorn.py).
            processes.start(f"web_{name}", [GUNICORN, "-c", "config/gunicorn.py", "--bind", f"127.0.0.1:{port}"],
                            env, run)
            processes.start(f"search_{name}", [PYTHON, "manage.py", "search_follow", "--interval", "0.5"], env, run)
        processes.start("worker_a", [PYTHON, "manage.py", "run_worker"], env_a, run)
        nginx_conf = write_conf(run, [A_PORT, B_PORT], LB_PORT, PURGE_PORT)
        processes.start("nginx", ["nginx", "-c", str(nginx_conf), "-p", str(run)], env_a, run)
        for port in (A_PORT, B_PORT, LB_PORT):
            wait_up(port)
        ports = {"node_a": A_PORT, "node_b": B_PORT, "nginx": LB_PORT}
        search_path = f"/tim-kiem/?q={TOKEN}"
        warm(ports.values(), ["/tin-tuc/", "/van-ban/", search_path])
        published = json.loads(manage(env_a, "shell", "-c", PUBLISH.format(token=TOKEN)).strip().splitlines()[-1])
        targets = {
            "news_list": ("/tin-tuc/", f"Tin thử nghiệm cụm máy chủ {TOKEN}"),
            "article_page": (published["article"], f"Bài đăng trên nút A để kiểm tra cụm {TOKEN}"),
            "document_list": ("/van-ban/", f"Quyết định thử nghiệm cụm {TOKEN}"),
            "document_page": (published["document"], f"Quyết định thử nghiệm cụm {TOKEN}"),
            "search": (search_path, f"Tin thử nghiệm cụm máy chủ {TOKEN}"),
            "search_document": (search_path, f"Quyết định thử nghiệm cụm {TOKEN}"),
        }
        report["publish_on_node_a"] = check_visibility(targets, ports)
        report["staff_session"] = staff_session({"node_a": A_PORT, "node_b": B_PORT})
        report["failover"] = failover(processes, env_b, run)
        report["ok"] = (all(row["ok"] for nodes in report["publish_on_node_a"].values() for row in nodes.values())
                        and report["staff_session"]["ok"] and report["failover"]["ok"])
    except Exception as error:  # report what broke, with the nodes' logs kept
        report["ok"] = False
        report["error"] = repr(error)
    finally:
        processes.stop_all()
        report["logs"] = str(run) if not report.get("ok") else None
        if report.get("ok"):
            shutil.rmtree(run, ignore_errors=True)
    print(json.dumps(report, ensure_ascii=False, indent=1))
    return 0 if report.get("ok") else 1


if __name__ == "__main__":
    sys.exit(main())
