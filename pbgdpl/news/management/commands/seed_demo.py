"""``manage.py seed_demo``: the page tree, site settings and demo articles (safe to re-run)."""

import logging
import time

from django.core.management.base import BaseCommand

from pbgdpl.news.seeding import seed_demo


class Command(BaseCommand):
    help = "Create the portal's page tree, site settings and Vietnamese demo content (idempotent)."

    def handle(self, *args, **options):
        started = time.monotonic()
        # Wagtail logs every page creation at INFO; 50 lines of that hide the summary.
        wagtail_logger = logging.getLogger("wagtail")
        previous_level = wagtail_logger.level
        if options["verbosity"] < 2:
            wagtail_logger.setLevel(logging.WARNING)
        try:
            summary = seed_demo()
        finally:
            wagtail_logger.setLevel(previous_level)
        self.stdout.write(self.style.SUCCESS(f"Demo: {summary} — {time.monotonic() - started:.1f} s"))
