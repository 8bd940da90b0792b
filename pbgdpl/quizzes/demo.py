"""Demo contest loader (run by ``manage.py bootstrap``): question bank, units, a 2-round contest, a practice quiz."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone

from .demo_content import LAWS, QUESTIONS, UNITS

CONTEST_SLUG = "tim-hieu-phap-luat-truc-tuyen-2026"
PRACTICE_SLUG = "hop-dong-lao-dong"


def load_question_bank() -> list:
    """Create the demo questions (once); cite the demo law documents when they exist."""
    from pbgdpl.legal.models import LegalDocument

    from .models import Choice, Question

    documents = {d.number: d for d in LegalDocument.objects.filter(number__in=LAWS)}
    created = []
    for number, article, difficulty, kind, text, choices, explanation in QUESTIONS:
        law_name, field = LAWS[number]
        question, is_new = Question.objects.get_or_create(
            text=text,
            defaults={"kind": kind, "difficulty": difficulty, "explanation": explanation, "tags": field,
                      "cite_document": documents.get(number), "cite_eid": f"dieu-{article}",
                      "cite_label": f"Điều {article} {law_name}"},
        )
        if is_new:
            Choice.objects.bulk_create(
                [Choice(question=question, text=c, is_correct=ok, position=i) for i, (c, ok) in enumerate(choices)])
        created.append(question)
    return created


@transaction.atomic
def load_demo_contest(stdout=None) -> str:
    from .models import Contest, Drawing, Ordering, PracticeQuiz, PredictionTarget, Round, Unit

    if Contest.objects.filter(slug=CONTEST_SLUG).exists():
        return "đã có"
    questions = load_question_bank()
    for name, members in UNITS:
        Unit.objects.get_or_create(name=name, defaults={"member_count": members})
    contest = Contest.objects.create(
        title="Cuộc thi tìm hiểu pháp luật trực tuyến năm 2026", slug=CONTEST_SLUG, is_published=True,
        description=("Cuộc thi do Sở Tư pháp tổ chức nhằm nâng cao hiểu biết pháp luật về lao động, hôn nhân "
                     "và gia đình, cư trú, dân sự và an ninh mạng cho cán bộ, công chức và Nhân dân trong tỉnh."),
        rules=("Đối tượng: công dân Việt Nam từ đủ 15 tuổi trở lên đang sinh sống, học tập, làm việc trên địa bàn "
               "tỉnh (trừ thành viên Ban Tổ chức, Tổ thư ký). Mỗi số điện thoại đăng ký một tài khoản; mỗi người "
               "dự thi 01 lần mỗi đợt, gồm 20 câu hỏi trắc nghiệm trong 15 phút và 01 câu dự đoán số người trả lời "
               "đúng tất cả câu hỏi. Xếp giải theo số câu trả lời đúng, dự đoán gần đúng nhất, thời gian làm bài "
               "ngắn nhất, nộp bài sớm nhất. Mỗi người chỉ nhận một giải trong cả cuộc thi. Người đạt giải xuất "
               "trình căn cước công dân khi nhận giải; thông tin không khớp sẽ bị hủy kết quả."),
        min_age=15, residence_required=True,
    )
    today = timezone.localtime().replace(hour=8, minute=0, second=0, microsecond=0)
    first = Round.objects.create(
        contest=contest, number=1, title="Đợt 1", opens_at=today - datetime.timedelta(days=7),
        closes_at=(today + datetime.timedelta(days=14)).replace(hour=23, minute=59), question_count=20,
        drawing=Drawing.RANDOM, easy_count=8, medium_count=8, hard_count=4, order=Ordering.EASY_TO_HARD,
        time_limit_minutes=15, prediction_target=PredictionTarget.PERFECT,
        prizes_first=1, prizes_second=2, prizes_third=3, prizes_consolation=10,
    )
    Round.objects.create(
        contest=contest, number=2, title="Đợt 2", opens_at=first.closes_at + datetime.timedelta(minutes=1),
        closes_at=first.closes_at + datetime.timedelta(days=21), question_count=20, drawing=Drawing.RANDOM,
        easy_count=6, medium_count=8, hard_count=6, order=Ordering.SHUFFLED, time_limit_minutes=15,
        prediction_target=PredictionTarget.PARTICIPANTS, max_attempts=2,
        prizes_first=1, prizes_second=2, prizes_third=3, prizes_consolation=10,
    )
    practice = PracticeQuiz.objects.create(
        title="Luyện tập: Hợp đồng lao động và thời giờ làm việc", slug=PRACTICE_SLUG,
        intro="Mười câu hỏi về Bộ luật Lao động 2019. Chọn đáp án để xem ngay giải thích và điều luật liên quan.",
    )
    practice.questions.set([q for q in questions if q.tags == "Lao động"])
    return f"1 cuộc thi, 2 đợt, {len(questions)} câu hỏi, 1 bài luyện tập"
