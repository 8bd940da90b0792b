"""Public materials, videos, infographics and courses for /sitemap.xml."""

from django.contrib.sitemaps import Sitemap

from pbgdpl.core import pagecache

from .models import Course, Infographic, Material, Video


class _PublishedSitemap(Sitemap):
    model = None
    changefreq = "monthly"

    def items(self):
        pagecache.record_list(self.model)  # the cached sitemap is purged when an item appears or goes
        return self.model.objects.published().order_by("pk")

    def lastmod(self, item):
        return item.updated_at


class MaterialSitemap(_PublishedSitemap):
    model = Material


class VideoSitemap(_PublishedSitemap):
    model = Video


class InfographicSitemap(_PublishedSitemap):
    model = Infographic


class CourseSitemap(_PublishedSitemap):
    model = Course


SITEMAPS = {"materials": MaterialSitemap, "videos": VideoSitemap, "infographics": InfographicSitemap,
            "courses": CourseSitemap}
