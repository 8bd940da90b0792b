"""Make articles and section pages searchable through the search app's registry.

Registered from ``NewsConfig.ready()``; the core app imports no other app, so the section
pages' source lives here too.
"""

from __future__ import annotations

from django.utils.html import strip_tags
from wagtail.models import Page

from pbgdpl.core.models import SectionPage
from pbgdpl.search.registry import SearchEntry, SearchSource
from pbgdpl.search.services import mark_changed

from .blocks import body_plain_text
from .models import ArticlePage


def _is_public(page: Page) -> bool:
    return page.live and not page.get_view_restrictions().exists()


class ArticleSource(SearchSource):
    """One entry per public article (kind ``news``), with its section and tags as facets."""

    label = "news.ArticlePage"

    def entries_for(self, pk) -> list[SearchEntry]:
        page = ArticlePage.objects.filter(pk=pk).select_related("lead_image").first()
        if page is None or not _is_public(page):
            return []
        parent = page.get_parent()
        body = "\n".join(part for part in (page.summary, body_plain_text(page.body)) if part)
        facets = {
            "section": [parent.title] if parent else [],
            "tag": [tag.name for tag in page.tags.all()],
            "year": [str(page.date.year)],
        }
        return [_page_entry(self.label, page, kind="news", body=body, date=page.date, facets=facets)]

    def all_pks(self):
        return ArticlePage.objects.live().values_list("pk", flat=True)


class SectionPageSource(SearchSource):
    """One entry per public section page (kind ``page``)."""

    label = "core.SectionPage"

    def entries_for(self, pk) -> list[SearchEntry]:
        page = SectionPage.objects.filter(pk=pk).first()
        if page is None or not _is_public(page):
            return []
        body = "\n".join(part for part in (page.intro, strip_tags(page.body)) if part)
        date = page.last_published_at.date() if page.last_published_at else None
        return [_page_entry(self.label, page, kind="page", body=body, date=date)]

    def all_pks(self):
        return SectionPage.objects.live().values_list("pk", flat=True)


def _page_entry(label: str, page, *, kind: str, body: str, date, facets: dict | None = None) -> SearchEntry:
    """The one search entry of a public page: its key, title and URL come from the page."""
    return SearchEntry(
        key=f"{label}:{page.pk}", kind=kind, title=page.title, body=body, url=page.url or "", date=date,
        facets=facets or {},
    )


SOURCES = {ArticlePage: ArticleSource(), SectionPage: SectionPageSource()}


def queue_for_search(instance) -> None:
    """Write the search outbox entry for a page of a registered type (no-op for others)."""
    source = SOURCES.get(type(instance))
    if source is None:
        return
    # Signals fire inside the publishing transaction, so the outbox row and the page agree.
    mark_changed(source.label, instance.pk)


def on_page_changed(sender, instance, **kwargs) -> None:
    """Receiver for page_published / page_unpublished / post_delete."""
    queue_for_search(instance)
