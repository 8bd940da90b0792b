"""The web server under test for bench/chat/run.py: start it, wait for it, restart it the ways a
deployment does (reload, workers, full), stop it, and read its CPU time from /proc."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]
UVICORN = str(Path(sys.executable).with_name("uvicorn"))
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))


def _stats():
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            yield int(stat.parent.name), stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue


def group_cpu_seconds(pgid: int) -> float:
    """CPU time (user + system) used so far by a process group (uvicorn and its workers), with that
    of workers that exited and were reaped (a rolling restart replaces them)."""
    total = 0
    for _, fields in _stats():
        if int(fields[2]) == pgid:
            total += sum(int(f) for f in fields[11:15])
    return total / os.sysconf("SC_CLK_TCK")


def _cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


def _children(pid: int) -> set[int]:
    return {child for child, fields in _stats() if int(fields[1]) == pid}


def tree_cpu_seconds(pid: int) -> float:
    """CPU of one process and its children (with the children they reaped)."""
    total = 0
    for other, fields in _stats():
        if other == pid or int(fields[1]) == pid:
            total += sum(int(f) for f in fields[11:15])
    return total / os.sysconf("SC_CLK_TCK")


def _watch(pids, events: list | None, seen: set[int]) -> set[int]:
    now = pids()
    if events is not None:
        events += [(time.monotonic(), "worker started", pid) for pid in now - seen]
        events += [(time.monotonic(), "worker stopped", pid) for pid in seen - now]
    return now


def uvicorn_rolling_restart(master: int, workers: int, seconds: float = 180, events: list | None = None) -> bool:
    """SIGHUP to uvicorn (``--uvicorn``, the serving command before gunicorn): it replaces each worker,
    a new one (importing the application) serving before the old one stops. True once every old
    worker has been replaced. ``events`` gets (monotonic time, "worker started" / "worker stopped", pid)."""
    def children() -> set[int]:  # the workers, not multiprocessing's resource tracker
        return {pid for pid in _children(master) if b"spawn_main" in _cmdline(pid)}

    old = seen = children()
    os.kill(master, signal.SIGHUP)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        now = seen = _watch(children, events, seen)
        if not (now & old) and len(now) >= workers:
            return True
        time.sleep(0.05)
    return False


def gunicorn_reload(master: int, workers: int, seconds: float = 180, events: list | None = None) -> dict:
    """The deployment's reload (``systemctl reload`` runs ``scripts/reload-web``): a new master with the
    code on disk imports the application once beside the serving workers and forks its own; then
    the old master is retired. Returns the new master's pid and the old tree's CPU before it went."""
    old_workers = _children(master)
    seen = set(old_workers)
    script = subprocess.Popen([str(ROOT / "scripts" / "reload-web"), str(master)])
    deadline = time.monotonic() + seconds
    new_master, cpu_before = None, 0.0

    def workers_now() -> set[int]:
        return (_children(master) - {new_master}) | (_children(new_master) if new_master else set())

    while time.monotonic() < deadline:
        if new_master is None:
            new_master = next((pid for pid in _children(master) - old_workers if _children(pid)), None)
            if new_master and events is not None:
                events.append((time.monotonic(), "new master's workers forked", new_master))
        if script.poll() is None and new_master:
            cpu_before = tree_cpu_seconds(master)  # until the script retires the old master
        seen = _watch(workers_now, events, seen)
        if new_master and not (seen & old_workers) and script.poll() is not None:
            break
        time.sleep(0.05)
    script.wait()
    return {"replaced": script.returncode == 0 and not (seen & old_workers), "new_master": new_master,
            "old_tree_cpu_s": cpu_before}


def gunicorn_restart_workers(master: int, workers: int, seconds: float = 60, events: list | None = None) -> bool:
    """HUP to gunicorn: new workers forked from the master (the same code), then the old ones stop."""
    old = seen = _children(master)
    os.kill(master, signal.SIGHUP)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        now = seen = _watch(lambda: _children(master), events, seen)
        if not (now & old) and len(now) >= workers:
            return True
        time.sleep(0.05)
    return False


def start_server(env: dict, port: int, workers: int, uvicorn: bool = False, deflate: bool = False) -> subprocess.Popen:
    if not uvicorn:  # the serving command of `make serve` and docs/operations.md
        return subprocess.Popen([GUNICORN, "-c", "config/gunicorn.py"], cwd=ROOT, start_new_session=True,
                                env={**env, "BIND": f"127.0.0.1:{port}", "WEB_CONCURRENCY": str(workers)})
    # The serving command before gunicorn, for comparison.
    return subprocess.Popen(
        [UVICORN, "config.asgi:application", "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers),
         "--log-level", "warning", "--no-access-log", "--timeout-graceful-shutdown", "3", "--ws-max-size", "65536",
         "--ws-per-message-deflate", "true" if deflate else "false",
         # A rolling restart waits this long for a new worker to answer before it retires the old one
         # (uvicorn's 5 s default is shorter than Django's start-up on a busy machine: it gave up).
         "--timeout-worker-healthcheck", "60"],
        cwd=ROOT, env=env, start_new_session=True)


def wait_healthy(base_url: str, seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if httpx.get(base_url + "/healthz", timeout=2).status_code == 200:
                return True
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    return False


def stop_server(server: subprocess.Popen) -> None:
    """Stop the server's process group (after a reload it holds the new master, not this process)."""
    try:
        os.killpg(server.pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and any(int(f[2]) == server.pid for pid, f in _stats() if pid != server.pid):
        time.sleep(0.1)
    try:
        server.wait(timeout=max(0.1, deadline - time.monotonic()))
    except subprocess.TimeoutExpired:
        pass
    try:
        os.killpg(server.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    server.wait()

