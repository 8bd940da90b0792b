"""sitemap.xml section of the published Q&As."""

from django.contrib.sitemaps import Sitemap

from pbgdpl.core import pagecache

from .models import Question


class QuestionSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.5
    limit = 5000

    def items(self):
        pagecache.record_list(Question)
        return Question.objects.published().only("pk", "slug", "updated_at").order_by("pk")

    def lastmod(self, item):
        return item.updated_at


SITEMAPS = {"qa": QuestionSitemap}
