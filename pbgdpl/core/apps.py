from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "pbgdpl.core"
    label = "core"
