"""manage.py restore ARCHIVE: put a backup back (database, media, private files), then rebuild search."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from pbgdpl.core.backup import read_manifest, restore_backup


class Command(BaseCommand):
    help = "Restore a backup made by `manage.py backup` into the configured database; replaces its content."

    def add_arguments(self, parser):
        parser.add_argument("archive")
        parser.add_argument("--noinput", "--no-input", action="store_true", help="do not ask for confirmation")
        parser.add_argument("--skip-search", action="store_true", help="do not rebuild the search index")

    def handle(self, *args, archive: str, noinput: bool, skip_search: bool, **options):
        path = Path(archive)
        try:
            manifest = read_manifest(path)
        except Exception as exc:
            raise CommandError(f"Không đọc được bản sao lưu {path}: {exc}") from exc
        self.stdout.write(f"Bản sao lưu {manifest['engine']} lúc {manifest['created']}: {manifest['counts']}")
        if not noinput:
            answer = input("Toàn bộ dữ liệu hiện tại sẽ bị thay thế. Gõ 'yes' để tiếp tục: ")
            if answer.strip().lower() != "yes":
                raise CommandError("Đã hủy.")
        try:
            result = restore_backup(path, rebuild_search=not skip_search)
        except Exception as exc:
            raise CommandError(f"Khôi phục thất bại: {exc}") from exc
        self.stdout.write(f"Đã khôi phục: {result['restored_counts']}")
        if result["restored_counts"] != result["counts"]:
            raise CommandError(f"Số bản ghi khác với bản sao lưu: {result['counts']}")
