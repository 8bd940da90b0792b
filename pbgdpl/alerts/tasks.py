"""The hourly job (prune expired requests, then send the due digests; registered in ``AlertsConfig.ready()``)."""

from __future__ import annotations

from django_tasks import task


@task()
def send_alert_digests() -> int:
    from .digests import send_digests
    from .services import prune

    prune()
    return send_digests()
