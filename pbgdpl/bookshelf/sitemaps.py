"""sitemap.xml sections of the bookshelf: books (every chapter), podcast episodes, audiobooks."""

from django.contrib.sitemaps import Sitemap

from pbgdpl.core.pagecache.deps import record

from . import selectors
from .models import BookSection, Episode
from .pagecache_tags import LIBRARY_TAG


class ChapterSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.5

    def items(self):
        record(LIBRARY_TAG)
        return BookSection.objects.filter(book__in=selectors.public_books()).select_related("book").order_by("pk")

    def lastmod(self, item):
        return item.book.updated_at


class EpisodeSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.4

    def items(self):
        record(LIBRARY_TAG)
        return Episode.objects.filter(live=True, show__live=True).exclude(audio="").select_related("show").order_by("pk")

    def lastmod(self, item):
        return item.published_at


class AudiobookSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.4

    def items(self):
        record(LIBRARY_TAG)
        return selectors.public_audiobooks().order_by("pk")


SITEMAPS = {"books": ChapterSitemap, "podcasts": EpisodeSitemap, "audiobooks": AudiobookSitemap}
