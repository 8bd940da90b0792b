"""Demo content: a consistent bank (every question answerable), a 2-round contest, a practice quiz; idempotent."""

from __future__ import annotations

import io

from pbgdpl.core.demo import demo_loaders
from pbgdpl.quizzes.demo import load_demo_contest
from pbgdpl.quizzes.models import Contest, PracticeQuiz, Question, QuestionKind


def test_demo_loader_is_registered_and_idempotent(db):
    assert "quizzes-contest" in [loader.name for loader in demo_loaders()]
    assert "42 câu hỏi" in load_demo_contest(io.StringIO())
    assert load_demo_contest(io.StringIO()) == "đã có"
    contest = Contest.objects.get()
    assert contest.rounds.count() == 2 and contest.title.startswith("Cuộc thi tìm hiểu pháp luật trực tuyến năm 2026")
    assert PracticeQuiz.objects.get().questions.count() == 10


def test_every_demo_question_has_a_valid_key_and_a_citation(db):
    load_demo_contest(io.StringIO())
    for question in Question.objects.prefetch_related("choices"):
        correct = [c for c in question.choices.all() if c.is_correct]
        assert len(question.choices.all()) >= 2, question.text
        if question.kind == QuestionKind.MULTIPLE:
            assert len(correct) >= 2, question.text
        else:
            assert len(correct) == 1, question.text
        assert question.cite_label.startswith("Điều ") and question.cite_eid.startswith("dieu-")
        assert question.explanation


def test_demo_citations_point_at_existing_article_anchors(db):
    """Each cited provision link lands on an element of the document page (its eid is the anchor)."""
    from pbgdpl.legal.demo import load_demo_documents
    from pbgdpl.legal.models import Provision

    load_demo_documents()
    load_demo_contest(io.StringIO())
    cited = Question.objects.exclude(cite_document=None)
    assert cited.exists()
    for question in cited:
        anchors = Provision.objects.filter(version=question.cite_document.current_version)
        assert anchors.filter(eid=question.cite_eid).exists(), question.cite_url()


def test_demo_round_can_draw_its_questions(db):
    import random

    from pbgdpl.quizzes.services import draw_questions

    load_demo_contest(io.StringIO())
    for round_ in Contest.objects.get().rounds.all():
        ids, order = draw_questions(round_, random.Random(1))
        assert len(ids) == round_.easy_count + round_.medium_count + round_.hard_count == 20
        assert set(order) == {str(i) for i in ids}
