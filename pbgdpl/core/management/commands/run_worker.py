"""``manage.py run_worker``: the background task worker plus the periodic-job scheduler.

The worker is django_tasks_db's ``db_worker`` loop; a scheduler thread enqueues the jobs
registered in ``pbgdpl.core.periodic`` (scheduled publishing every minute, the apps'
daily jobs). SIGINT/SIGTERM stop both cleanly: a running task is finished first, a
second signal aborts it.

On several machines run one ``run_worker`` per machine; the scheduler's due-check is
shared through the database, so every machine may keep its scheduler on.
"""

from __future__ import annotations

import logging

from django.core.management.base import BaseCommand, CommandError
from django.utils.crypto import get_random_string
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.management.commands.db_worker import Worker

from pbgdpl.core import periodic


class Command(BaseCommand):
    help = "Run background tasks from the database queue and enqueue periodic jobs (Ctrl-C stops)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--queue-name",
            default="default",
            help="Queues to process, comma-separated; '*' for all (default: %(default)s).",
        )
        parser.add_argument(
            "--interval",
            type=float,
            default=1.0,
            help="Seconds to wait between polls of an empty queue (default: %(default)s).",
        )
        parser.add_argument(
            "--tick",
            type=float,
            default=5.0,
            help="Seconds between two checks for due periodic jobs (default: %(default)s).",
        )
        parser.add_argument(
            "--no-scheduler",
            action="store_true",
            help="Only run tasks; do not enqueue periodic jobs.",
        )
        parser.add_argument(
            "--batch",
            action="store_true",
            help="Run the tasks already queued, then exit (implies --no-scheduler).",
        )

    def handle(self, *args, queue_name: str, interval: float, tick: float, no_scheduler: bool, batch: bool = False,
               **options):
        backend = task_backends[DEFAULT_TASK_BACKEND_ALIAS]
        if not isinstance(backend, DatabaseBackend):
            raise CommandError(
                f"The default task backend is {type(backend).__name__}, not the database backend: "
                "there is no queue for a worker to process (check TASKS in the settings)."
            )
        if interval <= 0 or tick <= 0:
            raise CommandError("--interval and --tick must be positive numbers of seconds.")

        # Every task start and finish is logged at INFO by django_tasks: keep that for -v 2,
        # show only failures (logged at ERROR) by default.
        logging.getLogger("django_tasks").setLevel(logging.INFO if options["verbosity"] > 1 else logging.WARNING)
        worker_id = get_random_string(32)
        scheduler = None
        if not (no_scheduler or batch):
            jobs = periodic.periodic_jobs()
            described = ", ".join(f"{job.name} every {job.every} s" for job in jobs) or "none registered"
            self.stdout.write(f"Periodic jobs: {described}")
            scheduler = periodic.Scheduler(tick=tick)
            scheduler.start()

        worker = Worker(
            queue_names=queue_name.split(","),
            interval=interval,
            batch=batch,
            backend_name=DEFAULT_TASK_BACKEND_ALIAS,
            startup_delay=False,
            max_tasks=None,
            worker_id=worker_id,
            excluded_queue_names=[],
        )
        # The worker's handlers let a running task finish on the first signal and exit
        # through SystemExit; the finally block then stops the scheduler thread.
        worker.configure_signals()
        self.stdout.write(f"Worker {worker_id} processing queue(s) {queue_name}.")
        try:
            worker.run()
        finally:
            if scheduler is not None:
                scheduler.stop()
                scheduler.join(timeout=10)
            self.stdout.write("Worker stopped.")
