"""sitemap.xml section for policy dialogues: every published session (the archive included)."""

from django.contrib.sitemaps import Sitemap

from pbgdpl.core import pagecache

from .dialogue_models import Dialogue


class DialogueSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.4

    def items(self):
        pagecache.record_list(Dialogue)  # the cached sitemap is purged when a session changes
        return Dialogue.objects.filter(live=True).only("pk", "slug").order_by("pk")


SITEMAPS = {"dialogues": DialogueSitemap}
