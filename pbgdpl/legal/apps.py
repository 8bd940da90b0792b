from django.apps import AppConfig


class LegalConfig(AppConfig):
    name = "pbgdpl.legal"
    label = "legal"
