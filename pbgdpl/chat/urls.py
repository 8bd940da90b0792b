from django.urls import path

from . import views

app_name = "chat"

urlpatterns = [
    path("gui/", views.send_frame, name="send"),
    path("nhan/", views.poll, name="poll"),
]
