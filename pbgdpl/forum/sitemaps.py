"""sitemap.xml section of the forum: threads of public categories only."""

from django.contrib.sitemaps import Sitemap

from pbgdpl.core import pagecache

from .models import Thread


class ForumThreadSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.3
    limit = 5000

    def items(self):
        pagecache.record_list(Thread)
        return Thread.objects.public().only("pk", "last_post_at").order_by("pk")

    def lastmod(self, item):
        return item.last_post_at


SITEMAPS = {"forum": ForumThreadSitemap}
