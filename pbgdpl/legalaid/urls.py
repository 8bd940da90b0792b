from django.urls import path

from . import views

app_name = "legalaid"

urlpatterns = [
    path("", views.index, name="index"),
    path("gui-yeu-cau/", views.request_form, name="request"),
    path("gui-yeu-cau/da-gui/", views.sent, name="sent"),
    path("theo-doi/<str:token>/", views.track, name="track"),
    path("theo-doi/<str:token>/thao-tac/", views.track_action, name="track_action"),
]
