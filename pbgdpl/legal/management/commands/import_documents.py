"""manage.py import_documents PATH — import legal documents from JSON Lines or CSV."""

import logging
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from pbgdpl.legal.importing import import_documents


class Command(BaseCommand):
    help = (
        "Nhập văn bản từ tệp JSON Lines (.jsonl, .jsonl.gz) hoặc CSV (cột “file” chỉ tệp DOCX/PDF/TXT "
        "nằm cạnh tệp CSV), hoặc từ một thư mục chứa các tệp đó. Chạy lại nhiều lần không tạo trùng."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="Tệp .jsonl, .jsonl.gz, .csv hoặc thư mục")
        parser.add_argument(
            "--create-issuers", action="store_true",
            help="Tự thêm cơ quan ban hành chưa có trong danh mục (mặc định: từ chối dòng đó).",
        )
        parser.add_argument("--no-progress", action="store_true", help="Không hiện thanh tiến trình.")

    def handle(self, *args, path, create_issuers=False, no_progress=False, **options):
        target = Path(path)
        if not target.exists():
            raise CommandError(f"Không tìm thấy “{path}”.")
        # Wagtail logs every edit and publish at INFO; the import's own report is what matters here.
        wagtail_logger = logging.getLogger("wagtail")
        level = wagtail_logger.level
        wagtail_logger.setLevel(max(level, logging.WARNING))
        try:
            report = import_documents(target, create_issuers=create_issuers, progress=not no_progress)
        finally:
            wagtail_logger.setLevel(level)
        self.stdout.write(report.summary())
        if report.flagged:
            self.stdout.write("Cần biên tập viên xử lý:")
            for note in report.flagged:
                self.stdout.write(f"  - {note}")
        if report.rejected:
            self.stdout.write("Các dòng bị từ chối:")
            for rejection in report.rejected:
                self.stdout.write(f"  - {rejection}")
