from django.urls import path

from . import views

app_name = "search"

urlpatterns = [
    path("", views.search_page, name="search"),
    path("goi-y/", views.suggest_view, name="suggest"),
    path("api/", views.api_view, name="api"),
    path("mo/", views.open_result, name="open"),
    path("opensearch.xml", views.opensearch, name="opensearch"),
]
