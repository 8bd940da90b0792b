"""Writing to policy dialogues: questions, votes, moderation and answers; search indexing on change."""

from __future__ import annotations

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import HttpRequest
from django.utils import timezone

from pbgdpl.core import pagecache, ratelimit
from pbgdpl.search.services import mark_changed

from .dialogue_models import Dialogue, DialogueQuestion, DialogueVote, QuestionStatus

SEARCH_LABEL = "consultation.Dialogue"
HOUR = 3600  # the window of DIALOGUE_QUESTIONS_PER_HOUR and DIALOGUE_VOTES_PER_HOUR (config/settings/base.py)


def questions_tag(dialogue_id) -> str:
    """Page-cache tag of the pages showing a session's questions (not the list, which shows none)."""
    return f"{Dialogue._meta.label}:{dialogue_id}:questions"


class Closed(Exception):
    """The session is over: no more questions."""


def submit_question(dialogue: Dialogue, data: dict, *, submission_key: str) -> DialogueQuestion:
    if not dialogue.accepts_questions():
        raise Closed
    try:
        with transaction.atomic():
            return DialogueQuestion.objects.create(
                dialogue=dialogue, name=data["name"], organisation=data.get("organisation", ""),
                text=data["text"], submission_key=submission_key)
    except IntegrityError:
        return DialogueQuestion.objects.get(submission_key=submission_key)


def question_limited(request: HttpRequest) -> bool:
    return ratelimit.count(f"dialogue-q:{ratelimit.client_key(request)}") >= settings.DIALOGUE_QUESTIONS_PER_HOUR


def record_question(request: HttpRequest) -> None:
    ratelimit.hit(f"dialogue-q:{ratelimit.client_key(request)}", HOUR)


def vote(request: HttpRequest, question: DialogueQuestion, voter: str) -> str:
    """"ok", "again" (this client already voted) or "limited" (too many votes from this address)."""
    key = f"dialogue-vote:{ratelimit.client_key(request)}"
    # Per address, not per cookie: a script that drops its vote cookie still stops here.
    if ratelimit.count(key) >= settings.DIALOGUE_VOTES_PER_HOUR:
        return "limited"
    try:
        with transaction.atomic():
            DialogueVote.objects.create(question=question, voter=voter)
            DialogueQuestion.objects.filter(pk=question.pk).update(votes=F("votes") + 1)
    except IntegrityError:
        return "again"
    # update() sends no signal: purge the session's cached pages showing the count ourselves.
    pagecache.purge(questions_tag(question.dialogue_id))
    ratelimit.hit(key, HOUR)
    return "ok"


def moderate(question: DialogueQuestion, *, approve: bool) -> None:
    """The admin screen calls this inside a staff request, so pbgdpl.audit records who decided."""
    question.status = QuestionStatus.APPROVED if approve else QuestionStatus.REJECTED
    question.save(update_fields=["status", "updated_at"])
    mark_changed(SEARCH_LABEL, question.dialogue_id)


def publish_answer(question: DialogueQuestion, text: str) -> None:
    """Publish (or correct) the answer: open session pages pick it up at their next poll."""
    if question.status != QuestionStatus.APPROVED:
        raise ValueError("Only an approved question can be answered.")
    question.answer = text.strip()
    question.answered_at = timezone.now() if question.answer else None
    question.save(update_fields=["answer", "answered_at", "updated_at"])
    mark_changed(SEARCH_LABEL, question.dialogue_id)

