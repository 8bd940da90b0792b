"""Periodic jobs: background tasks the worker enqueues on a fixed interval.

An app registers its jobs from its ``AppConfig.ready()``, like every other registry
(search sources, set-up steps, demo loaders, personal data), never as a side effect of
importing a module::

    # pbgdpl/legal/apps.py
    def ready(self) -> None:
        from pbgdpl.core.periodic import register_periodic

        from .tasks import refresh_validity  # a django_tasks @task()

        register_periodic("legal-refresh-validity", every=24 * 3600, task=refresh_validity)

The scheduler thread of ``run_worker`` calls :func:`enqueue_due_jobs` every few
seconds. A job is due when no run of its task is waiting or running and the last one
was enqueued at least ``every`` seconds ago. That state is read from the task queue
table itself, so it survives restarts and is shared by every worker machine: a daily
job does not run again because the worker restarted, and two schedulers do not
enqueue the same job twice. Between those database checks each process remembers
when a job can next be due, so an idle scheduler costs nothing.
"""

from __future__ import annotations

import datetime
import logging
import threading
from dataclasses import dataclass

from django.db import close_old_connections, connection, transaction
from django.db.models import Q
from django.utils import timezone
from django_tasks.base import Task, TaskResultStatus

logger = logging.getLogger(__name__)

# Arbitrary constant for PostgreSQL's advisory lock: serialises the due-check between
# schedulers on several machines.
_PG_ADVISORY_LOCK_KEY = 0x50424744  # "PBGD"
# How soon to look again at a job whose previous run is still queued or running.
_PENDING_RECHECK = datetime.timedelta(seconds=60)
# A periodic run still "running" after this long belonged to a worker that died.
STALE_RUNNING_AFTER = datetime.timedelta(hours=1)


@dataclass(frozen=True)
class PeriodicJob:
    """A task enqueued (without arguments) every ``every`` seconds."""

    name: str
    every: int
    task: Task

    def _results(self):
        from django_tasks_db.models import DBTaskResult

        return DBTaskResult.objects.filter(
            task_path=self.task.module_path,
            backend_name=self.task.backend,
            queue_name=self.task.queue_name,
        )

    def is_pending(self, now: datetime.datetime | None = None) -> bool:
        """True while a run is waiting in the queue or running.

        A run marked as running for longer than ``STALE_RUNNING_AFTER`` is taken as abandoned
        (its worker was killed mid-task and will never finish it), so the job runs again.
        """
        now = now or timezone.now()
        pending = self._results().filter(
            Q(status=TaskResultStatus.READY)
            | Q(status=TaskResultStatus.RUNNING, started_at__gte=now - STALE_RUNNING_AFTER)
        )
        return pending.exists()

    def last_enqueued_at(self) -> datetime.datetime | None:
        """When the most recent run was enqueued (None if none is on record)."""
        return self._results().order_by("-enqueued_at").values_list("enqueued_at", flat=True).first()


_jobs: dict[str, PeriodicJob] = {}
# When this process should next look at each job. The queue table has no index that
# would make the due-check cheap (it grows by one row per run), so the database is only
# asked when a job may be due: at start, after its interval, or while a run is pending.
_next_check: dict[str, datetime.datetime] = {}


def register_periodic(name: str, *, every: int, task: Task) -> PeriodicJob:
    """Register ``task`` to be enqueued every ``every`` seconds under the name ``name``.

    Registering the same name again replaces the job (modules may be imported twice).
    """
    if not isinstance(task, Task):
        raise TypeError(f"Periodic job {name!r} needs a django_tasks task (decorate the function with @task()).")
    if every < 1:
        raise ValueError(f"Periodic job {name!r}: 'every' must be at least 1 second.")
    for other in _jobs.values():
        if other.name != name and other.task.module_path == task.module_path:
            raise ValueError(f"Task {task.module_path} is already registered as periodic job {other.name!r}.")
    job = PeriodicJob(name=name, every=int(every), task=task)
    _jobs[name] = job
    _next_check.pop(name, None)
    return job


def unregister_periodic(name: str) -> None:
    """Forget a job (tests use this to keep the registry clean)."""
    _jobs.pop(name, None)
    _next_check.pop(name, None)


def reset_schedule_state() -> None:
    """Forget this process's memory of when jobs are due; the next pass asks the database."""
    _next_check.clear()


def periodic_jobs() -> list[PeriodicJob]:
    """Every registered job, by name."""
    return [_jobs[name] for name in sorted(_jobs)]



def _uses_database_queue(job: PeriodicJob) -> bool:
    from django_tasks_db.backend import DatabaseBackend

    return isinstance(job.task.get_backend(), DatabaseBackend)


def _next_due(job: PeriodicJob, now: datetime.datetime) -> datetime.datetime | None:
    """None if ``job`` is due at ``now``, else when to look at it again (per the queue table)."""
    if not _uses_database_queue(job):
        # Backends without a queue (the immediate backend of tests): memory is all there is.
        return None
    if job.is_pending(now):
        return now + min(datetime.timedelta(seconds=job.every), _PENDING_RECHECK)
    last = job.last_enqueued_at()
    interval = datetime.timedelta(seconds=job.every)
    if last is None or now - last >= interval:
        return None
    return last + interval


def enqueue_due_jobs(now: datetime.datetime | None = None) -> list[str]:
    """Enqueue every job that is due; return the names of the jobs enqueued.

    A failing job is logged and skipped so that one broken app cannot stop the others.
    """
    now = now or timezone.now()
    enqueued: list[PeriodicJob] = []
    for job in periodic_jobs():
        interval = datetime.timedelta(seconds=job.every)
        planned = _next_check.get(job.name)
        # A planned check more than one interval ahead means the clock went back: look now.
        if planned is not None and now < planned <= now + interval:
            continue
        try:
            later = _next_due(job, now)
            if later is None:
                with transaction.atomic():
                    if connection.vendor == "postgresql":
                        with connection.cursor() as cursor:
                            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_PG_ADVISORY_LOCK_KEY])
                    # Again under the lock: another scheduler may have enqueued it meanwhile.
                    later = _next_due(job, now)
                    if later is None:
                        job.task.enqueue()
                        enqueued.append(job)
                        later = now + interval
            _next_check[job.name] = later
        except Exception:
            logger.exception("Could not enqueue periodic job %s", job.name)
    names = [job.name for job in enqueued]
    if enqueued:
        # Jobs that run every few seconds (the search outbox) would flood the log at INFO.
        level = logging.DEBUG if all(job.every < 60 for job in enqueued) else logging.INFO
        logger.log(level, "Enqueued periodic jobs: %s", ", ".join(names))
    return names


class Scheduler(threading.Thread):
    """Background thread of ``run_worker`` that enqueues due jobs every ``tick`` seconds."""

    def __init__(self, tick: float = 5.0) -> None:
        super().__init__(name="periodic-scheduler", daemon=True)
        self.tick = tick
        self._stop_event = threading.Event()

    def run(self) -> None:
        try:
            while not self._stop_event.is_set():
                self.run_pass()
                self._stop_event.wait(self.tick)
        finally:
            # This thread has its own database connection; give it back.
            connection.close()

    def run_pass(self) -> list[str]:
        """One pass of the loop: enqueue what is due now; returns the jobs enqueued."""
        close_old_connections()
        return enqueue_due_jobs()

    def stop(self) -> None:
        """Ask the thread to finish after its current pass."""
        self._stop_event.set()
