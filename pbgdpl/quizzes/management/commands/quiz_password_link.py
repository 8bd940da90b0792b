"""Organiser path for a contestant who forgot the password and gave no e-mail address.

After checking the caller's identity (docs/operations.md, "Người dự thi quên mật khẩu"), the
organiser runs ``manage.py quiz_password_link <phone>`` and sends the printed link to THAT phone
number only (SMS or Zalo). The link sets a new password on the same account, once, within an hour.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse

from pbgdpl.core.site_address import absolute_url
from pbgdpl.quizzes.models import Contestant, mask_phone
from pbgdpl.quizzes.phones import contestant_phone
from pbgdpl.quizzes.services import recovery


class Command(BaseCommand):
    help = "In đường dẫn đặt lại mật khẩu (1 giờ, dùng một lần) cho người dự thi có số điện thoại này."

    def add_arguments(self, parser):
        parser.add_argument("phone", help="Số điện thoại đã đăng ký dự thi")

    def handle(self, *args, phone: str, **options):
        normalized = contestant_phone(phone)
        contestant = Contestant.objects.filter(phone=normalized).first() if normalized else None
        if contestant is None:
            raise CommandError("Không có tài khoản dự thi nào với số điện thoại này.")
        link = absolute_url(reverse("quizzes:reset_password", args=[recovery.reset_token(contestant)]))
        self.stdout.write(f"Người dự thi: {contestant.full_name} ({mask_phone(contestant.phone)}), "
                          f"ngày sinh: {contestant.birth_date.strftime('%d/%m/%Y') if contestant.birth_date else 'không khai'}"
                          f"{', 4 số cuối CCCD: ' + contestant.citizen_id_last4 if contestant.citizen_id_last4 else ''}")
        self.stdout.write("Chỉ gửi đường dẫn sau tới đúng số điện thoại đã đăng ký (hiệu lực 1 giờ, dùng một lần):")
        self.stdout.write(link)
