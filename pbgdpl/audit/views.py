"""The audit log for administrators: /quan-tri/nhat-ky-thao-tac/ (filter by user, object type, action, dates)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from pbgdpl.accounts.roles import ADMINISTRATOR
from pbgdpl.core.dates import parse_date

from .models import AuditEntry


def can_view(user) -> bool:
    return user.is_authenticated and (user.is_superuser or user.groups.filter(name=ADMINISTRATOR).exists())


def audit_log(request: HttpRequest) -> HttpResponse:
    if not can_view(request.user):
        raise PermissionDenied
    params = request.GET
    entries = AuditEntry.objects.all()
    if params.get("user", "").strip():
        entries = entries.filter(username__icontains=params["user"].strip())
    if params.get("model", "").strip():
        entries = entries.filter(model__icontains=params["model"].strip())
    if params.get("action") in AuditEntry.Action.values:
        entries = entries.filter(action=params["action"])
    if params.get("ip", "").strip():
        entries = entries.filter(ip_address__startswith=params["ip"].strip())
    errors = []
    for key, lookup in (("from", "at__date__gte"), ("to", "at__date__lte")):
        raw = params.get(key, "").strip()
        if raw:
            day = parse_date(raw)
            if day is None:
                errors.append(_("Ngày “%(value)s” không hợp lệ (dd/mm/yyyy).") % {"value": raw})
            else:
                entries = entries.filter(**{lookup: day})
    page = Paginator(entries, 50).get_page(params.get("page"))
    query = params.copy()
    query.pop("page", None)
    return render(request, "audit/log.html", {
        "page_obj": page, "params": params, "errors": errors, "actions": AuditEntry.Action.choices,
        "query": query.urlencode(),
    })
