"""/quan-tri/thong-bao-theo-doi/: how many confirmed followers each target has, and the digests sent.

Editors need the figures, not the people: addresses are shown masked, and only in the digests list.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .models import Digest, Subscription
from .services import mask_email

PERMISSION = "alerts.view_subscription"


def can_view(user) -> bool:
    return user.is_authenticated and user.has_perm(PERMISSION)


def overview(request: HttpRequest) -> HttpResponse:
    if not can_view(request.user):
        raise PermissionDenied
    targets = (Subscription.objects.values("target_key", "kind")
               .annotate(confirmed=Count("id", filter=Q(confirmed_at__isnull=False)),
                         pending=Count("id", filter=Q(confirmed_at__isnull=True)))
               .order_by("-confirmed", "target_key")[:200])
    # One example row per target gives its label (document number, field name, query).
    examples = {s.target_key: s for s in Subscription.objects.filter(target_key__in=[t["target_key"] for t in targets])
                .select_related("document", "field", "doc_type")}
    rows = [{**t, "label": str(examples[t["target_key"]])} for t in targets]
    digests = Paginator(Digest.objects.all(), 50).get_page(request.GET.get("page"))
    return render(request, "alerts/admin/overview.html", {
        "rows": rows,
        "digests": [{"digest": d, "masked": mask_email(d.email)} for d in digests],
        "page_obj": digests,
    })
