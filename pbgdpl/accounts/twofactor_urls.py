"""Two-factor pages, mounted under the admin at ``/quan-tri/xac-thuc/`` (config/urls.py)."""

from django.urls import path

from pbgdpl.accounts import twofactor

app_name = "accounts_2fa"

urlpatterns = [
    path("", twofactor.verify, name="verify"),
    path("cai-dat/", twofactor.enrol, name="enrol"),
    path("ma-khoi-phuc/", twofactor.new_recovery_codes, name="recovery_codes"),
]
