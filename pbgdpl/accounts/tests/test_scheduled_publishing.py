"""Scheduled publishing happens through the worker's periodic job, with nobody at a keyboard."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

from pbgdpl.core import periodic
from pbgdpl.core.tasks import publish_scheduled

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
START = datetime.datetime(2026, 11, 27, 8, 0, tzinfo=datetime.UTC)


def run_queued_tasks() -> None:
    """What ``run_worker`` does with the queue, stopping once it is empty."""
    db_worker.Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    ).run()


@pytest.fixture
def database_queue(monkeypatch):
    # The worker closes "old" database connections between tasks; after time travel every
    # connection looks old, and closing it would end the test's transaction on PostgreSQL.
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    # Frozen time jumps around between tests: start each one with no remembered schedule.
    periodic.reset_schedule_state()
    with override_settings(TASKS=DATABASE_QUEUE):
        yield
    periodic.reset_schedule_state()


def test_scheduled_article_goes_live_only_after_its_time(client, tree, draft_article, database_queue):
    url = "/tin-tuc/hoi-nghi-tap-huan/"
    with time_machine.travel(START, tick=False):
        # What the editor's "Lên lịch xuất bản" (go-live date) followed by "Xuất bản" does.
        draft_article.go_live_at = START + datetime.timedelta(hours=2)
        draft_article.save_revision().publish()
        draft_article.refresh_from_db()
        assert not draft_article.live
        assert client.get(url).status_code == 404

    with time_machine.travel(START + datetime.timedelta(hours=1), tick=False):
        assert "publish-scheduled" in periodic.enqueue_due_jobs()
        run_queued_tasks()
        draft_article.refresh_from_db()
        assert not draft_article.live
        assert client.get(url).status_code == 404

    with time_machine.travel(START + datetime.timedelta(hours=2, minutes=1), tick=False):
        assert "publish-scheduled" in periodic.enqueue_due_jobs()
        run_queued_tasks()
        draft_article.refresh_from_db()
        assert draft_article.live
        assert draft_article.title in client.get(url).content.decode()

    results = DBTaskResult.objects.filter(task_path=publish_scheduled.module_path)
    assert results.count() == 2
    assert set(results.values_list("status", flat=True)) == {"SUCCESSFUL"}


def test_periodic_job_is_not_enqueued_twice(db, database_queue):
    with time_machine.travel(START, tick=False):
        assert "publish-scheduled" in periodic.enqueue_due_jobs()
        # Still waiting in the queue: a second scheduler pass must not add another run.
        assert "publish-scheduled" not in periodic.enqueue_due_jobs()
        run_queued_tasks()
    with time_machine.travel(START + datetime.timedelta(seconds=30), tick=False):
        assert "publish-scheduled" not in periodic.enqueue_due_jobs()
    with time_machine.travel(START + datetime.timedelta(seconds=61), tick=False):
        assert "publish-scheduled" in periodic.enqueue_due_jobs()
    assert DBTaskResult.objects.filter(task_path=publish_scheduled.module_path).count() == 2


def test_a_second_scheduler_sees_the_first_ones_runs(db, database_queue):
    """Another worker process (or machine) has no memory of this one's runs: the queue table decides."""
    with time_machine.travel(START, tick=False):
        assert "publish-scheduled" in periodic.enqueue_due_jobs()
        periodic.reset_schedule_state()
        assert "publish-scheduled" not in periodic.enqueue_due_jobs()  # still pending
        run_queued_tasks()
    with time_machine.travel(START + datetime.timedelta(seconds=30), tick=False):
        periodic.reset_schedule_state()
        assert "publish-scheduled" not in periodic.enqueue_due_jobs()  # ran 30 s ago
    with time_machine.travel(START + datetime.timedelta(seconds=61), tick=False):
        periodic.reset_schedule_state()
        assert "publish-scheduled" in periodic.enqueue_due_jobs()


def test_expired_article_is_unpublished_by_the_job(tree, draft_article, database_queue):
    with time_machine.travel(START, tick=False):
        draft_article.expire_at = START + datetime.timedelta(days=1)
        draft_article.save_revision().publish()
        draft_article.refresh_from_db()
        assert draft_article.live
    with time_machine.travel(START + datetime.timedelta(days=1, minutes=1), tick=False):
        periodic.enqueue_due_jobs()
        run_queued_tasks()
        draft_article.refresh_from_db()
        assert not draft_article.live
        assert draft_article.expired
        assert timezone.now() > draft_article.expire_at


def test_a_run_abandoned_by_a_killed_worker_does_not_block_the_job_forever(db, database_queue):
    with time_machine.travel(START, tick=False):
        assert "publish-scheduled" in periodic.enqueue_due_jobs()
        # The worker claims the run, then is killed (SIGKILL, power cut) before finishing it.
        DBTaskResult.objects.filter(task_path=publish_scheduled.module_path).update(
            status="RUNNING", started_at=START
        )
    with time_machine.travel(START + datetime.timedelta(minutes=30), tick=False):
        periodic.reset_schedule_state()
        assert "publish-scheduled" not in periodic.enqueue_due_jobs()
    with time_machine.travel(START + periodic.STALE_RUNNING_AFTER + datetime.timedelta(minutes=1), tick=False):
        periodic.reset_schedule_state()
        assert "publish-scheduled" in periodic.enqueue_due_jobs()
