"""manage.py backup [--output DIR]: database + media + private files in one archive (pbgdpl/core/backup.py)."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from pbgdpl.core.backup import create_backup


class Command(BaseCommand):
    help = "Back up the database (SQLite online backup or pg_dump), media and private files into a .tar.gz."

    def add_arguments(self, parser):
        parser.add_argument("--output", default=str(Path(settings.VAR_DIR) / "backups"),
                            help="directory for the archive (default: VAR_DIR/backups)")

    def handle(self, *args, output: str, **options):
        try:
            archive = create_backup(Path(output))
        except Exception as exc:  # pg_dump missing, disk full…: a clear message, non-zero exit
            raise CommandError(f"Sao lưu thất bại: {exc}") from exc
        self.stdout.write(f"Đã sao lưu → {archive}")
