"""The web server's one configuration: gunicorn managing uvicorn workers (``make serve``, the benches and
the systemd unit in docs/operations.md all run ``gunicorn -c config/gunicorn.py``).

Why gunicorn in front of uvicorn (decision record 0016): the application is imported once, in the
master (``preload_app``), and every worker is forked from it. uvicorn's own ``--workers`` starts each
worker with a fresh interpreter that imports Django, Wagtail and the apps again (≈ 2 s of CPU); in a
rolling restart that import ran beside the serving workers, at the moment the retired worker's
sockets were reconnecting, and on two cores it starved them (live chat p95 of seconds across a
restart). Forked workers answer at once.

Signals to the master: ``HUP`` replaces the workers (forked again from the master: the same code);
``USR2`` starts a new master with the code on disk beside the old one, then ``TERM`` retires the old
master (``scripts/reload-web``, what ``systemctl reload`` runs: a deploy without a gap). A new worker
warms up (what apps registered with pbgdpl.core.serving.register_warm_up: the chat's database pool
and threads, channel layer and snapshots)
before it accepts, then leaves a ready file (``READY_DIR``) that scripts/reload-web waits for before
it retires the old master: the old workers' sockets move to workers that are ready for them.

Settings from the environment (command-line options such as ``--bind``, ``--workers`` override
them): ``BIND`` (``127.0.0.1:8000``), ``WEB_CONCURRENCY`` (workers, 1 by default), ``FORWARDED_ALLOW_IPS`` (proxies whose X-Forwarded-* headers are trusted; gunicorn's
default is 127.0.0.1), ``GUNICORN_PID_FILE``.
"""

from __future__ import annotations

import asyncio
import logging
import os
import sys
import tempfile
from pathlib import Path

from gunicorn.arbiter import Arbiter
from uvicorn import Server
from uvicorn_worker import UvicornWorker

# A stopping worker closes its WebSockets one after another over this many seconds, not all in the
# same instant: the clients reconnect at once (to the workers that replace it), and 250 of them
# arriving together queued every message of those workers behind their handshakes for about a second.
CLOSE_SPREAD_SECONDS = 2.0
# Sockets under these paths are closed first, before the spread: the staff inbox. Every citizen's
# message reaches staff through it, so while it reconnects and catches up, every conversation waits;
# closed in the middle of the spread it reconnected to workers busy with hundreds of widgets
# (0.1–1.2 s, measured), closed first to workers that have nothing else to do yet.
CLOSE_FIRST_PATHS = ("/ws/chat/staff/",)
CLOSE_FIRST_HEAD_START = 0.2  # seconds between those and the spread of the others
# Where a worker that is warm and accepting leaves ``web-ready.<pid>`` (scripts/reload-web reads the
# same place): systemd's RuntimeDirectory when the unit has one, else the temporary directory.
READY_DIR = Path(os.environ.get("RUNTIME_DIRECTORY") or tempfile.gettempdir())
log = logging.getLogger("gunicorn.error")


def ready_file(pid: int) -> Path:
    return READY_DIR / f"web-ready.{pid}"


def _path(connection) -> str:
    return (getattr(connection, "scope", None) or {}).get("path", "")


class StaggeredServer(Server):
    async def startup(self, sockets=None) -> None:
        await super().startup(sockets=sockets)
        if self.started and sockets:  # under gunicorn: the worker accepts now
            ready_file(os.getpid()).touch()

    async def shutdown(self, sockets=None) -> None:
        ready_file(os.getpid()).unlink(missing_ok=True)  # not accepting any more
        for server in self.servers:  # stop accepting first, as uvicorn does
            server.close()
        for sock in sockets or []:
            sock.close()
        # uvicorn's WebSocket protocols (a semi-internal API, uvicorn < 1 is pinned): close each with
        # 1012 ("service restart"); the others go on serving until their turn.
        websockets = [c for c in list(self.server_state.connections)
                      if type(c).__module__.startswith("uvicorn.protocols.websockets")]
        first = [c for c in websockets if _path(c).startswith(CLOSE_FIRST_PATHS)]
        rest = [c for c in websockets if c not in first]
        for connection in first:
            if connection in self.server_state.connections:
                connection.shutdown()
        if first and rest:
            await asyncio.sleep(CLOSE_FIRST_HEAD_START)
        for connection in rest:
            if connection in self.server_state.connections:
                connection.shutdown()
            await asyncio.sleep(CLOSE_SPREAD_SECONDS / len(rest))
        await super().shutdown()  # the rest (HTTP keep-alive), open tasks, lifespan


class Worker(UvicornWorker):
    """uvicorn's HTTP and WebSocket stack with this site's limits: frames over 64 KiB refused before
    Django sees them; no per-message compression (chat frames are a few hundred bytes and compressing
    each one cost CPU on every message, decision record 0016); 3 s for open requests at shutdown,
    after the WebSockets' staggered close."""

    CONFIG_KWARGS = {**UvicornWorker.CONFIG_KWARGS, "ws_max_size": 65536, "ws_per_message_deflate": False,
                     "timeout_graceful_shutdown": 3}

    async def _serve(self) -> None:  # UvicornWorker._serve with the warm-up and the staggered server
        self.config.app = self.wsgi
        server = StaggeredServer(config=self.config)
        self._install_sigquit_handler()
        from django.conf import settings

        if settings.configured:  # not for the bare apps bench/web measures the machine with
            from pbgdpl.core.serving import warm_up

            log.debug("Worker %s warmed up in %.2f s", os.getpid(), await warm_up())
        await server.serve(sockets=self.sockets)
        if not server.started:
            sys.exit(Arbiter.WORKER_BOOT_ERROR)


wsgi_app = "config.asgi:application"
bind = [os.environ.get("BIND", "127.0.0.1:8000")]
workers = int(os.environ.get("WEB_CONCURRENCY", "1"))
worker_class = "config.gunicorn.Worker"
preload_app = True
graceful_timeout = 8  # the staggered close, then 3 s for open requests
# Workers report to the master between requests; a worker silent this long is replaced.
timeout = 60
keepalive = 5  # seconds an idle HTTP connection stays open (uvicorn's default; gunicorn's is 2)
accesslog = None
loglevel = os.environ.get("LOG_LEVEL", "warning").lower()
pidfile = os.environ.get("GUNICORN_PID_FILE") or None


def when_ready(server) -> None:
    """The master imported the application: nothing it opened may be shared by forked workers
    (import opens no connection today; this keeps it so if one ever does). A master started by
    USR2 beside a running one (scripts/reload-web) tells systemd that it is the main process now
    (the unit has NotifyAccess=all), so retiring the old master does not stop the service."""
    from django.conf import settings
    from gunicorn import systemd

    if settings.configured:  # not for the bare apps bench/web measures the machine with
        from django.db import connections

        connections.close_all()
    if server.master_pid:
        systemd.sd_notify(f"MAINPID={os.getpid()}", server.log)


def child_exit(server, worker) -> None:
    """In the master, for a worker that died without its shutdown (killed, crashed). Not gunicorn's
    worker_exit: uvicorn ends a worker by raising the signal it caught again, which kills the
    process before that hook runs."""
    ready_file(worker.pid).unlink(missing_ok=True)
