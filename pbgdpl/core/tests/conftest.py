"""Fixtures shared by the core tests."""

from __future__ import annotations

import os

import pytest
import redis


@pytest.fixture
def test_redis() -> tuple[str, redis.Redis]:
    """The Redis the connection tests use (``TEST_REDIS_COUNTERS_URL``) and a client to inspect it;
    the test is skipped when there is none."""
    url = os.environ.get("TEST_REDIS_COUNTERS_URL", "redis://127.0.0.1:6379/8")
    admin = redis.Redis.from_url(url, socket_connect_timeout=1)
    try:
        admin.ping()
    except redis.exceptions.ConnectionError:
        pytest.skip(f"no Redis at {url}")
    return url, admin
