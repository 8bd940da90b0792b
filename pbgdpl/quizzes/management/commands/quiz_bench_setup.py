"""Prepare a load test: an open round of 20 questions and N contestants (``make bench-contest`` runs it).

Writes a JSON file with the round's address, every contestant's phone and a signed contestant
cookie (the same value the login view sets), so the load test can measure logins on a sample
and the rush on everyone without paying N password hashes up front.
"""

from __future__ import annotations

import datetime
import json

from django.contrib.auth.hashers import make_password
from django.core import signing
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from pbgdpl.quizzes.demo import load_question_bank
from pbgdpl.quizzes.models import Contest, Contestant, Drawing, Ordering, PredictionTarget, Round, Unit
from pbgdpl.quizzes.session import COOKIE, COOKIE_SALT

SLUG = "bench-rush"
PASSWORD = "mat-khau-thu-tai"


class Command(BaseCommand):
    help = "Create a bench contest with an open round and N contestants; write their cookies as JSON."

    def add_arguments(self, parser):
        parser.add_argument("--contestants", type=int, default=1000)
        parser.add_argument("--output", required=True)

    @transaction.atomic
    def handle(self, *args, contestants: int, output: str, **options):
        Contest.objects.filter(slug=SLUG).delete()
        Contestant.objects.filter(phone__startswith="0399").delete()
        load_question_bank()
        unit, _ = Unit.objects.get_or_create(name="Đơn vị thử tải", defaults={"member_count": contestants})
        contest = Contest.objects.create(title="Thử tải cuộc thi", slug=SLUG, is_published=True, require_unit=False,
                                         require_commune=False, require_birth_date=False)
        now = timezone.now()
        Round.objects.create(
            contest=contest, number=1, opens_at=now - datetime.timedelta(minutes=5),
            closes_at=now + datetime.timedelta(hours=3), question_count=20, drawing=Drawing.RANDOM, easy_count=8,
            medium_count=8, hard_count=4, order=Ordering.EASY_TO_HARD, time_limit_minutes=30,
            prediction_target=PredictionTarget.PERFECT,
        )
        hashed = make_password(PASSWORD)  # one hash shared by every bench account: setup stays fast
        people = Contestant.objects.bulk_create([
            Contestant(phone=f"0399{i:06d}", password=hashed, full_name=f"Người Thử Tải {i}", unit=unit)
            for i in range(contestants)
        ], batch_size=1000)
        people = list(Contestant.objects.filter(phone__startswith="0399").order_by("phone"))
        signer = signing.get_cookie_signer(salt=COOKIE + COOKIE_SALT)
        data = {"slug": SLUG, "number": 1, "password": PASSWORD, "cookie": COOKIE,
                "contestants": [{"phone": p.phone, "cookie": signer.sign(f"{p.pk}:{p.session_version}")} for p in people]}
        with open(output, "w", encoding="utf-8") as fh:
            json.dump(data, fh)
        self.stdout.write(f"{len(people)} contestants, round open until {timezone.localtime(now) + datetime.timedelta(hours=3):%H:%M}")
