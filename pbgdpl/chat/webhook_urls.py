from django.urls import path

from . import views

urlpatterns = [
    path("zalo/", views.zalo_webhook, name="chat_zalo_webhook"),
    path("messenger/", views.messenger_webhook, name="chat_messenger_webhook"),
]
