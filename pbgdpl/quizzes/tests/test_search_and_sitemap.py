"""Contests and practice quizzes reach the search outbox and the sitemap; answers are not indexed."""

from __future__ import annotations

from pbgdpl.quizzes.search_source import ContestSource, PracticeQuizSource
from pbgdpl.search.models import OutboxEntry


def test_contest_and_practice_entries(contest, round_, practice_quiz, practice_bank, client):
    assert OutboxEntry.objects.filter(source="quizzes.Contest", object_pk=str(contest.pk)).exists()
    [entry] = ContestSource().entries_for(contest.pk)
    assert entry.kind == "contest" and entry.url == contest.get_absolute_url() and "Đợt 1" in entry.body
    quiz = practice_quiz
    [practice] = PracticeQuizSource().entries_for(quiz.pk)
    assert practice_bank[0].text in practice.body and "Phương án" not in practice.body
    contest.is_published = False
    contest.save()
    assert ContestSource().entries_for(contest.pk) == []
    sitemap = client.get("/sitemap.xml").content.decode()
    assert quiz.get_absolute_url() in sitemap
