from django.urls import path

from . import feeds, lookup, views

app_name = "qa"

urlpatterns = [
    path("", views.index, name="index"),
    path("gui-cau-hoi/", views.ask, name="ask"),
    path("gui-cau-hoi/da-gui/", views.sent, name="sent"),
    path("goi-y/", views.suggestions, name="suggestions"),
    path("rss/", feeds.LatestAnswersFeed(), name="rss"),
    path("tra-cuu/", lookup.lookup, name="lookup"),
    path("theo-doi/<str:token>/", views.track, name="track"),
    path("theo-doi/<str:token>/thao-tac/", views.track_action, name="track_action"),
    path("<int:pk>/", views.detail, name="detail_short"),
    path("<int:pk>-<slug:slug>/", views.detail, name="detail"),
]
