"""`manage.py exchange_push`: one push run of the Ministry data-sharing exchange now (the worker also runs it)."""

from django.core.management.base import BaseCommand, CommandError

from pbgdpl.exchange import push


class Command(BaseCommand):
    help = "Chạy ngay một lượt push với trục chia sẻ dữ liệu (docs/exchange.md)."

    def handle(self, *args, **options):
        run = push.push()
        if run is None:
            raise CommandError("Chưa cấu hình trục chia sẻ dữ liệu (EXCHANGE_TOKEN_URL, EXCHANGE_CLIENT_ID, ...).")
        self.stdout.write(f"{run.get_status_display()}: gửi {run.sent}, nhận {run.received}, "
                          f"không đổi {run.unchanged}, lỗi {run.failed}")
        for error in run.errors:
            self.stdout.write(f"  {error}")
        if run.status == "failed":
            raise CommandError("Lượt trao đổi thất bại, xem nhật ký trong trang quản trị.")
