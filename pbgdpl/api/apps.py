from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "pbgdpl.api"
    label = "api"
    verbose_name = "API dữ liệu mở"

    def ready(self) -> None:
        from pbgdpl.accounts.roles import ADMINISTRATOR, grant_model_permissions
        from pbgdpl.core.pagecache.policy import exclude_prefix

        from .registry import register_router

        # The API has its own ETag/304 and per-client limits: the shared page cache must not bypass them.
        exclude_prefix("/api/")
        # The open datasets (registries, statistics) of every app, through the core registry.
        register_router("datasets", "pbgdpl.api.datasets:router", tag="Dữ liệu mở")

        # Partner keys are issued by administrators only: a key opens higher rate limits and scopes.
        grant_model_permissions(ADMINISTRATOR, ["api.view_apikey", "api.add_apikey", "api.change_apikey",
                                                "api.delete_apikey"])
