from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "pbgdpl.news"
    label = "news"
