"""Keep the search index in step with contests and practice quizzes (outbox written in the same transaction),
and keep contest and practice questions apart whichever code links them (decision 0008)."""

from __future__ import annotations

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from pbgdpl.search.services import mark_changed

from .models import Contest, Pool, PracticeQuiz, Round
from .services.pools import check_pool


@receiver([post_save, post_delete], sender=Contest)
def contest_changed(sender, instance, **kwargs):
    mark_changed("quizzes.Contest", instance.pk)


@receiver([post_save, post_delete], sender=Round)
def round_changed(sender, instance, **kwargs):
    if instance.contest_id:
        mark_changed("quizzes.Contest", instance.contest_id)


@receiver([post_save, post_delete], sender=PracticeQuiz)
def practice_changed(sender, instance, **kwargs):
    mark_changed("quizzes.PracticeQuiz", instance.pk)


@receiver(m2m_changed, sender=PracticeQuiz.questions.through)
def practice_questions_changed(sender, instance, action, **kwargs):
    if action.startswith("post_") and isinstance(instance, PracticeQuiz):
        mark_changed("quizzes.PracticeQuiz", instance.pk)



def _guard_pool(pool: str, instance, action: str, reverse: bool, pk_set) -> None:
    if action == "pre_add" and pk_set:
        # reverse: question.practice_quizzes.add(quiz), so the instance is the question.
        check_pool([instance.pk] if reverse else pk_set, pool)


@receiver(m2m_changed, sender=PracticeQuiz.questions.through)
def practice_takes_practice_questions(sender, instance, action, reverse, pk_set, **kwargs):
    """Whatever path adds questions (admin, shell, import), a contest question never joins a practice quiz."""
    _guard_pool(Pool.PRACTICE, instance, action, reverse, pk_set)


@receiver(m2m_changed, sender=Round.fixed_questions.through)
def rounds_take_contest_questions(sender, instance, action, reverse, pk_set, **kwargs):
    _guard_pool(Pool.CONTEST, instance, action, reverse, pk_set)
