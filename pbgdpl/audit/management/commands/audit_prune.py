"""manage.py audit_prune: delete audit entries older than AUDIT_RETENTION_DAYS (also a daily job)."""

from django.core.management.base import BaseCommand

from pbgdpl.audit.services import prune


class Command(BaseCommand):
    help = "Delete audit log entries older than AUDIT_RETENTION_DAYS."

    def handle(self, *args, **options):
        self.stdout.write(f"Đã xóa {prune()} mục nhật ký cũ.")
