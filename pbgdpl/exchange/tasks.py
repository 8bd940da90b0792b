"""Background runs of the exchange (periodic jobs registered in ``ExchangeConfig.ready()``)."""

from __future__ import annotations

from django_tasks import task

from . import pull, push


@task()
def push_to_exchange() -> str:
    run = push.push()
    return f"{run.status}: sent {run.sent}, unchanged {run.unchanged}, failed {run.failed}" if run else "off"


@task()
def pull_from_exchange() -> str:
    run = pull.pull()
    return f"{run.status}: received {run.received}, unchanged {run.unchanged}, failed {run.failed}" if run else "off"
