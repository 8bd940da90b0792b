"""``manage.py build_site_tree``: the home page and the fixed sections (bootstrap runs it too)."""

from django.core.management.base import BaseCommand

from pbgdpl.core.site_tree import build_site_tree


class Command(BaseCommand):
    help = "Create the home page and the portal's fixed sections where they are missing (idempotent)."

    def handle(self, *args, **options):
        self.stdout.write(build_site_tree() or "The page tree is complete.")
