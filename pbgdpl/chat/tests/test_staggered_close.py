"""A stopping web worker closes its WebSockets one after another (config/gunicorn.py), not all at once:
the clients reconnect at once, and 250 arriving together stalled the workers that replace it."""

import asyncio
import os
import time

import pytest
from uvicorn import Config

from config import gunicorn as serving


class FakeWebSocket:
    """Stands for uvicorn's WebSocket protocol objects (what StaggeredServer recognises by module)."""

    __module__ = "uvicorn.protocols.websockets.fake"

    def __init__(self, connections: set, closed_at: list, path: str = "/ws/chat/"):
        self.connections, self.closed_at = connections, closed_at
        self.scope = {"type": "websocket", "path": path}

    def shutdown(self):
        self.closed_at.append((time.monotonic(), self.scope["path"]))
        self.connections.discard(self)  # the socket is gone once its close went out


class FakeHTTP:
    def __init__(self, connections: set, closed: list):
        self.connections, self.closed = connections, closed

    def shutdown(self):
        self.closed.append(self)
        self.connections.discard(self)


class FakeLifespan:
    async def shutdown(self):
        pass


@pytest.mark.parametrize("sockets", [1, 10])
def test_websockets_are_closed_one_after_another_over_the_spread(monkeypatch, sockets):
    monkeypatch.setattr(serving, "CLOSE_SPREAD_SECONDS", 0.5)
    server = serving.StaggeredServer(Config(app=None, lifespan="off"))
    server.lifespan, server.servers = FakeLifespan(), []  # set by startup(), which is not run here
    connections = server.server_state.connections
    closed_at, http_closed = [], []
    for _ in range(sockets):
        connections.add(FakeWebSocket(connections, closed_at))
    connections.add(FakeHTTP(connections, http_closed))

    start = time.monotonic()
    asyncio.run(server.shutdown())

    assert len(closed_at) == sockets and len(http_closed) == 1 and not connections
    # Spread over the whole half second, not all in the same instant.
    assert time.monotonic() - start >= 0.45
    if sockets > 1:
        assert closed_at[-1][0] - closed_at[0][0] >= 0.5 * (sockets - 1) / sockets - 0.05


def test_the_staff_inbox_is_closed_before_the_widgets(monkeypatch):
    """Every citizen's message reaches staff through the inbox's socket: it moves to the new workers
    first, while they have nothing else to do, and the widgets follow over the spread."""
    monkeypatch.setattr(serving, "CLOSE_SPREAD_SECONDS", 0.3)
    server = serving.StaggeredServer(Config(app=None, lifespan="off"))
    server.lifespan, server.servers = FakeLifespan(), []
    connections = server.server_state.connections
    closed_at = []
    for n in range(12):
        connections.add(FakeWebSocket(connections, closed_at, "/ws/chat/staff/" if n in (4, 9) else "/ws/chat/"))

    asyncio.run(server.shutdown())

    paths = [path for _, path in closed_at]
    assert paths[:2] == ["/ws/chat/staff/"] * 2 and set(paths[2:]) == {"/ws/chat/"}
    assert closed_at[2][0] - closed_at[1][0] >= serving.CLOSE_FIRST_HEAD_START - 0.02


def test_a_worker_reports_ready_only_once_it_accepts(tmp_path, monkeypatch):
    """scripts/reload-web retires the old workers when every new one has left its ready file."""
    import socket

    monkeypatch.setattr(serving, "READY_DIR", tmp_path)
    listening = socket.socket()
    listening.bind(("127.0.0.1", 0))
    listening.listen()
    server = serving.StaggeredServer(Config(app=lambda *a: None, lifespan="off", log_config=None))

    async def start_and_stop():
        server.config.load()
        server.lifespan = server.config.lifespan_class(server.config)
        assert not serving.ready_file(os.getpid()).exists()
        await server.startup(sockets=[listening])
        ready = serving.ready_file(os.getpid()).exists()
        await server.shutdown(sockets=[listening])
        return ready

    try:
        assert asyncio.run(start_and_stop())
    finally:
        listening.close()
    assert not serving.ready_file(os.getpid()).exists()  # a stopping worker accepts no more

    class FakeWorker:  # one that died without its shutdown: the master removes its file
        pid = os.getpid()

    serving.ready_file(os.getpid()).touch()
    serving.child_exit(None, FakeWorker())
    assert not serving.ready_file(os.getpid()).exists()


def test_the_serving_configuration_keeps_the_chat_limits():
    assert serving.preload_app is True
    assert serving.Worker.CONFIG_KWARGS["ws_max_size"] == 65536
    assert serving.Worker.CONFIG_KWARGS["ws_per_message_deflate"] is False
    assert serving.graceful_timeout > (serving.CLOSE_FIRST_HEAD_START + serving.CLOSE_SPREAD_SECONDS
                                       + serving.Worker.CONFIG_KWARGS["timeout_graceful_shutdown"])


@pytest.mark.django_db(transaction=True)
def test_a_warmed_worker_has_what_a_reconnection_needs(settings):
    """pbgdpl/chat/warmup.py, run by a new worker before it accepts: the block list and settings are
    in memory (no reconnection reads them), the chat's database threads are started, and the
    channel layer's round trip left no subscription behind."""
    from channels.layers import channel_layers

    from pbgdpl.chat import consumers, protocol, snapshots
    from pbgdpl.core.serving import warm_up

    settings.CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
    channel_layers.backends.clear()
    snapshots.forget()
    assert protocol.is_blocked_if_known("someone") is None

    asyncio.run(warm_up())

    assert protocol.is_blocked_if_known("someone") is False
    assert snapshots.fresh("settings") is not None
    assert len(consumers._executors["widget"]._threads) == settings.CHAT_DB_THREADS
    assert len(consumers._executors["staff"]._threads) == settings.CHAT_STAFF_DB_THREADS
    assert not channel_layers["default"].channels
    channel_layers.backends.clear()


@pytest.mark.django_db(transaction=True)
def test_closing_the_chat_database_threads_closes_their_connections(monkeypatch):
    """Each chat database thread keeps its connection between calls where CONN_MAX_AGE allows; the
    test run's end closes them (PostgreSQL refuses to drop a database anyone is connected to)."""
    from django.db import connection, connections

    from pbgdpl.chat import consumers

    if connection.vendor != "postgresql":
        pytest.skip("SQLite's test database is in memory: Django never closes its connection")
    monkeypatch.setitem(connections.settings["default"], "CONN_MAX_AGE", 60)
    held = []

    def query():
        connections["default"].ensure_connection()
        held.append(connections["default"])  # this thread's own (``connection`` is a proxy)

    async def run():
        await asyncio.gather(*(consumers.in_thread(query)() for _ in range(3)))

    asyncio.run(run())
    assert held and all(c.connection is not None for c in held)

    consumers.close_database_threads()

    assert all(c.connection is None for c in held)
    assert not consumers._executors
