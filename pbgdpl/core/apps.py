from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "pbgdpl.core"
    label = "core"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from . import checks  # noqa: F401  (registers the system checks)
        from .cache_table import create_cache_table
        from .setup_steps import register_setup_step
        from .site_address import sync_default_site

        post_migrate.connect(create_cache_table, sender=self)
        register_setup_step("site-address", sync_default_site, order=0)
