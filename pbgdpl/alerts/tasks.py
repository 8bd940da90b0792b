"""The hourly digest job (registered as a periodic job in ``AlertsConfig.ready()``)."""

from __future__ import annotations

from django_tasks import task


@task()
def send_alert_digests() -> int:
    from .digests import send_digests

    return send_digests()
