"""Export everything stored about one asker (by email and/or phone) as JSON."""

import json

from django.core.management.base import BaseCommand, CommandError

from pbgdpl.qa.services import export_person


class Command(BaseCommand):
    help = "Xuất dữ liệu cá nhân của một người hỏi (theo thư điện tử và/hoặc số điện thoại) dạng JSON."

    def add_arguments(self, parser):
        parser.add_argument("--email", default="")
        parser.add_argument("--phone", default="")

    def handle(self, *args, email: str, phone: str, **options):
        if not email.strip() and not phone.strip():
            raise CommandError("Cần --email hoặc --phone.")
        self.stdout.write(json.dumps(export_person(email=email, phone=phone), ensure_ascii=False, indent=2))
