"""What `exchange_pull` and `exchange_push` share: run one exchange now and report it as the worker's
log does, failing (exit status 1) when the exchange is not configured or the run failed."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError


class ExchangeRunCommand(BaseCommand):
    """A command running one exchange now; subclasses say which in ``run()`` (an ExchangeRun or None)."""

    def run(self):
        raise NotImplementedError

    def handle(self, *args, **options):
        run = self.run()
        if run is None:
            raise CommandError("Chưa cấu hình trục chia sẻ dữ liệu (EXCHANGE_TOKEN_URL, EXCHANGE_CLIENT_ID, ...).")
        self.stdout.write(f"{run.get_status_display()}: gửi {run.sent}, nhận {run.received}, "
                          f"không đổi {run.unchanged}, lỗi {run.failed}")
        for error in run.errors:
            self.stdout.write(f"  {error}")
        if run.status == "failed":
            raise CommandError("Lượt trao đổi thất bại, xem nhật ký trong trang quản trị.")
