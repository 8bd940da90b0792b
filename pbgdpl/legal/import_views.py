"""Admin screens to import legal documents from files, without a terminal.

Upload (one or more DOCX/PDF/TXT/CSV files) → the worker reads each file → the batch page shows
progress, then each file's guessed metadata, article tree and parser warnings → the editor
corrects the metadata and saves a draft. Writes go through ``importing.uploads`` (the importer of
``manage.py import_documents``). Only staff who may add documents get here.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .import_forms import DocumentMetadataForm, UploadForm
from .importing import uploads
from .models import ImportBatch, ImportItem

PERMISSION = "legal.add_legaldocument"
#: Seconds between refreshes of a batch page while files are still being read.
REFRESH_SECONDS = 3


def can_import(user) -> bool:
    return user.has_perm(PERMISSION)


class ImportMixin(WagtailAdminTemplateMixin):
    header_icon = "upload"

    def dispatch(self, request, *args, **kwargs):
        if not can_import(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        items = self.breadcrumbs_items + [
            {"url": reverse("wagtailsnippets_legal_legaldocument:list"), "label": _("Văn bản pháp luật")},
            {"url": reverse("legal_import:upload"), "label": _("Nhập văn bản từ tệp")},
        ]
        if self.page_title != UploadView.page_title:
            items.append({"url": "", "label": self.page_title})
        return items


class UploadView(ImportMixin, FormView):
    template_name = "legal/admin/import_upload.html"
    page_title = gettext_lazy("Nhập văn bản từ tệp")
    form_class = UploadForm

    def get_context_data(self, **kwargs):
        batches = ImportBatch.objects.filter(created_by=self.request.user).prefetch_related("items")[:10]
        return super().get_context_data(recent=batches, **kwargs)

    def form_valid(self, form):
        batch = uploads.create_batch(form.cleaned_data["files"], self.request.user)
        return HttpResponseRedirect(reverse("legal_import:batch", args=[batch.pk]))


def _own_batch(request, pk: int) -> ImportBatch:
    batch = get_object_or_404(ImportBatch, pk=pk)
    if batch.created_by_id != request.user.pk and not request.user.is_superuser:
        raise PermissionDenied
    return batch


class BatchView(ImportMixin, TemplateView):
    template_name = "legal/admin/import_batch.html"
    page_title = gettext_lazy("Tệp đã tải lên")

    def get_context_data(self, **kwargs):
        batch = _own_batch(self.request, kwargs["pk"])
        done, total = batch.progress()
        return super().get_context_data(
            batch=batch, items=batch.items.select_related("document"), done=done, total=total,
            pending=done < total, refresh_seconds=REFRESH_SECONDS, **kwargs,
        )


class ItemView(ImportMixin, FormView):
    """One file: what was read, and the metadata form that saves it as a draft."""

    template_name = "legal/admin/import_item.html"
    form_class = DocumentMetadataForm

    def dispatch(self, request, *args, **kwargs):
        if not can_import(request.user):
            raise PermissionDenied
        self.item = get_object_or_404(ImportItem.objects.select_related("batch", "document"), pk=kwargs["pk"])
        _own_batch(request, self.item.batch_id)
        return super().dispatch(request, *args, **kwargs)

    @property
    def page_title(self):
        return self.item.original_name

    def get_initial(self):
        return DocumentMetadataForm.initial_from(self.item.metadata or {})

    def get_context_data(self, **kwargs):
        item = self.item
        outline = Paginator(item.outline or [], 400).get_page(self.request.GET.get("trang") or 1)
        articles = sum(1 for entry in item.outline or [] if entry["kind"] == "article")
        return super().get_context_data(
            item=item, outline=outline, article_count=articles,
            batch_url=reverse("legal_import:batch", args=[item.batch_id]), **kwargs,
        )

    def post(self, request, *args, **kwargs):
        item = self.item
        if item.status not in (ImportItem.Status.READY,):
            messages.error(request, _("Tệp này chưa đọc xong hoặc đã được lưu."))
            return HttpResponseRedirect(request.path)
        if item.is_csv:
            _document, notes = uploads.save_csv_item(item)
            return self._report(item, notes)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        _document, notes = uploads.save_item(self.item, form.cleaned_data, self.request.user)
        if self.item.status != ImportItem.Status.SAVED:
            for note in notes:
                form.add_error(None, note)
            return self.form_invalid(form)
        return self._report(self.item, notes)

    def _report(self, item, notes):
        if item.status == ImportItem.Status.SAVED:
            messages.success(self.request, _("Đã lưu bản nháp từ “%(name)s”. %(notes)s") % {
                "name": item.original_name, "notes": " ".join(notes)})
        else:
            messages.error(self.request, " ".join(notes) or _("Không lưu được."))
        return HttpResponseRedirect(reverse("legal_import:batch", args=[item.batch_id]))


urlpatterns = (
    [
        path("", UploadView.as_view(), name="upload"),
        path("lan/<int:pk>/", BatchView.as_view(), name="batch"),
        path("tep/<int:pk>/", ItemView.as_view(), name="item"),
    ],
    "legal_import",
)
