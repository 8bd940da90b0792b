"""Erase personal data of finished questions older than QA_RETENTION_DAYS (keeps the anonymous Q&A)."""

from django.conf import settings
from django.core.management.base import BaseCommand

from pbgdpl.qa.services import apply_retention


class Command(BaseCommand):
    help = "Xóa dữ liệu cá nhân của câu hỏi đã kết thúc quá QA_RETENTION_DAYS ngày."

    def handle(self, *args, **options):
        count = apply_retention()
        self.stdout.write(f"Đã xóa dữ liệu cá nhân của {count} câu hỏi (thời hạn lưu {settings.QA_RETENTION_DAYS} ngày).")
