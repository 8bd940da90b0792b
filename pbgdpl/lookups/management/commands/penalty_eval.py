"""Print how well the penalty look-up answers the everyday questions (JSON)."""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand
from django.utils import timezone

from pbgdpl.lookups.evaluation import QUESTIONS_FILE, evaluate, load_questions


class Command(BaseCommand):
    help = "Top-3 accuracy of /tra-cuu/xu-phat/ on a question file (default: the 30 everyday questions)."

    def add_arguments(self, parser):
        parser.add_argument("--questions", type=Path, default=QUESTIONS_FILE)
        parser.add_argument("--top", type=int, default=3)

    def handle(self, *args, questions: Path, top: int, **options):
        report = evaluate(load_questions(questions), on=timezone.localdate(), top=top)
        self.stdout.write(json.dumps(report, ensure_ascii=False, indent=2))
