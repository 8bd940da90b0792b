"""Public materials, videos, infographics and courses for /sitemap.xml."""

from django.contrib.sitemaps import Sitemap

from .models import Course, Infographic, Material, Video


class _PublishedSitemap(Sitemap):
    model = None
    changefreq = "monthly"

    def items(self):
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
