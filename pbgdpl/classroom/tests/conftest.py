"""A practice quiz of three questions and a teacher account with the "Giáo viên" role."""

from __future__ import annotations

import pytest


@pytest.fixture
def quiz(db):
    from pbgdpl.quizzes.models import Pool
    from pbgdpl.quizzes.tests.factories import PracticeQuizFactory, QuestionFactory

    questions = [QuestionFactory(pool=Pool.PRACTICE, text=f"Câu luyện tập {n}") for n in range(1, 4)]
    return PracticeQuizFactory(title="Luật Giao thông cho học sinh", questions=questions)


@pytest.fixture
def teacher(db, django_user_model):
    from django.contrib.auth.models import Group

    from pbgdpl.accounts.extra_roles import ensure_extra_roles
    from pbgdpl.accounts.roles import TEACHER

    ensure_extra_roles()
    user = django_user_model.objects.create_user("giaovien", "gv@example.vn", "matkhau-thu")
    user.groups.add(Group.objects.get(name=TEACHER))
    return user
