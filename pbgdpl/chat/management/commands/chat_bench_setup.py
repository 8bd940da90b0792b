"""Set up ``make bench-chat``: a staff account with the live-chat permission, a logged-in session for
the simulated staff client, office hours around the clock. Prints JSON (cookie name and value)."""

from __future__ import annotations

import datetime
import json

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.contrib.auth.models import Permission
from django.contrib.sessions.backends.db import SessionStore
from django.core.management.base import BaseCommand

from pbgdpl.chat.models import OfficeHours


class Command(BaseCommand):
    help = "Create the bench's staff session and round-the-clock office hours (bench/chat/run.py)."

    def handle(self, *args, **options):
        User = get_user_model()
        user, _ = User.objects.get_or_create(username="bench-chat-staff", defaults={"first_name": "Bench"})
        user.set_unusable_password()
        user.save()
        user.user_permissions.add(*Permission.objects.filter(
            content_type__app_label="chat", codename__in=["answer_conversation", "view_conversation"]))
        OfficeHours.objects.all().delete()
        for day in range(7):
            OfficeHours.objects.create(weekday=day, start=datetime.time(0), end=datetime.time(23, 59, 59))
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        self.stdout.write(json.dumps({"cookie": settings.SESSION_COOKIE_NAME, "session": session.session_key}))
