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
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# Run as a script: this folder is on sys.path.
from clients import SETTLE, Citizen, Staff, Stats, latency_report  # noqa: E402
from server import (  # noqa: E402
    group_cpu_seconds,
    gunicorn_reload,
    gunicorn_restart_workers,
    start_server,
    stop_server,
    tree_cpu_seconds,
    uvicorn_rolling_restart,
    wait_healthy,
)

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
TEMPLATE_DB = "pbgdpl_chat_bench_template"


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
                cpu_now = lambda: tree_cpu_seconds(reload["new_master"])  # noqa: E731
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
            "citizen_events": [(round(at - t0, 3), what, n) for at, what, n in stats.citizen_events],
            # (sent, received, citizen number)
            "to_staff": [(round(a - t0, 4), round(b - t0, 4), n)
                         for (a, b), n in zip(stats.to_staff, stats.to_staff_who, strict=True)],
            "to_citizen": [(round(a - t0, 4), round(b - t0, 4), n)
                           for (a, b), n in zip(stats.to_citizen, stats.to_citizen_who, strict=True)],
            "t0_monotonic": t0}))
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
