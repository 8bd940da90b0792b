"""Public look-up pages (/tra-cuu/…): read-only, GET, no personal data."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from pbgdpl.core.breadcrumbs import trail
from pbgdpl.core.htmx import is_htmx_partial

from . import presentation
from .forms import PenaltyLookupForm
from .models import Violation
from .penalties.lookup import find_violations


def _card(violation: Violation) -> dict:
    from .penalties.amendments import describe

    return {
        "changes": describe(getattr(violation, "changes", [])),
        "violation": violation,
        "fine": presentation.fine_text(violation),
        "organisation_fine": presentation.organisation_fine_text(violation),
        "basis": presentation.legal_basis(violation),
        "document": violation.decree.document,
        "sample": violation.decree.is_sample,
    }


def index(request: HttpRequest) -> HttpResponse:
    return render(request, "lookups/index.html", {"trail": trail(("Tra cứu", ""))})


def penalties(request: HttpRequest) -> HttpResponse:
    form = PenaltyLookupForm(request.GET or None)
    cards, asked, on = [], False, timezone.localdate()
    if form.is_valid():
        on = form.cleaned_data["ngay"] or on
        query = form.cleaned_data["q"].strip()
        if query:
            asked = True
            found = find_violations(query, on=on, vehicle=form.cleaned_data["phuong_tien"],
                                    field=form.cleaned_data["linh_vuc"], limit=10)
            cards = [_card(violation) for violation in found]
    context = {
        "form": form, "cards": cards, "asked": asked, "on": on,
        "trail": trail(("Tra cứu", reverse("lookups:index")), ("Xử phạt vi phạm hành chính", "")),
    }
    template = "lookups/_penalty_results.html" if is_htmx_partial(request) else "lookups/penalties.html"
    return render(request, template, context)


def violation(request: HttpRequest, pk: int) -> HttpResponse:
    found = Violation.objects.public().filter(pk=pk).first()
    if found is None:
        raise Http404
    context = {
        "card": _card(found),
        "trail": trail(("Tra cứu", reverse("lookups:index")), ("Xử phạt vi phạm hành chính", reverse("lookups:penalties")),
                        (presentation.legal_basis(found), "")),
    }
    return render(request, "lookups/violation.html", context)
