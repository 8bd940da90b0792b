"""Export or erase one contestant's personal data on request (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15).

Erasing keeps the attempts (scores stay in the statistics and rankings) but removes the name,
phone, date of birth, commune and citizen ID digest, and makes the account unusable.
"""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from pbgdpl.quizzes.models import Contestant
from pbgdpl.quizzes.services import normalize_phone


class Command(BaseCommand):
    help = "Print a contestant's personal data as JSON (--export) or erase it (--erase)."

    def add_arguments(self, parser):
        parser.add_argument("phone")
        action = parser.add_mutually_exclusive_group(required=True)
        action.add_argument("--export", action="store_true")
        action.add_argument("--erase", action="store_true")

    def handle(self, *args, phone: str, export: bool, erase: bool, **options):
        contestant = Contestant.objects.filter(phone=normalize_phone(phone) or phone).select_related("unit").first()
        if contestant is None:
            raise CommandError("Không có người dự thi với số điện thoại này.")
        if export:
            data = {
                "full_name": contestant.full_name, "phone": contestant.phone,
                "birth_date": contestant.birth_date.isoformat() if contestant.birth_date else None,
                "unit": contestant.unit.name if contestant.unit_id else None, "commune": contestant.commune,
                "citizen_id_last4": contestant.citizen_id_last4, "registered_at": contestant.created_at.isoformat(),
                "attempts": [
                    {"contest": a.round.contest.title, "round": a.round.display_title, "number": a.number,
                     "submitted_at": a.submitted_at.isoformat() if a.submitted_at else None,
                     "correct": a.correct_count, "prediction": a.prediction, "prize": a.get_prize_display()}
                    for a in contestant.attempts.select_related("round__contest")
                ],
            }
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
            return
        with transaction.atomic():
            contestant.full_name = "Đã xóa"
            contestant.phone = f"x{contestant.pk:09d}"[-10:]
            contestant.birth_date = None
            contestant.commune = ""
            contestant.citizen_id_hash = ""
            contestant.citizen_id_last4 = ""
            contestant.password = "!"  # unusable
            contestant.save()
        self.stdout.write("Đã xóa dữ liệu cá nhân; kết quả thi được giữ lại ẩn danh.")
