"""manage.py personal_data export|delete --email E --phone P: one person's data across every app."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError

from pbgdpl.core.personal_data import delete_person, export_person


class Command(BaseCommand):
    help = "Export (JSON) or erase everything stored about one person, by e-mail and/or phone number."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["export", "delete"])
        parser.add_argument("--email", default="")
        parser.add_argument("--phone", default="")
        parser.add_argument("--noinput", "--no-input", action="store_true", help="delete without confirmation")

    def handle(self, *args, action: str, email: str, phone: str, noinput: bool, **options):
        email, phone = email.strip(), phone.strip()
        if not email and not phone:
            raise CommandError("Cần --email hoặc --phone.")
        if action == "export":
            self.stdout.write(json.dumps(export_person(email=email, phone=phone), ensure_ascii=False, indent=2,
                                         default=str))
            return
        if not noinput and input("Xóa vĩnh viễn dữ liệu cá nhân của người này? Gõ 'yes': ").strip().lower() != "yes":
            raise CommandError("Đã hủy.")
        counts = delete_person(email=email, phone=phone)
        self.stdout.write("Đã xóa: " + ", ".join(f"{app}: {n}" for app, n in counts.items()))
