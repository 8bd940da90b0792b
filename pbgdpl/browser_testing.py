"""Helpers for the Playwright browser tests.

Playwright's ``page.wait_for_function`` evaluates its predicate with ``eval`` inside the
page, which our Content-Security-Policy (no 'unsafe-eval') rightly refuses. ``page.evaluate``
goes through the DevTools protocol and is not subject to the page's CSP, so polling with it
keeps the tests running under the production policy.
"""

from __future__ import annotations

import time


def wait_for_js(page, expression: str, *, timeout: float = 10_000, interval: float = 0.1) -> None:
    """Wait until the JavaScript ``expression`` is truthy in ``page`` (timeout in milliseconds)."""
    deadline = time.monotonic() + timeout / 1000
    while True:
        if page.evaluate(expression):
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"Timed out after {timeout:.0f} ms waiting for: {expression}")
        page.wait_for_timeout(interval * 1000)
