"""manage.py search_eval TASK_DIR [--json]: retrieval quality of the site search on a task."""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from pbgdpl.search.evaluation import run_task


class Command(BaseCommand):
    help = "Index a task's corpus into a temporary index and print nDCG@10, MRR@10, Recall and latency per query file."

    def add_arguments(self, parser):
        parser.add_argument("task_dir", type=Path)
        parser.add_argument("--json", action="store_true", help="only the JSON lines (default output is the same lines)")

    def handle(self, *args, task_dir: Path, **options):
        if not (task_dir / "corpus.jsonl").exists() or not (task_dir / "qrels.tsv").exists():
            raise CommandError(f"{task_dir} needs corpus.jsonl, qrels.tsv and queries*.jsonl")
        for row in run_task(task_dir):
            self.stdout.write(json.dumps(row, ensure_ascii=False))
