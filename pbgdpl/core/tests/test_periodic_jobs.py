"""The periodic-job registry and the worker command that runs it."""

from __future__ import annotations

import datetime
import signal

import pytest
import time_machine
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from pbgdpl.core import periodic
from pbgdpl.core.tasks import prune_task_results, publish_scheduled

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
calls: list[str] = []


@task()
def record_call() -> None:
    calls.append("called")


@task()
def broken_enqueue_target() -> None:
    """Never runs: the test makes enqueuing it fail."""


@pytest.fixture(autouse=True)
def fresh_schedule_memory():
    periodic.reset_schedule_state()
    yield
    periodic.reset_schedule_state()


@pytest.fixture
def temporary_job():
    names: list[str] = []

    def register(name, **kwargs):
        names.append(name)
        return periodic.register_periodic(name, **kwargs)

    yield register
    for name in names:
        periodic.unregister_periodic(name)


def test_core_registers_scheduled_publishing_every_minute():
    jobs = {job.name: job for job in periodic.periodic_jobs()}
    assert jobs["publish-scheduled"].every == 60
    assert jobs["publish-scheduled"].task is publish_scheduled


def test_registration_rejects_plain_functions_and_bad_intervals(temporary_job):
    with pytest.raises(TypeError):
        temporary_job("plain-function", every=60, task=lambda: None)
    with pytest.raises(ValueError):
        temporary_job("too-often", every=0, task=record_call)


def test_one_task_cannot_be_two_jobs(temporary_job):
    temporary_job("first-name", every=60, task=record_call)
    with pytest.raises(ValueError):
        temporary_job("second-name", every=60, task=record_call)


def test_a_failing_job_does_not_stop_the_others(db, temporary_job, monkeypatch):
    calls.clear()
    temporary_job("aa-broken", every=60, task=broken_enqueue_target)
    temporary_job("zz-record", every=60, task=record_call)
    real_next_due = periodic._next_due

    def next_due(job, now):
        if job.name == "aa-broken":
            raise RuntimeError("database hiccup")
        return real_next_due(job, now)

    monkeypatch.setattr(periodic, "_next_due", next_due)
    enqueued = periodic.enqueue_due_jobs()
    assert "aa-broken" not in enqueued
    assert "zz-record" in enqueued
    assert calls == ["called"]


def test_immediate_backend_jobs_run_once_per_interval(db, temporary_job):
    calls.clear()
    temporary_job("record", every=3600, task=record_call)
    assert "record" in periodic.enqueue_due_jobs()
    assert "record" not in periodic.enqueue_due_jobs()
    assert calls == ["called"]


def test_worker_refuses_to_start_without_a_database_queue():
    with pytest.raises(CommandError, match="not the database backend"):
        call_command("run_worker")


def test_a_job_is_enqueued_again_only_after_its_interval(db, temporary_job):
    """The scheduler's due-check driven by an explicit clock, against the real queue table.

    (``Scheduler.run_pass`` adds only ``close_old_connections()``, which would close the test's
    transaction: the loop itself is tested below.)
    """
    temporary_job("record", every=3600, task=record_call)
    start = datetime.datetime(2026, 11, 28, 1, 0, tzinfo=datetime.UTC)
    with override_settings(TASKS=DATABASE_QUEUE):
        with time_machine.travel(start, tick=False):
            assert "record" in periodic.enqueue_due_jobs(start)
        queued = DBTaskResult.objects.get(task_path=record_call.module_path)
        # Still waiting in the queue: never a second copy, even after the interval.
        assert "record" not in periodic.enqueue_due_jobs(start + datetime.timedelta(minutes=90))
        queued.status, queued.finished_at = "SUCCESSFUL", start + datetime.timedelta(minutes=1)
        queued.save(update_fields=["status", "finished_at"])
        periodic.reset_schedule_state()  # as after a restart: the queue table decides
        assert "record" not in periodic.enqueue_due_jobs(start + datetime.timedelta(minutes=30))
        with time_machine.travel(start + datetime.timedelta(minutes=61), tick=False):
            assert "record" in periodic.enqueue_due_jobs(start + datetime.timedelta(minutes=61))
        assert DBTaskResult.objects.filter(task_path=record_call.module_path).count() == 2


def test_the_scheduler_loop_stops_when_asked_and_closes_its_connection(monkeypatch):
    scheduler = periodic.Scheduler(tick=0)
    passes, closed = [], []

    def one_pass():
        passes.append(True)
        if len(passes) == 3:
            scheduler.stop()
        return []

    monkeypatch.setattr(scheduler, "run_pass", one_pass)
    monkeypatch.setattr(periodic.connection, "close", lambda: closed.append(True))
    scheduler.run()  # in this thread: returns once stopped
    assert len(passes) == 3 and closed == [True]


# The worker takes an exclusive transaction to claim a task, which needs committed data.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_worker_in_batch_mode_runs_what_is_queued_and_exits():
    calls.clear()
    handlers = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        with override_settings(TASKS=DATABASE_QUEUE):
            record_call.enqueue()
            record_call.enqueue()
            call_command("run_worker", batch=True)
            assert not DBTaskResult.objects.exclude(status="SUCCESSFUL").exists()
    finally:
        for sig, handler in handlers.items():
            signal.signal(sig, handler)
    assert calls == ["called", "called"]


def test_prune_keeps_failures_longer_than_successes(db):
    start = datetime.datetime(2026, 11, 1, 8, 0, tzinfo=datetime.UTC)
    with override_settings(TASKS=DATABASE_QUEUE):
        with time_machine.travel(start, tick=False):
            ok = record_call.enqueue()
            failed = record_call.enqueue()
        DBTaskResult.objects.filter(pk=ok.id).update(status="SUCCESSFUL", finished_at=start)
        DBTaskResult.objects.filter(pk=failed.id).update(status="FAILED", finished_at=start)
        with time_machine.travel(start + datetime.timedelta(days=2), tick=False):
            prune_task_results.call()
        assert set(DBTaskResult.objects.values_list("pk", flat=True)) == {failed.db_result.pk}
        with time_machine.travel(start + datetime.timedelta(days=15), tick=False):
            prune_task_results.call()
        assert not DBTaskResult.objects.exists()
