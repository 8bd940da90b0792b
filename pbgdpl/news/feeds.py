"""Feed of an article index (``/tin-tuc/rss/``, ``atom/``, ``json/``; formats from core.feeds)."""

from __future__ import annotations

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone

FEED_LENGTH = 20


class ArticleFeed(Feed):
    """The newest public articles of one index page; built per request by the index's ``rss/`` route."""

    language = "vi"

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page

    def get_object(self, request, *args, **kwargs):
        return self.index_page

    def title(self, obj) -> str:
        return obj.seo_title or obj.title

    def link(self, obj) -> str:
        return obj.url

    def description(self, obj) -> str:
        return obj.search_description or getattr(obj, "intro", "") or obj.title

    def items(self, obj):
        return obj.articles().prefetch_related("tags")[:FEED_LENGTH]

    def item_title(self, item) -> str:
        return item.title

    def item_description(self, item) -> str:
        return item.summary or item.search_description

    def item_link(self, item) -> str:
        return item.url

    def item_pubdate(self, item) -> datetime.datetime:
        published = datetime.datetime.combine(item.date, datetime.time(7, 0))
        return timezone.make_aware(published)

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item) -> list[str]:
        return [tag.name for tag in item.tags.all()]
