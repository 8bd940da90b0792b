"""After a load test: every submission the client saw succeed is exactly one scored attempt, and nothing else."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand
from django.db.models import Count

from pbgdpl.quizzes.models import Attempt, AttemptAnswer, AttemptStatus

from .quiz_bench_setup import SLUG


class Command(BaseCommand):
    help = "Compare the load test's successful submissions with the database; print JSON, fail on a mismatch."

    def add_arguments(self, parser):
        parser.add_argument("submitted", help="JSON file: {attempt key: number of answers sent}")

    def handle(self, *args, submitted: str, **options):
        with open(submitted, encoding="utf-8") as fh:
            sent: dict[str, int] = json.load(fh)
        attempts = Attempt.objects.filter(round__contest__slug=SLUG)
        rows = {str(k): (status, correct) for k, status, correct in
                attempts.values_list("key", "status", "correct_count")}
        answers = dict(AttemptAnswer.objects.filter(attempt__round__contest__slug=SLUG).values("attempt__key")
                       .annotate(n=Count("pk")).values_list("attempt__key", "n"))
        answers = {str(k): n for k, n in answers.items()}
        lost = [k for k in sent if k not in rows or rows[k][0] != AttemptStatus.SUBMITTED or rows[k][1] is None]
        short = [k for k, n in sent.items() if answers.get(k, 0) != n]
        submitted_in_db = [k for k, (status, _) in rows.items() if status == AttemptStatus.SUBMITTED]
        extra = [k for k in submitted_in_db if k not in sent]
        per_person = attempts.values("contestant").annotate(n=Count("pk")).filter(n__gt=1).count()
        report = {"client_submissions": len(sent), "db_submitted_scored": len(submitted_in_db) - len(lost),
                  "lost": len(lost), "answers_mismatch": len(short), "unexpected_submitted": len(extra),
                  "contestants_with_more_than_one_attempt": per_person}
        self.stdout.write(json.dumps(report))
        if lost or short or extra or per_person:
            raise SystemExit(1)
