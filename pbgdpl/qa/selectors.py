"""Reads of the Q&A app: public lists, the staff queue and the monthly report."""

from __future__ import annotations

import datetime
import statistics
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, Prefetch, QuerySet
from django.utils import timezone

from pbgdpl.core import pagecache
from pbgdpl.search import engine

from .models import OPEN_STATUSES, Question, Status


def published_questions() -> QuerySet[Question]:
    pagecache.record_list(Question)  # the response lists published questions
    return Question.objects.published().select_related("field").order_by("-published_at", "-id")


def filter_published(qs: QuerySet[Question], *, field=None, start=None, end=None) -> QuerySet[Question]:
    if field is not None:
        qs = qs.filter(field=field)
    if start:
        qs = qs.filter(published_at__date__gte=start)
    if end:
        qs = qs.filter(published_at__date__lte=end)
    return qs


def search_published(qs: QuerySet[Question], q: str, limit: int = 100) -> tuple[list[Question], str]:
    """The questions of ``qs`` the site search finds for ``q``, best first, and the search's
    error message for the visitor ("" when it worked)."""
    result = engine.search(q, kinds=["question"], grouped=False, with_facets=False, per_page=limit)
    if result.error:
        return [], result.error
    order = [int(hit.key.split(":", 1)[1]) for hit in result.hits if hit.key.startswith("question:")]
    found = {question.pk: question for question in qs.filter(pk__in=order)}
    return [found[pk] for pk in order if pk in found], ""


def published_detail(pk: int) -> Question | None:
    return (
        Question.objects.published()
        .select_related("field", "answer")
        .prefetch_related("answer__citations__document")
        .filter(pk=pk)
        .first()
    )


# What a published question's page shows, and nothing else: the asker's name, contacts, tracking code,
# tokens and raw text (shown only when an editor wrote no public text: then read when shown) are
# never loaded into what the page's cached parts keep.
PUBLIC_FIELDS = ("title", "slug", "public_text", "published_at", "status", "field__name", "field__slug")


def _with_shown_text(question: Question | None) -> Question | None:
    """Loads the raw text only where the page shows it: a question published without a public text."""
    if question is not None and not question.public_text:
        question.refresh_from_db(fields=["text", "status"])
    return question


def published_detail_public(pk: int) -> Question | None:
    """:func:`published_detail` limited to what the public page shows (it may be kept in a cache)."""
    from .models import Citation

    return _with_shown_text(
        Question.objects.published()
        .select_related("field", "answer")
        .only(*PUBLIC_FIELDS, "answer__text", "answer__question")
        .prefetch_related(Prefetch("answer__citations",
                                   queryset=Citation.objects.select_related("document").defer("document__full_text")))
        .filter(pk=pk)
        .first()
    )


def related_public(question: Question, limit: int = 5) -> list[Question]:
    """Other published questions of the same field, limited to what a link to them shows."""
    if not question.field_id:
        return []
    return [_with_shown_text(other) for other in published_questions().filter(field_id=question.field_id)
            .exclude(pk=question.pk).only(*PUBLIC_FIELDS)[:limit]]


def overdue_cutoff(now: datetime.datetime | None = None) -> datetime.datetime:
    return (now or timezone.now()) - datetime.timedelta(days=settings.QA_OVERDUE_DAYS)


def is_overdue(question: Question, now: datetime.datetime | None = None) -> bool:
    return question.status in OPEN_STATUSES and question.received_at < overdue_cutoff(now)


@dataclass
class MonthRow:
    month: datetime.date
    received: int
    answered: int
    median_days: float | None


def monthly_report(months: int = 12, now: datetime.datetime | None = None) -> list[MonthRow]:
    """Per calendar month (local time): questions received, answered, and median days to answer."""
    now = timezone.localtime(now or timezone.now())
    first = (now.date().replace(day=1) - datetime.timedelta(days=31 * (months - 1))).replace(day=1)
    start = timezone.make_aware(datetime.datetime.combine(first, datetime.time()))
    received: dict[datetime.date, int] = {}
    answered: dict[datetime.date, list[float]] = {}
    for at in Question.objects.filter(received_at__gte=start).values_list("received_at", flat=True):
        key = timezone.localtime(at).date().replace(day=1)
        received[key] = received.get(key, 0) + 1
    rows = Question.objects.filter(answered_at__gte=start).values_list("received_at", "answered_at")
    for got, done in rows:
        key = timezone.localtime(done).date().replace(day=1)
        answered.setdefault(key, []).append((done - got).total_seconds() / 86400)
    result = []
    month = first
    while month <= now.date():
        days = answered.get(month, [])
        result.append(
            MonthRow(month, received.get(month, 0), len(days), round(statistics.median(days), 1) if days else None)
        )
        month = (month + datetime.timedelta(days=32)).replace(day=1)
    return list(reversed(result))


def queue_counts() -> dict[str, int]:
    counts = {status: 0 for status in Status.values}
    for row in Question.objects.values("status").annotate(n=Count("pk")):
        counts[row["status"]] = row["n"]
    return counts
