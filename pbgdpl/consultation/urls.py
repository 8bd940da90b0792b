from django.urls import path

from . import views

app_name = "consultation"

urlpatterns = [
    path("da-gui/", views.sent, name="sent"),
    path("xac-nhan/<str:token>/", views.verify, name="verify"),
    path("<slug:slug>/", views.comment, name="comment"),
    path("<slug:slug>/y-kien/", views.report, name="report"),
]
