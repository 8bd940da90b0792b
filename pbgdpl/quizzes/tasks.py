"""Background jobs: automatic submission at the deadline and closing rounds that ended.

Scheduled by ``QuizzesConfig.ready()`` with ``register_periodic``."""

from __future__ import annotations

import logging

from django.utils import timezone
from django_tasks import task

logger = logging.getLogger(__name__)


@task()
def expire_attempts() -> int:
    """Submit attempts whose server deadline passed (pages also do it lazily on the next request)."""
    from .services import expire_overdue_attempts

    return expire_overdue_attempts()


@task()
def close_round_task(round_id: int) -> str:
    """Close one round (idempotent: scores, ranking, prizes and statistics are recomputed)."""
    from .models import Round
    from .services import close_round

    round_ = Round.objects.select_related("contest").get(pk=round_id)
    close_round(round_)
    return f"round {round_id} closed"


@task()
def close_ended_rounds() -> int:
    """Close every round whose end passed and that was not closed yet."""
    from .models import Round
    from .services import close_round

    count = 0
    for round_ in Round.objects.filter(closes_at__lte=timezone.now(), closed_at__isnull=True).select_related("contest"):
        close_round(round_)
        count += 1
    return count



@task()
def send_password_link(contestant_id: int, link: str) -> str:
    """E-mail a reset link to the address the contestant gave (the link itself expires in an hour)."""
    from django.core.mail import send_mail

    from .models import Contestant

    contestant = Contestant.objects.filter(pk=contestant_id).exclude(email="").first()
    if contestant is None:
        return "skipped"
    body = (
        f"Xin chào {contestant.full_name},\n\n"
        "Bạn (hoặc ai đó) vừa yêu cầu đặt lại mật khẩu tài khoản dự thi tìm hiểu pháp luật.\n"
        f"Mở đường dẫn sau trong vòng 1 giờ để đặt mật khẩu mới:\n{link}\n\n"
        "Nếu bạn không yêu cầu, hãy bỏ qua thư này: mật khẩu hiện tại vẫn giữ nguyên.\n"
    )
    send_mail("Đặt lại mật khẩu tài khoản dự thi", body, None, [contestant.email])
    return "sent"
