"""manage.py count_frontend_hits LOG [--follow]: count the pages nginx answered from its own cache.

Run it beside nginx (docs/operations.md, "Page cache and serving stack"): once from cron, or with
``--follow`` as a service that reads the log every few seconds.
"""

from __future__ import annotations

import time
from pathlib import Path

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from pbgdpl.core.pagecache.frontend_hits import MAX_LINES_PER_PASS, count_new_hits


class Command(BaseCommand):
    help = "Count visits and searches that nginx answered from its copy of the page cache (its hit log)."

    def add_arguments(self, parser):
        parser.add_argument("log", type=Path, help="nginx's log in the portal_hits format")
        parser.add_argument("--follow", action="store_true", help="keep reading the log as it grows")
        parser.add_argument("--interval", type=float, default=5.0, help="seconds between reads with --follow")

    def handle(self, *args, log: Path, follow: bool, interval: float, **options):
        while True:
            result = count_new_hits(log)
            if result.lines or not follow:
                self.stdout.write(f"{result.counted} hits counted ({result.without_stored_page} without a stored page, "
                                  f"{result.unreadable} unreadable lines)")
            if result.lines >= MAX_LINES_PER_PASS:
                continue  # a backlog: the next slice at once
            if not follow:
                return
            close_old_connections()  # a service that runs for weeks: no connection kept past its age
            time.sleep(interval)
