#!/usr/bin/env python
"""Live chat under load, against the production profile on loopback, across a restart of the web process.

Starts the serving command (``gunicorn -c config/gunicorn.py``, 2 uvicorn workers, config.settings.production,
a throwaway SECRET_KEY, Redis channel layer on database 3 by default) on a dedicated database, then opens
``--clients`` widget WebSockets at random moments of ``--ramp`` seconds; once all are open the message
phase begins. Each citizen sends ``--messages`` messages with the widget's protocol (client ids, an outbox
resent after a reconnect, ``hello`` with the highest sequence number seen); a simulated staff client
on the staff WebSocket answers each citizen message. Halfway through, the server is reloaded as
``systemctl reload`` does it (``--restart-mode``: rolling, workers or full); every client reconnects by itself.

Latency is measured on one clock (this process): citizen send → staff receives, staff send → citizen
receives. ``lost``: messages never received at the other end after the drain; ``duplicated``: one
message stored or shown twice (distinct sequence numbers for one client id). Prints one JSON report.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import secrets
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
from websockets.asyncio.client import connect
from websockets.exceptions import WebSocketException

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
UVICORN = str(Path(sys.executable).with_name("uvicorn"))
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))
TEMPLATE_DB = "pbgdpl_chat_bench_template"
SYNC_EVERY = 15  # seconds, as static/chat/widget.js and inbox.js


def percentiles(values: list[float]) -> dict:
    if not values:
        return {"n": 0}
    ordered = sorted(values)
    q = statistics.quantiles(ordered, n=100, method="inclusive") if len(ordered) > 1 else [ordered[0]] * 99
    return {"n": len(values), "p50_ms": round(q[49] * 1000, 1), "p95_ms": round(q[94] * 1000, 1),
            "p99_ms": round(q[98] * 1000, 1), "max_ms": round(ordered[-1] * 1000, 1)}


class Stats:
    def __init__(self):
        self.sent_at: dict[str, float] = {}        # citizen client id -> first send time
        self.staff_seen: dict[str, set] = {}       # citizen client id -> message ids the staff saw
        self.reply_sent_at: dict[str, float] = {}  # reply client id -> staff send time
        self.citizen_seen: dict[str, set] = {}     # reply client id -> seqs the citizen saw
        self.to_staff: list[tuple[float, float]] = []    # (sent, received), monotonic
        self.to_citizen: list[tuple[float, float]] = []
        self.redelivered = 0                       # same seq shown again (dropped by the widget)
        self.connects = 0
        self.reconnects = 0
        self.open_now = 0
        self.max_open = 0
        self.errors: dict[str, int] = {}

    def error(self, kind: str) -> None:
        self.errors[kind] = self.errors.get(kind, 0) + 1


class Citizen:
    """The widget's delivery logic (static/chat/widget.js) in Python."""

    def __init__(self, n: int, url: str, origin: str, stats: Stats, messages: int, interval: float,
                 go: asyncio.Event):
        self.n, self.url, self.origin, self.stats, self.go = n, url, origin, stats, go
        self.to_send = [f"c{n}-{i}-{secrets.token_hex(3)}" for i in range(messages)]
        self.interval = interval
        self.outbox: dict[str, str] = {}
        self.token = secrets.token_urlsafe(24)  # made by the widget before its first message
        self.last_seq = 0
        self.shown: set[int] = set()
        self.ws = None
        self.filling = False

    async def run(self, stop: asyncio.Event) -> None:
        sender = asyncio.create_task(self.produce(stop))
        retry = 0
        while not stop.is_set():
            try:
                async with connect(self.url, origin=self.origin, open_timeout=20, ping_interval=None,
                                   max_size=2**20) as ws:
                    self.ws = ws
                    self.stats.connects += 1
                    self.stats.open_now += 1
                    self.stats.max_open = max(self.stats.max_open, self.stats.open_now)
                    retry = 0
                    try:
                        await ws.send(json.dumps({"type": "hello", "token": self.token, "after": self.last_seq}))
                        for client_id, text in list(self.outbox.items()):
                            await ws.send(json.dumps({"type": "message", "client_id": client_id, "text": text}))
                        checker = asyncio.create_task(self.check_now_and_then(ws))
                        try:
                            async for raw in ws:
                                self.handle(json.loads(raw))
                        finally:
                            checker.cancel()
                    finally:
                        self.ws = None
                        self.stats.open_now -= 1
            except (TimeoutError, OSError, WebSocketException):
                pass
            if stop.is_set():
                break
            self.stats.reconnects += 1
            # As static/chat/widget.js: the first retry at once (jittered up to 0.3 s), then back off.
            first = retry == 0
            retry = min(retry + 1, 4)
            await asyncio.sleep(0.3 * random.random() if first else 0.25 * 2 ** retry * (0.5 + random.random() / 2))
        sender.cancel()

    async def produce(self, stop: asyncio.Event) -> None:
        # Everyone is connected before the first message (the arrivals are spread over --ramp);
        # then each person's first message comes at a random moment of the first interval.
        await self.go.wait()
        await asyncio.sleep(random.random() * self.interval)
        for client_id in self.to_send:
            text = f"Câu hỏi thử {client_id}"
            self.outbox[client_id] = text
            self.stats.sent_at[client_id] = time.monotonic()
            if self.ws is not None:
                try:
                    await self.ws.send(json.dumps({"type": "message", "client_id": client_id, "text": text}))
                except WebSocketException:
                    pass  # resent from the outbox after the reconnect
            await asyncio.sleep(self.interval * (0.75 + random.random() / 2))

    async def check_now_and_then(self, ws) -> None:
        """Like the widget: now and then ask for anything numbered after the last message shown."""
        while True:
            await asyncio.sleep(SYNC_EVERY * (0.5 + random.random()))
            await ws.send(json.dumps({"type": "sync", "after": self.last_seq}))

    def fill(self) -> None:
        self.filling = False
        if self.ws is not None:
            frame = json.dumps({"type": "sync", "after": self.last_seq})
            asyncio.ensure_future(self.ws.send(frame))

    def handle(self, frame: dict) -> None:
        kind = frame.get("type")
        if kind == "token":
            self.token = frame["token"]
        elif kind == "ack":
            self.outbox.pop(frame["client_id"], None)
        elif kind == "error":
            self.stats.error("citizen: " + frame.get("text", "")[:60])
        elif kind == "message":
            seq = frame["seq"]
            if seq in self.shown:
                self.stats.redelivered += 1
                return
            self.shown.add(seq)
            while self.last_seq + 1 in self.shown:  # contiguous, as the widget keeps it
                self.last_seq += 1
            if seq > self.last_seq + 1 and self.ws is not None and not self.filling:
                self.filling = True
                asyncio.get_running_loop().call_later(0.3, self.fill)
            if frame["sender"] == "staff" and frame["client_id"]:
                seen = self.stats.citizen_seen.setdefault(frame["client_id"], set())
                if not seen and frame["client_id"] in self.stats.reply_sent_at:
                    self.stats.to_citizen.append((self.stats.reply_sent_at[frame["client_id"]], time.monotonic()))
                seen.add(seq)


class Staff:
    """One staff inbox answering every citizen message; catches up after a reconnect."""

    def __init__(self, url: str, origin: str, cookie: str, stats: Stats):
        self.url, self.origin, self.cookie, self.stats = url, origin, cookie, stats
        self.since = ""
        self.unacked: dict[str, dict] = {}
        self.events: list[tuple[float, str, int]] = []  # for --samples

    async def run(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            close_code = None
            try:
                async with connect(self.url, origin=self.origin, additional_headers={"Cookie": self.cookie},
                                   open_timeout=20, ping_interval=None, max_size=2**22) as ws:
                    self.events.append((time.monotonic(), "staff socket open", 0))
                    await ws.send(json.dumps({"type": "catchup", "since": self.since}))
                    for frame in list(self.unacked.values()):
                        await ws.send(json.dumps(frame))
                    checker = asyncio.create_task(self.check_now_and_then(ws))
                    try:
                        async for raw in ws:
                            await self.handle(ws, json.loads(raw))
                    finally:
                        checker.cancel()
                        close_code = ws.close_code
            except (TimeoutError, OSError, WebSocketException):
                pass
            self.events.append((time.monotonic(), "staff socket closed", 0))
            if not stop.is_set() and close_code != 1012:  # as inbox.js: a restarting worker, at once
                await asyncio.sleep(0.3)

    async def check_now_and_then(self, ws) -> None:
        while True:
            await asyncio.sleep(SYNC_EVERY)
            await ws.send(json.dumps({"type": "catchup", "since": self.since}))
            for frame in list(self.unacked.values()):  # an answer lost with an overloaded layer
                await ws.send(json.dumps(frame))

    async def handle(self, ws, frame: dict) -> None:
        if frame.get("type") == "batch":  # a catch-up, as inbox.js
            for one in frame["frames"]:
                await self.handle(ws, one)
            return
        if frame.get("type") == "ack":
            self.unacked.pop(frame.get("client_id", ""), None)
            return
        if frame.get("type") != "message":
            return
        self.since = max(self.since, frame["ts"])
        client_id = frame.get("client_id", "")
        if frame["sender"] != "contact" or not client_id:
            return
        seen = self.stats.staff_seen.setdefault(client_id, set())
        first = not seen
        seen.add(frame["id"])
        if not first:
            return
        if client_id in self.stats.sent_at:
            self.stats.to_staff.append((self.stats.sent_at[client_id], time.monotonic()))
        reply_id = "r-" + client_id
        reply = {"type": "reply", "conversation": frame["conversation"], "client_id": reply_id,
                 "text": f"Trả lời {client_id}"}
        self.unacked[reply_id] = reply
        self.stats.reply_sent_at.setdefault(reply_id, time.monotonic())
        try:
            await ws.send(json.dumps(reply))
        except WebSocketException:
            pass  # resent after the reconnect


SETTLE = 5.0  # seconds after the restarted server answers in which reconnect storms still count as the restart


def latency_report(stats: Stats, window: list[float]) -> dict:
    """Delivery latency overall, and split: messages clear of the restart (received before it began or
    sent after it settled) and those caught in it (their latency includes the outage)."""
    both = stats.to_staff + stats.to_citizen

    def clear(sample):
        sent, received = sample
        return received < window[0] or sent > window[1]

    def ms(samples):
        return percentiles([received - sent for sent, received in samples])

    return {"all": ms(both), "clear_of_restart": ms([s for s in both if clear(s)]),
            "caught_in_restart": ms([s for s in both if not clear(s)]),
            "citizen_to_staff": ms(stats.to_staff), "staff_to_citizen": ms(stats.to_citizen)}


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


def _tree_cpu_seconds(pid: int) -> float:
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
            cpu_before = _tree_cpu_seconds(master)  # until the script retires the old master
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


async def scenario(args, env: dict, staff_cookie: str) -> dict:
    base = f"http://127.0.0.1:{args.port}"
    ws_base = f"ws://127.0.0.1:{args.port}"
    stats = Stats()
    stop = asyncio.Event()
    staff = Staff(ws_base + "/ws/chat/staff/", base, staff_cookie, stats)
    go = asyncio.Event()
    citizens = [Citizen(n, ws_base + "/ws/chat/", base, stats, args.messages, args.interval, go)
                for n in range(args.clients)]
    state = {"server": start_server(env, args.port, args.workers, args.uvicorn, args.deflate)}
    if not await asyncio.to_thread(wait_healthy, base):
        raise SystemExit("The server did not start.")
    # CPU spent starting the servers is reported apart: per message it would swamp a small run.
    startup_cpu = group_cpu_seconds(state["server"].pid)
    tasks = [asyncio.create_task(staff.run(stop))]
    await asyncio.sleep(0.5)

    async def arrive(citizen: Citizen) -> None:
        # People open the chat at random moments of the ramp, not all in the same millisecond.
        await asyncio.sleep(random.random() * args.ramp)
        await citizen.run(stop)

    ramp0 = time.monotonic()
    tasks += [asyncio.create_task(arrive(c)) for c in citizens]
    while stats.open_now < args.clients and time.monotonic() - ramp0 < args.ramp + 60:
        await asyncio.sleep(0.1)
    connected_s = time.monotonic() - ramp0
    # The message phase (what the latency figures and the restart's place in the run refer to).
    t0 = time.monotonic()
    go.set()
    expected = args.clients * args.messages
    restart = {}
    restart_window = [float("inf"), float("-inf")]
    timeline: list[tuple[float, str, int]] = []
    cpu_before_restart = 0.0
    load_before = os.getloadavg()[0]
    cpu0 = time.process_time()
    cpu_now = lambda: group_cpu_seconds(state["server"].pid)  # noqa: E731 (replaced after a reload)
    if args.restart and args.restart_mode in ("rolling", "workers"):
        await asyncio.sleep(args.messages * args.interval / 2)
        restart["held_before"] = stats.open_now
        r0 = restart_window[0] = time.monotonic()
        master = state["server"].pid
        if args.uvicorn:
            restart["replaced"] = await asyncio.to_thread(uvicorn_rolling_restart, master, args.workers,
                                                          events=timeline)
            # The replacement workers start as the first ones did (the master's share is small).
            startup_cpu *= 2
        elif args.restart_mode == "workers":
            restart["replaced"] = await asyncio.to_thread(gunicorn_restart_workers, master, args.workers,
                                                          events=timeline)
        else:
            reload = await asyncio.to_thread(gunicorn_reload, master, args.workers, events=timeline)
            restart["replaced"] = reload["replaced"]
            if reload.get("new_master"):
                # The old master's tree (with the first start-up) before it was retired, then the new
                # master's (its import is a second start-up).
                cpu_before_restart = reload["old_tree_cpu_s"]
                cpu_now = lambda: _tree_cpu_seconds(reload["new_master"])  # noqa: E731
                startup_cpu *= 2
        restart["replace_s"] = round(time.monotonic() - r0, 2)
        restart_window[1] = time.monotonic() + SETTLE
    elif args.restart:
        await asyncio.sleep(args.messages * args.interval / 2)
        restart["held_before"] = stats.open_now
        cpu_before_restart = group_cpu_seconds(state["server"].pid)
        r0 = restart_window[0] = time.monotonic()
        await asyncio.to_thread(stop_server, state["server"])
        restart["stop_s"] = round(time.monotonic() - r0, 2)
        timeline.append((time.monotonic(), "server stopped", state["server"].pid))
        state["server"] = start_server(env, args.port, args.workers, args.uvicorn, args.deflate)
        await asyncio.to_thread(wait_healthy, base)
        restart["downtime_s"] = round(time.monotonic() - r0, 2)
        timeline.append((time.monotonic(), "server answering", state["server"].pid))
        # Start-up only roughly: reconnecting clients are already being served.
        startup_cpu += group_cpu_seconds(state["server"].pid)
        restart_window[1] = time.monotonic() + SETTLE
    deadline = time.monotonic() + args.messages * args.interval + args.drain
    while time.monotonic() < deadline:
        if len(stats.staff_seen) >= expected and len(stats.citizen_seen) >= expected:
            break
        await asyncio.sleep(0.5)
    wall = time.monotonic() - t0
    client_cpu = time.process_time() - cpu0
    held_at_end = stats.open_now
    server_cpu = cpu_before_restart + cpu_now() - startup_cpu
    stop.set()
    for c in citizens:
        if c.ws is not None:
            await c.ws.close()
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    stop_server(state["server"])
    if args.samples:  # every delivery and the restart's events, in seconds of the message phase
        Path(args.samples).write_text(json.dumps({
            "restart": [round(x - t0, 3) for x in restart_window if abs(x) != float("inf")],
            "events": [(round(at - t0, 3), what, pid) for at, what, pid in sorted(timeline + staff.events)],
            "to_staff": [(round(a - t0, 4), round(b - t0, 4)) for a, b in stats.to_staff],
            "to_citizen": [(round(a - t0, 4), round(b - t0, 4)) for a, b in stats.to_citizen]}))
    lost_to_staff = expected - len(stats.staff_seen)
    lost_to_citizen = expected - len(stats.citizen_seen)
    duplicated = (sum(len(v) - 1 for v in stats.staff_seen.values())
                  + sum(len(v) - 1 for v in stats.citizen_seen.values()))
    return {
        "connections": {"clients": args.clients, "all_connected_after_s": round(connected_s, 2),
                        "held_max": stats.max_open, "held_at_end": held_at_end,
                        "connects": stats.connects, "reconnects": stats.reconnects},
        "messages": {"citizen_sent": expected, "delivered_to_staff": len(stats.staff_seen),
                     "staff_replies_sent": len(stats.reply_sent_at), "delivered_to_citizens": len(stats.citizen_seen),
                     "lost": lost_to_staff + lost_to_citizen, "duplicated": duplicated,
                     "redelivered_and_dropped_by_seq": stats.redelivered},
        "latency": latency_report(stats, restart_window),
        "load_average_1min": {"before": round(load_before, 2), "after": round(os.getloadavg()[0], 2), "cores": os.cpu_count()},
        "restart": restart or None,
        # Machine-independent capacity: web-server CPU per delivered message (citizen's and staff's),
        # connections and reconnections included, server start-ups not; PostgreSQL and Redis not included.
        "server_cpu_ms_per_message": round(1000 * server_cpu / max(1, len(stats.staff_seen) + len(stats.citizen_seen)), 2),
        "server_startup_cpu_s": round(startup_cpu, 2),
        # The bench client is one Python process on the same cores: when it is busy its receive
        # timestamps are late, so latency figures include its own queueing.
        "client_cpu_share": round(client_cpu / max(wall, 1e-9), 2),
        "wall_s": round(wall, 1),
        "errors": stats.errors,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", choices=["postgres", "sqlite"], default=os.environ.get("BENCH_DB", "postgres"))
    parser.add_argument("--clients", type=int, default=int(os.environ.get("BENCH_CLIENTS", "500")))
    parser.add_argument("--messages", type=int, default=int(os.environ.get("BENCH_MESSAGES", "4")))
    parser.add_argument("--interval", type=float, default=float(os.environ.get("BENCH_INTERVAL", "6")),
                        help="seconds between one citizen's messages")
    parser.add_argument("--ramp", type=float, default=float(os.environ.get("BENCH_RAMP", "10")),
                        help="seconds over which the clients open their connections (at random moments), "
                             "before the message phase begins")
    parser.add_argument("--drain", type=float, default=30, help="seconds to wait for the last deliveries")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--no-restart", dest="restart", action="store_false")
    parser.add_argument("--restart-mode", choices=["rolling", "workers", "full"],
                        default=os.environ.get("BENCH_RESTART", "rolling"),
                        help="rolling (default): the deployment's reload (systemctl reload, scripts/reload-web): "
                             "a new gunicorn master with the code on disk, then the old one retired; "
                             "workers: HUP, gunicorn forks new workers of the same code; "
                             "full: stop the whole server and start it again (the clients wait for it)")
    parser.add_argument("--uvicorn", action="store_true",
                        help="serve with uvicorn --workers as before gunicorn (rolling: uvicorn's SIGHUP), for comparison")
    parser.add_argument("--deflate", action="store_true",
                        help="with --uvicorn: per-message WebSocket compression on, for comparison")
    parser.add_argument("--samples", help="write every delivery's send and receipt times (and the restart's "
                        "events) to this JSON file, for a timeline")
    parser.add_argument("--port", type=int, default=int(os.environ.get("BENCH_PORT", "8798")))
    parser.add_argument("--redis", default=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/3"))
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="pbgdpl-bench-chat-"))
    env = os.environ.copy()
    env.update({
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(48),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "REDIS_URL": args.redis,
        "WEB_CONCURRENCY": str(args.workers),
        "STATIC_ROOT": str(Path(tempfile.gettempdir()) / "pbgdpl-bench-static"),
        "VAR_DIR": str(work),
        "LOG_LEVEL": "WARNING",
        # One loopback address stands for 500 people here: the per-client limits would stop the bench.
        "CHAT_RATE_PER_CLIENT_HOUR": "1000000",
        "CHAT_NEW_CONVERSATIONS_PER_HOUR": "1000000",
        "DATABASE_URL": ("postgres://postgres@127.0.0.1:5432/pbgdpl_chat_bench" if args.db == "postgres"
                         else f"sqlite:///{work / 'bench.sqlite3'}"),
    })
    if args.db == "postgres":
        # Migrating an empty database takes minutes; a template kept migrated (a no-op when it is
        # current) is copied instead, so every run still starts from a fresh, empty database.
        def psql(sql: str, check: bool = True):
            return subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-c", sql], check=check,
                                  capture_output=True)

        psql(f"create database {TEMPLATE_DB}", check=False)  # fails when it exists: kept
        subprocess.run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, check=True,
                       env={**env, "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{TEMPLATE_DB}"})
        psql("drop database if exists pbgdpl_chat_bench")
        psql(f"create database pbgdpl_chat_bench template {TEMPLATE_DB}")
    else:
        subprocess.run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
    subprocess.run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
    setup = json.loads(subprocess.run([PYTHON, "manage.py", "chat_bench_setup"], cwd=ROOT, env=env, check=True,
                                      capture_output=True, text=True).stdout)
    result = asyncio.run(scenario(args, env, f"{setup['cookie']}={setup['session']}"))
    result["setup"] = {"db": args.db, "workers": args.workers, "clients": args.clients, "messages_per_client": args.messages,
                       "interval_s": args.interval, "ramp_s": args.ramp, "restart": args.restart and args.restart_mode, "channel_layer": "redis",
                       "ws_per_message_deflate": args.deflate}
    print(json.dumps(result, ensure_ascii=False, indent=2))
    ok = result["messages"]["lost"] == 0 and result["messages"]["duplicated"] == 0
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
