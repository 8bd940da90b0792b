from django.urls import path, re_path

from . import views

app_name = "reporting"

urlpatterns = [
    path("bao-cao-vien-phap-luat/", views.reporters, name="reporters"),
    path("hoa-giai-o-co-so/", views.mediation, name="mediation"),
    path("chuan-tiep-can-phap-luat/", views.access, name="access"),
    path("du-lieu-mo/", views.open_data, name="open_data"),
    re_path(r"^du-lieu-mo/(?P<slug>[a-z0-9-]+)\.(?P<fmt>csv|json)$", views.dataset_file, name="dataset"),
    path("du-lieu-mo/<slug:slug>/tu-dien-du-lieu.json", views.data_dictionary, name="dictionary"),
]
