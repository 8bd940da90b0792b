"""Recompute every document's stored validity now (what the daily task does)."""

import datetime

from django.core.management.base import BaseCommand, CommandError

from pbgdpl.legal.services import refresh_all_validity


class Command(BaseCommand):
    help = "Tính lại tình trạng hiệu lực của mọi văn bản (việc chạy hằng ngày)."

    def add_arguments(self, parser):
        parser.add_argument("--date", help="Ngày tính hiệu lực (YYYY-MM-DD); mặc định hôm nay.")

    def handle(self, *args, date=None, **options):
        try:
            on = datetime.date.fromisoformat(date) if date else None
        except ValueError as error:
            raise CommandError(f"--date: ngày “{date}” không hợp lệ, hãy viết theo dạng YYYY-MM-DD.") from error
        changed = refresh_all_validity(on)
        self.stdout.write(f"Đã cập nhật tình trạng hiệu lực của {len(changed)} văn bản.")
