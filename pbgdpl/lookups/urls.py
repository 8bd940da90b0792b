from django.urls import path

from . import views
from .judgments import views as judgment_views
from .landprices import views as land_views

app_name = "lookups"

urlpatterns = [
    path("", views.index, name="index"),
    path("xu-phat/", views.penalties, name="penalties"),
    path("xu-phat/<int:pk>/", views.violation, name="violation"),
    path("gia-dat/", land_views.land_prices, name="land_prices"),
    path("ban-an/", judgment_views.judgments, name="judgments"),
    path("ban-an/<int:pk>/", judgment_views.judgment, name="judgment"),
]
