"""Periodic jobs: background tasks the worker enqueues on a fixed interval.

An app registers a job next to its task, in its ``tasks.py`` (``manage.py run_worker``
imports every app's ``tasks`` module) or from its ``AppConfig.ready()``::

    from django_tasks import task
    from pbgdpl.core.periodic import register_periodic

    @task()
    def refresh_validity() -> int:
        ...

    register_periodic("legal-refresh-validity", every=24 * 3600, task=refresh_validity)

The scheduler thread of ``run_worker`` calls :func:`enqueue_due_jobs` every few
seconds. A job is due when no run of its task is waiting or running and the last one
was enqueued at least ``every`` seconds ago. That state is read from the task queue
table itself, so it survives restarts and is shared by every worker machine: a daily
job does not run again because the worker restarted, and two schedulers do not
enqueue the same job twice.
"""

from __future__ import annotations

import datetime
import logging
import threading
from dataclasses import dataclass

from django.db import close_old_connections, connection, transaction
from django.utils import timezone
from django.utils.module_loading import autodiscover_modules
from django_tasks.base import Task, TaskResultStatus

logger = logging.getLogger(__name__)

# Arbitrary constant for PostgreSQL's advisory lock: serialises the due-check between
# schedulers on several machines.
_PG_ADVISORY_LOCK_KEY = 0x50424744  # "PBGD"


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

    def is_pending(self) -> bool:
        """True while a run is waiting in the queue or running."""
        return (
            self._results().filter(status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING]).exists()
        )

    def last_enqueued_at(self) -> datetime.datetime | None:
        """When the most recent run was enqueued (None if none is on record)."""
        return self._results().order_by("-enqueued_at").values_list("enqueued_at", flat=True).first()


_jobs: dict[str, PeriodicJob] = {}
_memory_last_enqueued: dict[str, datetime.datetime] = {}


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
    return job


def unregister_periodic(name: str) -> None:
    """Forget a job (tests use this to keep the registry clean)."""
    _jobs.pop(name, None)
    _memory_last_enqueued.pop(name, None)


def periodic_jobs() -> list[PeriodicJob]:
    """Every registered job, by name."""
    return [_jobs[name] for name in sorted(_jobs)]


def autodiscover() -> None:
    """Import every installed app's ``tasks`` module so their jobs register themselves."""
    autodiscover_modules("tasks")


def _uses_database_queue(job: PeriodicJob) -> bool:
    from django_tasks_db.backend import DatabaseBackend

    return isinstance(job.task.get_backend(), DatabaseBackend)


def _is_due(job: PeriodicJob, now: datetime.datetime) -> bool:
    interval = datetime.timedelta(seconds=job.every)
    if not _uses_database_queue(job):
        # Backends that keep no queue (the immediate backend of tests): remember in memory.
        last = _memory_last_enqueued.get(job.name)
        return last is None or now - last >= interval
    if job.is_pending():
        return False
    last = job.last_enqueued_at()
    return last is None or now - last >= interval


def enqueue_due_jobs(now: datetime.datetime | None = None) -> list[str]:
    """Enqueue every job that is due; return the names of the jobs enqueued.

    A failing job is logged and skipped so that one broken app cannot stop the others.
    """
    now = now or timezone.now()
    enqueued: list[str] = []
    for job in periodic_jobs():
        try:
            # Cheap read first: on SQLite every transaction takes the write lock, so only
            # jobs that look due get the locked re-check and the enqueue.
            if not _is_due(job, now):
                continue
            with transaction.atomic():
                if connection.vendor == "postgresql":
                    with connection.cursor() as cursor:
                        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_PG_ADVISORY_LOCK_KEY])
                if not _is_due(job, now):
                    continue
                job.task.enqueue()
                _memory_last_enqueued[job.name] = now
                enqueued.append(job.name)
        except Exception:
            logger.exception("Could not enqueue periodic job %s", job.name)
    if enqueued:
        logger.info("Enqueued periodic jobs: %s", ", ".join(enqueued))
    return enqueued


class Scheduler(threading.Thread):
    """Background thread of ``run_worker`` that enqueues due jobs every ``tick`` seconds."""

    def __init__(self, tick: float = 5.0) -> None:
        super().__init__(name="periodic-scheduler", daemon=True)
        self.tick = tick
        self._stop_event = threading.Event()

    def run(self) -> None:
        try:
            while not self._stop_event.is_set():
                close_old_connections()
                enqueue_due_jobs()
                self._stop_event.wait(self.tick)
        finally:
            # This thread has its own database connection; give it back.
            connection.close()

    def stop(self) -> None:
        """Ask the thread to finish after its current pass."""
        self._stop_event.set()
