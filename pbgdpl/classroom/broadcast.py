"""Telling a class's open screens that something changed (a pupil joined or answered, the teacher
moved on). The message carries no data: each screen fetches its own view of the class over HTTP,
so a pupil never receives what only the teacher may see."""

from __future__ import annotations

import logging

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction

log = logging.getLogger(__name__)


def announce(session) -> None:
    group = session.group_name

    def send() -> None:
        layer = get_channel_layer()
        if layer is None:
            return
        try:
            async_to_sync(layer.group_send)(group, {"type": "classroom.changed"})
        except Exception:  # a live update lost is not worth failing the pupil's answer
            log.exception("Classroom update to %s failed", group)

    transaction.on_commit(send)
