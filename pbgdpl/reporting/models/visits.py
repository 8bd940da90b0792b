"""Cookieless visit statistics (what the Ministry's survey asks for: views and visitors per day,
section and page, referrers, devices).

A visitor is a hash of the client address and browser with a random salt that lives one day in the
shared cache and is then forgotten, so no address is stored and yesterday's hashes cannot be
recomputed. Raw :class:`PageView` rows keep that hash only until the nightly roll-up into
:class:`DailyVisits`, which has counts only.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class PageView(models.Model):
    day = models.DateField(db_index=True)
    path = models.CharField(max_length=300)
    section = models.CharField(max_length=100)
    referrer_host = models.CharField(max_length=200, blank=True)
    device = models.CharField(max_length=10)
    visitor = models.CharField(max_length=32)
    # Identical views (same page, visitor, device and referrer) flushed together are one row.
    views = models.PositiveIntegerField(default=1)


class DailyVisits(models.Model):
    """Counts for one day and one page (``path``); a row with path "" holds the whole site's visitors."""

    day = models.DateField(_("ngày"), db_index=True)
    path = models.CharField(_("trang"), max_length=300, blank=True)
    section = models.CharField(_("chuyên mục"), max_length=100, blank=True)
    views = models.PositiveIntegerField(_("lượt xem"), default=0)
    visitors = models.PositiveIntegerField(_("người truy cập"), default=0)
    # {"mobile": n, "desktop": n, "tablet": n} and {"host": n}: small, only for the whole-site row.
    devices = models.JSONField(default=dict, blank=True)
    referrers = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("thống kê truy cập theo ngày")
        verbose_name_plural = _("thống kê truy cập theo ngày")
        constraints = [models.UniqueConstraint(fields=["day", "path"], name="reporting_daily_visits_once")]
