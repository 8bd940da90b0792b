from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "pbgdpl.search"
    label = "search"
