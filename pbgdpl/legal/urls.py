"""Public URLs of the legal registry, mounted at /van-ban/ by config/urls.py.

The named lists and feeds come before ``<slug>/`` so a document can never hide them.
"""

from django.urls import path

from pbgdpl.core.feeds import feed_urls

from . import selectors, views
from .feeds import FieldDocumentsFeed, NewDocumentsFeed, TypeDocumentsFeed

app_name = "legal"

urlpatterns = [
    path("", views.document_index, name="index"),
    *feed_urls("", NewDocumentsFeed),  # rss/, atom/, json/
    *feed_urls("linh-vuc/<slug:slug>/", FieldDocumentsFeed, "field"),
    *feed_urls("loai/<slug:slug>/", TypeDocumentsFeed, "type"),
    *[
        path(f"{slug}/", views.document_list, {"slug": slug}, name="list")
        for slug in selectors.LISTS
    ],
    path("<slug:slug>.json", views.document_json, name="document_json"),
    path("<slug:slug>/", views.document_detail, name="document"),
]

#: Slugs a document must not take (they are pages of their own).
RESERVED_SLUGS = frozenset([*selectors.LISTS, "rss", "atom", "json", "linh-vuc", "loai"])
