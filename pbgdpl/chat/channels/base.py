"""What the platform adapters share: an inbound message, a send failure, the HTTP client."""

from __future__ import annotations

from dataclasses import dataclass

import httpx

# A platform that does not answer within this time is retried later; the webhook itself never waits on it.
TIMEOUT = httpx.Timeout(10.0, connect=5.0)


@dataclass(frozen=True)
class Inbound:
    user_id: str
    platform_id: str
    text: str
    name: str = ""


class SendError(Exception):
    """The platform refused or did not answer. ``retry``: worth trying again later."""

    def __init__(self, reason: str, *, retry: bool):
        super().__init__(reason)
        self.retry = retry


def client() -> httpx.Client:
    return httpx.Client(timeout=TIMEOUT)
