"""sitemap.xml section: published contests, their rounds and practice quizzes."""

from django.contrib.sitemaps import Sitemap

from .models import Contest, PracticeQuiz, Round


class ContestSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.5

    def items(self):
        return list(Contest.objects.filter(is_published=True).order_by("pk")) + list(
            Round.objects.filter(contest__is_published=True).select_related("contest").order_by("pk"))


class PracticeSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.4

    def items(self):
        return PracticeQuiz.objects.filter(is_published=True).order_by("pk")


SITEMAPS = {"contests": ContestSitemap, "practice": PracticeSitemap}
