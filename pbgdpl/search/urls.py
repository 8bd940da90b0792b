from django.urls import path

from pbgdpl.core.feeds import feed_urls

from . import views
from .feeds import SearchResultsFeed

app_name = "search"

urlpatterns = [
    path("", views.search_page, name="search"),
    path("goi-y/", views.suggest_view, name="suggest"),
    path("api/", views.api_view, name="api"),
    path("mo/", views.open_result, name="open"),
    path("opensearch.xml", views.opensearch, name="opensearch"),
    *feed_urls("", SearchResultsFeed, "feed"),  # rss/, atom/, json/ ?q=…
]
