"""A feed of one search (/tim-kiem/rss/?q=…, atom/, json/): the newest results matching the query.

The search page links to it, so a visitor can follow a query in a feed reader; the alerts app sends
the same results by e-mail (:func:`newest_results`). Results come from the index, so the page cache
keeps the feed under the index's tag and a new index commit purges it.
"""

from __future__ import annotations

import datetime
from urllib.parse import urlencode

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from . import engine
from .forms import parse_params

FEED_LENGTH = 20


def newest_results(q: str, filters: dict[str, list[str]] | None = None, limit: int = FEED_LENGTH) -> list:
    """The newest result groups (documents, articles, answers) for ``q``; empty when the query is bad."""
    result = engine.search(q, filters=filters or None, sort="newest", per_page=limit, with_facets=False)
    return [] if result.error else list(result.groups)


class SearchResultsFeed(Feed):
    """Results of ``?q=`` (with the page's filters), newest first."""

    language = "vi"

    def get_object(self, request):
        params = parse_params(request.GET)
        if not params.q or "q" in params.errors:
            raise Http404
        return params

    def title(self, params) -> str:
        return f"Kết quả tìm kiếm “{params.q}”"

    def description(self, params) -> str:
        return f"Văn bản, tin bài và câu trả lời mới khớp với “{params.q}”."

    def link(self, params) -> str:
        return f"{reverse('search:search')}?{urlencode({'q': params.q})}"

    def items(self, params) -> list:
        return newest_results(params.q, {k: v for k, v in params.filters.items() if v})

    def item_title(self, item) -> str:
        return f"{item.doc_number} – {item.title}" if item.doc_number and item.doc_number not in item.title else item.title

    def item_description(self, item) -> str:
        return item.hits[0].snippet_html if item.hits else item.title

    def item_link(self, item) -> str:
        return item.url

    def item_guid(self, item) -> str:
        return item.key

    item_guid_is_permalink = False

    def item_pubdate(self, item) -> datetime.datetime | None:
        if not item.date:
            return None
        return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time(7, 0)))
