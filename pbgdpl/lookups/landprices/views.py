"""/tra-cuu/gia-dat/: the price of a plot, explained, with the decision it comes from."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from pbgdpl.core.breadcrumbs import trail
from pbgdpl.core.htmx import is_htmx_partial

from ..forms import LandPriceLookupForm
from ..presentation import money
from .lookup import find_prices


def _row(row) -> dict:
    return {"row": row, "prices": [(position, money(price) if price else "—") for position, price in row.prices()]}


def land_prices(request: HttpRequest) -> HttpResponse:
    form = LandPriceLookupForm(request.GET or None)
    answer, asked, on = None, False, timezone.localdate()
    if form.is_valid():
        data = form.cleaned_data
        on = data["ngay"] or on
        if data["xa"] or data["duong"] or data["q"]:
            asked = True
            answer = find_prices(commune=data["xa"], street=data["duong"], question=data["q"], on=on)
    context = {
        "form": form, "asked": asked, "on": on, "answer": answer,
        "rows": [_row(row) for row in answer.rows] if answer else [],
        "history": [_row(row) for row in answer.history] if answer else [],
        "trail": trail(("Tra cứu", reverse("lookups:index")), ("Bảng giá đất", "")),
    }
    template = "lookups/_land_results.html" if is_htmx_partial(request) else "lookups/land_prices.html"
    return render(request, template, context)
