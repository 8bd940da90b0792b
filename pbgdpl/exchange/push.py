"""Push: send every shared item whose content hash differs from what the platform last accepted.

Each accepted item is recorded at once (``SentItem``), so a run that dies half-way resumes where
it stopped: the next run skips everything already sent unchanged. A platform that is down stops
the run (nothing more is attempted); an item the platform refuses is logged and the run goes on.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.utils import timezone

from .client import ExchangeClient, ExchangeError, configured
from .items import all_items
from .models import Direction, ExchangeRun, RunStatus, SentItem

logger = logging.getLogger(__name__)
MAX_LOGGED_ERRORS = 50


def finish(run: ExchangeRun, *, aborted: str = "") -> ExchangeRun:
    if aborted:
        run.errors = [*run.errors, aborted][-MAX_LOGGED_ERRORS:]
        run.status = RunStatus.FAILED
    else:
        run.status = RunStatus.PARTIAL if run.failed else RunStatus.OK
    run.finished_at = timezone.now()
    run.save()
    return run


def push(items=None) -> ExchangeRun | None:
    """One push run; None when the exchange is not configured."""
    if not configured(settings.EXCHANGE_PUSH_URL):
        return None
    run = ExchangeRun.objects.create(direction=Direction.PUSH)
    known = dict(SentItem.objects.values_list("item_id", "content_hash"))
    client = ExchangeClient()
    try:
        for item in items if items is not None else all_items():
            if known.get(item["id"]) == item["content_hash"]:
                run.unchanged += 1
                continue
            try:
                response = client.request("POST", settings.EXCHANGE_PUSH_URL, json=item)
            except ExchangeError as error:
                if error.retry:
                    logger.warning("exchange push stopped at %s: %s", item["id"], error)
                    return finish(run, aborted=f"{item['id']}: {error}")
                run.failed += 1
                if len(run.errors) < MAX_LOGGED_ERRORS:
                    run.errors.append(f"{item['id']}: {error}")
                continue
            remote_id = _remote_id(response)
            SentItem.objects.update_or_create(item_id=item["id"], defaults={
                "content_hash": item["content_hash"], "remote_id": remote_id})
            run.sent += 1
        return finish(run)
    finally:
        client.close()


def _remote_id(response) -> str:
    """The platform's id for the item when it gives one (docs/exchange.md: ``{"id": …}``)."""
    try:
        body = response.json()
    except ValueError:
        return ""
    return str(body.get("id", ""))[:200] if isinstance(body, dict) else ""
