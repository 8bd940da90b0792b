from django.urls import path

from . import views

app_name = "alerts"

urlpatterns = [
    path("", views.follow, name="follow"),
    path("da-gui/", views.sent, name="sent"),
    path("xac-nhan/<str:token>/", views.confirm, name="confirm"),
    path("huy/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("quan-ly/<str:token>/", views.manage, name="manage"),
]
