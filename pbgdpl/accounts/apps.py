from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "pbgdpl.accounts"
    label = "accounts"
