from django.urls import path

from . import views

app_name = "reporting"

urlpatterns = [
    path("bao-cao-vien-phap-luat/", views.reporters, name="reporters"),
    path("hoa-giai-o-co-so/", views.mediation, name="mediation"),
    path("chuan-tiep-can-phap-luat/", views.access, name="access"),
]
