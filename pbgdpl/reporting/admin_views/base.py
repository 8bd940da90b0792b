"""What every reporting screen in the admin shares: the access gate and the objects in the URL."""

from __future__ import annotations

import logging

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .. import selectors
from ..models import ReportingPeriod, Unit

log = logging.getLogger("pbgdpl.reporting.access")


def refuse(request, what: str, pk: object) -> None:
    """Log a refused attempt (who, what — no personal data) and answer 403."""
    log.warning("Reporting: user %s refused %s %s (%s)", request.user.pk, what, pk, request.path)
    raise PermissionDenied


class ReportingMixin(WagtailAdminTemplateMixin):
    header_icon = "table"

    def dispatch(self, request, *args, **kwargs):
        if not selectors.can_use_reporting(request.user):
            refuse(request, "reporting", "-")
        if "period" in kwargs:
            self.period = get_object_or_404(ReportingPeriod.objects.select_related("form"), pk=kwargs["period"])
        if "unit" in kwargs:
            self.unit = get_object_or_404(Unit, pk=kwargs["unit"])
            if not selectors.can_view(request.user, self.unit):
                refuse(request, "unit", self.unit.pk)
            if "period" in kwargs and self.unit.kind not in (self.period.form.unit_kinds or []):
                raise Http404("This unit does not file this form.")
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        items = self.breadcrumbs_items + [{"url": reverse("reporting_admin:home"), "label": _("Báo cáo thống kê")}]
        if self.page_title != _("Báo cáo thống kê"):
            items.append({"url": "", "label": self.page_title})
        return items
