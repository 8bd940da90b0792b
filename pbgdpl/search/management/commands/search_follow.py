"""manage.py search_follow: keep this node's index replica caught up with the outbox.

On one machine the worker's periodic job does this. With several app nodes, run this
command on every node (each node has its own index directory and state file).
"""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from pbgdpl.search.indexer import apply_outbox


class Command(BaseCommand):
    help = "Apply new search outbox entries to this node's index, every --interval seconds."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=1.0)
        parser.add_argument("--once", action="store_true")

    def handle(self, *args, interval: float, once: bool, **options):
        while True:
            close_old_connections()
            applied = apply_outbox()
            if applied:
                self.stdout.write(f"{applied} thay đổi đã được cập nhật vào chỉ mục")
            if once:
                return
            time.sleep(interval)
