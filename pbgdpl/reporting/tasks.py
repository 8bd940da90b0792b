"""Background tasks of the reporting app (registered as periodic jobs in ``ReportingConfig.ready()``)."""

from __future__ import annotations

from django_tasks import task


@task()
def send_deadline_reminders() -> int:
    from .services.reminders import send_due_reminders

    return send_due_reminders()


@task()
def roll_up_visits() -> int:
    from .services.visit_stats import roll_up

    return roll_up()
