"""manage.py search_rebuild: recreate the site index from every registered source."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand
from tqdm import tqdm

from pbgdpl.search.indexer import rebuild


class Command(BaseCommand):
    help = "Rebuild the search index from the database into a fresh directory, then swap it in atomically."

    def add_arguments(self, parser):
        parser.add_argument("--no-progress", action="store_true", help="no progress bar (logs, cron)")

    def handle(self, *args, no_progress: bool = False, **options):
        started = time.monotonic()

        def progress(items, desc):
            return tqdm(items, desc=desc, unit="obj", disable=no_progress, file=self.stderr._out)

        path, count = rebuild(progress=progress)
        self.stdout.write(f"Đã lập chỉ mục {count} mục trong {time.monotonic() - started:.1f} s → {path}")
