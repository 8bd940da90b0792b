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
master (``scripts/reload-web``, what ``systemctl reload`` runs: a deploy without a gap).

Settings from the environment (command-line options such as ``--bind``, ``--workers`` override
them): ``BIND`` (``127.0.0.1:8000``), ``WEB_CONCURRENCY`` (workers, 1 by default), ``FORWARDED_ALLOW_IPS`` (proxies whose X-Forwarded-* headers are trusted; gunicorn's
default is 127.0.0.1), ``GUNICORN_PID_FILE``.
"""

from __future__ import annotations

import asyncio
import os
import sys

from gunicorn.arbiter import Arbiter
from uvicorn import Server
from uvicorn_worker import UvicornWorker

# A stopping worker closes its WebSockets one after another over this many seconds, not all in the
# same instant: the clients reconnect at once (to the workers that replace it), and 250 of them
# arriving together queued every message of those workers behind their handshakes for about a second.
CLOSE_SPREAD_SECONDS = 2.0


class StaggeredServer(Server):
    async def shutdown(self, sockets=None) -> None:
        for server in self.servers:  # stop accepting first, as uvicorn does
            server.close()
        for sock in sockets or []:
            sock.close()
        # uvicorn's WebSocket protocols (a semi-internal API, uvicorn < 1 is pinned): close each with
        # 1012 ("service restart"); the others go on serving until their turn.
        websockets = [c for c in list(self.server_state.connections)
                      if type(c).__module__.startswith("uvicorn.protocols.websockets")]
        for connection in websockets:
            if connection in self.server_state.connections:
                connection.shutdown()
            await asyncio.sleep(CLOSE_SPREAD_SECONDS / len(websockets))
        await super().shutdown()  # the rest (HTTP keep-alive), open tasks, lifespan


class Worker(UvicornWorker):
    """uvicorn's HTTP and WebSocket stack with this site's limits: frames over 64 KiB refused before
    Django sees them; no per-message compression (chat frames are a few hundred bytes and compressing
    each one cost CPU on every message, decision record 0016); 3 s for open requests at shutdown,
    after the WebSockets' staggered close."""

    CONFIG_KWARGS = {**UvicornWorker.CONFIG_KWARGS, "ws_max_size": 65536, "ws_per_message_deflate": False,
                     "timeout_graceful_shutdown": 3}

    async def _serve(self) -> None:  # UvicornWorker._serve with the staggered server
        self.config.app = self.wsgi
        server = StaggeredServer(config=self.config)
        self._install_sigquit_handler()
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
