"""Demo loader: two sample legal-aid requests (``demo_data/requests.json``), marked as samples.

Idempotent: the samples carry fixed tracking codes (TG-MAU-…); a second run adds nothing.
"""

from __future__ import annotations

from typing import TextIO


def load_demo_requests(stdout: TextIO | None = None) -> str:
    from django.utils import timezone

    from pbgdpl.core.demo import read_demo_data

    from .models import AidRequest

    created = 0
    for item in read_demo_data("legalaid", "requests.json"):
        if AidRequest.objects.filter(tracking_code=item["tracking_code"]).exists():
            continue
        aid = AidRequest(**item, is_sample=True, consent_version="mau", consent_at=timezone.now())
        aid.set_token()
        aid.save()
        created += 1
    return f"{created} yêu cầu trợ giúp pháp lý mẫu"
