"""``chat.W001``: several web workers (WEB_CONCURRENCY > 1) with the in-memory channel layer. Messages are still stored and
every client catches up when it reconnects or polls, but live pushes stop at the process boundary."""

from __future__ import annotations

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.compatibility)
def check_channel_layer(app_configs, **kwargs) -> list[Warning]:
    backend = settings.CHANNEL_LAYERS.get("default", {}).get("BACKEND", "")
    workers = settings.WEB_CONCURRENCY
    # Unset means "unknown" (the database cache is a supported single-machine set-up): warn only when
    # the operator says several workers run.
    if backend.endswith("InMemoryChannelLayer") and workers is not None and workers > 1:
        return [Warning(
            "Live chat uses the in-memory channel layer while more than one web worker may run.",
            hint="Set REDIS_URL so that a message reaches staff connected to another worker, or WEB_CONCURRENCY=1.",
            id="chat.W001",
        )]
    return []
