"""Tables of search analytics (imported by ``pbgdpl.search.models`` so Django sees them)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Granularity(models.TextChoices):
    HOUR = "hour", _("giờ")
    DAY = "day", _("ngày")


class SearchQueryStat(models.Model):
    """How many times one query (with one set of filters) was searched in one time bucket."""

    period_start = models.DateTimeField(_("bắt đầu khoảng thời gian"), db_index=True)
    granularity = models.CharField(_("độ chi tiết"), max_length=4, choices=Granularity.choices)
    # Hash of (query, filters): a short unique key instead of an index over long text.
    digest = models.CharField(max_length=40)
    query = models.CharField(_("từ khóa"), max_length=200)
    folded = models.CharField(_("từ khóa không dấu"), max_length=200, db_index=True)
    filters = models.CharField(_("bộ lọc"), max_length=500, blank=True)
    result_count = models.PositiveIntegerField(_("số kết quả"), default=0)
    searches = models.PositiveIntegerField(_("số lượt tìm"), default=0)

    class Meta:
        verbose_name = _("thống kê từ khóa tìm kiếm")
        verbose_name_plural = _("thống kê từ khóa tìm kiếm")
        constraints = [
            models.UniqueConstraint(
                fields=["granularity", "period_start", "digest"], name="search_querystat_bucket_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.query} ({self.searches})"


class SearchClickStat(models.Model):
    """How many times a result was opened from the results of one query in one time bucket."""

    period_start = models.DateTimeField(_("bắt đầu khoảng thời gian"), db_index=True)
    granularity = models.CharField(_("độ chi tiết"), max_length=4, choices=Granularity.choices)
    digest = models.CharField(max_length=40)
    folded = models.CharField(_("từ khóa không dấu"), max_length=200, blank=True)
    target_key = models.CharField(_("mã kết quả"), max_length=200, blank=True)
    target_url = models.CharField(_("đường dẫn"), max_length=500)
    clicks = models.PositiveIntegerField(_("số lượt mở"), default=0)

    class Meta:
        verbose_name = _("thống kê lượt mở kết quả")
        verbose_name_plural = _("thống kê lượt mở kết quả")
        constraints = [
            models.UniqueConstraint(
                fields=["granularity", "period_start", "digest"], name="search_clickstat_bucket_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.target_url} ({self.clicks})"


class SearchPhrase(models.Model):
    """A phrase (folded query) editors took a decision on: ``hidden`` keeps it off the public
    "popular searches" list whatever its counts."""

    folded = models.CharField(_("từ khóa không dấu"), max_length=200, unique=True)
    query = models.CharField(_("từ khóa"), max_length=200)
    hidden = models.BooleanField(_("ẩn khỏi danh sách tìm kiếm phổ biến"), default=False)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    class Meta:
        verbose_name = _("cụm từ tìm kiếm")
        verbose_name_plural = _("cụm từ tìm kiếm")

    def __str__(self) -> str:
        return self.query


class SearchPhraseClient(models.Model):
    """One client searched one phrase on one day: what "popular" counts (people, not searches).

    ``client`` is a hash of the salted client key (``core.ratelimit.client_key``) together with
    the phrase, so rows of different phrases cannot be linked to one visitor, and no address is
    stored. Rows live ``POPULAR_DAYS`` days (``services.purge``).
    """

    day = models.DateField(_("ngày"), db_index=True)
    folded = models.CharField(_("từ khóa không dấu"), max_length=200)
    client = models.CharField(max_length=32)

    class Meta:
        verbose_name = _("người tìm một cụm từ trong ngày")
        verbose_name_plural = _("người tìm một cụm từ trong ngày")
        constraints = [
            models.UniqueConstraint(fields=["day", "folded", "client"], name="search_phraseclient_unique")
        ]

    def __str__(self) -> str:
        return f"{self.day} {self.folded}"
