from django.urls import path

from . import views

app_name = "lookups"

urlpatterns = [
    path("", views.index, name="index"),
    path("xu-phat/", views.penalties, name="penalties"),
    path("xu-phat/<int:pk>/", views.violation, name="violation"),
    path("gia-dat/", views.land_prices, name="land_prices"),
    path("ban-an/", views.judgments, name="judgments"),
    path("ban-an/<int:pk>/", views.judgment, name="judgment"),
]
