from django.urls import path

from pbgdpl.core.feeds import feed_urls

from . import feeds, lookup, views

app_name = "qa"

urlpatterns = [
    path("", views.index, name="index"),
    path("gui-cau-hoi/", views.ask, name="ask"),
    path("gui-cau-hoi/da-gui/", views.sent, name="sent"),
    path("goi-y/", views.suggestions, name="suggestions"),
    *feed_urls("", feeds.LatestAnswersFeed),  # rss/, atom/, json/
    *feed_urls("linh-vuc/<slug:slug>/", feeds.FieldAnswersFeed, "field"),
    path("tra-cuu/", lookup.lookup, name="lookup"),
    path("theo-doi/<str:token>/", views.track, name="track"),
    path("theo-doi/<str:token>/thao-tac/", views.track_action, name="track_action"),
    path("<int:pk>/", views.detail, name="detail_short"),
    path("<int:pk>-<slug:slug>/", views.detail, name="detail"),
]
