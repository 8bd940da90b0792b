"""A stopping web worker closes its WebSockets one after another (config/gunicorn.py), not all at once:
the clients reconnect at once, and 250 arriving together stalled the workers that replace it."""

import asyncio
import time

import pytest
from uvicorn import Config

from config import gunicorn as serving


class FakeWebSocket:
    """Stands for uvicorn's WebSocket protocol objects (what StaggeredServer recognises by module)."""

    __module__ = "uvicorn.protocols.websockets.fake"

    def __init__(self, connections: set, closed_at: list):
        self.connections, self.closed_at = connections, closed_at

    def shutdown(self):
        self.closed_at.append(time.monotonic())
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
        assert closed_at[-1] - closed_at[0] >= 0.5 * (sockets - 1) / sockets - 0.05


def test_the_serving_configuration_keeps_the_chat_limits():
    assert serving.preload_app is True
    assert serving.Worker.CONFIG_KWARGS["ws_max_size"] == 65536
    assert serving.Worker.CONFIG_KWARGS["ws_per_message_deflate"] is False
    assert serving.graceful_timeout > serving.CLOSE_SPREAD_SECONDS + serving.Worker.CONFIG_KWARGS["timeout_graceful_shutdown"]
