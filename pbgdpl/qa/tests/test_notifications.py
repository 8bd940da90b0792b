"""Emails to askers go through a background task and are retried when the mail server fails."""

from __future__ import annotations

import smtplib
from unittest import mock

from django.core import mail

from pbgdpl.qa.models import Notification
from pbgdpl.qa.tasks import MAX_ATTEMPTS

from .factories import submit


def test_failed_email_is_retried_until_it_goes_out(db, django_capture_on_commit_callbacks):
    real_send = mail.send_mail
    calls = {"n": 0}

    def flaky(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] < 3:
            raise smtplib.SMTPServerDisconnected("connection lost")
        return real_send(*args, **kwargs)

    with mock.patch("pbgdpl.qa.tasks.send_mail", side_effect=flaky):
        with django_capture_on_commit_callbacks(execute=True):
            question, _token = submit()
    notification = Notification.objects.get(question=question)
    assert notification.attempts == 3
    assert notification.sent_at is not None and notification.last_error == ""
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["riengtu@example.vn"]


def test_retries_stop_after_the_last_attempt(db, django_capture_on_commit_callbacks):
    with mock.patch("pbgdpl.qa.tasks.send_mail", side_effect=smtplib.SMTPException("down")):
        with django_capture_on_commit_callbacks(execute=True):
            question, _token = submit()
    notification = Notification.objects.get(question=question)
    assert notification.attempts == MAX_ATTEMPTS
    assert notification.sent_at is None and "down" in notification.last_error


def test_no_email_address_no_notification(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        submit(email="")
    assert Notification.objects.count() == 0 and mail.outbox == []
