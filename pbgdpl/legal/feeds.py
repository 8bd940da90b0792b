"""Feeds of newly issued public documents: all (/van-ban/rss/, atom/, json/), per field
(/van-ban/linh-vuc/<slug>/…) and per document type (/van-ban/loai/<slug>/…).

Written once as Django syndication feeds; :mod:`pbgdpl.core.feeds` serves each in the three formats.
"""

from __future__ import annotations

import datetime

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import selectors
from .models import DocumentType, Field, LegalDocument

FEED_LENGTH = 30


class NewDocumentsFeed(Feed):
    """The newest enacted public documents by issue date (drafts and unpublished never appear)."""

    language = "vi"
    title = _("Văn bản pháp luật mới")
    description = _("Văn bản quy phạm pháp luật mới được đăng trên cổng thông tin.")

    def link(self) -> str:
        return reverse("legal:index")

    def items(self) -> list[LegalDocument]:
        return selectors.latest_documents(FEED_LENGTH)

    def item_title(self, item: LegalDocument) -> str:
        return str(item)

    def item_description(self, item: LegalDocument) -> str:
        parts = [item.doc_type.name, item.issuer.name]
        if item.issued_on:
            parts.append(_("ban hành ngày %(date)s") % {"date": item.issued_on.strftime("%d/%m/%Y")})
        summary = f"{item.summary}" if item.summary else ""
        return " · ".join(str(part) for part in parts) + (f". {summary}" if summary else "")

    def item_link(self, item: LegalDocument) -> str:
        return item.get_absolute_url()

    def item_guid(self, item: LegalDocument) -> str:
        return f"legal-document-{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item: LegalDocument) -> datetime.datetime:
        if item.issued_on:
            return timezone.make_aware(datetime.datetime.combine(item.issued_on, datetime.time(7, 0)))
        return item.created_at

    def item_updateddate(self, item: LegalDocument) -> datetime.datetime:
        return item.updated_at

    def item_categories(self, item: LegalDocument) -> list[str]:
        return [item.doc_type.name]


class FieldDocumentsFeed(NewDocumentsFeed):
    """The newest enacted public documents of one field (lĩnh vực)."""

    vocabulary = Field
    filter_name = "field_slug"

    def get_object(self, request, slug: str):
        found = self.vocabulary.objects.filter(slug=slug).first()
        if found is None:
            raise Http404
        return found

    def title(self, obj) -> str:
        return _("Văn bản pháp luật mới – %(name)s") % {"name": obj.name}

    def description(self, obj) -> str:
        return _("Văn bản quy phạm pháp luật mới thuộc “%(name)s”.") % {"name": obj.name}

    def link(self, obj) -> str:
        key = "linh_vuc" if self.vocabulary is Field else "loai"
        return f"{reverse('legal:index')}?{key}={obj.slug}"

    def items(self, obj) -> list[LegalDocument]:
        return selectors.latest_documents(FEED_LENGTH, **{self.filter_name: obj.slug})


class TypeDocumentsFeed(FieldDocumentsFeed):
    """The newest enacted public documents of one document type (Nghị quyết, Quyết định…)."""

    vocabulary = DocumentType
    filter_name = "type_slug"
