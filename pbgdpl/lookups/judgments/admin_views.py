"""Admin: propose masks for the people named in a judgment, let the editor confirm them, apply them."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse

from ..models import Judgment
from .masking import apply_masks, propose_masks

FIELDS = ("title", "summary", "text")


def mask_view(request: HttpRequest, pk: int) -> HttpResponse:
    if not request.user.has_perm("lookups.change_judgment"):
        raise PermissionDenied
    judgment = get_object_or_404(Judgment, pk=pk)
    combined = "\n".join(getattr(judgment, name) for name in FIELDS)
    proposals = propose_masks(combined)
    if request.method == "POST":
        masks = {}
        for index, proposal in enumerate(proposals):
            if request.POST.get(f"confirm-{index}"):
                letter = (request.POST.get(f"letter-{index}") or proposal.replacement).strip()[:10]
                masks[proposal.name] = letter or proposal.replacement
        for name in FIELDS:
            setattr(judgment, name, apply_masks(getattr(judgment, name), masks))
        judgment.save()
        messages.success(request, f"Đã che {len(masks)} tên.")
        return redirect("lookups_judgments:edit", judgment.pk)
    return TemplateResponse(request, "lookups/admin/judgment_mask.html", {"judgment": judgment, "proposals": proposals})
