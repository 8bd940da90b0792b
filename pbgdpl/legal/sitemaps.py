"""Sitemap entries of the legal registry: every public document, the listing and the lists."""

from __future__ import annotations

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from pbgdpl.core import pagecache

from . import selectors
from .models import LegalDocument


class LegalDocumentSitemap(Sitemap):
    """Every published document (drafts for comment included: they are public pages)."""

    changefreq = "weekly"
    limit = 5000

    def items(self):
        pagecache.record_list(LegalDocument)
        return selectors.public_documents().only("slug", "updated_at").order_by("pk")

    def location(self, item) -> str:
        return item.get_absolute_url()

    def lastmod(self, item):
        return item.updated_at


class LegalListSitemap(Sitemap):
    """/van-ban/ and its named lists."""

    changefreq = "daily"

    def items(self) -> list[str]:
        return ["index", *selectors.LISTS]

    def location(self, item: str) -> str:
        if item == "index":
            return reverse("legal:index")
        return reverse("legal:list", kwargs={"slug": item})


SITEMAPS = {"van-ban": LegalDocumentSitemap, "van-ban-danh-sach": LegalListSitemap}
