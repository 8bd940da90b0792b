"""Fixtures of the search tests."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Analytics limits, the dictionary version and popular searches live in the cache: a test
    must not see what the previous one counted."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
