"""Questions created the way the public form creates them (through the service)."""

from __future__ import annotations

import itertools

from pbgdpl.legal.models import Field
from pbgdpl.qa import services

_keys = itertools.count()


def submit(**overrides):
    """Submit a question; returns (question, private token)."""
    data = {
        "text": "Công ty chậm trả lương hai tháng, tôi có được nghỉ việc ngay không cần báo trước không?",
        "name": "Trần Văn Riêng Tư",
        "phone": "0988777666",
        "email": "riengtu@example.vn",
        "commune": "Phường Phố Hiến",
        "field": Field.objects.get(name="Lao động"),
        "publish_anonymously": True,
    }
    data.update(overrides)
    submission = services.submit_question(data, submission_key=f"test-{next(_keys)}")
    return submission.question, submission.token
