"""RSS 2.0 and Atom feeds of newly issued public documents (/van-ban/rss/, /van-ban/atom/)."""

from __future__ import annotations

import datetime

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext_lazy as _

from . import selectors
from .models import LegalDocument

FEED_LENGTH = 30


class NewDocumentsFeed(Feed):
    """The newest enacted public documents by issue date (drafts and unpublished never appear)."""

    feed_type = Rss201rev2Feed
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


class NewDocumentsAtomFeed(NewDocumentsFeed):
    feed_type = Atom1Feed
    subtitle = NewDocumentsFeed.description
