"""Contests and practice quizzes in the site search (kind "contest"); questions' answers are never indexed."""

from __future__ import annotations

from pbgdpl.search.registry import SearchEntry, SearchSource

from .models import Contest, PracticeQuiz


class ContestSource(SearchSource):
    label = "quizzes.Contest"

    def entries_for(self, pk) -> list[SearchEntry]:
        contest = Contest.objects.filter(pk=pk, is_published=True).prefetch_related("rounds").first()
        if contest is None:
            return []
        rounds = "; ".join(f"{r.display_title}: {r.opens_at:%d/%m/%Y} – {r.closes_at:%d/%m/%Y}"
                           for r in contest.rounds.all())
        return [SearchEntry(key=f"contest:{contest.pk}", kind="contest", title=contest.title,
                            body=f"{contest.description}\n{contest.rules}\n{rounds}", url=contest.get_absolute_url(),
                            date=contest.created_at.date())]

    def all_pks(self):
        return Contest.objects.filter(is_published=True).values_list("pk", flat=True)


class PracticeQuizSource(SearchSource):
    label = "quizzes.PracticeQuiz"

    def entries_for(self, pk) -> list[SearchEntry]:
        quiz = PracticeQuiz.objects.filter(pk=pk, is_published=True).first()
        if quiz is None:
            return []
        questions = "\n".join(quiz.questions.for_practice().filter(is_active=True).values_list("text", flat=True))
        return [SearchEntry(key=f"practice:{quiz.pk}", kind="contest", title=quiz.title,
                            body=f"{quiz.intro}\n{questions}", url=quiz.get_absolute_url())]

    def all_pks(self):
        return PracticeQuiz.objects.filter(is_published=True).values_list("pk", flat=True)
